import Foundation

/// The timings of one case: several runs of the same work, summarised by their median.
struct Measurement {
    var label: String
    var profileCount: Int
    var threads: Int
    var rendering: Bool
    /// Seconds of each run, in the order they ran.
    var seconds: [Double]
    /// Peak resident memory during the case, in bytes.
    var peakBytes: Int?
    var checksum: Int

    var median: Double {
        let sorted = seconds.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var profilesPerSecond: Double { Double(profileCount) / median }
    var microsecondsPerProfile: Double { median * 1e6 / Double(profileCount) }
    /// Spread of the runs, relative to the median: a large spread means the machine was busy.
    var spread: Double { ((seconds.max() ?? 0) - (seconds.min() ?? 0)) / median }

    /// Times `work` `runs` times (fewer if one run already exceeds `budget / runs` seconds), after a warm-up.
    static func time(label: String, profileCount: Int, threads: Int, rendering: Bool, runs: Int, budget: Double,
                     warmUp: () -> Void, work: () -> Int) -> Measurement {
        warmUp()
        PeakMemory.reset()
        var seconds: [Double] = []
        var checksum: Int?
        var plannedRuns = runs
        while seconds.count < plannedRuns {
            let start = DispatchTime.now().uptimeNanoseconds
            let sum = work()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(checksum == nil || checksum == sum, "\(label) : deux mesures ont donné des feuilles de route différentes")
            checksum = sum
            if seconds.count == 1 { plannedRuns = max(1, min(runs, Int(budget / max(seconds[0], 1e-9)))) }
        }
        return Measurement(label: label, profileCount: profileCount, threads: threads, rendering: rendering,
                           seconds: seconds, peakBytes: PeakMemory.peakBytes(), checksum: checksum ?? 0)
    }
}
