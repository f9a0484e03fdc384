/// The containers a `JSONWriter` has open, innermost last: for each, whether it is an array and how many members
/// or elements it has so far. One allocation behind a class, like `ByteBuffer`: a roadmap counts a member some two
/// thousand times, and an array of tuples in the writer paid a uniqueness check and bounds checks on each.
final class JSONNesting {
    /// Per container: its count of entries shifted left by one, its low bit set for an array.
    private var entries: UnsafeMutablePointer<Int>
    private(set) var depth = 0
    private var capacity: Int

    init(capacity: Int = 32) {
        self.capacity = max(capacity, 4)
        entries = .allocate(capacity: self.capacity)
    }

    deinit { entries.deallocate() }

    func copy() -> JSONNesting {
        let copy = JSONNesting(capacity: capacity)
        copy.entries.initialize(from: entries, count: depth)
        copy.depth = depth
        return copy
    }

    func push(isArray: Bool) {
        if depth == capacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: entries, count: depth)
            entries.deallocate()
            entries = grown
            capacity *= 2
        }
        entries[depth] = isArray ? 1 : 0
        depth += 1
    }

    /// Closes the innermost container: how many entries it had.
    func pop() -> Int {
        precondition(depth > 0, "a container is closed only after it was opened")
        depth -= 1
        return entries[depth] >> 1
    }

    var innermostIsArray: Bool {
        depth > 0 && entries[depth - 1] & 1 == 1
    }

    /// One more entry in the innermost container (there is one): whether it had one already (then a comma goes
    /// before the new one).
    @inline(__always)
    func countEntry() -> Bool {
        let had = entries[depth - 1] >> 1 > 0
        entries[depth - 1] += 2
        return had
    }
}
