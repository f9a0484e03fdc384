import RuleKit

/// Warnings about what the rule base cites: a document older than five years at the date of the rule base (the
/// reader must know the figure may have moved), a fact of the register no recommendation cites.
enum SourceAgeCheck {
    /// How old a cited document may be before `check` says so.
    static let maximumAge = 5

    /// `reportsUnusedFacts`: false when recommendations failed to load, whose facts would look unused.
    static func check(_ ruleBase: RuleBase, sourcesFile: String, reportsUnusedFacts: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let reference = ruleBase.version.date {
            let limit = reference.shifted(years: maximumAge)
            for document in ruleBase.sources where document.date.endsBefore(limit) {
                let citing = citingRecommendations(document.id, in: ruleBase)
                guard !citing.isEmpty else { continue }
                let names = citing.prefix(5).joined(separator: ", ") + (citing.count > 5 ? "…" : "")
                diagnostics.append(.warning(
                    "regles.source-ancienne",
                    "document « \(document.id) » daté de \(document.date), plus de \(maximumAge) ans avant la date de la base (\(reference), Rules/version.json) : vérifiez qu'il dit toujours vrai ou citez un document plus récent ; cité par \(citing.count == 1 ? "une recommandation" : "\(citing.count) recommandations") (\(names))",
                    file: sourcesFile, at: document.dateLocation))
            }
        }
        for fact in ruleBase.facts where reportsUnusedFacts && ruleBase.users(of: fact.id).isEmpty {
            diagnostics.append(.warning("regles.fait-inutilise", "fait « \(fact.id) » cité par aucune recommandation : citez-le sous « ## Repères » ou retirez-le du registre", file: fact.location.file, at: fact.location))
        }
        return diagnostics
    }

    /// The recommendations citing `document`: in their sources, an example, or a fact of their `## Repères`.
    static func citingRecommendations(_ document: String, in ruleBase: RuleBase) -> [String] {
        ruleBase.recommendations.filter { recommendation in
            recommendation.sources.contains { $0.document == document }
                || recommendation.examples.contains { $0.source?.document == document }
                || recommendation.evidence?.factIDs.contains { ruleBase.fact($0)?.source.document == document } ?? false
        }.map(\.id)
    }
}
