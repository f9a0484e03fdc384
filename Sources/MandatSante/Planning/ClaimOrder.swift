/// Stage 3 of planning: the order in which candidates claim room in the calendar.
///
/// Foundations of the mandate come first, then the best concrete action serving each priority the team declared
/// (one that can start within the first year when there is one), then every other candidate by merit. A deadline
/// bounds where an action may go, not its turn: a weaker seasonal action never takes the room of a better one.
/// Each unit claims at its own score: an action pulls its prerequisites in with it (`PhasePlacement`), so a
/// prerequisite never holds room for an action that then finds none. Merit is the score, except that a prerequisite is as
/// urgent as the most urgent action waiting for it. Actions that belong together (`together`) claim room as one
/// unit, at the merit of the best of them.
///
/// Units are stored flat (`members`, cut by `start`) rather than as an array per unit: planning allocates a
/// handful of arrays per profile instead of one per candidate, which is most of what planning costs.
struct ClaimOrder {
    /// The members of every unit, unit after unit in claim order, each unit's members in the order of their ids.
    let members: [Int]
    /// The same members, each unit's in the order they are ranked inside a phase: what the others go with before
    /// its companions (the CLS before the coordinator who runs it), then by merit.
    let rankedMembers: [Int]
    /// Unit `u` is `members[start[u]..<start[u + 1]]`.
    let start: [Int]
    /// Each position's unit, which is its rank in the claim order; -1 for non-candidates.
    let unitOf: [Int]
    /// Why each position was taken ahead of merit: `foundation`, the bit of the declared priority it was chosen
    /// for, or `byMerit` (also for non-candidates). Integers rather than `SelectionReason`, which holds a text.
    private let reasonCodes: [Int]
    private let priorityChoices: [String]
    private static let byMerit = -1, foundation = -2
    /// Each position's merit (score, or that of a more urgent action waiting for it).
    let merit: [Int]
    /// Units holding the action chosen for a declared priority: placement makes room for them if it must.
    let isPriorityUnit: [Bool]
    /// The priorities the team declared, as bits of `PlanningIndex.priorityChoices`.
    let declaredPriorities: UInt64

    var unitCount: Int { start.count - 1 }

    /// Where unit `unit`'s members are in `members` and `rankedMembers`.
    func slots(_ unit: Int) -> Range<Int> { start[unit]..<start[unit + 1] }

    /// The member whose phase is the unit's phase (all members share it).
    func first(_ unit: Int) -> Int { members[start[unit]] }

    /// Whether `position` claims at its merit's turn: neither a foundation nor the action of a declared priority.
    func isByMerit(_ position: Int) -> Bool { reasonCodes[position] == Self.byMerit }

    /// The declared priority (a bit of `PlanningIndex.priorityChoices`) `position` was chosen for, -1 when none.
    func priorityBit(_ position: Int) -> Int { max(-1, reasonCodes[position]) }

    /// Why `position` was taken ahead of merit, when it was.
    func reason(_ position: Int) -> SelectionReason {
        switch reasonCodes[position] {
        case Self.foundation: .foundation
        case let bit where bit >= 0: .priority(priorityChoices[bit])
        default: .merit
        }
    }

    init(_ state: PlanningState, index: PlanningIndex, declaredPriorities: UInt64, calendar: MandateCalendar) {
        let count = index.recommendations.count
        // The working lists live in one scratch buffer (on the stack when it is small): ordering a profile's
        // candidates allocates only the arrays the order keeps.
        let built = withUnsafeTemporaryAllocation(of: Int.self, capacity: 10 * count + 1) { scratch in
            Self.build(state, index: index, declaredPriorities: declaredPriorities, calendar: calendar,
                       scratch: Scratch(scratch))
        }
        (members, rankedMembers, start, unitOf, reasonCodes, merit, isPriorityUnit) = built
        priorityChoices = index.priorityChoices
        self.declaredPriorities = declaredPriorities
    }

    /// Hands out consecutive parts of a scratch buffer, each filled with a value.
    private struct Scratch {
        let buffer: UnsafeMutableBufferPointer<Int>
        var next = 0

