import RuleKit

/// Runs rule tests against a rule base. Profiles come through `loadProfile`, so the domain never reads files.
public struct RuleTestRunner: Sendable {
    public let ruleBase: RuleBase

    public init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
    }

    /// Runs one test. `baseProfile` is the test's profile file, already loaded (nil when the test has none).
    public func run(_ test: RuleTest, baseProfile: Profile?) -> RuleTestResult {
        var result = RuleTestResult(test: test, failures: [], diagnostics: [], roadmap: nil)
        for expectation in test.expectations {
            for id in expectation.ids where ruleBase.recommendation(id) == nil {
                result.diagnostics.append(.error("test.recommandation-inconnue", Suggestion.arguments("id", id, among: ruleBase.recommendations.map(\.id)),
                                                 at: expectation.location.placed(in: test.file)))
            }
        }
        guard let profile = profile(for: test, base: baseProfile, diagnostics: &result.diagnostics), result.diagnostics.isEmpty else { return result }
        let calendar: MandateCalendar
        do {
            calendar = try MandateCalendar(start: test.start)
        } catch {
            result.diagnostics.append(.error("test.date", ["value": "\(test.start)", "reason": "hors-mandat"], at: test.location.placed(in: test.file)))
            return result
        }
        if test.facts != nil {
            result.notices += OverseasCoherence.notices(profile) { name in (test.facts?[name]?.value.location ?? test.location).placed(in: test.file) }
        }
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: calendar, top: test.top)
        result.roadmap = roadmap
        let check = ExpectationCheck(roadmap: roadmap, document: RoadmapPresenter(ruleBase: ruleBase).document(roadmap))
        result.failures = test.expectations.compactMap(check.failure)
        return result
    }

    private func profile(for test: RuleTest, base: Profile?, diagnostics: inout [Diagnostic]) -> Profile? {
        let vocabulary = ruleBase.vocabulary
        guard let factsNode = test.facts else { return base }
        if var profile = base {
            guard case .object(let members) = factsNode.value else { return nil }
            for member in members {
                guard let fact = vocabulary.fact(named: member.key) else {
                    diagnostics.append(.error("faits.inconnu", Suggestion.arguments("fact", member.key, among: vocabulary.factNames),
                                              at: member.keyLocation.placed(in: test.file)))
                    continue
                }
                let value = FactsReader.value(of: member.value, for: fact, path: "facts.\(member.key)", file: test.file, diagnostics: &diagnostics)
                if let value { profile.facts.set(fact.name, to: value, in: vocabulary) }
            }
            return profile
        }
        let (facts, factDiagnostics) = FactsReader.read(factsNode, file: test.file, vocabulary: vocabulary, ignoredKeys: ProfileLoader.metadataKeys)
        diagnostics += factDiagnostics
        return factDiagnostics.hasErrors ? nil : Profile(facts: facts, vocabulary: vocabulary, file: test.file)
    }
}

/// Compares one expectation with a roadmap and words the failure for a rule author, quoting the roadmap's
/// document for where each action ended and why.
struct ExpectationCheck {
    let roadmap: Roadmap
    let document: RoadmapDocument

