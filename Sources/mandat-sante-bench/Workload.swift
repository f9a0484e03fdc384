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

    /// The first `count` profiles spread over `threads` threads, in contiguous chunks (several per thread, to
    /// even out the load).
    func run(_ profiles: [Profile], count: Int, threads: Int) -> Int {
        guard threads > 1 else { return run(profiles, 0..<count) }
        let chunkCount = max(1, min(count, threads * 8))
        let sums = ChunkSums(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            sums[chunk] = run(profiles, (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
        return sums.total
    }
}

/// One result slot per chunk, each written by exactly one thread, read after all have finished.
final class ChunkSums: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Int>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    subscript(index: Int) -> Int {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var total: Int { slots.reduce(0, &+) }
}
