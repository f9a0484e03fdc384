/// Prints diagnostics the way compilers do: `file:line:col: erreur: [code] message`, the source line, a caret.
///
/// Whatever the input, the output stays readable, safe and proportionate: control characters from the input
/// are made visible (`TerminalText`), a long line is shown as a window around the caret, at most `limit`
/// diagnostics are printed (then « … et N autres erreurs »), and each file's lines are indexed once, so that
/// printing costs the same for one error or twenty thousand on the same line.
public struct DiagnosticPrinter: Sendable {
    /// How many diagnostics `render(_:)` prints by default.
    public static let defaultLimit = 100
    /// The width of the window shown of a long source line.
    static let windowWidth = 100
    /// No message is printed longer than this, whatever it quotes.
    public static let maximumMessageLength = 2_000

    /// The text of each file by name, to quote the offending line; files not present print without a quote.
    public var sources: [String: String] {
        didSet { indexes = Self.index(sources) }
    }
    public let wording: any DiagnosticWording
    private var indexes: [String: SourceLines]

    public init(sources: [String: String] = [:], wording: any DiagnosticWording) {
        self.sources = sources
        self.wording = wording
        indexes = Self.index(sources)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let position = TerminalText.neutralized(diagnostic.location.description, [.bidirectional])
        let message = Self.bounded(TerminalText.neutralized(wording.message(diagnostic.code, diagnostic.arguments), [.bidirectional]))
        var lines = ["\(position): \(wording.severity(diagnostic.severity)): [\(diagnostic.code)] \(message)"]
        lines += quote(diagnostic.location)
        for note in diagnostic.notes {
            let text = Self.bounded(TerminalText.neutralized(wording.message(note.code, note.arguments), [.bidirectional]))
            if let location = note.location {
                // A note with a place of its own reads like a diagnostic, quoting its line.
                lines.append("\(TerminalText.neutralized(location.description, [.bidirectional])): \(wording.noteLabel): \(text)")
                lines += quote(location)
            } else {
                lines.append("    \(wording.noteLabel) : \(text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The line of `location` and a caret under its column, when the file's text is known.
    private func quote(_ location: SourceLocation) -> [String] {
        guard location.hasPosition,
              let quoted = indexes[location.file]?.window(line: location.line, column: location.column, width: Self.windowWidth) else { return [] }
        return ["    " + quoted.text, "    " + String(repeating: " ", count: max(0, quoted.caretColumn - 1)) + "^"]
    }

    /// The first `limit` diagnostics, then how many more there are (« … et 19 950 autres erreurs »).
    public func render(_ diagnostics: [Diagnostic], limit: Int = defaultLimit) -> String {
        var printed = diagnostics.prefix(max(0, limit)).map(render)
        if let rest = remainder(diagnostics.dropFirst(max(0, limit))) { printed.append(rest) }
        return printed.joined(separator: "\n")
    }

    /// « … et 3 autres erreurs et 1 autre avertissement », or `nil` when nothing is left out.
    public func remainder(_ omitted: some Collection<Diagnostic>) -> String? {
        guard !omitted.isEmpty else { return nil }
        let errors = omitted.filter { $0.severity == .error }.count
        return "… " + wording.remainder(errors: errors, warnings: omitted.count - errors)
    }

    /// A message cut at `maximumMessageLength` scalars.
    static func bounded(_ message: String) -> String {
        guard message.unicodeScalars.count > maximumMessageLength else { return message }
        var cut = String.UnicodeScalarView(message.unicodeScalars.prefix(maximumMessageLength - 1))
        cut.append("…")
        return String(cut)
    }

    private static func index(_ sources: [String: String]) -> [String: SourceLines] {
        sources.mapValues(SourceLines.init)
    }
}

/// The lines of a source text, found once: lines end with LF, CRLF or a lone CR (as the JSON and CSV readers
/// count them). Columns count Unicode scalars; a checkpoint every 1,024 scalars finds any column of a long line
/// (a minified 7 MB file is one line) without walking the line from its start for each diagnostic.
struct SourceLines: Sendable {
    private static let checkpointInterval = 1_024

    private let bytes: [UInt8]
    /// The byte offset where each line starts; line `n` starts at `starts[n - 1]`.
    private let starts: [Int]
    /// The index, counted in scalars from the start of the text, of each line's first scalar.
    private let scalarStarts: [Int]
    /// The byte offset of every `checkpointInterval`-th scalar of the text.
    private let checkpoints: [Int]
    private let scalarCount: Int

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var scalarStarts = [0]
        var checkpoints: [Int] = []
        var scalars = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                if scalars % Self.checkpointInterval == 0 { checkpoints.append(index) }
                scalars += 1
            }
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                starts.append(index + 1)
                scalarStarts.append(scalars)
            }
            index += 1
        }
        self.starts = starts
        self.scalarStarts = scalarStarts
        self.checkpoints = checkpoints
        scalarCount = scalars
    }

    /// The byte offset of the text's `scalar`-th scalar (the end of the text past the last one).
    private func byteOffset(ofScalar scalar: Int) -> Int {
        guard scalar < scalarCount else { return bytes.count }
        var offset = checkpoints[scalar / Self.checkpointInterval]
        var remaining = scalar % Self.checkpointInterval
        while remaining > 0 {
            offset += 1
            if bytes[offset] & 0xC0 != 0x80 { remaining -= 1 }
        }
        return offset
    }

    /// Line `number` shown around `column` (counted in Unicode scalars), cut to `width` scalars with « … » on the
    /// cut sides, tabulations as spaces and control characters made visible; the caret's column in what is shown.
    func window(line number: Int, column: Int, width: Int) -> (text: String, caretColumn: Int)? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] : bytes.count
        // Line ends are ASCII: one byte, one scalar each.
        var lineEndBytes = 0
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1; lineEndBytes += 1 }
        let firstScalar = scalarStarts[number - 1]
        let count = (number < scalarStarts.count ? scalarStarts[number] : scalarCount) - firstScalar - lineEndBytes
        let first = count > width ? max(0, min(column - 1 - width / 2, count - width)) : 0
        let last = min(count, first + width)
        let windowStart = byteOffset(ofScalar: firstScalar + first)
        let windowEnd = last < count ? byteOffset(ofScalar: firstScalar + last) : end
        let shown = String(decoding: bytes[windowStart..<windowEnd], as: UTF8.self)
        var text = TerminalText.neutralized(String(shown.unicodeScalars.map { $0 == "\t" ? " " : Character($0) }), [.bidirectional])
        var caret = column - first
        if first > 0 { text = "…" + text; caret += 1 }
        if last < count { text += "…" }
        return (text, caret)
    }
}
