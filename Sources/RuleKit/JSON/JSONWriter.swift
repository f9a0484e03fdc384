/// Writes JSON straight into UTF-8 bytes, in the layout of `JSONOutput.rendered()` (two-space indentation, short
/// scalar arrays on one line): a document the size of a roadmap (~130 KB) is written without first building a
/// tree of values, which cost more than the writing itself.
///
/// Inside an object, `key` starts each member and the next value written is its value; inside an array, each
/// value is an element. `object` and `array` open a container for their body.
public struct JSONWriter {
    /// The document so far.
    public var bytes: [UInt8] { out.array }
    // Internal, not private: `document(capacity:reusing:_:)` gives it back to its pool (JSONWriter+BufferPool.swift).
    private(set) var out: ByteBuffer
    /// The open containers (`JSONNesting`): a class like `out`, so that counting a member is no copy-on-write check.
    private var open: JSONNesting

    /// Arrays of scalars up to this length stay on one line.
    static let inlineArrayLimit = 12

    public init(capacity: Int = 0) {
        self.init(buffer: ByteBuffer(capacity: capacity))
    }

    /// A writer that appends to `buffer` (empty, or emptied by the pool that hands it out).
    init(buffer: ByteBuffer) {
        out = buffer
        open = JSONNesting()
    }

    /// Before writing: a copy of a writer writes into bytes (and containers) of its own. `out` and `open` are
    /// copied together, so `out` alone tells whether they are shared.
    private mutating func ensureUnique() {
        if !isKnownUniquelyReferenced(&out) {
            out = out.copy()
            open = open.copy()
        }
    }

    /// The document, with its final newline.
    public mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    /// The document's UTF-8, with its final newline, in an array of its size: for a file, without building a
    /// string (and validating its bytes again) first.
    public mutating func finishBytes() -> [UInt8] {
        ensureUnique()
        out.append(0x0A)
        return out.array
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(isArray: false, open: 0x7B, close: 0x7D, body)
    }

