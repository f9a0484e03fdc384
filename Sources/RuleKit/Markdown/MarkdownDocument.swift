/// A document of the strict Markdown subset `MarkdownReader` reads: a header of fields between two `---`
/// lines, one title, then sections (`##`) that may hold subsections (`###`), each made of paragraphs, numbered
/// lists and bulleted lists. Every piece keeps where it was written.
public struct MarkdownDocument: Hashable, Sendable {
    /// One `key: value` line of the header, or a `key:` line followed by indented `- item` lines.
    public struct Field: Hashable, Sendable {
        public var key: LocatedText
        /// The text after the colon; nil when the key is followed by nothing (then `items` may hold its list).
        public var value: LocatedText?
        public var items: [LocatedText]

        public var location: SourceLocation { key.location }
    }

    public struct Block: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case paragraph
            case numberedList
            case bulletList
        }

        public var kind: Kind
        /// A paragraph's text (lines joined by a space), or a list's items.
        public var items: [LocatedText]
        public var location: SourceLocation
    }

    public struct Section: Hashable, Sendable {
        /// 2 for `##`, 3 for `###`.
        public var level: Int
        public var heading: LocatedText
        public var blocks: [Block]
        /// The `###` sections of a `##` section.
        public var subsections: [Section]

        public var location: SourceLocation { heading.location }
    }

    public var header: [Field]
    /// The `---` line that opens the header; nil when the file has none.
    public var headerLocation: SourceLocation?
    public var title: LocatedText?
    public var sections: [Section]

    /// The header field named `key`.
    public func field(_ key: String) -> Field? {
        header.first { $0.key.text == key }
    }
}
