import RuleKit

/// Checks between recommendations: unique ids, references that exist, no dependency cycle, no circle of replacements.
enum RuleBaseCrossCheck {
    static func check(_ recommendations: [Recommendation]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: Recommendation] = [:]
        for recommendation in recommendations {
            if let first = firstByID[recommendation.id] {
                diagnostics.append(.error(
                    "regles.doublon", "identifiant « \(recommendation.id) » déjà utilisé", file: recommendation.file,
                    at: recommendation.location, notes: ["première définition : \(first.file):\(first.location)"]))
            } else {
                firstByID[recommendation.id] = recommendation
            }
        }
        let ids = Array(firstByID.keys)
        for recommendation in recommendations {
            for (field, references) in [("after", recommendation.after), ("replaces", recommendation.replaces), ("excludes", recommendation.excludes)] {
                for reference in references {
                    if reference == recommendation.id {
                        diagnostics.append(.error("regles.reference-a-soi", "« \(field) » de « \(recommendation.id) » se cite elle-même", file: recommendation.file, at: recommendation.location))
                    } else if firstByID[reference] == nil {
                        diagnostics.append(.error("regles.reference-inconnue", "« \(field) » de « \(recommendation.id) » cite une recommandation inconnue « \(reference) »\(Suggestion.hint(for: reference, among: ids))", file: recommendation.file, at: recommendation.location))
                    }
                }
            }
            for replaced in recommendation.replaces {
                if let other = firstByID[replaced], other.replaces.contains(recommendation.id), recommendation.id < other.id {
                    diagnostics.append(.error("regles.remplacement-mutuel", "« \(recommendation.id) » et « \(other.id) » se remplacent l'une l'autre : gardez un seul sens", file: recommendation.file, at: recommendation.location))
                }
            }
        }
        // Two recommendations replacing each other are reported above; a longer circle of « replaces » would remove
        // every member from every roadmap without a word.
        let replacements = DependencyGraph(prerequisites: firstByID.mapValues(\.replaces))
        for cycle in replacements.cycles() where cycle.count > 3 {
            guard let first = cycle.first.flatMap({ firstByID[$0] }) else { continue }
            diagnostics.append(.error(
                "regles.remplacement-circulaire", "cycle de remplacements « replaces » : \(cycle.joined(separator: " → "))", file: first.file,
                at: first.location, notes: ["chacune écarterait la suivante : aucune ne sortirait ; gardez un seul sens de remplacement"]))
        }
        let graph = DependencyGraph(prerequisites: firstByID.mapValues(\.after))
        for cycle in graph.cycles() {
            guard let first = cycle.first.flatMap({ firstByID[$0] }) else { continue }
            diagnostics.append(.error(
                "regles.cycle", "cycle de dépendances « after » : \(cycle.joined(separator: " → "))", file: first.file,
                at: first.location, notes: ["une recommandation ne peut pas attendre, même indirectement, une recommandation qui l'attend"]))
        }
        return diagnostics
    }
}
