import RuleKit

/// One encoded recommendation of the rule base: when it applies, how it scores, and what it says.
///
/// Immutable, and a class: every roadmap refers to each recommendation once or twice (item or left out), and a
/// reference costs one reference count where copying these twenty fields cost twenty — that was a quarter of
/// the planner's time.
public final class Recommendation: Sendable, Identifiable {
    public let id: String
    public let title: String
    /// Other titles for some territories (`autres titres:` `- [si healthReferent] Donner à l'élu référent…`): the
    /// first whose condition holds replaces `title`, so that a title never contradicts what the profile says.
    public let titleVariants: [ConditionalText]
    public let lever: String
    public let condition: Condition
    /// The condition as written in its file, to map a position in the condition to its line and column.
    public let conditionText: LocatedText
    public let priority: Int
    public let boosts: [Boost]
    public let horizon: Horizon
    public let effort: Effort
    /// Who carries it: the commune, the intercommunality, the body the profile describes, or a partner.
    public let carrier: Carrier
    /// For an action carried by partners, who they are (« les professionnels de santé du bassin de vie »).
    public let carriedBy: String?
    /// Other carriers for some territories (`autres porteurs:` `- [si centre-de-sante-de-la-collectivite] territoire`):
    /// the first whose condition holds replaces `carrier` and `carriedBy` — on the card, and for the level of
    /// government the planner checks (`carrier(for:)`).
    public let carrierVariants: [ConditionalCarrier]
    /// What it costs the territory, in order of magnitude, when known.
    public let costRange: CostRange?
    /// Other costs for some territories (`autres coûts:` `- [si kind == 'commune' and not ccas-obligatoire] faible`):
    /// the first whose condition holds replaces `costRange` — where an association or the mobility authority carries
    /// a transport service, the small commune's share is small (`costRange(for:)`).
    public let costVariants: [Conditional<CostRange>]
    /// How strong the evidence is that it works, when the rule base says.
    public let evidenceLevel: EvidenceLevel?
    /// Its expected effect on social inequalities in health, when the rule base says.
    public let inequalityEffect: InequalityEffect?
    /// Other effects for some territories (`autres effets sur les inégalités:` `- [si qpv] reduit`): the first whose
    /// condition holds replaces `inequalityEffect` (a schoolyard is « neutre » in general, « reduit » in a QPV).
    public let inequalityVariants: [Conditional<InequalityEffect>]
    /// When it must be ready by, if it has a deadline.
    public let deadline: Deadline?
    /// The situation in which the deadline holds (`échéance: [si gpDepartures] mi-mandat : …`): where it does not,
    /// the action has no deadline and merit alone places it. Nil: the deadline always holds.
    public let deadlineCondition: Condition?
    /// The deadline's condition as written, for the rule-base export.
    public let deadlineConditionText: LocatedText?
    /// The situation that makes its first step pressing now (`dès maintenant: [si centreSanteSituation == 'deficit']
    /// raison`): where it holds, the action placed after the first months starts there with its first step, the
    /// rest in its own phase (`RoadmapWording.startsNow`). Nil: it starts with its phase.
    public let startNow: StartNow?
    /// How page 1 names it in a few words when a decision comes after it and it is not itself among the decisions
    /// (`titre court: le diagnostic local de santé partagé`): « après le diagnostic local de santé partagé (action 5) ».
    public let shortTitle: String?
    /// A founding decision of the mandate (a health referent, a steering pair): placed before anything else.
    public let isFoundation: Bool
    /// The team priorities (values of the `priorities` fact) it serves.
    public let serves: [String]
    /// Ordering only: these come first when both are in the roadmap; absent, they are to do first or done.
    public let after: [String]
    /// Placed in the same phase as these when both are in the roadmap (a coordinator with the CLS it runs).
    public let together: [String]
    public let replaces: [String]
    public let excludes: [String]
    /// Warnings shown with the action when their condition holds.
    public let cautions: [Caution]
    public let why: String
    public let steps: [ConditionalText]
    public let partners: [ConditionalText]
    public let funding: [ConditionalText]
    public let examples: [Example]
    /// `## Repères`: facts of the register (`Rules/facts.json`), or an older free paragraph.
    public let evidence: Evidence?
    /// The facts of `evidence` printed only for some territories (`- [si condition] identifiant`), by id: a figure
    /// for winter resorts is not printed to a seaside one, a mainland figure not to an overseas territory.
    public let factConditions: [String: Condition]
    public let sources: [SourceReference]
    /// The condition of each line of `sources`, in the same order (`- [si condition] document : section`), nil for a
    /// source cited everywhere; empty when no line has one. A document that only a conditional step, partner or
    /// funding line uses is listed only where that line is printed.
    public let sourceConditions: [Condition?]
    public let indicators: [String]
    /// Where the recommendation is written, for diagnostics and for the catalogue.
    public let file: String
    public let location: SourceLocation

