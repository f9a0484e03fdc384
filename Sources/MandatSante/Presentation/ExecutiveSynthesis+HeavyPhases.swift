import RuleKit

/// The line of page 1 that says a phase asks more than the team's capacity, and why.
extension ExecutiveSynthesis {
    /// A phase that asks more of the team than its capacity — what cannot wait overfills it — says so in one plain
    /// line, with what cannot wait: « La période « D'ici fin 2027 » est chargée : une décision fondatrice, deux actions
    /// à échéance et deux priorités de l'équipe n'attendent pas. » Nil when no phase is overfilled.
    static func heavyPhases(_ roadmap: Roadmap) -> String? {
        let used = roadmap.halfUnitsUsed, capacity = roadmap.capacity.unitsPerPhase
        let nb = Typography.noBreakSpace
        let lines = roadmap.calendar.phases.indices.compactMap { phase -> String? in
            guard phase < capacity.count, used[phase] > 2 * capacity[phase] else { return nil }
            let items = roadmap.items.filter { $0.phaseIndex == phase }
            let foundations = items.filter { $0.selection == .foundation }.count
            let dated = items.filter { $0.selection != .foundation && $0.deadline != nil }.count
            let priorities = items.filter { item in
                guard item.selection != .foundation, item.deadline == nil, case .priority = item.selection else { return false }
                return true
            }.count
            let linked = items.filter { $0.selection == .merit && $0.deadline == nil && !$0.together.isEmpty }.count
            // Small counts in words, as a sentence says them (« deux actions à échéance »); every noun is feminine.
            func counted(_ number: Int, _ singular: String, _ plural: String) -> String {
                let words = ["", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
                return "\(number < words.count ? words[number] : String(number))\(nb)\(number > 1 ? plural : singular)"
            }
            var causes: [String] = []
            if foundations > 0 { causes.append(counted(foundations, "décision fondatrice", "décisions fondatrices")) }
            if dated > 0 { causes.append(counted(dated, "action à échéance", "actions à échéance")) }
            if priorities > 0 { causes.append(counted(priorities, "priorité de l'équipe", "priorités de l'équipe")) }
            if linked > 0 { causes.append(counted(linked, "action qui va avec elles", "actions qui vont avec elles")) }
            guard !causes.isEmpty else { return nil }
            let total = foundations + dated + priorities + linked
            return "la période « \(roadmap.calendar.phases[phase].title) » est chargée : \(Typography.list(causes)) n'attend\(total > 1 ? "ent" : "") pas"
        }
        guard !lines.isEmpty else { return nil }
        return Typography.capitalized(lines.joined(separator: " ; ")) + "."
    }
}
