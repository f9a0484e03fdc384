import RuleKit

/// The three findings about the territory that page 1 states, each with the actions that answer it: the facts the
/// roadmap's actions apply because of, the situations named conditions state, and — with fewer than three — what
/// already exists as the « point d'appui » of the actions that build on it.
extension ExecutiveSynthesis {
    /// The key of the situation stated by named conditions among the findings: no fact is named so.
    static let situationName = "#situation"

    /// The situations named conditions state (`DefinitionFinding`) that hold here and that the roadmap's
    /// actions other than method apply because of — their condition uses the named condition, not under a `not` —
    /// said as one finding, in the order written (« risque de dengue et de chikungunya à chaque saison des pluies, coupures
    /// d'eau potable récurrentes et sols pollués à la chlordécone »), with the actions that answer them.
    /// Each stated situation is followed by the number of its document in the bibliography (`findingSource`, which
    /// the first action answering it lists: `RoadmapPresenter.document`), cited once the sources are numbered
    /// (`FindingLine.worded`). `stated`: `answeredFindings`, worked out once by the presenter.
    static func situation(_ stated: [(finding: DefinitionFinding, ranks: [Int])]) -> (text: [FindingLine.Part], ranks: [Int])? {
        guard !stated.isEmpty else { return nil }
        let texts = stated.map { finding, ranks -> [FindingLine.Part] in
            [.text(finding.text), .citation(sources: finding.source.map { [$0] } ?? [], ranks: [ranks[0]])]
        }
        // As `Typography.list` joins them.
        let text = texts.count == 1 ? texts[0] : Array(texts.dropLast().joined(separator: [.text(", ")])) + [.text(" et ")] + texts[texts.count - 1]
        return (text, Array(Set(stated.flatMap(\.ranks))))
    }

    /// The situations named conditions state that hold here and that actions of the roadmap other than method
    /// apply because of, in the order written, each with those actions' ranks in increasing order.
    static func answeredFindings(_ roadmap: Roadmap, methodLevers: Set<String>,
                                 findings: [DefinitionFinding]) -> [(finding: DefinitionFinding, ranks: [Int])] {
        let holding = findings.filter { $0.condition.evaluate(roadmap.profile.facts) == .true }
        guard !holding.isEmpty else { return [] }
        var answered: [String: [Int]] = [:]
        for item in roadmap.items where !methodLevers.contains(item.recommendation.lever) {
            var names: Set<String> = []
            positiveReferences(item.recommendation.condition.expression, into: &names)
            for finding in holding where names.contains(finding.name) { answered[finding.name, default: []].append(item.rank) }
        }
        return holding.compactMap { finding in answered[finding.name].map { (finding, $0.sorted()) } }
    }

    /// The named conditions `expression` uses where they make it hold (not under an odd number of `not`).
    static func positiveReferences(_ expression: Expression, positive: Bool = true, into names: inout Set<String>) {
        switch expression.kind {
        case .named(let reference):
            if positive { names.insert(reference.name) }
            positiveReferences(reference.expression, positive: positive, into: &names)
        case .not(let operand):
            positiveReferences(operand, positive: !positive, into: &names)
        default:
            for child in expression.children { positiveReferences(child, positive: positive, into: &names) }
        }
    }

