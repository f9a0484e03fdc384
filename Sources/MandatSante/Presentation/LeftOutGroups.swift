/// The annex of what was left out, grouped by reason in a fixed order (shown with `--detail`).
enum LeftOutGroups {
    static let titles: [(codes: Set<String>, title: String)] = [
        (["remplacee", "exclue"], "Remplacées ou écartées par une option plus adaptée"),
        (["echeance"], "Échéance impossible à tenir"),
        (["au-dela-du-top"], "Au-delà du nombre d'actions demandé"),
        (["autre-niveau"], "Relèvent d'un autre niveau de collectivité"),
        (["condition-non-remplie", "condition-indeterminee"], "Ne s'appliquent pas à ce territoire"),
    ]

    static func groups(_ entries: [RoadmapDocument.Entry]) -> [RoadmapDocument.EntryGroup] {
        titles.compactMap { group in
            let members = entries.filter { group.codes.contains($0.reasonCode) }
            return members.isEmpty ? nil : RoadmapDocument.EntryGroup(title: group.title, entries: members)
        }
    }
}
