/// The items whose prerequisites are all placed, as a binary heap: `popFirst` returns the item with the smallest
/// key, and of equal keys the one pushed first — exactly what sorting the list (stably) and taking its head
/// gave, in O(log n) instead of a full sort at every step.
struct ReadyQueue {
    /// Key, then push order: two entries never compare equal.
    private var heap: [(key: Int, sequence: Int, item: Int)] = []
    private var pushed = 0

    init(capacity: Int) {
        heap.reserveCapacity(capacity)
    }

    mutating func push(_ item: Int, key: Int) {
        heap.append((key, pushed, item))
        pushed += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> Int? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && precedes(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && precedes(heap[right], heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first.item
    }

    private func precedes(_ a: (key: Int, sequence: Int, item: Int), _ b: (key: Int, sequence: Int, item: Int)) -> Bool {
        (a.key, a.sequence) < (b.key, b.sequence)
    }
}
