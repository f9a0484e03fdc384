import Foundation

/// A small deterministic random generator (SplitMix64): the same seed always gives the same profiles,
/// on every machine and every run, so that benchmark figures can be compared.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)`, from the top 53 bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniform integer in `range` (the tiny modulo bias is irrelevant here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// An index drawn with the given relative weights.
    public mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// A log-uniform value in `[low, high]`: as many values between 500 and 1 000 as between 1 000 and 2 000.
    public mutating func logUniform(_ low: Double, _ high: Double) -> Double {
        let a = log(max(low, 1)), b = log(max(high, 1))
        return exp(a + (b - a) * unit())
    }
}
