/// The dates of the mandate a phase holds that a team plans around: the seasons seasonal work must be ready for,
/// the mid-mandate review, the next elections.
enum Milestones {
    static func of(_ phase: MandatePhase, seasons: [HotSeason]) -> [String] {
        var milestones = HotSeason.starts(of: seasons, from: phase.start, before: phase.end).map { start in
            seasons[start.index].named(startingIn: start.month)
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

    /// The seasons a roadmap's calendar marks: a resort's tourist seasons when the profile says when they fall
    /// (with the hot season when an action must be ready for it too), otherwise the hot season.
    static func seasons(of roadmap: Roadmap) -> [HotSeason] {
        guard !roadmap.peakSeasons.isEmpty else { return [roadmap.hotSeason] }
        let dueBeforeHotSeason = roadmap.items.contains { item in
            switch item.deadline?.kind {
            case .season(let season)?, .underway(let season, _)?: return season == roadmap.hotSeason
            case .stated?, .phaseEnd?, nil: return false
            }
        }
        guard dueBeforeHotSeason, !roadmap.peakSeasons.contains(roadmap.hotSeason) else { return roadmap.peakSeasons }
        return [roadmap.hotSeason] + roadmap.peakSeasons
    }
}
