/// Percent-encoding of query strings and of `application/x-www-form-urlencoded` bodies (WHATWG URL, « urlencoded »).
public enum URLEncoding {
    /// The name=value pairs of a query or a form body, decoded; `nil` if a `%` is not followed by two hex digits or
    /// the decoded bytes are not UTF-8. Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` has an empty value.
    public static func decodeForm(_ text: String) -> [(name: String, value: String)]? {
        var pairs: [(name: String, value: String)] = []
        for piece in text.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { piece[piece.startIndex..<$0] } ?? piece[...]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            guard let name = decode(rawName, plusAsSpace: true), let value = decode(rawValue, plusAsSpace: true) else { return nil }
            pairs.append((name: name, value: value))
        }
        return pairs
    }

    /// `%XX` sequences decoded (and `+` as a space in forms); `nil` for a broken escape or invalid UTF-8.
    public static func decode(_ bytes: some Collection<UInt8>, plusAsSpace: Bool = false) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                result.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                result.append(UInt8(ascii: " "))
            default:
                result.append(byte)
            }
        }
        return String(validating: result, as: UTF8.self)
    }

    /// `text` with every byte outside the unreserved set (letters, digits, `-._~`) as `%XX`: safe in a path
    /// segment, a query name or value, and an HTML attribute.
    public static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// A query string from pairs, in their order.
    public static func encodeForm(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
