/// The dates of the mandate a phase holds that a team plans around: the hot seasons seasonal work must be ready
/// for, the mid-mandate review, the next elections.
enum Milestones {
    static func of(_ phase: MandatePhase, season: HotSeason) -> [String] {
        var milestones: [String] = []
        var month = season.nextStart(atOrAfter: phase.start)
        while month < phase.end {
            let year = season.startMonth >= 10 ? "\(month.year)-\(month.year + 1)" : "\(month.year)"
            milestones.append("\(season.name) \(year)")
            month = month.adding(months: 12)
        }
        let review = MandateCalendar.midMandateReview
        if phase.start <= review && review < phase.end {
            milestones.append("bilan de mi-mandat (\(review.shortFrench))")
        }
        if phase.end == MandateCalendar.mandateEnd {
            milestones.append("élections municipales (\(MandateCalendar.mandateEnd.shortFrench))")
        }
        return milestones
    }
}
