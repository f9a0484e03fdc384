import RuleKit

/// A fact of the register (`Rules/facts.json`): a statement a recommendation prints, and the passage of a public
/// document that establishes it. Recommendations cite it by id under `## Repères`.
public struct RegisteredFact: Sendable, Hashable, Identifiable {
    public var id: String
    /// The statement as printed, in French.
    public var statement: String
    /// The document (an id of `sources.json`) and the section or page where the fact is.
    public var source: SourceReference
    /// Where it is written in the register, for diagnostics.
    public var location: SourceLocation

    public init(id: String, statement: String, source: SourceReference, location: SourceLocation) {
        self.id = id
        self.statement = statement
        self.source = source
        self.location = location
    }
}

/// The `## Repères` of a recommendation.
public enum Evidence: Sendable, Hashable {
    /// Ids of registered facts, each printed with its source.
    case facts([String])
    /// A free paragraph, older form: its figures are not traced to a source of their own.
    case paragraph(String)

    public var factIDs: [String] {
        if case .facts(let ids) = self { return ids }
        return []
    }
}
