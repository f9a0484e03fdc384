import RuleKit

/// A streaming CSV parser (RFC 4180, tolerant): feed it chunks of bytes, get records with their positions.
///
/// - The separator is `;` or `,`, detected from the header line (the one it holds more of; `;` on a tie),
///   unless given.
/// - A UTF-8 byte order mark is skipped; lines end with LF, CRLF or CR; blank lines are skipped.
/// - A quoted field may contain separators, line breaks and doubled quotes (`""`). A stray quote inside an
///   unquoted field, or text after a closing quote, is kept as it is.
/// - The encoding is decided for the whole file by the first field that is not ASCII: valid UTF-8 makes it a
///   UTF-8 file, anything else a Windows-1252 file (what a French Excel saves by default), read as such
///   (`encoding` says which). A later field in the other encoding is a `mixedEncodingCode` error: the file mixes
///   two encodings and cannot be read as a whole, which the caller treats as fatal.
/// - The first record is the header and every other record must have as many fields. A faulty record is
///   reported as `.invalid` and reading goes on with the next one. A record whose first field starts with `#` after
///   the header is a comment, skipped (the template of `batch --modele` documents its columns that way).
///
/// Memory stays bounded whatever the input: only the current record is kept, and a record longer than
/// `maximumRecordBytes` is reported instead of stored.
public struct CSVReader: Sendable {
    public static let maximumRecordBytes = 1 << 20
    public static let maximumFields = 4_096

    /// The separator in use, once the header line has been seen (or as given).
    public private(set) var separator: UInt8?
    /// The number of fields of the header, once read.
    public private(set) var headerFieldCount: Int?
    /// The file's encoding, once a field that is not ASCII has decided it.
    public private(set) var encoding: TextFileEncoding?
    /// The line of the field that decided `encoding`.
    public private(set) var encodingLine: Int?

    /// The error code of a field in another encoding than the rest of the file: fatal for the whole file.
    public static let mixedEncodingCode = "csv.encodages-melanges"

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// `separator` once known, for the hot loop.
    private var activeSeparator = UInt8.semicolon
    private var detecting = true
    private var pending: [UInt8] = []
    private var state = State.fieldStart
    private var line = 1
    private var previousWasCR = false
    private var field: [UInt8] = []
    private var fieldWasQuoted = false
    private var fields: [String] = []
    private var fieldLines: [Int] = []
    private var fieldLine = 1
    private var recordLine = 1
    private var quoteLine = 1
    private var recordBytes = 0
    private var oversized = false
    private var problems: [CSVReadError] = []
    private var events: [CSVEvent] = []

    /// `separator` is detected from the header line when `nil`.
    public init(separator: UInt8? = nil) {
        self.separator = separator
    }

