import RuleKit

/// Writes values for people: French number format (3 500 ; 12,5), choice labels instead of ids.
public enum ValueFormatter {
    /// A no-break space, so that « 3 500 » and « 12 % » never wrap apart.
    public static let groupSeparator = "\u{00A0}"

    /// `value` the French way, rounded to two decimals: « 3 500 », « 12,5 », « -0,25 ». Any `Double` is safe:
    /// beyond 10^15 it reads « 1,2 × 10^308 », and the non-finite values « ∞ », « -∞ », « non défini ».
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "non défini" : (value < 0 ? "-∞" : "∞") }
        let negative = value < 0
        let magnitude = abs(value)
        if magnitude >= 1e15 { return (negative ? "-" : "") + scientific(magnitude) }
        let rounded = (magnitude * 100).rounded() / 100
        var integerPart = rounded.rounded(.down)
        var fraction = Int(((rounded - integerPart) * 100).rounded())
        if fraction >= 100 { integerPart += 1; fraction = 0 }
        let digits = String(Int(integerPart))
        var grouped = ""
        for (offset, digit) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped = groupSeparator + grouped }
            grouped = String(digit) + grouped
        }
        // A negative value that rounds to zero reads « 0 », not « -0 ».
        var result = (negative && (integerPart > 0 || fraction > 0) ? "-" : "") + grouped
        if fraction > 0 {
            let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
            result += "," + decimals
        }
        return result
    }

    /// « 1,23 × 10^308 » for a large positive finite value.
    private static func scientific(_ magnitude: Double) -> String {
        var mantissa = magnitude
        var exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        if (mantissa * 100).rounded() >= 1000 { mantissa = 1; exponent += 1 }
        return number(mantissa) + "\u{00A0}×\u{00A0}10^\(exponent)"
    }

    /// A word unit takes the singular below two in French: « 1 agent », « 0 agent », « 2 agents ».
    static func agreed(_ unit: String, with number: Double) -> String {
        guard abs(number) < 2, unit.count > 2, unit.hasSuffix("s"), unit.allSatisfy(\.isLetter) else { return unit }
        return String(unit.dropLast())
    }

    /// A value of `fact` for display; `nil` (absent) reads « non renseigné ».
    public static func value(_ value: FactValue?, of fact: Fact?) -> String {
        guard let value else { return "non renseigné" }
        switch value {
        case .bool(let flag): return flag ? "oui" : "non"
        case .number(let number):
            let unit = fact?.unit.map { groupSeparator + agreed($0, with: number) } ?? ""
            return self.number(number) + unit
        case .text(let text): return fact.map { $0.label(ofChoice: text) } ?? text
        case .set(let members):
            if members.isEmpty { return "aucun" }
            let labels = members.sorted().map { id in fact.map { $0.label(ofChoice: id) } ?? id }
            return labels.joined(separator: ", ")
        }
    }
}
