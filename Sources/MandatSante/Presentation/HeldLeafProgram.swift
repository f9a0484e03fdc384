import RuleKit

/// The smallest parts of a recommendation's condition and of each of its boosts that made them hold, as a walk of
/// their trace finds them, found without tracing: every part those leaves are looked for
/// in is compiled once into one program, evaluated in one pass for a territory. A batch words thousands of « Pour
/// vous »; a trace per condition and per boost cost more than the wording. The trace walk stays, in the
/// tests (HeldLeafProgramTests), as the reference both must agree with.
struct HeldLeafProgram: Sendable {
    /// A part that held and states what it read, or a part that failed under a `not` that held (it names the facts
    /// the `not` rests on, and states nothing: `FactStatement.statements(heldIn:)`).
    struct Leaf {
        let expression: Expression
        let held: Bool
        /// `expression.factNames`, collected once with the program rather than for each territory.
        let factNames: Set<String>
    }

    private struct Node: Sendable {
        enum Kind: Sendable {
            case and, or, named
            /// A `not` over a combination or a named condition, whose parts are stated one by one.
            case compositeNot
            /// A test, or a `not` over a test: stated as it is.
            case leaf
        }

        let kind: Kind
        let expression: Expression
        let children: [Int]
        let factNames: Set<String>
    }

    /// Node `i`'s truth is the program's `i`-th.
    private let nodes: [Node]
    private let roots: [Int]
    private let program: ConditionProgram

    /// The recommendation's condition, then each of its boosts'.
    init(_ recommendation: Recommendation, vocabulary: Vocabulary) {
        self.init([recommendation.condition.expression] + recommendation.boosts.map(\.condition.expression), vocabulary: vocabulary)
    }

    init(_ conditions: [Expression], vocabulary: Vocabulary) {
        var nodes: [Node] = []
        func add(_ expression: Expression) -> Int {
            let kind: Node.Kind
            var children: [Expression] = []
            switch expression.kind {
            case .and(let operands): (kind, children) = (.and, operands)
            case .or(let operands): (kind, children) = (.or, operands)
            case .named(let reference): (kind, children) = (.named, [reference.expression])
            case .not(let inner) where Self.isComposite(inner): (kind, children) = (.compositeNot, [inner])
            default: kind = .leaf
            }
            let childNodes = children.map(add)
            nodes.append(Node(kind: kind, expression: expression, children: childNodes, factNames: expression.factNames))
            return nodes.count - 1
        }
        roots = conditions.map(add)
        self.nodes = nodes
        program = ConditionProgram(parts: nodes.map(\.expression), vocabulary: vocabulary)
    }

    /// A `not` over a combination or a named condition, whose parts are stated one by one; `not msp` as it is.
    private static func isComposite(_ inner: Expression) -> Bool {
        switch inner.unwrapped.kind {
        case .and, .or, .not: return true
        default: return false
        }
    }

    /// For each condition given, in order, the leaves that made it hold (none when it did not).
    func leaves(_ facts: FactValues) -> [[Leaf]] {
        let truths = program.evaluate(facts)
        func held(_ index: Int, into leaves: inout [Leaf]) {
            guard truths[index] == .true else { return }
            let node = nodes[index]
            switch node.kind {
            case .and, .or, .named: for child in node.children { held(child, into: &leaves) }
            case .compositeNot: for child in node.children { failed(child, into: &leaves) }
            case .leaf: leaves.append(Leaf(expression: node.expression, held: true, factNames: node.factNames))
            }
        }
        func failed(_ index: Int, into leaves: inout [Leaf]) {
            guard truths[index] == .false else { return }
            let node = nodes[index]
            switch node.kind {
            case .or, .named: for child in node.children { failed(child, into: &leaves) }
            case .and:
                if let first = node.children.first(where: { truths[$0] == .false }) { failed(first, into: &leaves) } else {
                    leaves.append(Leaf(expression: node.expression, held: false, factNames: node.factNames))
                }
            case .compositeNot: for child in node.children { held(child, into: &leaves) }
            case .leaf: leaves.append(Leaf(expression: node.expression, held: false, factNames: node.factNames))
            }
        }
        return roots.map { root in
            var leaves: [Leaf] = []
            held(root, into: &leaves)
            return leaves
        }
    }
}
