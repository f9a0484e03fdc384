/// Reads the strict Markdown subset of rule files, keeping the position of everything, and reports every
/// construct outside the subset where it is instead of guessing what was meant.
///
/// The subset (`Rules/README.md` documents it for authors):
/// - UTF-8 (a byte order mark is skipped), lines ending with LF, CRLF or CR; no tabulation, no control character;
/// - a header first: a `---` line, then `key: value` lines — or a `key:` line followed by lines `  - item` —,
///   closed by a `---` line (a header left open ends, with an error, at the first heading); no key twice;
/// - then one title `# …`, sections `## …` and, inside a section, subsections `### …`;
/// - in a section, blocks separated by blank lines: paragraphs (lines joined by one space), numbered lists
///   (`1. `) and bulleted lists (`- `); an item continues on the following lines (indented or not) until a blank
///   line or the next item; lists of the same kind separated by blank lines are one list;
/// - text is taken as written: no inline formatting is interpreted. Block quotes, code blocks, other list
///   markers (`*`, `+`, `1)`), headings below `###` and horizontal rules are refused, as is a list that starts
///   right under a paragraph without a blank line (Markdown would read it differently from what it looks like).
public enum MarkdownReader {
    public static func read(_ bytes: [UInt8], file: String) -> (document: MarkdownDocument?, problems: [Diagnostic]) {
        if let encoding = TextEncoding.wide(bytes) {
            return (nil, [.error("markdown.encodage", ["encoding": encoding], at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if let invalid = firstInvalidUTF8(bytes) {
            return (nil, [.error("markdown.utf8", at: invalid.inFile(file))])
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var reader = Reader(lines: Self.lines(String(decoding: body, as: UTF8.self)), file: file)
        reader.run()
        return (reader.document, reader.problems)
    }
}

/// A paragraph or a list being read: the items already complete, and the lines of the last one.
private struct OpenBlock {
    var kind: MarkdownDocument.Block.Kind
    var location: SourceLocation
    var finished: [LocatedText]
    var current: [LocatedText]
}

/// The state of one reading: the lines, what is open, what was found.
private struct Reader {
    let lines: [[Unicode.Scalar]]
    let file: String
    var problems: [Diagnostic] = []
    var header: [MarkdownDocument.Field] = []
    var headerLocation: SourceLocation?
    var title: LocatedText?
    var sections: [MarkdownDocument.Section] = []
    /// The block being read.
    var open: OpenBlock?
    /// The kind of the block closed by the last blank line, to join lists separated by blank lines.
    var lastClosedKind: MarkdownDocument.Block.Kind?

    init(lines: [[Unicode.Scalar]], file: String) {
        self.lines = lines
        self.file = file
    }

    /// A position of the file being read.
    func position(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    var document: MarkdownDocument {
        MarkdownDocument(header: header, headerLocation: headerLocation, title: title, sections: sections)
    }

    mutating func run() {
        for (index, line) in lines.enumerated() {
            checkCharacters(line, number: index + 1)
        }
        var next = 0
        if let first = lines.first, Self.isRule(first) {
            headerLocation = position(1, 1)
            next = readHeader()
        } else {
            problems.append(Diagnostic.error("markdown.entete-manquant", at: position(1, 1)))
        }
        while next < lines.count {
            readBodyLine(lines[next], number: next + 1)
            next += 1
        }
        closeBlock()
        if title == nil {
            problems.append(Diagnostic.error("markdown.titre-manquant", at: position(max(1, lines.count), 1)))
        }
    }

    // MARK: Characters

    private mutating func checkCharacters(_ line: [Unicode.Scalar], number: Int) {
        // An index loop (`enumerated()` is slow unoptimised, and every scalar of every rule file comes here).
        var offset = -1
        while offset + 1 < line.count {
            offset += 1
            let scalar = line[offset]
            // Printable ASCII, most of every line, is never refused.
            if scalar.value >= 0x20 && scalar.value < 0x7F { continue }
            if scalar == "\t" {
                problems.append(Diagnostic.error("markdown.tabulation", at: position(number, offset + 1)))
                return
            }
            if TerminalText.isForbiddenInText(scalar) {
                problems.append(Diagnostic.error("markdown.caractere-de-controle", ["character": TerminalText.codePoint(scalar)],
                                                at: position(number, offset + 1)))
                return
            }
        }
    }

    // MARK: Header

    /// Reads the header from line 2; returns the index of the first line after it.
    private mutating func readHeader() -> Int {
        var index = 1
        var seen: [String: SourceLocation] = [:]
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            if Self.isRule(line) {
                return index + 1
            }
            if line.first == "#" {
                // The closing `---` was forgotten: the body starts at its first heading, read as such.
                problems.append(Diagnostic.error("markdown.entete-non-ferme", at: position(number, 1)))
                return index
            }
            index += 1
            if Self.isBlank(line) { continue }
            if line.first == " " {
                let indent = Self.indentation(line)
                guard line.count > indent + 1, line[indent] == "-", line[indent + 1] == " " else {
                    problems.append(Diagnostic.error("markdown.entete-ligne", at: position(number, indent + 1)))
                    continue
                }
                let item = located(line, from: indent + 2, line: number).trimmed()
                guard !header.isEmpty, header[header.count - 1].value == nil else {
                    problems.append(Diagnostic.error(header.isEmpty ? "markdown.element-sans-champ" : "markdown.element-apres-valeur",
                                                    header.last.map { ["key": $0.key.text] } ?? [:], at: position(number, indent + 1)))
                    continue
                }
                if item.text.isEmpty {
                    problems.append(Diagnostic.error("markdown.element-vide", ["key": header[header.count - 1].key.text], at: position(number, indent + 1)))
                    continue
                }
                header[header.count - 1].items.append(item)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(Diagnostic.error("markdown.entete-ligne", at: position(number, 1)))
                continue
            }
            let key = located(line, from: 0, upTo: colon, line: number).trimmed()
            guard !key.text.isEmpty, key.text.unicodeScalars.allSatisfy(Self.isKeyScalar) else {
                problems.append(Diagnostic.error("markdown.cle-invalide", ["key": key.text], at: position(number, 1)))
                continue
            }
            let rawValue = located(line, from: colon + 1, line: number).trimmed()
            let field = MarkdownDocument.Field(key: key, value: rawValue.text.isEmpty ? nil : rawValue, items: [])
            if let first = seen[key.text] {
                problems.append(Diagnostic.error("markdown.champ-en-double", ["key": key.text], at: key.location, notes: [Diagnostic.Note("note.premiere-occurrence", at: first)]))
            } else {
                seen[key.text] = key.location
            }
            header.append(field)
        }
        problems.append(Diagnostic.error("markdown.entete-non-ferme", at: position(1, 1)))
        return lines.count
    }

    private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " || scalar == "-" || scalar == "'" || scalar == "’"
    }

    // MARK: Body

    private mutating func readBodyLine(_ line: [Unicode.Scalar], number: Int) {
        let indent = Self.indentation(line)
        if Self.isBlank(line) {
            if let open { lastClosedKind = open.kind }
            closeBlock(keepLastKind: true)
            return
        }
        let at = position(number, indent + 1)
        if indent == 0, line.first == "#" {
            readHeading(line, number: number)
            return
        }
        if Self.isRule(line) || Self.isSetextUnderline(line) {
            problems.append(Diagnostic.error("markdown.non-pris-en-charge", ["construct": "rule"], at: at))
            return
        }
        let rest = Array(line[indent...])
        if rest.starts(with: ["`", "`", "`"]) || rest.starts(with: ["~", "~", "~"]) {
            problems.append(Diagnostic.error("markdown.non-pris-en-charge", ["construct": "code"], at: at))
            return
        }
        if rest.first == ">" {
            problems.append(Diagnostic.error("markdown.non-pris-en-charge", ["construct": "quote"], at: at))
            return
        }
        if let marker = Self.listMarker(rest) {
            startItem(line, number: number, indent: indent, marker: marker)
            return
        }
        if let wrong = Self.otherListMarker(rest) {
            problems.append(Diagnostic.error("markdown.marqueur-de-liste", ["marker": wrong], at: at))
            return
        }
        let text = located(line, from: indent, line: number)
        if open != nil {
            open?.current.append(text)
            return
        }
        if indent >= 4 {
            problems.append(Diagnostic.error("markdown.non-pris-en-charge", ["construct": "indented-code"], at: at))
            return
        }
        guard placeForBlock(at: at) else { return }
        lastClosedKind = nil
        open = OpenBlock(kind: .paragraph, location: at, finished: [], current: [text])
    }

    private mutating func startItem(_ line: [Unicode.Scalar], number: Int, indent: Int, marker: (kind: MarkdownDocument.Block.Kind, width: Int)) {
        let at = position(number, indent + 1)
        let text = located(line, from: indent + marker.width, line: number).trimmed()
        if text.text.isEmpty {
            problems.append(Diagnostic.error("markdown.element-de-liste-vide", at: at))
            return
        }
        if let block = open {
            guard block.kind == marker.kind else {
                problems.append(Diagnostic.error(block.kind == .paragraph ? "markdown.liste-sans-ligne-vide" : "markdown.listes-melangees", at: at))
                return
            }
            open?.finished.append(Self.joined(block.current))
            open?.current = [text]
            return
        }
        guard placeForBlock(at: at) else { return }
        if lastClosedKind == marker.kind, currentBlocks.last?.kind == marker.kind {
            // A list whose items are separated by blank lines stays one list.
            let previous = removeLastBlock()
            open = OpenBlock(kind: marker.kind, location: previous.location, finished: previous.items, current: [text])
            return
        }
        lastClosedKind = nil
        open = OpenBlock(kind: marker.kind, location: at, finished: [], current: [text])
    }

    private mutating func readHeading(_ line: [Unicode.Scalar], number: Int) {
        closeBlock()
        lastClosedKind = nil
        let level = line.prefix(while: { $0 == "#" }).count
        let at = position(number, 1)
        guard line.count > level, line[level] == " " else {
            problems.append(Diagnostic.error("markdown.titre-sans-espace", at: at))
            return
        }
        let heading = located(line, from: level + 1, line: number).trimmed()
        if heading.text.isEmpty {
            problems.append(Diagnostic.error("markdown.titre-vide", at: at))
            return
        }
        switch level {
        case 1:
            if let title {
                problems.append(Diagnostic.error("markdown.titre-en-double", at: at, notes: [Diagnostic.Note("note.premiere-occurrence", at: title.location)]))
            } else if !sections.isEmpty {
                problems.append(Diagnostic.error("markdown.titre-apres-section", at: at))
            } else {
                title = heading
            }
        case 2:
            if title == nil { problems.append(Diagnostic.error("markdown.texte-avant-titre", at: at)) }
            sections.append(MarkdownDocument.Section(level: 2, heading: heading, blocks: [], subsections: []))
        case 3:
            guard !sections.isEmpty else {
                problems.append(Diagnostic.error("markdown.sous-section-hors-section", at: at))
                return
            }
            sections[sections.count - 1].subsections.append(MarkdownDocument.Section(level: 3, heading: heading, blocks: [], subsections: []))
        default:
            problems.append(Diagnostic.error("markdown.niveau-de-titre", ["level": String(level)], at: at))
        }
    }

    /// Whether a block may start here: inside a section, after the title.
    private mutating func placeForBlock(at location: SourceLocation) -> Bool {
        if sections.isEmpty {
            problems.append(Diagnostic.error(title == nil ? "markdown.texte-avant-titre" : "markdown.texte-hors-section", at: location))
            return false
        }
        return true
    }

    private var currentBlocks: [MarkdownDocument.Block] {
        guard let section = sections.last else { return [] }
        return section.subsections.last?.blocks ?? section.blocks
    }

    private mutating func removeLastBlock() -> MarkdownDocument.Block {
        let last = sections.count - 1
        if sections[last].subsections.isEmpty {
            return sections[last].blocks.removeLast()
        }
        return sections[last].subsections[sections[last].subsections.count - 1].blocks.removeLast()
    }

    private mutating func closeBlock(keepLastKind: Bool = false) {
        defer { if !keepLastKind { lastClosedKind = nil } }
        guard let block = open else { return }
        open = nil
        let closed = MarkdownDocument.Block(kind: block.kind, items: block.finished + [Self.joined(block.current)], location: block.location)
        let last = sections.count - 1
        guard last >= 0 else { return }
        if sections[last].subsections.isEmpty {
            sections[last].blocks.append(closed)
        } else {
            sections[last].subsections[sections[last].subsections.count - 1].blocks.append(closed)
        }
    }

    /// The lines of a paragraph or an item joined by one space, each piece keeping its place.
    private static func joined(_ lines: [LocatedText]) -> LocatedText {
        var text = String.UnicodeScalarView()
        var pieces: [LocatedText.Piece] = []
        for line in lines.map({ $0.trimmed() }) where !line.text.isEmpty {
            if !text.isEmpty { text.append(" ") }
            pieces += line.pieces.map { LocatedText.Piece(offset: text.count + $0.offset, location: $0.location) }
            text.append(contentsOf: line.text.unicodeScalars)
        }
        guard !pieces.isEmpty else { return LocatedText("", at: lines.first?.location ?? SourceLocation(line: 1, column: 1)) }
        return LocatedText(String(text), pieces: pieces)
    }

    // MARK: Line shapes

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        line.allSatisfy { $0 == " " }
    }

    static func isRule(_ line: [Unicode.Scalar]) -> Bool {
        // Said at once for most lines (asked of every line): a rule's first scalar after spaces is its mark.
        guard let mark = line.first(where: { $0 != " " }), mark == "-" || mark == "*" || mark == "_" else { return false }
        let trimmed = line.filter { $0 != " " }
        guard trimmed.count >= 3, let first = trimmed.first, first == "-" || first == "*" || first == "_" else { return false }
        return trimmed.allSatisfy { $0 == first }
    }

    private static func isSetextUnderline(_ line: [Unicode.Scalar]) -> Bool {
        guard line.first(where: { $0 != " " }) == "=" else { return false }
        let trimmed = line.filter { $0 != " " }
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 == "=" }
    }

    static func indentation(_ line: [Unicode.Scalar]) -> Int {
        line.prefix(while: { $0 == " " }).count
    }

    /// `- ` or `1. ` (any number of up to nine digits): the kind of list and the width of the marker.
    private static func listMarker(_ rest: [Unicode.Scalar]) -> (kind: MarkdownDocument.Block.Kind, width: Int)? {
        if rest.first == "-", rest.count == 1 || rest[1] == " " { return (.bulletList, 2) }
        let digits = rest.prefix(while: { ("0"..."9").contains($0) }).count
        if (1...9).contains(digits), rest.count > digits, rest[digits] == ".", rest.count == digits + 1 || rest[digits + 1] == " " {
            return (.numberedList, digits + 2)
        }
        return nil
    }

    /// `* `, `+ ` or `1) `: list markers of Markdown outside the subset.
    private static func otherListMarker(_ rest: [Unicode.Scalar]) -> String? {
        if let first = rest.first, first == "*" || first == "+", rest.count == 1 || rest[1] == " " { return String(first) }
        let digits = rest.prefix(while: { ("0"..."9").contains($0) }).count
        if (1...9).contains(digits), rest.count > digits, rest[digits] == ")", rest.count == digits + 1 || rest[digits + 1] == " " {
            return String(String.UnicodeScalarView(rest[...digits]))
        }
        return nil
    }

    /// The text of `line` from scalar `start` (to `end`), located in the file.
    func located(_ line: [Unicode.Scalar], from start: Int, upTo end: Int? = nil, line number: Int) -> LocatedText {
        let upper = min(end ?? line.count, line.count)
        let lower = min(start, upper)
        return LocatedText(String(String.UnicodeScalarView(line[lower..<upper])), at: position(number, lower + 1))
    }
}
