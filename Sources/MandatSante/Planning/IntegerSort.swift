/// Sorts integers in increasing order without calling a comparison closure: planning sorts packed integer keys
/// for every profile, and the standard library's generic sort spent more on its calls than on comparing.
enum IntegerSort {
    /// Runs shorter than this are sorted by insertion, then merged pairwise.
    private static let run = 16

    static func sort(_ values: inout [Int]) {
        values.withUnsafeMutableBufferPointer { sort($0) }
    }

    /// Sorts values in place where they are, for working lists that are not arrays.
    static func sort(_ buffer: UnsafeMutableBufferPointer<Int>) {
        let count = buffer.count
        guard count > 1 else { return }
        var start = 0
        while start < count {
            let end = min(start + run, count)
            for slot in (start + 1)..<end {
                let value = buffer[slot]
                var hole = slot
                while hole > start, buffer[hole - 1] > value {
                    buffer[hole] = buffer[hole - 1]
                    hole -= 1
                }
                buffer[hole] = value
            }
            start = end
        }
        guard count > run else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { other in
            var (from, to) = (buffer, other)
            var width = run
            while width < count {
                var left = 0
                while left < count {
                    let middle = min(left + width, count), end = min(left + 2 * width, count)
                    var (i, j, k) = (left, middle, left)
                    while i < middle, j < end {
                        if from[j] < from[i] {
                            to[k] = from[j]
                            j += 1
                        } else {
                            to[k] = from[i]
                            i += 1
                        }
                        k += 1
                    }
                    while i < middle { to[k] = from[i]; i += 1; k += 1 }
                    while j < end { to[k] = from[j]; j += 1; k += 1 }
                    left = end
                }
                swap(&from, &to)
                width *= 2
            }
            // The sorted values are in `from`: bring them back when that is the scratch buffer.
            if from.baseAddress != buffer.baseAddress {
                for slot in 0..<count { buffer[slot] = from[slot] }
            }
        }
    }
}
