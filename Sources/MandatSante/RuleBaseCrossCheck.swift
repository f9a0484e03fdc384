import RuleKit

/// Checks between recommendations: unique ids, references that exist, no dependency cycle, no cycle of
/// replacements, `together` groups that can be placed.
enum RuleBaseCrossCheck {
    static func check(_ recommendations: [Recommendation], references: [RelationReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: Recommendation] = [:]
        for recommendation in recommendations {
            if let first = firstByID[recommendation.id] {
                diagnostics.append(.error("regles.doublon", ["id": recommendation.id], at: recommendation.location,
                                          notes: [Diagnostic.Note("note.premiere-definition", at: first.location)]))
            } else {
                firstByID[recommendation.id] = recommendation
            }
        }
        let ids = Array(firstByID.keys)
        var written: Set<String> = []
        for reference in references {
            guard firstByID[reference.from] != nil else { continue }
            if reference.to == reference.from {
                diagnostics.append(.error("regles.reference-a-soi", reference.arguments, at: reference.location))
            } else if firstByID[reference.to] == nil {
                var arguments = reference.arguments
                arguments["suggestion"] = Suggestion.closest(to: reference.to, among: ids)
                diagnostics.append(.error("regles.reference-inconnue", arguments, at: reference.location))
            } else if !written.insert("\(reference.from) \(reference.field) \(reference.to)").inserted {
                diagnostics.append(.error("regles.doublon", reference.arguments, at: reference.location))
            }
        }
        for recommendation in recommendations {
            for replaced in recommendation.replaces {
                if let other = firstByID[replaced], other.replaces.contains(recommendation.id), recommendation.id < other.id {
                    diagnostics.append(.error("regles.remplacement-mutuel", ["id": recommendation.id, "other": other.id], at: recommendation.location))
                }
            }
        }
        diagnostics += cycles(of: \.after, in: firstByID, code: "regles.cycle", note: "note.cycle-apres")
        // Two recommendations replacing each other are reported above; a longer circle of « replaces » would remove
        // every member from every roadmap without a word.
        diagnostics += cycles(of: \.replaces, in: firstByID, code: "regles.remplacement-circulaire", note: "note.cycle-remplace",
                              longerThanTwo: true)
        diagnostics += togetherChecks(firstByID)
        return diagnostics
    }

    /// Each cycle of a relation, reported at the first recommendation of the cycle with the whole cycle.
    private static func cycles(of relation: KeyPath<Recommendation, [String]>, in byID: [String: Recommendation],
                               code: String, note: String, longerThanTwo: Bool = false) -> [Diagnostic] {
        let graph = DependencyGraph(prerequisites: byID.mapValues { $0[keyPath: relation].filter { byID[$0] != nil } })
        return graph.cycles().compactMap { cycle in
            // A cycle is written with its first member repeated: « a → b → a » has three names for two members.
            guard !longerThanTwo || cycle.count > 3, let first = cycle.first.flatMap({ byID[$0] }) else { return nil }
            return .error(code, ["cycle": cycle.joined(separator: " → ")], at: first.location, notes: [Diagnostic.Note(note)])
        }
    }

    /// `together` draws groups placed in one phase: a cycle of `together` is redundant, members of a group must
    /// not replace or exclude each other, and `after` must not run in a circle between groups (no phase order
    /// could respect it).
    private static func togetherChecks(_ byID: [String: Recommendation]) -> [Diagnostic] {
        var diagnostics = cycles(of: \.together, in: byID, code: "regles.ensemble-circulaire", note: "note.cycle-avec")
        for recommendation in byID.values.sorted(by: { $0.id < $1.id }) {
            for other in recommendation.together {
                guard let partner = byID[other] else { continue }
                if recommendation.replaces.contains(other) || recommendation.excludes.contains(other)
                    || partner.replaces.contains(recommendation.id) || partner.excludes.contains(recommendation.id) {
                    diagnostics.append(.error("regles.ensemble-incompatible", ["id": recommendation.id, "other": other], at: recommendation.location))
                }
            }
        }
        let groups = TogetherGroups(byID.values.sorted { $0.id < $1.id })
        var groupAfter: [String: [String]] = [:]
        for recommendation in byID.values {
            let group = groups.group(of: recommendation.id)
            for prerequisite in recommendation.after where byID[prerequisite] != nil {
                let other = groups.group(of: prerequisite)
                if other != group { groupAfter[group, default: []].append(other) }
            }
        }
        for group in groups.names where groupAfter[group] == nil { groupAfter[group] = [] }
        // A cycle of single recommendations is an `after` cycle, already reported.
        for cycle in DependencyGraph(prerequisites: groupAfter).cycles() where cycle.contains(where: { groups.size(of: $0) > 1 }) {
            guard let first = cycle.first.flatMap({ byID[$0] }) else { continue }
            diagnostics.append(.error("regles.ensemble-cycle", ["groups": cycle.map { "« \($0) »" }.joined(separator: ", ")], at: first.location))
        }
        return diagnostics
    }
}

/// The groups `together` draws: recommendations linked by it, directly or not, share a group, named after its
/// smallest id.
struct TogetherGroups {
    private var groupOf: [String: String] = [:]

    init(_ recommendations: [Recommendation]) {
        var parent: [String: String] = [:]
        func root(_ id: String) -> String {
            var current = id
            while let next = parent[current], next != current { current = next }
            return current
        }
        for recommendation in recommendations {
            for other in recommendation.together {
                let (a, b) = (root(recommendation.id), root(other))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        for recommendation in recommendations { groupOf[recommendation.id] = root(recommendation.id) }
    }

    func group(of id: String) -> String { groupOf[id] ?? id }

    /// How many recommendations the group holds.
    func size(of group: String) -> Int { groupOf.values.filter { $0 == group }.count }

    var names: Set<String> { Set(groupOf.values) }
}