    /// The facts of the profile that drive the roadmap: said once each, with the numbers of the actions that answer
    /// them. First the pressing situations (the facts behind a deadline that holds), then the facts that raised the
    /// scores of the actions placed by the mid-mandate review (the centre's deficit behind +30 on its card, 12 % of
    /// residents without a médecin traitant behind +10 on unscheduled care), the most points first; only then the
    /// facts that merely make actions apply. Never a default left as it is (« aucun élu référent santé désigné »),
    /// the overseas territory as such (a label: what it brings — the epidemics, the cyclones — are the findings),
    /// nor the size and the team's own choices, stated elsewhere. What already exists (an MSP, a CLS in force) is
    /// never a finding; with fewer than three findings, it is named as the « point d'appui » of the actions that
    /// build on it.
    /// Each fact whose statement carries its reference (`referenced`) comes with the actions of its line: the presenter
    /// puts the reference's documents among the sources of the first, and the line then cites their numbers, as the
    /// situations do. Chosen once, before the presenter numbers the sources (the choice does not depend on numbers):
    /// the lines are worded with the numbers after (`FindingLine.worded`).
    static func findings(_ roadmap: Roadmap, territorials: [RoadmapPresenter.Territorial], decisions: [RoadmapDocument.Decision],
                         context: RoadmapPresenter.Context, situations: [(finding: DefinitionFinding, ranks: [Int])])
        -> (lines: [FindingLine], referenced: [(fact: String, ranks: [Int])]) {
        let vocabulary = roadmap.profile.vocabulary
        var answering: [String: [Int]] = [:]
        // A set fact answered only through some of its members (the school among the planned projects) is stated
        // with those members only — unless an action reads it whole.
        var answeredMembers: [String: Set<String>] = [:], readWhole: Set<String> = []
        var raised: [String: Int] = [:]
        var added: [String: Int] = [:]
        var raisedMethod: [String: [Int]] = [:]
        // Method items (the pilotage, the ambition, training, funding) prepare the ground for every finding: a
        // boost may name the fact (« en zone d'intervention prioritaire, l'ARS a besoin d'un interlocuteur »), but
        // they do not answer it, and listing them (« actions 1, 2, 3, 5… ») hides the actions that do. They answer
        // only what makes them apply, and raise nothing.
        let methodLevers = Set(context.ruleBase.levers.filter(\.isMethod).map(\.id))
        let bound = roadmap.calendar.reviewPhase
        for (item, territorial) in zip(roadmap.items, territorials) {
            let method = methodLevers.contains(item.recommendation.lever)
            for name in method ? territorial.conditionFindingFacts : territorial.findingFacts {
                answering[name, default: []].append(item.rank)
                if let members = territorial.findingMembers[name] { answeredMembers[name, default: []].formUnion(members) } else { readWhole.insert(name) }
            }
            guard !method else {
                // A method step a fact raised by ten points or more, placed by the review (the health strand of Petites
                // villes de demain, +10 in a ZAC): the fact changed the roadmap, more than what already exists does.
                if item.selection != .foundation, item.phaseIndex <= bound {
                    for (name, points) in territorial.raisingFacts where points >= 10 { raisedMethod[name, default: []].append(item.rank) }
                }
                continue
            }
            // The strongest push a fact gave one action placed by the review: the centre's deficit behind +30 on one
            // card says more than a zoning behind +10 on five; then all it added to the placed actions.
            for (name, points) in territorial.raisingFacts {
                if item.phaseIndex <= bound { raised[name] = max(raised[name] ?? 0, points) }
                added[name, default: 0] += points
            }
        }
        // A pressing situation — the fact behind a deadline that holds because of the territory's situation
        // (`[si gpDepartures]`: doctors leaving) — sets the calendar of the actions it dates: it is always among
        // the findings, answered by those actions.
        var pressing: Set<String> = []
        for item in roadmap.items {
            guard let condition = item.recommendation.deadlineCondition, condition.evaluate(roadmap.profile.facts) == .true else { continue }
            for name in condition.expression.factNames.sorted() where context.facts.states(name) {
                pressing.insert(name)
                if !(answering[name]?.contains(item.rank) ?? false) { answering[name, default: []].append(item.rank) }
            }
        }
        // Ties broken by what each drives of what is decided now: the decisions of page 1 it answers (the
        // foundations aside: every roadmap has them), then its actions placed by the mid-mandate review, then all
        // its actions, then the earliest.
        let early = Set(roadmap.items.filter { $0.phaseIndex <= bound }.map(\.rank))
        let foundations = Set(roadmap.items.filter { $0.selection == .foundation }.map(\.rank))
        let decided = Set(decisions.map(\.rank)).subtracting(foundations)
        func key(_ name: String, _ ranks: [Int]) -> [Int] {
            [pressing.contains(name) ? 0 : 1, -(raised[name] ?? 0), -(added[name] ?? 0), -ranks.filter(decided.contains).count, -ranks.filter(early.contains).count,
             -ranks.count, ranks.min() ?? Int.max, vocabulary.slot(of: name) ?? 0]
        }
        let overseas = vocabulary.factName(.overseas)
        // A default left as it is says nothing of the territory; what exists (an MSP, a CLS in force) is what the
        // roadmap builds on, not what drives it.
        func isFinding(_ name: String) -> Bool {
            guard name != overseas, context.facts.states(name) else { return false }
            // The fact read in place by its slot, not copied whole (`fact(named:)`), as `FactStatement.states` does.
            guard let slot = vocabulary.slot(of: name), let value = roadmap.profile.value(name) else { return false }
            return pressing.contains(name) || (value != vocabulary.facts[slot].defaultValue && !vocabulary.facts[slot].isAsset(value))
        }
        // Each key made once, not once per comparison; a fact the profile says nothing of is left out unworded.
        var all = answering.filter { isFinding($0.key) }
            .map { (name: $0.key, ranks: $0.value, key: key($0.key, $0.value)) }
            .sorted { $0.key == $1.key ? $0.name < $1.name : $0.key.lexicographicallyPrecedes($1.key) }
        // The situation the named conditions state (`DefinitionFinding`: dengue at every rainy season, water cuts),
        // one line after the pressing situations: what the overseas territory brings, that its label does not say.
        let situation = situation(situations)
        if let situation {
            pressing.insert(Self.situationName)
            let index = all.firstIndex { !pressing.contains($0.name) } ?? all.count
            all.insert((name: Self.situationName, ranks: situation.ranks, key: []), at: index)
        }
        // The first three chosen, said in that order; but a fact whose actions are mostly those of a fact already
        // chosen (doctors leaving and the zoning that follows from it, « actions 3, 10, 11 et 14 » twice) says
        // nothing new: it yields to the next fact that drives other actions, and comes back only to fill the page
        // with actions of its own.
        // A fact behind one action (a centre's deficit behind its consolidation) is not a repetition.
        // A fact answered only after the mid-mandate review (a planned project behind one late action) does not
        // drive what the team decides now: it comes after the repetitions, only to fill the page.
        var chosen: Set<String> = [], covered: Set<Int> = [], cited: Set<Set<Int>> = []
        var repeating: [(name: String, ranks: Set<Int>)] = [], late: [(name: String, ranks: Set<Int>)] = []
        for finding in all where chosen.count < findingCount {
            let shared = finding.ranks.filter(covered.contains).count
            if !pressing.contains(finding.name), !finding.ranks.contains(where: early.contains) {
                late.append((finding.name, Set(finding.ranks)))
            } else if shared >= 2, shared * 2 > finding.ranks.count {
                repeating.append((finding.name, Set(finding.ranks)))
            } else {
                chosen.insert(finding.name)
                covered.formUnion(finding.ranks)
                cited.insert(Set(finding.ranks))
            }
        }
        // A fact that would only fill the page with actions a chosen fact already drives (the winter season of a
        // resort whose 25,000 winter residents are chosen) is said on that fact's line — one more fact at most per
        // line, and it takes no line of its own. Otherwise never the very same actions twice: two findings then are
        // better than three.
        var joined: [String: String] = [:]
        for finding in repeating + late where chosen.count - joined.count < findingCount {
            if let host = all.first(where: { chosen.contains($0.name) && joined[$0.name] == nil && $0.name != Self.situationName && finding.ranks.isSubset(of: $0.ranks) }) {
                joined[host.name] = finding.name
                chosen.insert(finding.name)
            } else if cited.insert(finding.ranks).inserted {
                chosen.insert(finding.name)
            }
        }
        let alongside = Set(joined.values)
        let ranked = all.filter { chosen.contains($0.name) && !alongside.contains($0.name) }
        var referenced: [(fact: String, ranks: [Int])] = []
        func statement(_ name: String, ranks: [Int]) -> [FindingLine.Part]? {
            if name == Self.situationName { return situation?.text }
            guard let text = context.facts.statement(name, members: readWhole.contains(name) ? nil : answeredMembers[name]) else { return nil }
            // A figure said with the one it is read against: « part des 75 ans ou plus : 17 % » alone does not tell
            // an élu whether it is a finding; and with the number of its document in the list of sources.
            guard let fact = vocabulary.fact(named: name), let reference = context.facts.reference(of: fact) else { return [.text(text)] }
            let sources = context.facts.referenceSources(of: fact)
            if !sources.isEmpty { referenced.append((name, ranks)) }
            return [.text("\(text) (\(reference)"), .citation(sources: sources, ranks: ranks), .text(")")]
        }
        let nb = Typography.noBreakSpace
        var lines = ranked.compactMap { name, unsorted, _ -> FindingLine? in
            let ranks = unsorted.sorted()
            guard let first = statement(name, ranks: ranks) else { return nil }
            let statements = [first] + [joined[name]].compactMap { $0.flatMap { statement($0, ranks: ranks) } }
            let answer = "\(Typography.actions(ranks))\(nb)y répond\(ranks.count > 1 ? "ent" : "")"
            return FindingLine(statements: statements, then: " — \(answer).")
        }
        // Fewer than three: a fact that raised a method step placed by the review drives the roadmap more than what
        // already exists (the ZAC behind the health strand of Petites villes de demain rather than the seniors'
        // council as a « point d'appui », reader31a); the most such steps first, then the earliest.
        let methodFindings = raisedMethod.filter { isFinding($0.key) && !chosen.contains($0.key) }
            .sorted { ($0.value.count, -($0.value.min() ?? 0), $1.key) > ($1.value.count, -($1.value.min() ?? 0), $0.key) }
        for (name, unsorted) in methodFindings where lines.count < findingCount {
            let ranks = unsorted.sorted()
            guard cited.insert(Set(ranks)).inserted, let first = statement(name, ranks: ranks) else { continue }
            chosen.insert(name)
            lines.append(FindingLine(statements: [first], then: " — \(Typography.actions(ranks))\(nb)y répond\(ranks.count > 1 ? "ent" : "")."))
        }
        // A profile that states only defaults and what exists still gets a page 1 that says so, not an empty heading.
        if lines.isEmpty { lines = [FindingLine(statements: [[.text(noFinding)]], then: "")] }
        // Fewer than three: what already exists and the actions build on (the pays's CLS in force, the CPTS) is named
        // as such — never as a situation the actions answer.
        let assets = answering.filter { name, _ in
            guard context.facts.states(name), let slot = vocabulary.slot(of: name), let value = roadmap.profile.value(name) else { return false }
            return vocabulary.facts[slot].isAsset(value) && !chosen.contains(name)
        }
        .map { (name: $0.key, ranks: $0.value.sorted(), key: [-$0.value.count] + key($0.key, $0.value)) }
        .sorted { $0.key == $1.key ? $0.name < $1.name : $0.key.lexicographicallyPrecedes($1.key) }
        // The resource most actions build on first; one that supports only actions already named (the CPTS beside
        // the CLS in force) is said on that line, one more at most, or not at all.
        var supports: [(statements: [[FindingLine.Part]], ranks: [Int])] = []
        for asset in assets {
            guard let said = statement(asset.name, ranks: asset.ranks) else { continue }
            if let host = supports.firstIndex(where: { Set(asset.ranks).isSubset(of: $0.ranks) }) {
                if supports[host].statements.count == 1 { supports[host].statements.append(said) }
            } else if lines.count + supports.count < findingCount, cited.insert(Set(asset.ranks)).inserted {
                supports.append(([said], asset.ranks))
            }
        }
        for support in supports {
            lines.append(FindingLine(statements: support.statements, then: " — point d'appui \(Typography.ofActions(support.ranks))."))
        }
        return (lines, referenced)
    }

