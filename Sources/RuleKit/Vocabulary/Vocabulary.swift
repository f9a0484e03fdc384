/// The declared facts inputs may state; conditions are checked against it and facts are stored by its slots.
public struct Vocabulary: Hashable, Sendable {
    public private(set) var facts: [Fact]
    private var slots: [String: Int]
    /// The slot of the first fact declaring each role: roles are looked up for every roadmap worded.
    private var roleSlots: [String: Int]

    public init(facts: [Fact]) {
        self.facts = facts
        var slots: [String: Int] = [:]
        var roleSlots: [String: Int] = [:]
        for (index, fact) in facts.enumerated() {
            if slots[fact.name] == nil { slots[fact.name] = index }
            if let role = fact.role, roleSlots[role] == nil { roleSlots[role] = index }
        }
        self.slots = slots
        self.roleSlots = roleSlots
    }

    public func fact(named name: String) -> Fact? {
        slot(of: name).map { facts[$0] }
    }

    /// The index under which values of `name` are stored in `FactValues`.
    public func slot(of name: String) -> Int? { slots[name] }

    /// The facts that declare `role`, in the order declared (one, when the vocabulary is well formed).
    public func facts(withRole role: String) -> [Fact] { facts.filter { $0.role == role } }

    /// The first fact that declares `role` (`facts(withRole:).first`, without going through every fact).
    public func firstFact(withRole role: String) -> Fact? { roleSlots[role].map { facts[$0] } }

    /// The name of the first fact that declares `role`, read in place: a `Fact` returned whole retains and releases
    /// each of its strings and arrays (about a thousand instructions), and roles are read dozens of times for every
    /// roadmap of a batch.
    public func firstFactName(withRole role: String) -> String? { roleSlots[role].map { facts[$0].name } }

    public var factNames: [String] { facts.map(\.name) }
}
