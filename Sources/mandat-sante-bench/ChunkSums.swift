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