    /// « [4] » for each of `sources` that a card of `ranks` lists and numbers (the presenter put it among the sources
    /// of the first of them); nothing for a document not numbered yet.
    static func citedNumbers(_ sources: [String], ranks: [Int], cards: [RoadmapDocument.Card]) -> String {
        sources.compactMap { source -> String? in
            for card in cards where ranks.contains(card.rank) {
                guard let index = card.sources.firstIndex(where: { $0.document == source }), card.sourceNumbers.indices.contains(index) else { continue }
                return RoadmapPresenter.citedNumber(card.sourceNumbers[index])
            }
            return nil
        }.joined()
    }
}

/// A line of page 1's findings as chosen (`ExecutiveSynthesis.findings`), before the presenter numbers the sources:
/// its statements, where they cite documents, and what follows them (« — actions 3 et 5 y répondent. »).
struct FindingLine {
    enum Part {
        case text(String)
        /// « [4] » for each of `sources` a card of `ranks` numbers (`ExecutiveSynthesis.citedNumbers`).
        case citation(sources: [String], ranks: [Int])
    }

    /// Joined by « ; »; the first capitalized.
    let statements: [[Part]]
    let then: String

    /// The line in French typography, citing the numbers `cards` give their sources.
    func worded(cards: [RoadmapDocument.Card]) -> String {
        // A statement another completes (the CLS in force, then the CLS in force carried by the pays) is said once.
        let texts = statements.map { $0.map { if case .text(let text) = $0 { text } else { "" } }.joined() }
        let kept = Set(FactStatement.absorbing(texts))
        let absorbed = zip(statements, texts).filter { kept.contains($0.1) }.map(\.0)
        let said = absorbed.joined(separator: [.text(" ; ")]).map { part in
            switch part {
            case .text(let text): text
            case .citation(let sources, let ranks): ExecutiveSynthesis.citedNumbers(sources, ranks: ranks, cards: cards)
            }
        }
        return Typography.french(Typography.capitalized(said.joined()) + then)
    }
}
