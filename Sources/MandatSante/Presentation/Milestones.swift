/// The dates of the mandate a phase holds that a team plans around: the seasons seasonal work must be ready for,
/// the mid-mandate review, the next elections.
enum Milestones {
    static func of(_ phase: MandatePhase, seasons: [HotSeason]) -> [String] {
        let starts = HotSeason.starts(of: seasons, from: phase.start, before: phase.end)
        // A season that comes back three times or more in the period is said once, with its years: « chaque
        // hivernage de 2029 à 2031 » rather than three names in a row (page 1 holds the calendar).
        var milestones: [String] = []
        var said = Set<Int>()
        for start in starts where !said.contains(start.index) {
            let season = seasons[start.index]
            let years = starts.filter { $0.index == start.index }.map { season.years(startingIn: $0.month) }
            if years.count >= 3, let first = years.first, let last = years.last {
                milestones.append("chaque \(season.bareName) de \(first) à \(last)")
                said.insert(start.index)
            } else {
                milestones.append(season.named(startingIn: start.month))
            }
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

    /// The seasons a roadmap's calendar marks: the climate seasons (the hot one, and French Guiana's rains); for a
    /// resort whose profile says when its tourist seasons fall, those, with each climate season an action must be
    /// ready for.
    static func seasons(of roadmap: Roadmap) -> [HotSeason] {
        let climate = roadmap.rainySeason == roadmap.hotSeason ? [roadmap.hotSeason] : [roadmap.hotSeason, roadmap.rainySeason]
        guard !roadmap.peakSeasons.isEmpty else { return climate }
        var due = Set<HotSeason>()
        for item in roadmap.items {
            switch item.deadline?.kind {
            case .season(let season)?, .underway(let season, _)?: due.insert(season)
            case .stated?, .phaseEnd?, nil: break
            }
        }
        return climate.filter { due.contains($0) && !roadmap.peakSeasons.contains($0) } + roadmap.peakSeasons
    }
}
