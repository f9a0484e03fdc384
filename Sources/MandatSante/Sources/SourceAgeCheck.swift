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
            let factDocuments = factDocuments(ruleBase)
            // The date of publication only: the month a page was read says nothing of its age.
            for document in ruleBase.sources {
                guard let date = document.date, date.endsBefore(limit) else { continue }
                let citing = citingRecommendations(document.id, in: ruleBase, factDocuments: factDocuments)
                // A reference of the vocabulary prints its figure on page 1 as a recommendation's fact does.
                let facts = VocabularyReferenceCheck.citingFacts(document.id, in: ruleBase.vocabulary)
                guard !citing.isEmpty || !facts.isEmpty else { continue }
                let names = citing.prefix(5).joined(separator: ", ") + (citing.count > 5 ? "…" : "")
                var arguments = ["document": document.id, "date": "\(date)", "years": String(maximumAge), "reference": "\(reference)",
                                 "count": String(citing.count), "citing": names]
                if !facts.isEmpty { arguments["facts"] = facts.joined(separator: ", ") }
                diagnostics.append(.warning("regles.source-ancienne", arguments, at: document.dateLocation ?? .wholeFile(sourcesFile)))
            }
        }
        // The facts some recommendation cites, gathered once (as `RuleBase.users(of:)` finds them, fact by fact).
        let citedFacts = Set(ruleBase.recommendations.flatMap { $0.evidence?.factIDs ?? [] })
        for fact in ruleBase.facts where reportsUnusedFacts && !citedFacts.contains(fact.id) {
            diagnostics.append(.warning("regles.fait-inutilise", ["fact": fact.id], at: fact.location))
        }
        return diagnostics
    }

    /// The recommendations citing `document`: in their sources, an example, or a fact of their `## Repères`.
    static func citingRecommendations(_ document: String, in ruleBase: RuleBase) -> [String] {
        citingRecommendations(document, in: ruleBase, factDocuments: factDocuments(ruleBase))
    }

    /// The document of each fact of the register, by id: the first fact of an id, as `RuleBase.fact(_:)` finds it.
    /// Built once per check rather than scanning the register for every fact of every recommendation and document.
    static func factDocuments(_ ruleBase: RuleBase) -> [String: String] {
        Dictionary(ruleBase.facts.map { ($0.id, $0.source.document) }, uniquingKeysWith: { first, _ in first })
    }

    private static func citingRecommendations(_ document: String, in ruleBase: RuleBase, factDocuments: [String: String]) -> [String] {
        ruleBase.recommendations.filter { recommendation in
            recommendation.sources.contains { $0.document == document }
                || recommendation.examples.contains { $0.source?.document == document }
                || recommendation.evidence?.factIDs.contains { factDocuments[$0] == document } ?? false
        }.map(\.id)
    }
}
