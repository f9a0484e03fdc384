/// Dependencies between items known by position (`0..<count`): the form the planner orders thousands of times,
/// where looking items up by name would cost more than ordering them.
public struct PositionalGraph: Sendable {
    /// For each item, the distinct items it comes after (never itself).
    public let prerequisites: [[Int]]
    /// For each item, the distinct items that come after it.
    public let dependents: [[Int]]

    /// `prerequisites[i]` lists what item `i` comes after; positions out of range and `i` itself are ignored.
    public init(prerequisites: [[Int]]) {
        let count = prerequisites.count
        var distinct: [[Int]] = []
        distinct.reserveCapacity(count)
        var dependents = [[Int]](repeating: [], count: count)
        for (item, needs) in prerequisites.enumerated() {
            var seen: Set<Int> = []
            let kept = needs.filter { $0 != item && (0..<count).contains($0) && seen.insert($0).inserted }
            for need in kept { dependents[need].append(item) }
            distinct.append(kept)
        }
        self.prerequisites = distinct
        self.dependents = dependents
    }

    /// Orders `items` (distinct positions) so that each comes after its prerequisites among `items`; among the
    /// ready ones, the one with the smallest `key` goes first (equal keys: the one ready first). Items caught in a
    /// cycle are appended at the end, by key. Integer keys rather than a comparator: the planner orders every
    /// profile's actions, and comparing two integers costs less than calling a closure.
    public func order(_ items: [Int], key: (Int) -> Int) -> [Int] {
        if items.count <= Self.fewItems, !items.contains(where: { item in prerequisites[item].contains(where: items.contains) }) {
            return Self.sortedByKey(items, key: key)
        }
        var present = [Bool](repeating: false, count: prerequisites.count)
        for item in items { present[item] = true }
        var remaining = [Int](repeating: 0, count: prerequisites.count)
        for item in items {
            for need in prerequisites[item] where present[need] { remaining[item] += 1 }
        }
        var ready = ReadyQueue(capacity: items.count)
        for item in items where remaining[item] == 0 { ready.push(item, key: key(item)) }
        var result: [Int] = []
        result.reserveCapacity(items.count)
        while let next = ready.popFirst() {
            result.append(next)
            for dependent in dependents[next] where present[dependent] {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 { ready.push(dependent, key: key(dependent)) }
            }
        }
        if result.count < items.count {
            // What was never placed still waits for a prerequisite.
            result += items.filter { remaining[$0] > 0 }.map { (key: key($0), item: $0) }.sorted { $0 < $1 }.map(\.item)
        }
        return result
    }

    /// Up to this many items, whether any depends on another is found by scanning them, without allocating.
    private static let fewItems = 32

    /// Items that do not depend on each other, by key, equal keys in their given order (as `order` would).
    private static func sortedByKey(_ items: [Int], key: (Int) -> Int) -> [Int] {
        var keyed = items.map { (key: key($0), item: $0) }
        for slot in keyed.indices.dropFirst() {
            let element = keyed[slot]
            var hole = slot
            while hole > 0, keyed[hole - 1].key > element.key {
                keyed[hole] = keyed[hole - 1]
                hole -= 1
            }
            keyed[hole] = element
        }
        return keyed.map(\.item)
    }
}
