import RuleKit

/// The documents the vocabulary's references cite (`source` beside `reference`, and in each entry of `references`):
/// page 1 prints a reference after a territory's figure (« France : 10,4 % début 2024, Insee »), and its document
/// joins the roadmap's sources. An id unknown to `Rules/sources.json` is an error where it is written; a reference
/// citing none is a warning where the reference is written, since a reader could not trace its figure.
enum VocabularyReferenceCheck {
    static func check(_ vocabulary: Vocabulary, sourceIDs: [String], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let known = Set(sourceIDs)
        func check(_ sources: [LocatedText], fact: String, at location: SourceLocation?) {
            if sources.isEmpty, let location {
                diagnostics.append(.warning("vocabulaire.reference-sans-source", ["fact": fact], at: location.placed(in: file)))
            }
            for source in sources where !known.contains(source.text) {
                diagnostics.append(.error("regles.source-inconnue", Suggestion.arguments("document", source.text, among: sourceIDs),
                                          at: source.location.placed(in: file)))
            }
        }
        for fact in vocabulary.facts {
            if fact.reference != nil { check(fact.referenceSources, fact: fact.name, at: fact.referenceLocation) }
            for variant in fact.referenceVariants { check(variant.sources, fact: fact.name, at: variant.location) }
        }
        return diagnostics
    }

    /// The facts whose reference, or one of whose territorial references, cites `document`.
    static func citingFacts(_ document: String, in vocabulary: Vocabulary) -> [String] {
        vocabulary.facts.filter { fact in
            fact.referenceSources.contains { $0.text == document } || fact.referenceVariants.contains { $0.sources.contains { $0.text == document } }
        }.map(\.name)
    }
}
