import RuleKit

/// Turns a profile and a rule base into a roadmap: select, score, resolve conflicts, order, place in phases.
/// Pure: the same inputs always give the same roadmap.
public struct Planner: Sendable {
    public let ruleBase: RuleBase
    /// Built once here rather than from the rule base at every plan (it is a dictionary of every recommendation).
    private let dependencyGraph: DependencyGraph

    public init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        dependencyGraph = ruleBase.dependencyGraph
    }

    public func plan(_ profile: Profile, calendar: MandateCalendar, top: Int? = nil) -> Roadmap {
        let facts = profile.facts
        var evaluations: [String: Evaluation] = [:]
        var selected: [String: Recommendation] = [:]
        var leftOut: [LeftOutRecommendation] = []

        // 1–2. Select and score.
        for recommendation in ruleBase.recommendations {
            let evaluation = evaluate(recommendation, facts)
            evaluations[recommendation.id] = evaluation
            if evaluation.truth == .true {
                selected[recommendation.id] = recommendation
            } else {
                leftOut.append(LeftOutRecommendation(recommendation: recommendation, reason: .conditionNotMet(evaluation.truth), score: evaluation.score))
            }
        }
        func score(_ id: String) -> Int { evaluations[id]?.score.total ?? 0 }

        // 3. Conflicts: what is replaced goes; of two exclusive ones, the better scored stays.
        var supersedes: [String: [String]] = [:]
        var removed: [String: LeftOutRecommendation.Reason] = [:]
        // Only the few actions that replace something take part; sorting just those keeps the order cheap.
        for id in selected.keys.filter({ selected[$0]?.replaces.isEmpty == false }).sorted() {
            for replaced in selected[id]?.replaces ?? [] where selected[replaced] != nil && removed[replaced] == nil {
                removed[replaced] = .replaced(by: id)
                supersedes[id, default: []].append(replaced)
            }
        }
        // Exclusion is mutual; deciding best score first means an action that loses never excludes another.
        let byScore = selected.keys.map { (id: $0, score: score($0)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.map(\.id)
        // Each winner looks only at its rivals (what it excludes, what excludes it), taken in score order: the
        // same decisions as scanning every selected action, without the quadratic scan on large rule bases.
        let scoreRank = Dictionary(uniqueKeysWithValues: byScore.enumerated().map { ($1, $0) })
        var excludedBy: [String: [String]] = [:]
        for (id, recommendation) in selected {
            for other in recommendation.excludes { excludedBy[other, default: []].append(id) }
        }
        for winner in byScore where removed[winner] == nil {
            let rivals = Set((selected[winner]?.excludes ?? []) + (excludedBy[winner] ?? []))
                .compactMap { id in scoreRank[id].map { (id: id, rank: $0) } }.sorted { $0.rank < $1.rank }.map(\.id)
            for loser in rivals where loser != winner && removed[loser] == nil {
                removed[loser] = .excluded(by: winner)
                supersedes[winner, default: []].append(loser)
            }
        }
        for (id, reason) in removed.sorted(by: { $0.key < $1.key }) {
            if let recommendation = selected.removeValue(forKey: id) {
                leftOut.append(LeftOutRecommendation(recommendation: recommendation, reason: reason, score: evaluations[id]?.score ?? Score(terms: [])))
            }
        }

        // 4. Order: prerequisites first, then urgency, then the id for stability. A prerequisite is as urgent
        // as the most urgent action waiting for it, so a well-scored action is not held back by a modest one.
        let urgency = Self.urgency(of: selected, score: score)
        let order = dependencyGraph.order(Array(selected.keys)) { a, b in
            let (urgencyA, urgencyB) = (urgency[a, default: 0], urgency[b, default: 0])
            return urgencyA != urgencyB ? urgencyA > urgencyB : a < b
        }

        // 5. Place in phases within capacity.
        let capacity = Capacity(population: profile.number("population") ?? 0,
                                engineeringStaff: Int(profile.number("engineeringStaff") ?? 1), phases: calendar.phases)
        let candidates = selected
        var free = capacity.unitsPerPhase
        var phaseOf: [String: Int] = [:]
        var placements: [String: Placement] = [:]
        for id in order {
            guard let recommendation = selected[id] else { continue }
            let prerequisites = recommendation.after.filter { candidates[$0] != nil }
            if let missing = prerequisites.first(where: { phaseOf[$0] == nil }) {
                selected[id] = nil
                leftOut.append(LeftOutRecommendation(recommendation: recommendation, reason: .prerequisiteLeftOut(missing), score: evaluations[id]?.score ?? Score(terms: [])))
                continue
            }
            var earliest = calendar.phaseIndex(for: recommendation.horizon)
            var placement = Placement.horizon
            for prerequisite in prerequisites {
                if let phase = phaseOf[prerequisite], phase > earliest {
                    earliest = phase
                    placement = .prerequisite(prerequisite)
                }
            }
            let latest = recommendation.horizon == .hundredDays ? min(earliest + Self.quickWinDelay, free.count - 1) : free.count - 1
            guard let phase = (earliest...latest).first(where: { free[$0] >= recommendation.effort.units }) else {
                selected[id] = nil
                leftOut.append(LeftOutRecommendation(recommendation: recommendation, reason: .noCapacity, score: evaluations[id]?.score ?? Score(terms: [])))
                continue
            }
            if phase > earliest { placement = .capacity(wanted: earliest) }
            free[phase] -= recommendation.effort.units
            phaseOf[id] = phase
            placements[id] = placement
        }

        // Rank: by phase, keeping the dependency-and-score order inside each phase.
        // Bucketing `order` by phase keeps that order inside each phase without a sort by dictionary lookups.
        var idsByPhase = [[String]](repeating: [], count: free.count)
        for id in order {
            if let phase = phaseOf[id] { idsByPhase[phase].append(id) }
        }
        let placedIDs = idsByPhase.flatMap { $0 }
        var items: [RoadmapItem] = []
        for (offset, id) in placedIDs.enumerated() {
            guard let recommendation = selected[id], let phase = phaseOf[id] else { continue }
            if let top, offset >= top {
                leftOut.append(LeftOutRecommendation(recommendation: recommendation, reason: .beyondTop(top), score: evaluations[id]?.score ?? Score(terms: [])))
                continue
            }
            items.append(RoadmapItem(
                rank: items.count + 1, recommendation: recommendation, score: evaluations[id]?.score ?? Score(terms: []),
                phaseIndex: phase, placement: placements[id] ?? .horizon,
                prerequisites: recommendation.after.filter { phaseOf[$0] != nil },
                supersedes: supersedes[id] ?? []))
        }
        // Sorts small keys, then picks the entries once: moving whole recommendations through a merge sort costs
        // far more than comparing them, and a score's total would be summed again at every comparison.
        let sortKeys = leftOut.indices.map { (order: leftOut[$0].reason.order, total: leftOut[$0].score.total, id: leftOut[$0].recommendation.id, index: $0) }
        leftOut = sortKeys.sorted { a, b in
            if a.order != b.order { return a.order < b.order }
            if a.total != b.total { return a.total > b.total }
            return a.id < b.id
        }.map { leftOut[$0.index] }
        return Roadmap(profile: profile, calendar: calendar, capacity: capacity, items: items, leftOut: leftOut, evaluations: evaluations)
    }

    /// How many phases a quick win may slip past its horizon for lack of capacity; later than that it loses its
    /// point (a quick win at the end of the mandate is no quick win) and is reported as left out. Other actions
    /// may move to any later phase: late is better than never.
    static let quickWinDelay = 1

    /// Each selected id's ordering urgency: its own score or that of the most urgent action that waits for it.
    static func urgency(of selected: [String: Recommendation], score: (String) -> Int) -> [String: Int] {
        var urgency: [String: Int] = [:]
        func visit(_ id: String, _ value: Int, _ path: Set<String>) {
            guard !path.contains(id), value > urgency[id, default: Int.min] else { return }
            urgency[id] = value
            for prerequisite in selected[id]?.after ?? [] where selected[prerequisite] != nil {
                visit(prerequisite, max(value, score(prerequisite)), path.union([id]))
            }
        }
        for id in selected.keys.sorted() { visit(id, score(id), []) }
        return urgency
    }

    private func evaluate(_ recommendation: Recommendation, _ facts: FactValues) -> Evaluation {
        var terms = [Score.Term(points: recommendation.priority, reason: "priorité de base")]
        var missed: [Boost] = []
        for boost in recommendation.boosts {
            if boost.condition.evaluate(facts) == .true {
                terms.append(Score.Term(points: boost.points, reason: boost.reason))
            } else {
                missed.append(boost)
            }
        }
        return Evaluation(truth: recommendation.condition.evaluate(facts), score: Score(terms: terms), missedBoosts: missed)
    }
}
