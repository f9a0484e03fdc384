/// Stage 3 of planning: the order in which candidates claim room in the calendar.
///
/// Foundations of the mandate come first, then the best concrete action serving each priority the team declared
/// (one that can start within the first year when there is one), then every other candidate by merit. A deadline
/// bounds where an action may go, not its turn: a weaker seasonal action never takes the room of a better one.
/// Each unit claims at its own score: an action pulls its prerequisites in with it (`PhasePlacement`), so a
/// prerequisite never holds room for an action that then finds none. Merit is the score, except that a prerequisite is as
/// urgent as the most urgent action waiting for it. Actions that belong together (`together`) claim room as one
/// unit, at the merit of the best of them.
struct ClaimOrder {
    /// Units of positions placed together, in the order they claim room.
    let units: [[Int]]
    /// Why each position was taken ahead of merit, when it was (nil: merit, or not a candidate).
    let reasons: [SelectionReason?]
    /// Each position's rank in the claim order (its unit's index); -1 for non-candidates.
    let sequence: [Int]
    /// Each position's merit (score, or that of a more urgent action waiting for it).
    let merit: [Int]
    /// Units holding the action chosen for a declared priority: placement makes room for them if it must.
    let priorityUnits: Set<Int>

    /// Each candidate's rank in the claim order, then inside its unit what the others go with before its
    /// companions (the CLS before the coordinator who runs it), then by merit.
    let rankKey: [Int]

    init(_ state: PlanningState, index: PlanningIndex, declaredPriorities: UInt64, calendar: MandateCalendar) {
        let count = index.recommendations.count
        let isCandidate = state.isCandidate
        let candidates = index.positionsInIDOrder.filter { isCandidate[$0] }
        let merit = Self.urgency(selected: isCandidate, after: index.after, inOrder: candidates) { state.scores[$0].total }
        self.merit = merit

        // Units: candidates linked by `together`, directly or not.
        var unitOf = [Int](repeating: -1, count: count)
        var units: [[Int]] = []
        for position in candidates where unitOf[position] < 0 {
            var members = [position]
            unitOf[position] = units.count
            var next = 0
            while next < members.count {
                for other in index.together[members[next]] where isCandidate[other] && unitOf[other] < 0 {
                    unitOf[other] = units.count
                    members.append(other)
                }
                next += 1
            }
            units.append(members.sorted { index.idRank[$0] < index.idRank[$1] })
        }

        // Foundations first (tier 0), the best action for each declared priority (tier 1), then merit (tier 2).
        var reasons = [SelectionReason?](repeating: nil, count: count)
        var tier = [Int](repeating: 2, count: units.count)
        var picked = Set<Int>()
        for position in candidates where index.isFoundation[position] {
            reasons[position] = .foundation
            tier[unitOf[position]] = 0
        }
        let firstYearPhase = calendar.phaseIndex(for: .firstYear)
        for (bit, priority) in index.priorityChoices.enumerated() where declaredPriorities & (1 << UInt64(bit)) != 0 {
            let serving = candidates.filter { index.serves[$0] & (1 << UInt64(bit)) != 0 && !index.isMethod[$0] }
            func early(_ position: Int) -> Bool { calendar.phaseIndex(for: index.horizons[position]) <= firstYearPhase }
            var best: Int?
            var bestEarly = false
            for position in serving {
                let isEarly = early(position)
                guard let current = best else {
                    (best, bestEarly) = (position, isEarly)
                    continue
                }
                let better = isEarly != bestEarly ? isEarly
                    : merit[position] != merit[current] ? merit[position] > merit[current] : index.idRank[position] < index.idRank[current]
                if better { (best, bestEarly) = (position, isEarly) }
            }
            guard let best else { continue }
            if reasons[best] == nil { reasons[best] = .priority(priority) }
            picked.insert(unitOf[best])
            tier[unitOf[best]] = min(tier[unitOf[best]], 1)
        }
        // Sorted as plain integers: tier, then merit (higher first), then the first id, packed in one key whose
        // low bits give the unit back through its first id's rank (each unit has its own).
        let rankBits = index.idRankBits
        var unitByRank = [Int](repeating: 0, count: count)
        var keys: [Int] = []
        keys.reserveCapacity(units.count)
        for (unit, members) in units.enumerated() {
            var merit = Int.min, rank = Int.max
            for position in members {
                merit = max(merit, state.scores[position].total)
                rank = min(rank, index.idRank[position])
            }
            unitByRank[rank] = unit
            let meritKey = (1 << 24) - min(max(merit, -(1 << 23)), 1 << 23)
            keys.append((tier[unit] << 26 | meritKey) << rankBits | rank)
        }
        keys.sort()
        let order = keys.map { unitByRank[$0 & (1 << rankBits - 1)] }
        self.units = order.map { units[$0] }
        var rankOfUnit = [Int](repeating: 0, count: units.count)
        for (rank, unit) in order.enumerated() { rankOfUnit[unit] = rank }
        priorityUnits = Set(picked.map { rankOfUnit[$0] })
        var sequence = [Int](repeating: -1, count: count)
        for (rank, unit) in order.enumerated() {
            for position in units[unit] { sequence[position] = rank }
        }
        self.sequence = sequence
        self.reasons = reasons
        var rankKey = [Int](repeating: Int.max, count: count)
        var next = 0
        // Inside a unit, what the others go with (the CLS) before its companions (the coordinator), then merit.
        func companion(_ position: Int) -> Int { index.recommendations[position].together.isEmpty ? 0 : 1 }
        for unit in self.units {
            guard unit.count > 1 else {
                rankKey[unit[0]] = next
                next += 1
                continue
            }
            for position in unit.sorted(by: { (companion($0), -merit[$0], index.idRank[$0]) < (companion($1), -merit[$1], index.idRank[$1]) }) {
                rankKey[position] = next
                next += 1
            }
        }
        self.rankKey = rankKey
    }

    /// Each selected position's urgency: its own score or that of the most urgent action that waits for it.
    /// Positions are visited in the order of their ids, and a path never visits a position twice.
    static func urgency(selected: [Bool], after: [[Int]], inOrder positions: [Int], score: (Int) -> Int) -> [Int] {
        var urgency = [Int](repeating: Int.min, count: selected.count)
        var onPath = [Bool](repeating: false, count: selected.count)
        func visit(_ position: Int, _ value: Int) {
            guard !onPath[position], value > urgency[position] else { return }
            urgency[position] = value
            onPath[position] = true
            for prerequisite in after[position] where selected[prerequisite] {
                visit(prerequisite, max(value, score(prerequisite)))
            }
            onPath[position] = false
        }
        for position in positions { visit(position, score(position)) }
        return urgency
    }
}