    func failure(_ expectation: Expectation) -> String? {
        switch expectation.kind {
        case .included(let id):
            return card(id) == nil ? "attendu : « \(title(id)) » [\(id)] dans la feuille de route\n  obtenu : \(status(id))" : nil
        case .excluded(let id):
            guard let card = card(id) else { return nil }
            return "attendu : « \(title(id)) » [\(id)] absente de la feuille de route\n  obtenu : retenue au rang \(card.rank) (\(phase(card)))\n  car : \(Typography.inline(card.forYou))"
        case .considerLater(let id):
            return document.considerLater.contains { $0.id == id } ? nil
                : "attendu : « \(title(id)) » [\(id)] parmi les actions à envisager ensuite\n  obtenu : \(status(id))"
        case .applies(let id):
            return card(id) != nil || document.considerLater.contains { $0.id == id } ? nil
                : "attendu : « \(title(id)) » [\(id)] retenue ou à envisager ensuite\n  obtenu : \(status(id))"
        case .decision(let id):
            if document.synthesis.decisions.contains(where: { $0.id == id }) { return nil }
            let decisions = document.synthesis.decisions.map { "[\($0.id)]" }.joined(separator: ", ")
            return "attendu : « \(title(id)) » [\(id)] parmi les décisions à prendre d'abord\n  obtenu : \(status(id)) ; décisions : \(decisions)"
        case .notDecision(let id):
            guard document.synthesis.decisions.contains(where: { $0.id == id }) else { return nil }
            return "attendu : « \(title(id)) » [\(id)] absente des décisions à prendre d'abord\n  obtenu : \(status(id)), parmi les décisions"
        case .samePhase(let first, let second):
            guard let a = card(first), let b = card(second) else {
                return "attendu : [\(first)] et [\(second)] dans la même phase\n  obtenu : \(card(first) == nil ? "[\(first)] \(status(first))" : "[\(second)] \(status(second))")"
            }
            return a.phaseID == b.phaseID ? nil : "attendu : [\(first)] et [\(second)] dans la même phase\n  obtenu : [\(first)] en \(phase(a)), [\(second)] en \(phase(b))"
        case .inTop(let id, let n):
            guard let card = card(id) else { return "attendu : [\(id)] parmi les \(n) premières actions\n  obtenu : \(status(id))" }
            return card.rank <= n ? nil : "attendu : « \(title(id)) » [\(id)] parmi les \(n) premières actions\n  obtenu : rang \(card.rank), score \(card.scoreLine)"
        case .before(let first, let second):
            guard let a = card(first), let b = card(second) else {
                return "attendu : [\(first)] avant [\(second)]\n  obtenu : \(card(first) == nil ? "[\(first)] \(status(first))" : "[\(second)] \(status(second))")"
            }
            return a.rank < b.rank ? nil : "attendu : [\(first)] avant [\(second)]\n  obtenu : [\(first)] au rang \(a.rank), [\(second)] au rang \(b.rank)"
        case .phase(let id, let horizon):
            guard let card = card(id) else { return "attendu : [\(id)] dans la phase « \(horizon.rawValue) »\n  obtenu : \(status(id))" }
            return horizons(card).contains(horizon) ? nil : "attendu : « \(title(id)) » [\(id)] dans la phase de l'horizon « \(horizon.rawValue) »\n  obtenu : \(phase(card))"
        case .phaseBy(let id, let horizon):
            guard let card = card(id) else { return "attendu : [\(id)] au plus tard dans la phase « \(horizon.rawValue) »\n  obtenu : \(status(id))" }
            return (horizons(card).first ?? .endOfMandate) <= horizon ? nil : "attendu : « \(title(id)) » [\(id)] au plus tard dans la phase de l'horizon « \(horizon.rawValue) »\n  obtenu : \(phase(card))"
        case .replacedBy(let id, let by):
            if let entry = document.entry(id), entry.by == by, ["remplacee", "exclue"].contains(entry.reasonCode) { return nil }
            return "attendu : [\(id)] remplacée par [\(by)]\n  obtenu : [\(id)] \(status(id))"
        case .minimumScore(let id, let minimum):
            guard let evaluation = roadmap.evaluations[id], evaluation.score.total < minimum else { return nil }
            let terms = evaluation.terms.map { RoadmapDocument.ScoreTerm(points: $0.points, reason: $0.reason) }
            return "attendu : [\(id)] avec un score d'au moins \(minimum)\n  obtenu : \(RoadmapPresenter.Context.scoreLine(terms, total: evaluation.score.total))"
        case .says(let id, let words):
            guard let said = said(id) else { return "attendu : [\(id)] dit « \(words) »\n  obtenu : \(status(id)), sans fiche ni ligne à envisager ensuite" }
            if plain(said).contains(plain(words)) { return nil }
            let saying = card(id) == nil ? "sa ligne dit" : "la fiche dit"
            return "attendu : « \(title(id)) » [\(id)] dit « \(words) »\n  obtenu : \(status(id)) ; \(saying) :\n    \(said.replacingOccurrences(of: "\n", with: "\n    "))"
        case .saysNot(let id, let words):
            // An action absent from the roadmap says nothing: the expectation holds.
            guard let said = said(id), plain(said).contains(plain(words)) else { return nil }
            let saying = card(id) == nil ? "sa ligne dit" : "la fiche dit"
            return "attendu : « \(title(id)) » [\(id)] ne dit pas « \(words) »\n  obtenu : \(status(id)) ; \(saying) :\n    \(said.replacingOccurrences(of: "\n", with: "\n    "))"
        }
    }

    /// What the action's card says, one part per line — its heading, when, why here, its calendar and relations,
    /// its stake and steps, its cost and the documents it cites — or its line among the actions to consider later;
    /// nil when it has neither.
    private func said(_ id: String) -> String? {
        if let card = card(id) {
            let parts = [card.title, card.carrier] + [card.deadline].compactMap { $0 } + card.forYou + [card.sizeReason, card.selection, card.placement].compactMap { $0 }
                + card.cautions + card.relations + [card.why] + card.steps + card.partners + card.funding
                + [card.costRange].compactMap { $0 } + card.sources.map(\.citation)
            return parts.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        guard let entry = document.considerLater.first(where: { $0.id == id }) ?? document.entry(id) else { return nil }
        return ([entry.title, entry.reason] + [entry.line].compactMap { $0 }).joined(separator: "\n")
    }

    /// Text as an author types it in a test: no-break and thin spaces read as spaces.
    private func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    private func card(_ id: String) -> RoadmapDocument.Card? { document.card(id) }

    private func title(_ id: String) -> String {
        card(id)?.title ?? document.entry(id)?.title ?? roadmap.evaluations[id]?.recommendation.title ?? id
    }

    /// The horizons that start in the card's phase.
    private func horizons(_ card: RoadmapDocument.Card) -> [Horizon] {
        (document.phases.first { $0.id == card.phaseID }?.horizons ?? []).compactMap(Horizon.init(rawValue:))
    }

    private func phase(_ card: RoadmapDocument.Card) -> String {
        "phase « \(card.phaseTitle) » (\(card.period))"
    }

    /// Where a recommendation ended up, in the document's words.
    func status(_ id: String) -> String {
        if let card = card(id) { return "retenue au rang \(card.rank) (\(phase(card)))" }
        guard let entry = document.entry(id) else { return "inconnue" }
        let later = document.considerLater.contains { $0.id == id } ? "à envisager ensuite, " : ""
        return "non retenue, \(later)\(entry.reason) (score \(entry.score))"
    }
}