    /// Parses `bytes`, the next chunk of the file, and returns the records it completes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [CSVEvent] {
        if detecting {
            pending.append(contentsOf: bytes)
            // Wait for the whole header line (bounded: a file of blank lines must not fill the memory).
            let headerComplete = firstContentLineEnd().map { $0 < pending.count } ?? false
            guard headerComplete || pending.count > Self.maximumRecordBytes else { return [] }
            startParsing()
        } else {
            for byte in bytes { consume(byte) }
        }
        return takeEvents()
    }

    /// Ends the input: returns the last record, or an error if a quoted field was never closed.
    public mutating func finish() -> [CSVEvent] {
        if detecting { startParsing() }
        switch state {
        case .quoted:
            let column = fields.count + 1
            problems.append(CSVReadError(code: "csv.guillemet-non-ferme", message: "le guillemet ouvert ligne \(quoteLine) (champ \(column)) n'est jamais refermé ; un champ entre guillemets se termine par un guillemet, et un guillemet à l'intérieur s'écrit \"\"", line: quoteLine, column: column))
            endRecord()
        case .fieldStart where fields.isEmpty:
            break
        default:
            endRecord()
        }
        return takeEvents()
    }

    // MARK: Separator and byte order mark

    /// The end of the first line that is not blank, in `pending` (`pending.count` if the line is not complete).
    private func firstContentLineEnd() -> Int? {
        var hasContent = false
        for (index, byte) in pending.enumerated() {
            if byte == .lineFeed || byte == .carriageReturn {
                if hasContent { return index }
            } else if byte != .space && byte != .tab {
                hasContent = true
            }
        }
        return hasContent ? pending.count : nil
    }

    private mutating func startParsing() {
        detecting = false
        var bytes = pending
        pending = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let encoding = TextEncoding.wide(bytes) {
            problems.append(CSVReadError(code: "csv.encodage", message: "le fichier est en \(encoding) ; enregistrez-le en « CSV UTF-8 » (tableur : Enregistrer sous, CSV UTF-8)", line: 1, column: 1))
        }
        if separator == nil {
            let start = bytes.firstIndex { $0 != .lineFeed && $0 != .carriageReturn && $0 != .space && $0 != .tab } ?? bytes.count
            let end = bytes[start...].firstIndex { $0 == .lineFeed || $0 == .carriageReturn } ?? bytes.count
            separator = Self.detectSeparator(in: bytes[start..<end])
        }
        activeSeparator = separator ?? .semicolon
        for byte in bytes { consume(byte) }
    }

    /// `;` or `,`, whichever the header line has more of outside quotes (`;` on a tie or if neither).
    static func detectSeparator(in header: ArraySlice<UInt8>) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for byte in header {
            if byte == .quote { quoted.toggle() }
            if quoted { continue }
            if byte == .semicolon { semicolons += 1 }
            if byte == .comma { commas += 1 }
        }
        return commas > semicolons ? .comma : .semicolon
    }

    // MARK: The state machine

    private mutating func consume(_ byte: UInt8) {
        let lineFeedAfterCR = byte == .lineFeed && previousWasCR
        previousWasCR = byte == .carriageReturn
        if byte == .carriageReturn || (byte == .lineFeed && !lineFeedAfterCR) { line += 1 }
        switch state {
        case .quoted:
            if byte == .quote { state = .quoteInQuoted } else { append(byte) }
        case .quoteInQuoted:
            if byte == .quote {
                append(byte)
                state = .quoted
            } else {
                state = .unquoted
                consumeOutsideQuotes(byte, lineFeedAfterCR: lineFeedAfterCR)
            }
        case .fieldStart, .unquoted:
            consumeOutsideQuotes(byte, lineFeedAfterCR: lineFeedAfterCR)
        }
    }

    private mutating func consumeOutsideQuotes(_ byte: UInt8, lineFeedAfterCR: Bool) {
        switch byte {
        case activeSeparator:
            endField()
        case .lineFeed where lineFeedAfterCR && state == .fieldStart && fields.isEmpty:
            // The LF of a CRLF whose CR already ended the record.
            recordLine = line
            fieldLine = line
        case .lineFeed, .carriageReturn:
            endRecord()
        case .quote where state == .fieldStart:
            state = .quoted
            fieldWasQuoted = true
            quoteLine = line
        default:
            state = .unquoted
            append(byte)
        }
    }

    private mutating func append(_ byte: UInt8) {
        recordBytes += 1
        if recordBytes > Self.maximumRecordBytes {
            oversized = true
        } else {
            field.append(byte)
        }
    }

    private mutating func endField() {
        let column = fields.count + 1
        if fields.count < Self.maximumFields {
            fields.append(decodeField(column: column))
            fieldLines.append(fieldLine)
        } else {
            oversized = true
        }
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        state = .fieldStart
        fieldLine = line
    }

    /// The current field as text, in the file's encoding (deciding it on the first field that is not ASCII).
    private mutating func decodeField(column: Int) -> String {
        if field.allSatisfy({ $0 < 0x80 }) { return String(decoding: field, as: UTF8.self) }
        let utf8 = String(validating: field, as: UTF8.self)
        switch encoding {
        case nil:
            if let utf8 {
                decide(.utf8)
                return utf8
            }
            if case .success(let text) = Windows1252.decode(field) {
                decide(.windows1252)
                return text
            }
            problems.append(Self.encodingError(in: field, fieldLine: fieldLine, column: column))
            return String(decoding: field, as: UTF8.self)
        case .utf8?:
            if let utf8 { return utf8 }
            var error = Self.encodingError(in: field, fieldLine: fieldLine, column: column)
            error.code = Self.mixedEncodingCode
            error.message = "cette cellule n'est pas en UTF-8 (octets \(Self.shownBytes(field, from: Self.invalidOffset(field)))), alors que le fichier l'est (ligne \(encodingLine ?? 1)) : il mélange deux encodages et ne peut être lu en entier ; ouvrez-le dans le tableur et enregistrez-le à nouveau en « CSV UTF-8 »"
            problems.append(error)
            return String(decoding: field, as: UTF8.self)
        case .windows1252?:
            if utf8 != nil {
                problems.append(CSVReadError(code: Self.mixedEncodingCode, message: "cette cellule est en UTF-8, alors que le fichier est en Windows-1252 (ligne \(encodingLine ?? 1)) : il mélange deux encodages et ne peut être lu en entier ; ouvrez-le dans le tableur et enregistrez-le à nouveau en « CSV UTF-8 »", line: fieldLine, column: column))
                return utf8 ?? ""
            }
            switch Windows1252.decode(field) {
            case .success(let text):
                return text
            case .failure(let undefined):
                problems.append(CSVReadError(code: "csv.encodage", message: "octet 0x\(String(undefined.byte, radix: 16, uppercase: true)) sans caractère en Windows-1252, l'encodage du fichier ; enregistrez le fichier en « CSV UTF-8 »", line: fieldLine, column: column))
                return String(decoding: field, as: UTF8.self)
            }
        }
    }

    private mutating func decide(_ decided: TextFileEncoding) {
        encoding = decided
        encodingLine = fieldLine
    }

    private mutating func endRecord() {
        // A line of nothing but spaces is blank too (but a quoted empty field is a value).
        let blank = fields.isEmpty && !fieldWasQuoted && problems.isEmpty && field.allSatisfy { $0 == .space || $0 == .tab }
        if !blank {
            endField()
            emitRecord()
        }
        fields.removeAll(keepingCapacity: true)
        fieldLines.removeAll(keepingCapacity: true)
        problems.removeAll()
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
        state = .fieldStart
        recordBytes = 0
        oversized = false
        recordLine = line
        fieldLine = line
    }

    private mutating func emitRecord() {
        if headerFieldCount != nil, problems.isEmpty, let first = fields.first, first.trimmingCellSpaces.hasPrefix("#") { return }
        var errors = problems
        if oversized {
            errors.append(CSVReadError(code: "csv.trop-long", message: "l'enregistrement dépasse \(Self.maximumRecordBytes / 1024) Kio ou \(Self.maximumFields) champs ; un guillemet mal fermé peut en être la cause", line: recordLine, column: 1))
        }
        let record = CSVRecord(line: recordLine, fields: fields, fieldLines: fieldLines)
        guard let expected = headerFieldCount else {
            headerFieldCount = fields.count
            events.append(errors.isEmpty ? .header(record) : .invalid(line: recordLine, errors: errors))
            return
        }
        if errors.isEmpty && fields.count != expected {
            errors.append(fieldCountError(found: fields.count, expected: expected))
        }
        events.append(errors.isEmpty ? .record(record) : .invalid(line: recordLine, errors: errors))
    }

    private func fieldCountError(found: Int, expected: Int) -> CSVReadError {
        let separatorName = separator == .comma ? "« , »" : "« ; »"
        if found < expected {
            return CSVReadError(code: "csv.nombre-de-champs", message: "\(Self.fields(found)) au lieu des \(expected) de l'en-tête : il manque \(Self.fields(expected - found)) (séparateur \(separatorName))", line: fieldLines.last ?? recordLine, column: found + 1)
        }
        let extraLine = fieldLines.count > expected ? fieldLines[expected] : recordLine
        return CSVReadError(code: "csv.nombre-de-champs", message: "\(Self.fields(found)) au lieu des \(expected) de l'en-tête : \(Self.fields(found - expected)) en trop (séparateur \(separatorName) ; un texte qui contient le séparateur doit être entre guillemets)", line: extraLine, column: expected + 1)
    }

    private static func fields(_ count: Int) -> String {
        "\(count) champ\(count > 1 ? "s" : "")"
    }

    /// Where the first invalid UTF-8 sequence of `bytes` is: its line, counted from the field's first line.
    static func encodingError(in bytes: [UInt8], fieldLine: Int, column: Int) -> CSVReadError {
        let offset = invalidOffset(bytes)
        var line = fieldLine
        var previous: UInt8 = 0
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == .carriageReturn || (byte == .lineFeed && previous != .carriageReturn) { line += 1 }
            previous = byte
        }
        return CSVReadError(code: "csv.encodage", message: "texte qui n'est pas de l'UTF-8 valide (octets \(shownBytes(bytes, from: offset))) ; enregistrez le fichier en « CSV UTF-8 »", line: line, column: column)
    }

    /// The offset of the first byte of `bytes` that is not valid UTF-8.
    static func invalidOffset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let encoded) = parser.parseScalar(from: &iterator) { offset += encoded.count }
        return offset
    }

    static func shownBytes(_ bytes: [UInt8], from offset: Int) -> String {
        bytes[min(offset, bytes.count)..<min(offset + 4, bytes.count)].map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }

    private mutating func takeEvents() -> [CSVEvent] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }
}

/// The encoding of a territories file, as `CSVReader` found it.
public enum TextFileEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"
}

extension UInt8 {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
}
