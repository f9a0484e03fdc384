/// Stage 2 of planning: what is replaced goes; of two exclusive candidates, the better scored stays.
enum ConflictResolution {
    static func resolve(_ state: inout PlanningState, index: PlanningIndex) {
        let count = index.recommendations.count
        let isSelected = state.isCandidate
        for position in index.positionsInIDOrder where isSelected[position] {
            for replaced in index.replaces[position] where isSelected[replaced] && state.exits[replaced] == .none {
                state.exits[replaced] = .replaced(by: position)
                state.supersedes[position].append(replaced)
            }
        }
        // Exclusion is mutual; deciding best score first means an action that loses never excludes another.
        let byScore = index.positionsByScore(state.scores.map(\.total)).filter { isSelected[$0] }
        var scoreRank = [Int](repeating: -1, count: count)
        for (rank, position) in byScore.enumerated() { scoreRank[position] = rank }
        // Each winner looks only at its rivals, taken in score order: the same decisions as scanning every selected
        // action, without the quadratic scan on large rule bases.
        for winner in byScore where state.exits[winner] == .none && !index.rivals[winner].isEmpty {
            let rivals = index.rivals[winner].filter { scoreRank[$0] >= 0 }.sorted { scoreRank[$0] < scoreRank[$1] }
            for loser in rivals where state.exits[loser] == .none {
                state.exits[loser] = .excluded(by: winner)
                state.supersedes[winner].append(loser)
            }
        }
    }
}