    public init(id: String, title: String, lever: String, condition: Condition, conditionText: LocatedText, priority: Int,
                boosts: [Boost], horizon: Horizon, effort: Effort, carrier: Carrier, carriedBy: String? = nil, costRange: CostRange? = nil,
                evidenceLevel: EvidenceLevel? = nil, inequalityEffect: InequalityEffect? = nil,
                deadline: Deadline? = nil, deadlineCondition: Condition? = nil, deadlineConditionText: LocatedText? = nil,
                startNow: StartNow? = nil, shortTitle: String? = nil, isFoundation: Bool = false, serves: [String] = [], after: [String],
                together: [String] = [], replaces: [String], excludes: [String], cautions: [Caution] = [], why: String,
                steps: [ConditionalText], partners: [ConditionalText], funding: [ConditionalText], examples: [Example],
                evidence: Evidence?, factConditions: [String: Condition] = [:], sources: [SourceReference], indicators: [String],
                file: String, location: SourceLocation, titleVariants: [ConditionalText] = [],
                inequalityVariants: [Conditional<InequalityEffect>] = [], carrierVariants: [ConditionalCarrier] = [],
                sourceConditions: [Condition?] = [], costVariants: [Conditional<CostRange>] = []) {
        self.id = id
        self.title = title
        self.titleVariants = titleVariants
        self.lever = lever
        self.condition = condition
        self.conditionText = conditionText
        self.priority = priority
        self.boosts = boosts
        self.horizon = horizon
        self.effort = effort
        self.carrier = carrier
        self.carriedBy = carriedBy
        self.carrierVariants = carrierVariants
        self.costRange = costRange
        self.costVariants = costVariants
        self.evidenceLevel = evidenceLevel
        self.inequalityEffect = inequalityEffect
        self.inequalityVariants = inequalityVariants
        self.deadline = deadline
        self.deadlineCondition = deadlineCondition
        self.deadlineConditionText = deadlineConditionText
        self.startNow = startNow
        self.shortTitle = shortTitle
        self.isFoundation = isFoundation
        self.serves = serves
        self.after = after
        self.together = together
        self.replaces = replaces
        self.excludes = excludes
        self.cautions = cautions
        self.why = why
        self.steps = steps
        self.partners = partners
        self.funding = funding
        self.examples = examples
        self.evidence = evidence
        self.factConditions = factConditions
        self.sources = sources
        self.sourceConditions = sourceConditions
        self.indicators = indicators
        self.file = file
        self.location = location
    }

    /// Its title for a territory: the first variant whose condition holds, or the title.
    public func title(for facts: FactValues) -> String {
        titleVariants.first { $0.holds(for: facts) }?.text ?? title
    }

    /// Who carries it for a territory: the first variant whose condition holds, or `carrier` and `carriedBy`.
    public func carrier(for facts: FactValues) -> (carrier: Carrier, carriedBy: String?) {
        guard let variant = carrierVariants.first(where: { $0.condition.evaluate(facts) == .true }) else { return (carrier, carriedBy) }
        return (variant.carrier, variant.carriedBy)
    }

    /// Its effect on inequalities for a territory: the first variant whose condition holds, or `inequalityEffect`.
    public func inequalityEffect(for facts: FactValues) -> InequalityEffect? {
        inequalityVariants.first { $0.condition.evaluate(facts) == .true }?.value ?? inequalityEffect
    }

