/// The phases of what remains of the 2026–2032 municipal mandate, from a start month.
public struct MandateCalendar: Sendable {
    /// Municipal elections were held in March 2026; the next ones in March 2032.
    public static let mandateStart = YearMonth(year: 2026, month: 3)
    public static let mandateEnd = YearMonth(year: 2032, month: 3)
    public static let midMandate = YearMonth(year: 2029, month: 3)

    public enum CalendarError: Error, Equatable {
        case beforeMandate(YearMonth)
        case afterMandate(YearMonth)
    }

    public let start: YearMonth
    public let phases: [MandatePhase]

    /// Phases: the first 100 days, the rest of the first year, up to mid-mandate, up to the end; phases that
    /// would be empty (a late start) are left out and their recommendations go to the next phase.
    public init(start: YearMonth) throws(CalendarError) {
        if start < Self.mandateStart { throw .beforeMandate(start) }
        if start >= Self.mandateEnd { throw .afterMandate(start) }
        self.start = start
        let end = Self.mandateEnd
        let boundaries: [(Horizon, String, YearMonth)] = [
            (.hundredDays, "Les 100 premiers jours", start.adding(months: 3)),
            (.firstYear, "La première année", start.adding(months: 12)),
            (.midMandate, "Jusqu'à mi-mandat", Self.midMandate),
            (.endOfMandate, "Jusqu'à la fin du mandat", end),
        ]
        var phases: [MandatePhase] = []
        var phaseStart = start
        for (horizon, title, proposedEnd) in boundaries {
            let phaseEnd = min(proposedEnd, end)
            guard phaseStart < phaseEnd else { continue }
            phases.append(MandatePhase(horizon: horizon, title: title, start: phaseStart, end: phaseEnd))
            phaseStart = phaseEnd
        }
        self.phases = phases
    }

    /// The index of the phase where recommendations of `horizon` start: its own phase, or the next one present.
    public func phaseIndex(for horizon: Horizon) -> Int {
        phases.firstIndex { $0.horizon >= horizon } ?? phases.count - 1
    }
}

/// One phase of the mandate: a title and months `[start, end)`.
public struct MandatePhase: Sendable, Hashable {
    public var horizon: Horizon
    public var title: String
    public var start: YearMonth
    /// Exclusive.
    public var end: YearMonth

    public var months: Int { start.months(until: end) }

    /// « déc. 2026 – févr. 2027 » (the last month included).
    public var period: String {
        let last = end.adding(months: -1)
        return last == start ? start.shortFrench : "\(start.shortFrench) – \(last.shortFrench)"
    }
}
