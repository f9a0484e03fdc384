/// The phases of what remains of the 2026–2032 municipal mandate, seen from a start month and named for it.
///
/// The mandate began with the elections of March 2026 and ends with those of March 2032; its mid-point, March
/// 2029, is when teams take stock. From any start month the calendar has up to four phases: the next three
/// months (the first 100 days when the start is the mandate's own), the rest of the current year or of the next
/// one, up to the mid-mandate review, and up to the end. A phase shorter than four months is merged into the one
/// before, so that a late start never shows a « phase » of a few weeks.
public struct MandateCalendar: Sendable {
    /// Municipal elections were held in March 2026; the next ones in March 2032.
    public static let mandateStart = YearMonth(year: 2026, month: 3)
    /// The first month after the mandate (the month of the next elections).
    public static let mandateEnd = YearMonth(year: 2032, month: 3)
    /// The mid-mandate review, three years in: the phase before it ends with this month.
    public static let midMandateReview = YearMonth(year: 2029, month: 3)
    /// Phases shorter than this are merged into the previous one.
    static let shortestPhase = 4
    /// A phase « d'ici fin de l'année » needs at least this many months; otherwise it runs to the next year's end.
    static let shortestYearPhase = 6

    public enum CalendarError: Error, Equatable {
        case beforeMandate(YearMonth)
        case afterMandate(YearMonth)
    }

    public let start: YearMonth
    public let phases: [MandatePhase]
    /// `phaseIndex(for:)` of each horizon, by its ordinal: the planner asks for every recommendation.
    private let horizonPhases: [Int]

    public init(start: YearMonth) throws(CalendarError) {
        if start < Self.mandateStart { throw .beforeMandate(start) }
        if start >= Self.mandateEnd { throw .afterMandate(start) }
        self.start = start
        let phases = Self.phases(from: start)
        self.phases = phases
        horizonPhases = Horizon.allCases.map { horizon in
            phases.firstIndex { $0.horizons.upperBound >= horizon } ?? phases.count - 1
        }
    }

    /// The end of the mandate (exclusive), for timelines.
    public var end: YearMonth { Self.mandateEnd }

    /// The index of the phase where recommendations of `horizon` may start at the earliest: the first phase that
    /// covers the horizon or a later one.
    public func phaseIndex(for horizon: Horizon) -> Int {
        horizonPhases[horizon.ordinal]
    }

    /// The last phase ending by the mid-mandate review (March 2029): what is placed up to it is decided now — the
    /// first decisions of the synthesis, the phases a declared priority's action must stay in.
    public var reviewPhase: Int { phaseIndex(for: .midMandate) }

    /// The index of the phase holding `month`, nil outside the calendar.
    public func phaseIndex(containing month: YearMonth) -> Int? {
        phases.firstIndex { $0.start <= month && month < $0.end }
    }

    private static func phases(from start: YearMonth) -> [MandatePhase] {
        let end = mandateEnd
        let reviewEnd = midMandateReview.adding(months: 1)
        let firstEnd = min(start.adding(months: 3), end)
        let firstTitle = firstEnd == end ? "Jusqu'à la fin du mandat"
            : start < YearMonth(year: 2026, month: 5) ? "Les 100 premiers jours du mandat" : "Les trois prochains mois"
        var drafts = [Draft(kind: firstEnd == end ? .endOfMandate : .nearTerm, title: firstTitle, start: start, end: firstEnd)]
        // The rest of this year (or of the next, when this one is nearly over), then the mid-mandate review.
        var yearEnd = YearMonth(year: firstEnd.year + 1, month: 1)
        if firstEnd.months(until: yearEnd) < shortestYearPhase { yearEnd = YearMonth(year: yearEnd.year + 1, month: 1) }
        if yearEnd.months(until: reviewEnd) >= shortestYearPhase {
            drafts.append(Draft(kind: .year, title: "D'ici fin \(yearEnd.year - 1)", start: firstEnd, end: yearEnd))
        }
        drafts.append(Draft(kind: .midMandate, title: "Jusqu'au bilan de mi-mandat", start: drafts[drafts.count - 1].end, end: reviewEnd))
        drafts.append(Draft(kind: .endOfMandate, title: "Jusqu'à la fin du mandat", start: reviewEnd, end: end))
        // Keep what lies in the calendar; merge short phases into the previous one, which takes their end and name.
        var kept: [Draft] = []
        for var draft in drafts {
            draft.start = max(draft.start, kept.last?.end ?? start)
            guard draft.start < draft.end else { continue }
            if let previous = kept.last, draft.start.months(until: draft.end) < shortestPhase {
                draft.start = previous.start
                kept[kept.count - 1] = draft
                continue
            }
            kept.append(draft)
        }
        // Each phase takes the horizons after those of the phase before, up to its own.
        var phases: [MandatePhase] = []
        for (offset, draft) in kept.enumerated() {
            let previous = phases.last?.horizons.upperBound
            let lower = previous.map { last in Horizon.allCases.first { $0 > last } ?? last } ?? .hundredDays
            let upper = offset == kept.count - 1 ? .endOfMandate : max(lower, draft.kind.latestHorizon)
            phases.append(MandatePhase(id: draft.kind.id, title: draft.title, start: draft.start, end: draft.end, horizons: lower...upper))
        }
        return phases
    }

    /// A phase before short ones are merged.
    private struct Draft {
        enum Kind {
            case nearTerm, year, midMandate, endOfMandate

            /// The latest horizon of the recommendations that start in it at the earliest.
            var latestHorizon: Horizon {
                switch self {
                case .nearTerm: return .hundredDays
                case .year: return .firstYear
                case .midMandate: return .midMandate
                case .endOfMandate: return .endOfMandate
                }
            }

            var id: String {
                switch self {
                case .nearTerm: return "premiers-mois"
                case .year: return "fin-d-annee"
                case .midMandate: return "mi-mandat"
                case .endOfMandate: return "fin-mandat"
                }
            }
        }

        var kind: Kind
        var title: String
        var start: YearMonth
        var end: YearMonth
    }
}

/// One phase of the mandate: a title and months `[start, end)`.
public struct MandatePhase: Sendable, Hashable {
    /// Stable across start months: « premiers-mois », « fin-d-annee », « mi-mandat », « fin-mandat ».
    public var id: String
    public var title: String
    public var start: YearMonth
    /// Exclusive.
    public var end: YearMonth
    /// The horizons of the recommendations that may start here at the earliest.
    public var horizons: ClosedRange<Horizon>

    public var months: Int { start.months(until: end) }

    /// « déc. 2026 – févr. 2027 » (the last month included).
    public var period: String {
        let last = end.adding(months: -1)
        return last == start ? start.shortFrench : "\(start.shortFrench) – \(last.shortFrench)"
    }
}
