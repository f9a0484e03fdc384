/// A JSON value to write, with object keys kept in the order given so that output is stable and readable.
public indirect enum JSONOutput: Hashable, Sendable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered())
    }

    /// Pretty-printed with two-space indentation and a final newline; short scalar arrays stay on one line.
    public func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: a large document (a roadmap in JSON is ~100 KB) is built without a `String` append
    /// per piece.
    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += Self.emptyObject; return }
            out += Self.openObject
            for (index, (key, value)) in members.enumerated() {
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += Self.colon
                value.write(into: &out, indent: indent + 1)
                out += index < members.count - 1 ? Self.commaLine : Self.newLine
            }
            Self.pad(&out, indent)
            out.append(0x7D)
        case .array(let items):
            guard !items.isEmpty else { out += Self.emptyArray; return }
            if items.allSatisfy(\.isScalar), items.count <= 12 {
                out.append(0x5B)
                for (index, item) in items.enumerated() {
                    if index > 0 { out += Self.commaSpace }
                    item.write(into: &out, indent: 0)
                }
                out.append(0x5D)
                return
            }
            out += Self.openArray
            for (index, item) in items.enumerated() {
                Self.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index < items.count - 1 ? Self.commaLine : Self.newLine
            }
            Self.pad(&out, indent)
            out.append(0x5D)
        case .string(let text):
            Self.quote(text, into: &out)
        case .number(let value):
            out += (value.isFinite ? (value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null").utf8
        case .integer(let value):
            out += String(value).utf8
        case .bool(let value):
            out += (value ? "true" : "false").utf8
        case .null:
            out += Self.nullBytes
        }
    }

    private static let emptyObject = Array("{}".utf8), emptyArray = Array("[]".utf8), nullBytes = Array("null".utf8)
    private static let openObject = Array("{\n".utf8), openArray = Array("[\n".utf8), colon = Array(": ".utf8)
    private static let commaLine = Array(",\n".utf8), newLine = Array("\n".utf8), commaSpace = Array(", ".utf8)

    private static func pad(_ out: inout [UInt8], _ level: Int) {
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// A JSON string literal; non-ASCII text is kept as is (UTF-8), control characters are escaped.
    public static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        quote(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// On bytes: in UTF-8, every byte below 0x80 is a whole character, so a quote, a backslash or a control
    /// character is never part of another.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = text.utf8
        // The usual string has nothing to escape: appended in one piece (checked on the contiguous bytes when
        // the string has them: the generic iteration cost more than all the rest of writing a roadmap).
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        } ?? !utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
        if plain {
            if utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil { out.append(contentsOf: utf8) }
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
