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
        var writer = JSONWriter()
        writer.value(self)
        return writer.finish()
    }

    var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// A JSON string literal; non-ASCII text is kept as is (UTF-8), control characters are escaped.
    public static func quote(_ text: String) -> String {
        let out = ByteBuffer(capacity: text.utf8.count + 2)
        JSONWriter.quote(text, into: out)
        return String(decoding: out.array, as: UTF8.self)
    }
}
