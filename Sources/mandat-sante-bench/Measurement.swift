import Foundation

/// The timings of one case: several runs of the same work, summarised by their median.
struct Measurement {
    var label: String
    /// Profiles in memory for the case.
    var profileCount: Int
    /// Profiles each run processed: all of them, or the first ones when all would not fit the time budget.
    var measuredCount: Int
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

    var profilesPerSecond: Double { Double(measuredCount) / median }
    var microsecondsPerProfile: Double { median * 1e6 / Double(measuredCount) }
    /// Spread of the runs, relative to the median: a large spread means the machine was busy.
    var spread: Double { ((seconds.max() ?? 0) - (seconds.min() ?? 0)) / median }
    var isSampled: Bool { measuredCount < profileCount }
    /// Seconds for every profile: measured, or extrapolated from the sample.
    var secondsForAll: Double { median * Double(profileCount) / Double(measuredCount) }

    /// Profiles of the warm-up run (fewer when they are slow), which also estimates the cost of one profile.
    static let warmUpProfiles = 50

    /// How many of `available` profiles `runs` runs can process within `budget` seconds, at `secondsPerProfile`.
    static func sampleSize(available: Int, secondsPerProfile: Double, runs: Int, budget: Double) -> Int {
        let affordable = Int(budget / (Double(runs) * max(secondsPerProfile, 1e-9)))
        return min(available, max(min(available, 5), affordable))
    }

    /// Times `work(count)` (which processes the first `count` profiles) `runs` times after a warm-up. Without
    /// `count`, it is every profile, or as many as fit the budget at the cost the warm-up measured.
    static func time(label: String, profileCount: Int, count: Int? = nil, threads: Int, rendering: Bool,
                     runs: Int, budget: Double, work: (Int) -> Int) -> Measurement {
        // A few profiles first: when they already take a second, they are warm-up enough.
        var warmUp = min(count ?? profileCount, 5)
        var warmUpStart = DispatchTime.now().uptimeNanoseconds
        _ = work(warmUp)
        if Double(DispatchTime.now().uptimeNanoseconds - warmUpStart) < 1e9 && warmUp < min(count ?? profileCount, warmUpProfiles) {
            warmUp = min(count ?? profileCount, warmUpProfiles)
            warmUpStart = DispatchTime.now().uptimeNanoseconds
            _ = work(warmUp)
        }
        let secondsPerProfile = Double(DispatchTime.now().uptimeNanoseconds - warmUpStart) / 1e9 / Double(max(warmUp, 1))
        let measured = count ?? sampleSize(available: profileCount, secondsPerProfile: secondsPerProfile, runs: runs, budget: budget)
        PeakMemory.reset()
        var seconds: [Double] = []
        var checksum: Int?
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let sum = work(measured)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(checksum == nil || checksum == sum, "\(label) : deux mesures ont donné des feuilles de route différentes")
            checksum = sum
        }
        return Measurement(label: label, profileCount: profileCount, measuredCount: measured, threads: threads,
                           rendering: rendering, seconds: seconds, peakBytes: PeakMemory.peakBytes(), checksum: checksum ?? 0)
    }
}