    /// An array whose elements go on lines of their own (objects, arrays); for scalars, `strings` or `integers`.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(isArray: true, open: 0x5B, close: 0x5D, body)
    }

    private mutating func container(isArray: Bool, open openByte: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        startValue()
        out.append(openByte)
        open.push(isArray: isArray)
        body(&self)
        ensureUnique()
        if open.pop() > 0 { lineStart(comma: false, level: open.depth) }
        out.append(close)
    }

    /// Starts a member of the current object: its key; the next value written is its value.
    public mutating func key(_ name: String) {
        ensureUnique()
        nextEntry()
        Self.quote(name, into: out)
        out.append(0x3A)
        out.append(0x20)
    }

    /// Starts a member whose key is written in the source (every key of a roadmap): its bytes appended as they are,
    /// without the look for characters to escape that a key built at run time needs (a roadmap has thousands).
    public mutating func key(_ name: StaticString) {
        ensureUnique()
        nextEntry()
        assert(!name.hasPointerRepresentation || Self.needsEscaping(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) == false,
               "a key written in the source has nothing to escape")
        // `"name": ` in one piece: a roadmap writes some two thousand keys.
        let length = name.utf8CodeUnitCount
        let start = out.reserve(length + 4)
        start[0] = 0x22
        if name.hasPointerRepresentation {
            (start + 1).update(from: name.utf8Start, count: length)
        } else {
            name.withUTF8Buffer { if let bytes = $0.baseAddress { (start + 1).update(from: bytes, count: $0.count) } }
        }
        start[length + 1] = 0x22
        start[length + 2] = 0x3A
        start[length + 3] = 0x20
        out.advance(by: length + 4)
    }

    /// Before a value: in an array, the separator and indentation of a new element (a member's value follows its
    /// key directly).
    private mutating func startValue() {
        ensureUnique()
        if open.innermostIsArray { nextEntry() }
    }

    private mutating func nextEntry() {
        guard open.depth > 0 else { return }
        lineStart(comma: open.countEntry(), level: open.depth)
    }

    /// A comma when `comma`, a line feed, then the indentation of `level`, in one piece: a roadmap starts a line
    /// thousands of times, and appending its parts one by one cost as much as the rest of the line.
    private mutating func lineStart(comma: Bool, level: Int) {
        let width = (comma ? 2 : 1) + 2 * level
        var next = out.reserve(width)
        if comma {
            next[0] = 0x2C
            next += 1
        }
        next[0] = 0x0A
        (next + 1).update(repeating: 0x20, count: 2 * level)
        out.advance(by: width)
    }

    // MARK: Members of an object

    // Their keys are written in the source (`key(_: StaticString)`); a key made at run time goes through `key(_: String)`.

    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }

    /// `null` when absent.
    public mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }

    public mutating func field(_ name: StaticString, _ value: Int) { key(name); integer(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); boolean(value) }

    public mutating func field(_ name: StaticString, _ values: [String]) { key(name); strings(values) }

    /// A number counted in tenths (33 → `3.3`, 20 → `2`): a decimal figure without the rounding of a `Double`.
    public mutating func field(_ name: StaticString, tenths: Int) {
        key(name)
        startValue()
        if tenths < 0 { out.append(0x2D) }
        Self.decimal(Int(tenths.magnitude / 10), into: out)
        if tenths % 10 != 0 {
            out.append(0x2E)
            Self.decimal(Int(tenths.magnitude % 10), into: out)
        }
    }

    public mutating func object(_ name: StaticString, _ body: (inout JSONWriter) -> Void) { key(name); object(body) }

    public mutating func array(_ name: StaticString, _ body: (inout JSONWriter) -> Void) { key(name); array(body) }

    // MARK: Values

    public mutating func string(_ text: String) {
        startValue()
        Self.quote(text, into: out)
    }

    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func integer(_ value: Int) {
        startValue()
        Self.decimal(value, into: out)
    }

    /// The decimal digits of `value`, written straight into `out` (no string made for each number).
    static func decimal(_ value: Int, into out: ByteBuffer) {
        if value < 0 { out.append(0x2D) }
        var rest = value.magnitude
        // At most 19 digits; written backwards into a fixed buffer on the stack.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            out.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    public mutating func null() {
        startValue()
        Self.nullBytes.withUnsafeBufferPointer { out.append($0) }
    }

    public mutating func boolean(_ value: Bool) {
        startValue()
        (value ? Self.trueBytes : Self.falseBytes).withUnsafeBufferPointer { out.append($0) }
    }

    /// An array of strings: on one line when short, as `JSONOutput` lays out scalars.
    public mutating func strings(_ values: [String]) {
        scalars(values.count) { writer, index in Self.quote(values[index], into: writer.out) }
    }

    public mutating func integers(_ values: [Int]) {
        scalars(values.count) { writer, index in Self.decimal(values[index], into: writer.out) }
    }

    private mutating func scalars(_ count: Int, _ element: (inout JSONWriter, Int) -> Void) {
        guard count <= Self.inlineArrayLimit else {
            array { writer in
                for index in 0..<count {
                    writer.startValue()
                    element(&writer, index)
                }
            }
            return
        }
        startValue()
        out.append(0x5B)
        for index in 0..<count {
            if index > 0 { out.append(0x2C); out.append(0x20) }
            element(&self, index)
        }
        out.append(0x5D)
    }

    /// A value built as a tree.
    public mutating func value(_ output: JSONOutput) {
        switch output {
        case .object(let members):
            object { writer in
                for (key, value) in members {
                    writer.key(key)
                    writer.value(value)
                }
            }
        case .array(let items):
            guard !items.isEmpty, items.allSatisfy(\.isScalar), items.count <= Self.inlineArrayLimit else {
                array { writer in for item in items { writer.value(item) } }
                return
            }
            startValue()
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C); out.append(0x20) }
                Self.scalar(item, into: out)
            }
            out.append(0x5D)
        default:
            startValue()
            Self.scalar(output, into: out)
        }
    }

    private static func scalar(_ output: JSONOutput, into out: ByteBuffer) {
        switch output {
        case .string(let text):
            quote(text, into: out)
        case .number(let value):
            out.append(value.isFinite ? (value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null")
        case .integer(let value):
            decimal(value, into: out)
        case .bool(let value):
            out.append(value ? "true" : "false")
        case .null:
            nullBytes.withUnsafeBufferPointer { out.append($0) }
        case .object, .array:
            break
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    // MARK: Strings

    /// Whether `bytes` hold a control character (C0, DEL, or a C1 control `C2 80`–`C2 9F`), a quote or a
    /// backslash. Sixteen bytes at a time, two words whose marks are joined so that one branch decides them both:
    /// in each word, the high bit of each ASCII byte below 0x20 or equal to 0x7F (from its low seven bits: adding
    /// 0x60 leaves the high bit clear below 0x20, adding 1 sets it only for 0x7F; no carry crosses a byte) and of
    /// each byte equal to 0x22 or 0x5C (exactly: `zeroBytes`). A C1 control is a `C2` followed by a byte 80–9F:
    /// looked for only in words with a non-ASCII byte, the word's `C2` bytes and its bytes 80–9F marked exactly (the
    /// high bit of each) and the first mask moved one byte on meeting the second (French text has a `C2` in every
    /// « », no-break space); a `C2` in a word's last byte is checked with the next byte. Then eight bytes, then the
    /// last bytes one by one. A mark where there is nothing to escape would only send the text to the byte-by-byte
    /// copy, which escapes what it must: only a miss would be wrong, and none is possible.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let quotes = 0x22 &* ones, backslashes = 0x5C &* ones, sixties = 0x60 &* ones
            // The high bit of each zero byte of `word`, exactly (no carry crosses a byte).
            func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low) &+ low) | word) }
            // The high bit of each byte to escape of `word` but the C1 controls (and nothing else but high bits).
            func asciiMarks(_ word: UInt64) -> UInt64 {
                let seven = word & low
                return ((~(seven &+ sixties) | (seven &+ ones)) & ~word | zeroBytes(word ^ quotes) | zeroBytes(word ^ backslashes)) & highs
            }
            // Whether `word` (its non-ASCII bytes marked by `nonASCII`) holds a C1 control, or ends with a `C2` the
            // byte after it (`at`, when there is one) makes one.
            func hasC1(_ word: UInt64, at next: Int) -> Bool {
                let leads = zeroBytes(word ^ (0xC2 &* ones)) & highs
                guard leads != 0 else { return false }
                // Bytes 80–9F: their top three bits are 100.
                let continuations = zeroBytes((word & (0xE0 &* ones)) ^ (0x80 &* ones)) & highs
                if (leads << 8) & continuations != 0 { return true }
                return leads >> 63 != 0 && next < count && bytes[next] & 0xE0 == 0x80
            }
            while index + 16 <= count {
                let first = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let second = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                if asciiMarks(first) | asciiMarks(second) != 0 { return true }
                if (first | second) & highs != 0 {
                    if first & highs != 0, hasC1(first, at: index + 8) { return true }
                    if second & highs != 0, hasC1(second, at: index + 16) { return true }
                }
                index += 16
            }
            if index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if asciiMarks(word) != 0 || (word & highs != 0 && hasC1(word, at: index + 8)) { return true }
                index += 8
            }
        }
        while index < count {
            if isControl(at: index, bytes) || bytes[index] == 0x22 || bytes[index] == 0x5C { return true }
            index += 1
        }
        return false
    }

    /// Whether a control character starts at `index`: C0, DEL, or a C1 control (`C2` then 80–9F).
    @inline(__always)
    private static func isControl(at index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return true }
        return byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
    }

    /// On bytes: in UTF-8, every byte below 0x80 is a whole character, so a quote, a backslash or a control
    /// character is never part of another. Non-ASCII text is kept as is, but for the C1 controls (U+0080–U+009F),
    /// escaped like C0 and DEL: a JSON document then holds no control character but its own line feeds, and needs
    /// no scan before it is shown on a terminal (`batch` writes it as it is; a reader gets the same string back).
    static func quote(_ text: String, into out: ByteBuffer) {
        out.append(0x22)
        var text = text
        // The usual string has nothing to escape: appended in one piece, checked and appended in the same pass over
        // its contiguous storage (the generic iteration cost more than all the rest of writing a roadmap).
        text.withUTF8 { bytes in
            guard needsEscaping(bytes) else {
                out.append(bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0..<0x20, 0x7F: escape(UInt32(byte), into: out)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    escape(UInt32(bytes[index + 1]), into: out)
                    index += 1
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(0x22)
    }

    /// `\u` and four lowercase hexadecimal digits.
    private static func escape(_ value: UInt32, into out: ByteBuffer) {
        let hex = String(value, radix: 16)
        out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
}