    /// What it costs a territory: the first variant whose condition holds, or `costRange`.
    public func costRange(for facts: FactValues) -> CostRange? {
        costVariants.first { $0.condition.evaluate(facts) == .true }?.value ?? costRange
    }

    /// The condition of the source line at `index`, nil when it is cited everywhere.
    public func sourceCondition(at index: Int) -> Condition? {
        sourceConditions.indices.contains(index) ? sourceConditions[index] : nil
    }

    /// The sources cited for these facts: the lines without a condition, and those whose condition holds.
    public func sources(for facts: FactValues) -> [SourceReference] {
        sources.indices.filter { sourceCondition(at: $0).map { $0.evaluate(facts) == .true } ?? true }.map { sources[$0] }
    }

    /// Whether the fact `id` of its `## Repères` is printed for these facts: no condition, or one that holds.
    public func prints(fact id: String, for facts: FactValues) -> Bool {
        factConditions[id].map { $0.evaluate(facts) == .true } ?? true
    }

    /// The same recommendation in objects of its own, for a planner of its own (see `Planner.replica`).
    package func replica() -> Recommendation {
        copy(boosts: boosts.map { Boost(condition: $0.condition, conditionText: $0.conditionText, points: $0.points, reason: $0.reason, name: $0.name, supports: $0.supports) })
    }

    /// The same recommendation under another id, with its relations renamed: the benchmark's larger rule bases.
    package func renamed(_ rename: (String) -> String) -> Recommendation {
        copy(id: rename(id), after: after.map(rename), together: together.map(rename), replaces: replaces.map(rename),
             excludes: excludes.map(rename))
    }

    /// This recommendation with the given fields replaced.
    private func copy(id: String? = nil, boosts: [Boost]? = nil, after: [String]? = nil, together: [String]? = nil,
                      replaces: [String]? = nil, excludes: [String]? = nil) -> Recommendation {
        Recommendation(
            id: id ?? self.id, title: title, lever: lever, condition: condition, conditionText: conditionText,
            priority: priority, boosts: boosts ?? self.boosts, horizon: horizon, effort: effort, carrier: carrier, carriedBy: carriedBy, costRange: costRange,
            evidenceLevel: evidenceLevel, inequalityEffect: inequalityEffect,
            deadline: deadline, deadlineCondition: deadlineCondition, deadlineConditionText: deadlineConditionText,
            startNow: startNow, shortTitle: shortTitle, isFoundation: isFoundation, serves: serves, after: after ?? self.after,
            together: together ?? self.together, replaces: replaces ?? self.replaces, excludes: excludes ?? self.excludes,
            cautions: cautions, why: why, steps: steps, partners: partners, funding: funding, examples: examples,
            evidence: evidence, factConditions: factConditions, sources: sources, indicators: indicators, file: file, location: location,
            titleVariants: titleVariants, inequalityVariants: inequalityVariants, carrierVariants: carrierVariants,
            sourceConditions: sourceConditions, costVariants: costVariants)
    }
}

/// A first step pressing now (`dès maintenant:`): the situation where it is, as compiled and as written, and why.
public struct StartNow: Sendable {
    public let condition: Condition
    public let conditionText: String
    /// Why, for the card: « le centre est en déficit : chaque mois sans décision creuse la perte ».
    public let reason: String
    /// The month the window closes, when it does (« l'ANRU engage ses derniers cofinancements d'ici fin 2027 »):
    /// a roadmap starting that month or later has no first step to take now.
    public let before: YearMonth?

    public init(condition: Condition, conditionText: String, reason: String, before: YearMonth? = nil) {
        self.condition = condition
        self.conditionText = conditionText
        self.reason = reason
        self.before = before
    }

    /// Whether the first step is pressing for `facts` on a roadmap that starts in `start`.
    public func holds(for facts: FactValues, startingIn start: YearMonth) -> Bool {
        if let before, !(start < before) { return false }
        return condition.evaluate(facts) == .true
    }
}

