/// Stage 2 of planning: what is replaced goes; of two exclusive candidates, the better scored stays.
enum ConflictResolution {
    /// `byScore`: every position, best score first (`PlanningIndex.positionsByScore`).
    static func resolve(_ state: inout PlanningState, index: PlanningIndex, byScore: [Int]) {
        let isSelected = state.exits.map { $0 == .none }
        for position in index.replacers where isSelected[position] {
            for replaced in index.replaces[position] where isSelected[replaced] && state.exits[replaced] == .none {
                state.exits[replaced] = .replaced(by: position)
                state.supersessions.append((position, replaced))
            }
        }
        // Exclusion is mutual; deciding best score first means an action that loses never excludes another.
        // Each winner looks only at its rivals, taken in score order: the same decisions as scanning every selected
        // action, without the quadratic scan on large rule bases.
        var scoreRank: [Int]?
        for winner in byScore where index.hasRivals[winner] && isSelected[winner] && state.exits[winner] == .none {
            let ranks = scoreRank ?? Self.ranks(byScore, isSelected: isSelected)
            scoreRank = ranks
            // The selected rivals in rank order, each found by a scan of the few rivals (no list to sort).
            var previous = -1
            while true {
                var loser = -1
                for rival in index.rivals[winner] where ranks[rival] > previous && (loser < 0 || ranks[rival] < ranks[loser]) {
                    loser = rival
                }
                guard loser >= 0 else { break }
                previous = ranks[loser]
                if state.exits[loser] == .none {
                    state.exits[loser] = .excluded(by: winner)
                    state.supersessions.append((winner, loser))
                }
            }
        }
    }

    /// Each selected position's rank by score among the selected ones; -1 for the others.
    private static func ranks(_ byScore: [Int], isSelected: [Bool]) -> [Int] {
        var ranks = [Int](repeating: -1, count: isSelected.count)
        var next = 0
        for position in byScore where isSelected[position] {
            ranks[position] = next
            next += 1
        }
        return ranks
    }
}
