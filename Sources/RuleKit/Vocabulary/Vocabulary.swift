/// The declared facts inputs may state; conditions are checked against it and facts are stored by its slots.
public struct Vocabulary: Hashable, Sendable {
    public private(set) var facts: [Fact]
    private var slots: [String: Int]

    public init(facts: [Fact]) {
        self.facts = facts
        var slots: [String: Int] = [:]
        for (index, fact) in facts.enumerated() where slots[fact.name] == nil {
            slots[fact.name] = index
        }
        self.slots = slots
    }

    public func fact(named name: String) -> Fact? {
        slot(of: name).map { facts[$0] }
    }

    /// The index under which values of `name` are stored in `FactValues`.
    public func slot(of name: String) -> Int? { slots[name] }

    /// The facts that declare `role`, in the order declared (one, when the vocabulary is well formed).
    public func facts(withRole role: String) -> [Fact] { facts.filter { $0.role == role } }

    public var factNames: [String] { facts.map(\.name) }
}
