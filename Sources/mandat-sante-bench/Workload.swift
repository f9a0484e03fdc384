import Dispatch
import MandatSante

/// One thing to time over a set of profiles: plan only, or plan and render the text roadmap.
struct Workload: Sendable {
    /// One planner per thread, made before anything is timed, as a long-running service would: the first is
    /// the one given, the others its replicas (`Planner.replica`).
    let planners: [Planner]
    let calendar: MandateCalendar
    let rendering: Bool

    init(planner: Planner, threads: Int, calendar: MandateCalendar, rendering: Bool) {
        planners = [planner] + (1..<max(threads, 1)).map { _ in planner.replica() }
        self.calendar = calendar
        self.rendering = rendering
    }

    /// Processes `profiles[range]` with `planner` and returns a checksum of the results, so that nothing is
    /// optimised away and every run, on one core or several, can be checked to give the same roadmaps.
    func run(_ profiles: [Profile], _ range: Range<Int>, planner: Planner) -> Int {
        let renderer = TextRoadmapRenderer()
        var checksum = 0
        for index in range {
            let roadmap = planner.plan(profiles[index], calendar: calendar)
            if rendering {
                let text = renderer.render(RoadmapPresenter(ruleBase: planner.ruleBase).document(roadmap))
                checksum &+= text.utf8.count
            } else {
                checksum &+= roadmap.items.count &* 1_000 &+ roadmap.leftOut.count &+ (roadmap.items.first?.score.total ?? 0)
            }
        }
        return checksum
    }

    /// The first `count` profiles spread over `threads` threads (at most one per planner), one contiguous
    /// share and one planner each.
    func run(_ profiles: [Profile], count: Int, threads: Int) -> Int {
        let workers = min(count, threads, planners.count)
        guard workers > 1 else { return run(profiles, 0..<count, planner: planners[0]) }
        let sums = ChunkSums(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            sums[worker] = run(profiles, (count * worker / workers)..<(count * (worker + 1) / workers), planner: planners[worker])
        }
        return sums.total
    }
}
