/// Reads a number as a person writes it in French: « 12 400 », « 12,5 », « -3 », « 1 200 000 ».
///
/// Accepted: an optional sign (`+`, `-` or `−`), digits, thousands grouped by a space (ordinary, no-break,
/// narrow no-break or thin), an apostrophe or an underscore — then in groups of exactly three — and one decimal
/// comma or point followed by digits. Refused, so that a typo or a code never passes for a number:
/// hexadecimal (`0x10`), exponents (`1e3`), `inf`, `nan`, two decimal marks, badly placed separators (`1 2`).
public enum FrenchNumber {
    public static let maximumLength = 40

    static let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’", "_"]

    /// Why `text` is not a number, for a precise message.
    public enum Problem: Error, Hashable, Sendable {
        case notANumber
        /// `1e3`: scientific notation, refused in typed values.
        case exponent
        case tooLong
    }

    public static func parse(_ text: String) -> Result<Double, Problem> {
        guard text.count <= maximumLength else { return .failure(.tooLong) }
        var characters = Array(text)
        var ascii = ""
        if let first = characters.first, first == "-" || first == "+" || first == "−" {
            if first != "+" { ascii = "-" }
            characters.removeFirst()
        }
        var groups: [String] = [""]
        var separatorSeen = false
        var decimals: String?
        for character in characters {
            if decimals != nil {
                guard character.isASCII, character.isNumber else { return .failure(problem(text)) }
                decimals?.append(character)
            } else if character.isASCII, character.isNumber {
                groups[groups.count - 1].append(character)
            } else if groupSeparators.contains(character) {
                separatorSeen = true
                groups.append("")
            } else if character == "," || character == "." {
                decimals = ""
            } else {
                return .failure(problem(text))
            }
        }
        guard let head = groups.first, !head.isEmpty, decimals.map({ !$0.isEmpty }) ?? true else { return .failure(problem(text)) }
        if separatorSeen {
            guard head.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.notANumber) }
        }
        ascii += groups.joined()
        if let decimals { ascii += "." + decimals }
        guard let number = Double(ascii), number.isFinite else { return .failure(.notANumber) }
        return .success(number == 0 ? 0 : number)
    }

    /// `1e3` and `2,5E-4` deserve their own explanation.
    private static func problem(_ text: String) -> Problem {
        let lowered = text.lowercased()
        guard let e = lowered.firstIndex(of: "e"), e != lowered.startIndex else { return .notANumber }
        let mantissa = lowered[..<e]
        var exponent = lowered[lowered.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        let isNumeric: (Character) -> Bool = { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || $0 == "-" || $0 == "+" }
        return !exponent.isEmpty && exponent.allSatisfy({ $0.isASCII && $0.isNumber }) && mantissa.allSatisfy(isNumeric) ? .exponent : .notANumber
    }
}
