/// The annex of what was left out, grouped by reason in a fixed order (shown with `--detail`).
enum LeftOutGroups {
    static let titles: [(codes: [String], title: String)] = [
        (["remplacee", "exclue"], "Remplacées ou écartées par une option plus adaptée"),
        (["echeance"], "Échéance impossible à tenir"),
        (["au-dela-du-top"], "Au-delà du nombre d'actions demandé"),
        (["autre-niveau"], "Relèvent d'un autre niveau de collectivité"),
        (["condition-non-remplie", "condition-indeterminee"], "Ne s'appliquent pas à ce territoire"),
        (["autre-territoire"], "Propres à d'autres territoires : rien à y répondre ici"),
    ]

    /// Each entry looked at once, its code compared with the few of each group (a batch groups some eighty entries
    /// per territory: hashing each code once per group cost more than the grouping).
    static func groups(_ entries: [RoadmapDocument.Entry]) -> [RoadmapDocument.EntryGroup] {
        var members = [[RoadmapDocument.Entry]](repeating: [], count: titles.count)
        for entry in entries {
            guard let group = titles.firstIndex(where: { $0.codes.contains(entry.reasonCode) }) else { continue }
            members[group].append(entry)
        }
        return titles.indices.compactMap { group in
            members[group].isEmpty ? nil : RoadmapDocument.EntryGroup(title: titles[group].title, entries: members[group])
        }
    }
}
