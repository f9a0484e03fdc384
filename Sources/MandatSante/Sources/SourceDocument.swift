import RuleKit

/// A public document recommendations and registered facts cite: what it is, who published it, when, and where a
/// reader finds it.
public struct SourceDocument: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// A short form for citations under each action.
    public var shortTitle: String
    /// Who published it (« Sénat », « INSEE », « SCET-HTC »).
    public var publisher: String
    /// Its date of publication; nil for a page kept up to date that shows none, which says when it was read instead.
    public var date: SourceDate?
    /// When a page without a date of publication was read (`consulted` in `sources.json`): the roadmap prints
    /// « consulté en décembre 2026 », never as if the page had been published then.
    public var consulted: SourceDate?
    /// Its public address, when it has one.
    public var url: String?
    /// How to obtain it when it has no public address (or in addition to it).
    public var access: String?
    /// A caveat a reader must know, printed with the document (« base de données des États-Unis »).
    public var note: String?
    /// Where its date is written, for the warning about an old document.
    public var dateLocation: SourceLocation?

    public init(id: String, title: String, shortTitle: String? = nil, publisher: String, date: SourceDate?, consulted: SourceDate? = nil,
                url: String? = nil, access: String? = nil, note: String? = nil, dateLocation: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.publisher = publisher
        self.date = date
        self.consulted = consulted
        self.url = url
        self.access = access
        self.note = note
        self.dateLocation = dateLocation
    }
}
