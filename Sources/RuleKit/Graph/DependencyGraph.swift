/// Dependencies between named items: cycle detection and a deterministic topological order.
public struct DependencyGraph: Sendable {
    /// For each item, the items it comes after.
    public let prerequisites: [String: [String]]

    public init(prerequisites: [String: [String]]) {
        self.prerequisites = prerequisites
    }

    /// Every cycle, each as the path `a → b → … → a`, found in a deterministic order.
    public func cycles() -> [[String]] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        var found: [[String]] = []
        var seenCycles: Set<[String]> = []

        func visit(_ node: String) {
            marks[node] = .visiting
            stack.append(node)
            for next in (prerequisites[node] ?? []).sorted() where prerequisites[next] != nil {
                switch marks[next] {
                case .visiting:
                    if let start = stack.firstIndex(of: next) {
                        let cycle = Array(stack[start...]) + [next]
                        let key = Self.canonical(cycle)
                        if seenCycles.insert(key).inserted { found.append(cycle) }
                    }
                case .done:
                    continue
                case nil:
                    visit(next)
                }
            }
            stack.removeLast()
            marks[node] = .done
        }
        for node in prerequisites.keys.sorted() where marks[node] == nil {
            visit(node)
        }
        return found
    }

    /// Orders `items` so that each comes after its prerequisites (those among `items`); among the ready ones,
    /// the first by `areInIncreasingOrder` goes first. Items caught in a cycle are appended at the end.
    public func order(_ items: [String], by areInIncreasingOrder: (String, String) -> Bool) -> [String] {
        let present = Set(items)
        var remaining: [String: Int] = [:]
        var dependents: [String: [String]] = [:]
        for item in items {
            let needs = Set(prerequisites[item] ?? []).filter { present.contains($0) && $0 != item }
            remaining[item] = needs.count
            for need in needs { dependents[need, default: []].append(item) }
        }
        // A heap rather than sorting the ready list at every step: same order, O(n log n) instead of O(n² log n).
        return withoutActuallyEscaping(areInIncreasingOrder) { areInIncreasingOrder in
            var ready = ReadyQueue(by: areInIncreasingOrder)
            for item in items where remaining[item] == 0 { ready.push(item) }
            var result: [String] = []
            result.reserveCapacity(items.count)
            while let next = ready.popFirst() {
                result.append(next)
                for dependent in dependents[next] ?? [] {
                    remaining[dependent, default: 0] -= 1
                    if remaining[dependent] == 0 { ready.push(dependent) }
                }
            }
            if result.count < items.count {
                let placed = Set(result)
                result += items.filter { !placed.contains($0) }.sorted(by: areInIncreasingOrder)
            }
            return result
        }
    }

    /// Rotates a cycle so that equal cycles found from different starts compare equal.
    private static func canonical(_ cycle: [String]) -> [String] {
        let body = Array(cycle.dropLast())
        guard let smallest = body.indices.min(by: { body[$0] < body[$1] }) else { return cycle }
        return Array(body[smallest...] + body[..<smallest])
    }
}
