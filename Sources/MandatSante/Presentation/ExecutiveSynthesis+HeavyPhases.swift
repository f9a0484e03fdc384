import RuleKit

/// The lines of page 1 that say how the team's load spreads over the mandate: a phase that asks more than its
/// capacity, and why; a last period that opens few new actions.
extension ExecutiveSynthesis {
    /// A phase that asks more of the team than its capacity — what cannot wait overfills it — says so in one plain
    /// line, with what cannot wait and what the executive can do about it: « La période « D'ici fin 2027 » dépasse la
    /// capacité de l'équipe : une décision fondatrice et deux actions à échéance n'attendent pas ; prévoir un renfort. »
    /// Nil when no phase is overfilled.
    static func heavyPhases(_ roadmap: Roadmap) -> String? {
        let used = roadmap.halfUnitsUsed, capacity = roadmap.capacity.unitsPerPhase
        let nb = Typography.noBreakSpace
        let heavy = roadmap.calendar.phases.indices.compactMap { phase -> (title: String, waiting: String)? in
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
            return (roadmap.calendar.phases[phase].title, "\(Typography.list(causes)) n'attend\(total > 1 ? "ent" : "") pas")
        }
        guard !heavy.isEmpty else { return nil }
        // The first period says what it exceeds; the next ones « aussi », not the same words again.
        let said = heavy.enumerated().map { index, phase in
            "la période « \(phase.title) »\(index == 0 ? " dépasse la capacité de l'équipe" : " aussi") : \(phase.waiting)"
        }
        return Typography.capitalized(said.joined(separator: " ; ")) + " ; prévoir un renfort."
    }

    /// A last period that opens at most one new action says why, lest the calendar read as a mandate that stops at
    /// the mid-mandate review: each action weighs most on the period it starts in, and the actions started before
    /// carry on to the end (`Capacity`: a month counts half after the first thirty). Nil when the last period opens
    /// two new actions or more, or when the calendar has fewer than three periods (a late start).
    static func quietLastPhase(_ roadmap: Roadmap) -> String? {
        let phases = roadmap.calendar.phases
        guard phases.count >= 3, !roadmap.items.isEmpty else { return nil }
        let opened = roadmap.items.filter { $0.phaseIndex == phases.count - 1 }.count
        guard opened <= 1 else { return nil }
        return "Dans la dernière période, l'équipe poursuit surtout les actions déjà engagées : "
            + (opened == 0 ? "aucune nouvelle action n'y commence." : "une seule nouvelle action y commence.")
    }
}
