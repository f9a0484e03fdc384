import Testing
import EngineTestSupport
import RuleKit

@Suite("DependencyGraph")
struct DependencyGraphTests {
    private func printedCycles(_ prerequisites: [String: [String]]) -> [String] {
        DependencyGraph(prerequisites: prerequisites).cycles().map { $0.joined(separator: " → ") }
    }

    // MARK: Cycles

    @Test func findsATwoItemCycle() {
        #expect(printedCycles(["a": ["b"], "b": ["a"], "c": ["a"]]) == ["a → b → a"])
    }

    @Test func cycleDoesNotDependOnDeclarationOrder() {
        #expect(printedCycles(["b": ["c"], "c": ["a"], "a": ["b"]]) == ["a → b → c → a"])
        #expect(printedCycles(["c": ["a"], "a": ["b"], "b": ["c"]]) == ["a → b → c → a"])
    }

    @Test func findsSeveralCyclesInADeterministicOrder() {
        let prerequisites = ["z": ["x"], "x": ["y"], "y": ["z"], "q": ["p"], "p": ["q"], "free": ["x"]]
        // Starts are tried in name order: « free » leads into the x-y-z cycle before « p » is visited.
        let expected = ["x → y → z → x", "p → q → p"]
        #expect(printedCycles(prerequisites) == expected)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            // Declaration order (and dictionary order) varies; the result does not.
            let shuffled = Dictionary(uniqueKeysWithValues: prerequisites.shuffled(using: &generator).map { ($0.key, $0.value.shuffled(using: &generator)) })
            #expect(printedCycles(shuffled) == expected)
        }
    }

    @Test func cyclesSharingAnItem() {
        #expect(printedCycles(["a": ["c", "b"], "b": ["a"], "c": ["a"]]) == ["a → b → a", "a → c → a"])
    }

    @Test func selfDependencyIsACycle() {
        #expect(printedCycles(["a": ["a"], "b": []]) == ["a → a"])
    }

    @Test func noCycles() {
        #expect(printedCycles([:]).isEmpty)
        #expect(printedCycles(["d": ["b", "c"], "b": ["a"], "c": ["a"], "a": []]).isEmpty)
        // A prerequisite that is not an item of the graph cannot close a cycle.
        #expect(printedCycles(["a": ["ghost"], "b": ["a", "ghost"]]).isEmpty)
    }

    // MARK: Order

    @Test func tiesAreBrokenByTheComparator() {
        let graph = DependencyGraph(prerequisites: [:])
        #expect(graph.order(["c", "a", "b"], by: <) == ["a", "b", "c"])
        #expect(graph.order(["c", "a", "b"], by: >) == ["c", "b", "a"])
        let rank = ["urgent": 0, "normal": 1, "plus-tard": 2]
        #expect(graph.order(["plus-tard", "normal", "urgent"]) { rank[$0]! < rank[$1]! } == ["urgent", "normal", "plus-tard"])
    }

    @Test func prerequisitesComeFirst() {
        let graph = DependencyGraph(prerequisites: ["a": ["c"]])
        #expect(graph.order(["a", "b", "c"], by: <) == ["b", "c", "a"])
    }

    @Test func diamondIsOrderedByTheComparatorAmongReadyItems() {
        let graph = DependencyGraph(prerequisites: ["d": ["b", "c"], "b": ["a"], "c": ["a"]])
        #expect(graph.order(["d", "c", "b", "a"], by: <) == ["a", "b", "c", "d"])
        #expect(graph.order(["d", "c", "b", "a"], by: >) == ["a", "c", "b", "d"])
    }

    @Test func readyItemsAreReconsideredAfterEachStep() {
        // « b » becomes ready after « z » and must still go before « y » by the comparator.
        let graph = DependencyGraph(prerequisites: ["b": ["z"]])
        #expect(graph.order(["y", "z", "b"], by: { ($0 == "z") != ($1 == "z") ? $0 == "z" : $0 < $1 }) == ["z", "b", "y"])
    }

    @Test func prerequisitesAbsentFromTheItemsAreIgnored() {
        let graph = DependencyGraph(prerequisites: ["a": ["missing"], "b": ["a", "other"]])
        #expect(graph.order(["b", "a"], by: <) == ["a", "b"])
        #expect(graph.order(["b"], by: <) == ["b"])
    }

    @Test func itemsInACycleComeLastInComparatorOrder() {
        let graph = DependencyGraph(prerequisites: ["a": ["b"], "b": ["a"], "c": [], "d": ["a"]])
        #expect(graph.order(["d", "b", "a", "c"], by: <) == ["c", "a", "b", "d"])
    }

    @Test func selfDependencyDoesNotBlockTheOrder() {
        let graph = DependencyGraph(prerequisites: ["a": ["a"], "b": ["a"]])
        #expect(graph.order(["b", "a"], by: <) == ["a", "b"])
    }
}
