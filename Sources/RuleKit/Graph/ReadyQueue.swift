/// The items whose prerequisites are all placed, as a binary heap: `popFirst` returns the first item by the
/// comparator, and of equivalent items the one pushed first — exactly what sorting the list (stably) and
/// taking its head gave, in O(log n) instead of a full sort at every step.
struct ReadyQueue {
    private var heap: [(item: String, sequence: Int)] = []
    private var pushed = 0
    private let areInIncreasingOrder: (String, String) -> Bool

    init(by areInIncreasingOrder: @escaping (String, String) -> Bool) {
        self.areInIncreasingOrder = areInIncreasingOrder
    }

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ item: String) {
        heap.append((item, pushed))
        pushed += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> String? {
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

    private func precedes(_ a: (item: String, sequence: Int), _ b: (item: String, sequence: Int)) -> Bool {
        if areInIncreasingOrder(a.item, b.item) { return true }
        if areInIncreasingOrder(b.item, a.item) { return false }
        return a.sequence < b.sequence
    }
}
