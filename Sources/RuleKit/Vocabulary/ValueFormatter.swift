/// Writes values for people: French number format (3 500 ; 12,5), choice labels instead of ids.
public enum ValueFormatter {
    /// A no-break space, so that « 3 500 » and « 12 % » never wrap apart.
    public static let groupSeparator = "\u{00A0}"

    public static func number(_ value: Double) -> String {
        let negative = value < 0
        let magnitude = abs(value)
        let rounded = (magnitude * 100).rounded() / 100
        var integerPart = rounded.rounded(.down)
        var fraction = Int(((rounded - integerPart) * 100).rounded())
        if fraction >= 100 { integerPart += 1; fraction = 0 }
        let digits = integerPart < 1e15 ? String(Int(integerPart)) : String(integerPart)
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