        init(_ buffer: UnsafeMutableBufferPointer<Int>) { self.buffer = buffer }

        mutating func take(_ count: Int, filledWith value: Int) -> UnsafeMutableBufferPointer<Int> {
            let part = UnsafeMutableBufferPointer(rebasing: buffer[next..<(next + count)])
            part.initialize(repeating: value)
            next += count
            return part
        }
    }

    private static func build(_ state: PlanningState, index: PlanningIndex, declaredPriorities: UInt64,
                              calendar: MandateCalendar, scratch: Scratch)
        -> (members: [Int], rankedMembers: [Int], start: [Int], unitOf: [Int], reasons: [Int], merit: [Int], isPriorityUnit: [Bool]) {
        var scratch = scratch
        let count = index.recommendations.count
        let totals = state.totals
        // 1 for a candidate, 0 otherwise; the candidates in id order.
        let isCandidate = scratch.take(count, filledWith: 0)
        let candidateSlots = scratch.take(count, filledWith: 0)
        var candidateCount = 0
        for position in index.positionsInIDOrder where state.exits[position] == .none {
            isCandidate[position] = 1
            candidateSlots[candidateCount] = position
            candidateCount += 1
        }
        let candidates = UnsafeMutableBufferPointer(rebasing: candidateSlots[0..<candidateCount])
        let merit = Self.urgency(selected: isCandidate, after: index.after, inOrder: candidates, scores: totals,
                                 onPath: scratch.take(count, filledWith: 0))

        // Units, in the order they are found: candidates linked by `together`, directly or not. A unit is found
        // at its member of smallest id, since candidates are visited in id order.
        let foundIn = scratch.take(count, filledWith: -1)
        let found = scratch.take(count, filledWith: 0)
        var foundCount = 0
        let foundStart = scratch.take(count + 1, filledWith: 0)
        var unitsFound = 0
        for position in candidates where foundIn[position] < 0 {
            let unit = unitsFound
            let first = foundCount
            foundIn[position] = unit
            found[foundCount] = position
            foundCount += 1
            var next = first
            while next < foundCount {
                for other in index.together[found[next]] where isCandidate[other] != 0 && foundIn[other] < 0 {
                    foundIn[other] = unit
                    found[foundCount] = other
                    foundCount += 1
                }
                next += 1
            }
            Self.sort(found, first..<foundCount) { index.idRank[$0] }
            unitsFound += 1
            foundStart[unitsFound] = foundCount
        }

        // Foundations first (tier 0), the best action for each declared priority (tier 1), then merit (tier 2).
        var reasons = [Int](repeating: Self.byMerit, count: count)
        let tier = scratch.take(unitsFound, filledWith: 2)
        let picked = scratch.take(unitsFound, filledWith: 0)
        for position in candidates where index.isFoundation[position] {
            reasons[position] = Self.foundation
            tier[foundIn[position]] = 0
        }
        let firstYearPhase = calendar.phaseIndex(for: .firstYear)
        for bit in index.priorityChoices.indices where declaredPriorities & (1 << UInt64(bit)) != 0 {
            let mask = UInt64(1) << UInt64(bit)
            var best = -1
            var bestEarly = false
            for position in candidates where index.serves[position] & mask != 0 && !index.isMethod[position] {
                let isEarly = calendar.phaseIndex(for: index.horizons[position]) <= firstYearPhase
                let better = best < 0 ? true
                    : isEarly != bestEarly ? isEarly
                    : merit[position] != merit[best] ? merit[position] > merit[best] : index.idRank[position] < index.idRank[best]
                if better { (best, bestEarly) = (position, isEarly) }
            }
            guard best >= 0 else { continue }
            if reasons[best] == Self.byMerit { reasons[best] = bit }
            picked[foundIn[best]] = 1
            tier[foundIn[best]] = min(tier[foundIn[best]], 1)
        }

        // Sorted as plain integers: tier, then merit (higher first), then the first id, packed in one key whose
        // low bits give the unit back through its first id's rank (each unit has its own).
        let rankBits = index.idRankBits
        let unitByRank = scratch.take(count, filledWith: 0)
        let keys = scratch.take(unitsFound, filledWith: 0)
        for unit in 0..<unitsFound {
            var best = Int.min
            for slot in foundStart[unit]..<foundStart[unit + 1] { best = max(best, totals[found[slot]]) }
            let rank = index.idRank[found[foundStart[unit]]]
            unitByRank[rank] = unit
            let meritKey = (1 << 24) - min(max(best, -(1 << 23)), 1 << 23)
            keys[unit] = (tier[unit] << 26 | meritKey) << rankBits | rank
        }
        IntegerSort.sort(keys)

        var members: [Int] = []
        members.reserveCapacity(foundCount)
        var start = [0]
        start.reserveCapacity(unitsFound + 1)
        var unitOf = [Int](repeating: -1, count: count)
        var isPriorityUnit = [Bool](repeating: false, count: unitsFound)
        for (rank, key) in keys.enumerated() {
            let unit = unitByRank[key & (1 << rankBits - 1)]
            for slot in foundStart[unit]..<foundStart[unit + 1] {
                unitOf[found[slot]] = rank
                members.append(found[slot])
            }
            start.append(members.count)
            isPriorityUnit[rank] = picked[unit] != 0
        }

        // Inside a unit, what the others go with (the CLS) before its companions (the coordinator), then merit.
        var rankedMembers = members
        for unit in 0..<(start.count - 1) where start[unit + 1] - start[unit] > 1 {
            let bound = count + 1
            rankedMembers.withUnsafeMutableBufferPointer { ranked in
                Self.sort(ranked, start[unit]..<start[unit + 1]) { position in
                    ((index.writesTogether[position] ? 1 : 0) * (1 << 26) + ((1 << 24) - merit[position])) * bound + index.idRank[position]
                }
            }
        }
        return (members, rankedMembers, start, unitOf, reasons, merit, isPriorityUnit)
    }

