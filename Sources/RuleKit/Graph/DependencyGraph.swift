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
    /// the first by `areInIncreasingOrder` goes first (of equivalent ones, the first in `items`). Items caught in
    /// a cycle are appended at the end.
    public func order(_ items: [String], by areInIncreasingOrder: (String, String) -> Bool) -> [String] {
        var position: [String: Int] = [:]
        var distinct: [String] = []
        for item in items where position[item] == nil {
            position[item] = distinct.count
            distinct.append(item)
        }
        let graph = PositionalGraph(prerequisites: distinct.map { (prerequisites[$0] ?? []).compactMap { position[$0] } })
        // Each item's key is its rank in `items` sorted by the comparator (stably).
        var rank = [Int](repeating: 0, count: distinct.count)
        for (position, item) in distinct.indices.sorted(by: { areInIncreasingOrder(distinct[$0], distinct[$1]) }).enumerated() {
            rank[item] = position
        }
        return graph.order(Array(distinct.indices)) { rank[$0] }.map { distinct[$0] }
    }

    /// Rotates a cycle so that equal cycles found from different starts compare equal.
    private static func canonical(_ cycle: [String]) -> [String] {
        let body = Array(cycle.dropLast())
        guard let smallest = body.indices.min(by: { body[$0] < body[$1] }) else { return cycle }
        return Array(body[smallest...] + body[..<smallest])
    }
}
