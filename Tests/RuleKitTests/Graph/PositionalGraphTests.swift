import RuleKit
import Testing

@Suite struct PositionalGraphTests {
    /// A small deterministic generator: the test needs varied graphs, always the same ones.
    private struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func independentItemsComeOutByKeyEqualKeysInTheirGivenOrder() {
        let graph = PositionalGraph(prerequisites: [[], [], [0], [], [], [3]])
        // 0, 1, 3, 4 do not depend on each other: by key, ties (1 and 4) in the given order.
        let keys = [0: 5, 1: 2, 3: 9, 4: 2]
        #expect(graph.order([4, 3, 1, 0], key: { keys[$0] ?? 0 }) == [4, 1, 0, 3])
        #expect(graph.order([3, 5], key: { $0 == 5 ? 0 : 1 }) == [3, 5])
    }

    @Test func everyItemComesAfterItsPrerequisitesAndIndependentOnesByKey() {
        var random = Sequence(state: 2026)
        for _ in 0..<300 {
            let count = 1 + random.next(60)
            let prerequisites = (0..<count).map { item in
                item == 0 ? [] : (0..<random.next(3)).map { _ in random.next(item) }
            }
            let graph = PositionalGraph(prerequisites: prerequisites)
            let items = (0..<count).filter { _ in random.next(3) > 0 }
            let keys = (0..<count).map { _ in random.next(8) }
            let ordered = graph.order(items, key: { keys[$0] })
            #expect(ordered.sorted() == items.sorted())
            let place = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
            for item in items {
                for need in graph.prerequisites[item] where place[need] != nil {
                    #expect(place[need]! < place[item]!)
                }
            }
            let independent = !items.contains { item in graph.prerequisites[item].contains(where: items.contains) }
            if independent {
                let expected = items.enumerated().sorted { (keys[$0.element], $0.offset) < (keys[$1.element], $1.offset) }.map(\.element)
                #expect(ordered == expected)
            }
        }
    }
}
