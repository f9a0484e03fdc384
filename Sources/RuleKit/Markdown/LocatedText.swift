/// A text taken from a file, with where each of its pieces was written, so that a position inside the text (a
/// character of a condition, say) maps back to its line and column in the file, even when the text was joined
/// from several lines or had escapes decoded.
public struct LocatedText: Hashable, Sendable {
    /// Where a piece of the text starts: its offset in `text`, in Unicode scalars, and its place in the file.
    public struct Piece: Hashable, Sendable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public var text: String
    /// In increasing offsets; the first piece starts at offset 0. Within a piece, scalars follow each other on
    /// one line.
    public private(set) var pieces: [Piece]

    /// A text written in one go, starting at `location`.
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        pieces = [Piece(offset: 0, location: location)]
    }

    /// A text made of pieces; `pieces` must not be empty and must start at offset 0.
    public init(_ text: String, pieces: [Piece]) {
        precondition(pieces.first?.offset == 0, "a located text starts with a piece at offset 0")
        self.text = text
        self.pieces = pieces
    }

    /// Where the text starts.
    public var location: SourceLocation { pieces[0].location }

    /// The file position of the scalar at `offset` (or just past the end of the text).
    public func location(atOffset offset: Int) -> SourceLocation {
        var piece = pieces[0]
        for candidate in pieces.dropFirst() {
            guard candidate.offset <= offset else { break }
            piece = candidate
        }
        return piece.location.advanced(by: max(0, offset - piece.offset))
    }

    /// The part of the text from `range` (scalar offsets), keeping its positions.
    public func slice(_ range: Range<Int>) -> LocatedText {
        let scalars = Array(text.unicodeScalars)
        let lower = min(max(0, range.lowerBound), scalars.count)
        let upper = min(max(lower, range.upperBound), scalars.count)
        var kept = [Piece(offset: 0, location: location(atOffset: lower))]
        for piece in pieces where piece.offset > lower && piece.offset < upper {
            kept.append(Piece(offset: piece.offset - lower, location: piece.location))
        }
        return LocatedText(String(String.UnicodeScalarView(scalars[lower..<upper])), pieces: kept)
    }

    /// Without the spaces at either end, keeping the positions of what is left.
    public func trimmed() -> LocatedText {
        // Nothing to trim (most texts): the slice of the whole text would be this text, pieces and all, when every
        // piece after the first starts strictly inside it — so no copy of its scalars.
        let view = text.unicodeScalars
        if let first = view.first, first != " ", view.last != " " {
            let count = view.count
            if pieces.dropFirst().allSatisfy({ $0.offset > 0 && $0.offset < count }) { return self }
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " }) else { return slice(0..<0) }
        let last = scalars.lastIndex(where: { $0 != " " }) ?? first
        return slice(first..<last + 1)
    }
}

extension JSONNode {
    /// A string value as a located text: every scalar maps to its column in the file, escapes included.
    public var locatedText: LocatedText? {
        guard case .string(let text) = value else { return nil }
        guard let scalarColumns, !scalarColumns.isEmpty else {
            return LocatedText(text, at: location.advanced(by: 1))
        }
        let pieces = scalarColumns.enumerated().map { offset, column in
            LocatedText.Piece(offset: offset, location: SourceLocation(file: location.file, line: location.line, column: column))
        }
        return LocatedText(text, pieces: pieces)
    }
}
