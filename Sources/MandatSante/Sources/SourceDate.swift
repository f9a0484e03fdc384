/// The date of a document as its authors know it: a year, a month or a day, written in ISO form
/// (`2021`, `2021-10`, `2021-10-13`).
public struct SourceDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil unless `text` is `AAAA`, `AAAA-MM` or `AAAA-MM-JJ` with a real month and day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), year >= 1900, year <= 2999,
              parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...Self.days(inMonth: month, year: year)).contains(day) { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    /// The last day the date may stand for (the end of its year or month): a document is old only when even
    /// that day is.
    public var latestDay: (year: Int, month: Int, day: Int) {
        let month = month ?? 12
        return (year, month, day ?? Self.days(inMonth: month, year: year))
    }

    /// The same day `years` earlier (29 February falls back to the 28th).
    public func shifted(years: Int) -> SourceDate {
        let year = year - years
        let day = day.map { min($0, Self.days(inMonth: month ?? 1, year: year)) }
        return SourceDate(year: year, month: month, day: day)
    }

    /// Compares the first day each date may stand for.
    public static func < (lhs: SourceDate, rhs: SourceDate) -> Bool {
        (lhs.year, lhs.month ?? 1, lhs.day ?? 1) < (rhs.year, rhs.month ?? 1, rhs.day ?? 1)
    }

    /// True when the whole period the date stands for ends before `other` begins.
    public func endsBefore(_ other: SourceDate) -> Bool {
        let end = latestDay
        return (end.year, end.month, end.day) < (other.year, other.month ?? 1, other.day ?? 1)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