/// A value that holds in the territories where `condition` does: a cost (`autres coûts:` `- [si condition] faible`),
/// an effect on inequalities (`autres effets sur les inégalités:` `- [si qpv] reduit`).
public struct Conditional<Value: Sendable>: Sendable {
    public let condition: Condition
    public let value: Value

    public init(condition: Condition, value: Value) {
        self.condition = condition
        self.value = value
    }
}

/// A carrier for the territories where `condition` holds, and for a partner who it is (`autres porteurs:`).
public struct ConditionalCarrier: Sendable {
    public let condition: Condition
    public let carrier: Carrier
    public let carriedBy: String?

    public init(condition: Condition, carrier: Carrier, carriedBy: String? = nil) {
        self.condition = condition
        self.carrier = carrier
        self.carriedBy = carriedBy
    }
}

/// Extra priority under a condition, with the French reason shown in explanations. Immutable and shared, like
/// the recommendation it belongs to: every score of every profile refers to it.
public final class Boost: Sendable {
    public let condition: Condition
    public let conditionText: LocatedText
    public let points: Int
    public let reason: String
    /// The named boost of `definitions.json` it comes from, if any (then `conditionText` is in that file).
    public let name: String?
    /// The recommendation whose work this boost argues from (`(appuie ambroisie-lutte)`: training the green-space
    /// staff against ragweed supports the ragweed action): its reason is said only where the roadmap keeps that
    /// action, so that a card never argues from an action the roadmap does not carry.
    public let supports: LocatedText?
    /// The facts whose value the reason prints (`{withoutGpShare}` in « {withoutGpShare} des habitants sont sans
    /// médecin traitant »), in order; each is read by the condition, so it is known wherever the boost applies.
    public let reasonValues: [String]

    public init(condition: Condition, conditionText: LocatedText, points: Int, reason: String, name: String? = nil, supports: LocatedText? = nil) {
        self.condition = condition
        self.conditionText = conditionText
        self.points = points
        self.reason = reason
        self.name = name
        self.supports = supports
        reasonValues = Self.valueNames(in: reason)
    }

    /// The names written between braces in a reason (`{povertyRate}`), in order.
    public static func valueNames(in reason: String) -> [String] {
        var names: [String] = []
        var rest = Substring(reason)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The value names of `reason` the boost's condition does not read as a number: each must be, so that the
    /// reason never prints a value the territory did not give.
    public static func unreadValues(in reason: String, condition: Condition, vocabulary: Vocabulary) -> [String] {
        let read = condition.expression.factNames
        return valueNames(in: reason).filter { !read.contains($0) || vocabulary.fact(named: $0)?.type.isNumeric != true }
    }
}

/// A real territory that already did it; with a condition (`### [si condition] Territoire`), told only to the
/// territories it fits (a seaside resort's example is not a mountain resort's).
public struct Example: Sendable, Hashable {
    public var territory: String
    public var what: String
    public var source: SourceReference?
    public var condition: Condition?

    public init(territory: String, what: String, source: SourceReference?, condition: Condition? = nil) {
        self.territory = territory
        self.what = what
        self.source = source
        self.condition = condition
    }

    /// Equal when told alike: the same territory, text and source, under the same written condition.
    public static func == (lhs: Example, rhs: Example) -> Bool {
        lhs.territory == rhs.territory && lhs.what == rhs.what && lhs.source == rhs.source && lhs.condition?.source == rhs.condition?.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(territory)
        hasher.combine(what)
        hasher.combine(source)
        hasher.combine(condition?.source)
    }
}

/// A document of `sources.json` and the section where the point is made.
public struct SourceReference: Sendable, Hashable {
    public var document: String
    public var section: String
}

/// A policy lever recommendations act through.
public struct Lever: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var description: String
    /// A lever of method (steering, training, resources) rather than of action on health: the planner bounds how
    /// many of its recommendations a roadmap holds, so that they do not crowd out the actions themselves.
    public var isMethod: Bool

    public init(id: String, title: String, description: String, isMethod: Bool = false) {
        self.id = id
        self.title = title
        self.description = description
        self.isMethod = isMethod
    }
}
