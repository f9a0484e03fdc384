import Dispatch
import MandatSante

/// One thing to time over a set of profiles: plan only, or plan and render the text roadmap.
struct Workload: Sendable {
    var planner: Planner
    var calendar: MandateCalendar
    var rendering: Bool

    /// Processes `profiles[range]` and returns a checksum of the results, so that nothing is optimised away
    /// and every run, on one core or several, can be checked to give the same roadmaps.
    func run(_ profiles: [Profile], _ range: Range<Int>) -> Int {
        let renderer = TextRoadmapRenderer()
        var checksum = 0
        for index in range {
            let roadmap = planner.plan(profiles[index], calendar: calendar)
            if rendering {
                let text = renderer.render(RoadmapPresentation(roadmap: roadmap, ruleBase: planner.ruleBase))
                checksum &+= text.utf8.count
            } else {
                checksum &+= roadmap.items.count &* 1_000 &+ roadmap.leftOut.count &+ (roadmap.items.first?.score.total ?? 0)
            }
        }
        return checksum
    }

    /// The first `count` profiles spread over `threads` threads, one contiguous share each.
    func run(_ profiles: [Profile], count: Int, threads: Int) -> Int {
        guard threads > 1 else { return run(profiles, 0..<count) }
        let workers = min(count, threads)
        let sums = ChunkSums(count: workers)
        // One planner per thread (`Planner.replica`, made inside the timed run), each taking a contiguous share.
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var own = self
            own.planner = planner.replica()
            sums[worker] = own.run(profiles, (count * worker / workers)..<(count * (worker + 1) / workers))
        }
        return sums.total
    }
}
