/// Writes JSON straight into UTF-8 bytes, in the layout of `JSONOutput.rendered()` (two-space indentation, short
/// scalar arrays on one line): a document the size of a roadmap (~130 KB) is written without first building a
/// tree of values, which cost more than the writing itself.
///
/// Inside an object, `key` starts each member and the next value written is its value; inside an array, each
/// value is an element. `object` and `array` open a container for their body.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// For each open container, whether it is an array, and how many members or elements it has so far.
    private var open: [(isArray: Bool, count: Int)] = []

    /// Arrays of scalars up to this length stay on one line.
    static let inlineArrayLimit = 12

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The document, with its final newline.
    public mutating func finish() -> String {
        String(decoding: finishBytes(), as: UTF8.self)
    }

    /// The document's UTF-8, with its final newline: for a file, without building a string (and validating its
    /// bytes again) first.
    public mutating func finishBytes() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
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
        bytes.append(openByte)
        open.append((isArray, 0))
        body(&self)
        let count = open.removeLast().count
        if count > 0 { newline(open.count) }
        bytes.append(close)
    }

    /// Starts a member of the current object: its key; the next value written is its value.
    public mutating func key(_ name: String) {
        nextEntry()
        Self.quote(name, into: &bytes)
        bytes.append(0x3A)
        bytes.append(0x20)
    }

    /// Before a value: in an array, the separator and indentation of a new element (a member's value follows its
    /// key directly).
    private mutating func startValue() {
        if let last = open.last, last.isArray { nextEntry() }
    }

    private mutating func nextEntry() {
        guard !open.isEmpty else { return }
        if open[open.count - 1].count > 0 { bytes.append(0x2C) }
        open[open.count - 1].count += 1
        newline(open.count)
    }

    /// A line feed, then the indentation of `level`.
    private mutating func newline(_ level: Int) {
        let width = 1 + 2 * level
        guard width <= Self.lineStarts.count else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
            return
        }
        Self.lineStarts.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<width])) }
    }

    /// A line feed and the spaces of each level, appended in one piece: a roadmap starts a line thousands of times,
    /// and appending its spaces as a generic sequence cost as much as the rest of the line.
    private static let lineStarts: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 2 * 32)

    // MARK: Members of an object

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }

    /// `null` when absent.
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }

    public mutating func field(_ name: String, _ value: Int) { key(name); integer(value) }

    public mutating func field(_ name: String, _ values: [String]) { key(name); strings(values) }

    public mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) { key(name); object(body) }

    public mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) { key(name); array(body) }

    // MARK: Values

    public mutating func string(_ text: String) {
        startValue()
        Self.quote(text, into: &bytes)
    }

    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func integer(_ value: Int) {
        startValue()
        bytes += String(value).utf8
    }

    public mutating func null() {
        startValue()
        bytes += Self.nullBytes
    }

    /// An array of strings: on one line when short, as `JSONOutput` lays out scalars.
    public mutating func strings(_ values: [String]) {
        scalars(values.count) { writer, index in Self.quote(values[index], into: &writer.bytes) }
    }

    public mutating func integers(_ values: [Int]) {
        scalars(values.count) { writer, index in writer.bytes += String(values[index]).utf8 }
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
        bytes.append(0x5B)
        for index in 0..<count {
            if index > 0 { bytes += Self.commaSpace }
            element(&self, index)
        }
        bytes.append(0x5D)
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
            bytes.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { bytes += Self.commaSpace }
                Self.scalar(item, into: &bytes)
            }
            bytes.append(0x5D)
        default:
            startValue()
            Self.scalar(output, into: &bytes)
        }
    }

    private static func scalar(_ output: JSONOutput, into out: inout [UInt8]) {
        switch output {
        case .string(let text):
            quote(text, into: &out)
        case .number(let value):
            out += (value.isFinite ? (value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null").utf8
        case .integer(let value):
            out += String(value).utf8
        case .bool(let value):
            out += (value ? "true" : "false").utf8
        case .null:
            out += nullBytes
        case .object, .array:
            break
        }
    }

    private static let nullBytes = Array("null".utf8), commaSpace = Array(", ".utf8)

    // MARK: Strings

    /// Whether `bytes` hold a control character, a quote or a backslash. Eight bytes at a time: in each word, a byte
    /// below 0x20 sets its high bit in `below`, a byte equal to 0x22 or 0x5C in `quote` or `backslash` (each test
    /// exact for the word as a whole, which is all that is asked); the last bytes one by one.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
        let count = bytes.count
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let below = (word &- 0x20 &* ones) & ~word & highs != 0
                if below || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones)) { return true }
                index += 8
            }
        }
        while index < count {
            if isSpecial(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// On bytes: in UTF-8, every byte below 0x80 is a whole character, so a quote, a backslash or a control
    /// character is never part of another. Non-ASCII text is kept as is.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = text.utf8
        // The usual string has nothing to escape: appended in one piece (checked on the contiguous bytes when
        // the string has them: the generic iteration cost more than all the rest of writing a roadmap).
        // Checked and appended in the same pass over the storage.
        let appended = utf8.withContiguousStorageIfAvailable { buffer in
            guard !needsEscaping(buffer) else { return false }
            out.append(contentsOf: buffer)
            return true
        }
        if appended == true || (appended == nil && !utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            if appended == nil { out.append(contentsOf: utf8) }
            out.append(0x22)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
