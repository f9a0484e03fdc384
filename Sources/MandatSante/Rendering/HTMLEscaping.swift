/// Escaping of data (from a profile or a rule) written into HTML text, attribute values and inline SVG.
public enum HTMLEscaping {
    /// Replaces the five characters HTML gives a meaning: `&`, `<`, `>`, `"` and `'`. Safe in text and in
    /// attribute values quoted with either quote.
    public static func escape(_ text: String) -> String {
        // On bytes: the five are ASCII, never part of a longer UTF-8 sequence; most texts hold none of them.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: result += Self.ampersand
            case 0x3C: result += Self.lessThan
            case 0x3E: result += Self.greaterThan
            case 0x22: result += Self.quote
            case 0x27: result += Self.apostrophe
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let ampersand = Array("&amp;".utf8), lessThan = Array("&lt;".utf8), greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8), apostrophe = Array("&#39;".utf8)

    /// Escaped prose in French typography: guillemets on the line of the words they enclose, numbers whole.
    static func prose(_ text: String) -> String {
        escape(Typography.french(text))
    }

    /// `prose(text)` appended to `out` in one pass over the bytes of `text`: the no-break spaces of
    /// `Typography.french` (decided on the text as written) and the entities of `escape` (which leave a no-break
    /// space as it is), without a string between them.
    static func appendProse(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for index in 0..<source.count {
                let replacement: [UInt8]
                switch source[index] {
                case 0x20:
                    // Before an ASCII letter (most spaces), only a guillemet just before makes a no-break space.
                    if index + 1 < source.count, isASCIILetter(source[index + 1]), index == 0 || source[index - 1] != 0xAB { continue }
                    guard Typography.noBreak(at: index, in: source) else { continue }
                    replacement = noBreakSpace
                case 0x26: replacement = ampersand
                case 0x3C: replacement = lessThan
                case 0x3E: replacement = greaterThan
                case 0x22: replacement = quote
                case 0x27: replacement = apostrophe
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                out += replacement
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }
}