    /// Sorts a few elements in place by an integer key (insertion sort: units have one to three members).
    private static func sort(_ array: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, by key: (Int) -> Int) {
        guard range.count > 1 else { return }
        for slot in (range.lowerBound + 1)..<range.upperBound {
            let element = array[slot]
            let elementKey = key(element)
            var hole = slot
            while hole > range.lowerBound, key(array[hole - 1]) > elementKey {
                array[hole] = array[hole - 1]
                hole -= 1
            }
            array[hole] = element
        }
    }

    /// Each selected position's urgency: its own score or that of the most urgent action that waits for it.
    /// Positions are visited in the order of their ids, and a path never visits a position twice. `selected`
    /// and `onPath` (scratch, zeros) hold 1 or 0 by position.
    static func urgency(selected: UnsafeMutableBufferPointer<Int>, after: [[Int]], inOrder positions: UnsafeMutableBufferPointer<Int>,
                        scores: [Int], onPath: UnsafeMutableBufferPointer<Int>) -> [Int] {
        var walk = UrgencyWalk(selected: selected, after: after, scores: scores, onPath: onPath)
        for position in positions { walk.visit(position, scores[position]) }
        return walk.urgency
    }

    private struct UrgencyWalk {
        let selected: UnsafeMutableBufferPointer<Int>
        let after: [[Int]]
        let scores: [Int]
        var urgency: [Int]
        let onPath: UnsafeMutableBufferPointer<Int>

        init(selected: UnsafeMutableBufferPointer<Int>, after: [[Int]], scores: [Int], onPath: UnsafeMutableBufferPointer<Int>) {
            self.selected = selected
            self.after = after
            self.scores = scores
            self.onPath = onPath
            urgency = [Int](repeating: Int.min, count: selected.count)
        }

        mutating func visit(_ position: Int, _ value: Int) {
            guard onPath[position] == 0, value > urgency[position] else { return }
            urgency[position] = value
            onPath[position] = 1
            for prerequisite in after[position] where selected[prerequisite] != 0 {
                visit(prerequisite, max(value, scores[prerequisite]))
            }
            onPath[position] = 0
        }
    }
}

extension ClaimOrder {
    /// The id rank of `unit`'s first member: a stable tie-break.
    func idRankOfFirst(_ unit: Int, _ index: PlanningIndex) -> Int { index.idRank[first(unit)] }
}
