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
        let part: Part
        let held: Bool

        var expression: Expression { part.expression }
        /// `expression.factNames`, collected once with the program rather than for each territory.
        var factNames: Set<String> { part.factNames }
    }

    /// What « Pour vous » asks of a part, worked out once with the program rather than for each territory (a JSON
    /// roadmap words the line of some thirty entries to consider later): a class, so that a leaf found for a
    /// territory holds one reference.
    final class Part: Sendable {
        let expression: Expression
        let factNames: Set<String>
        /// `factNames` in the vocabulary's order, the order a part's findings are stated in.
        let orderedFactNames: [String]
        /// The slots of `orderedFactNames` in the vocabulary, in the same order (`ReadFacts`); a name without one, which
        /// no statement says, is left out.
        let factSlots: [Int]
        /// The boosts (by position among the recommendation's) that read one of its facts: a part a boost that
        /// applies rests on is said by the boost's reason instead.
        let sharedBoosts: [Int]
        /// Whether it reads only the kind and the population (the size), or only them and the staff.
        let readsSizeOnly: Bool, readsScaleOnly: Bool
        /// The alternatives it belongs to: for each `or` above it (numbered within the program), which of its
        /// operands it is part of. Two leaves under different operands of one `or` are grounds that each suffice.
        let alternatives: [Alternative]
        /// Whether it holds by ruling choices out (`x != 'v'`, `x not in [...]`, `not x == 'v'`, `not` over a named
        /// test of that kind): it holds wherever the territory is anything else, and its fact's value says where
        /// the action applies rather than why.
        let rulesOut: Bool
        /// For a named condition that states a situation (`finding` in definitions.json: « risque de dengue et de
        /// chikungunya à chaque saison des pluies »): that situation, said instead of the facts it reads (« situation
        /// outre-mer — Guadeloupe ; département — Guadeloupe » says where, not why).
        let finding: String?

        init(_ expression: Expression, factNames: Set<String>, boosts: [Set<String>], vocabulary: Vocabulary,
             alternatives: [Alternative] = [], finding: String? = nil) {
            self.expression = expression
            self.finding = finding
            self.factNames = factNames
            self.alternatives = alternatives
            rulesOut = Self.rulesOut(expression)
            orderedFactNames = factNames.sorted { a, b in
                let (first, second) = (vocabulary.slot(of: a) ?? .max, vocabulary.slot(of: b) ?? .max)
                return first != second ? first < second : a < b
            }
            factSlots = orderedFactNames.compactMap(vocabulary.slot)
            sharedBoosts = boosts.indices.filter { !boosts[$0].isDisjoint(with: factNames) }
            let size: Set = [vocabulary.factName(.kind), vocabulary.factName(.population)]
            readsSizeOnly = factNames.isSubset(of: size)
            readsScaleOnly = factNames.isSubset(of: size.union([vocabulary.factName(.staff)]))
        }

        private static func rulesOut(_ expression: Expression) -> Bool {
            switch expression.unwrapped.kind {
            case .comparison(.notEqual, _, _), .comparison(.notIn, _, _): return true
            case .not(let inner):
                // `not outre-mer-cyclonique`: a named situation left out, which holds wherever the territory is
                // anything else (in French Guiana as on the mainland): « situation outre-mer : Guyane » is no reason.
                if case .named = inner.kind { return true }
                if case .comparison(let op, _, _) = inner.unwrapped.kind { return op == .equal || op == .in }
                return false
            default: return false
            }
        }
    }

    /// Operand `operand` of the program's `or` numbered `or`.
    struct Alternative: Hashable, Sendable {
        let or: Int
        let operand: Int
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
        let part: Part
        let children: [Int]
    }

    /// Node `i`'s truth is the program's `i`-th.
    private let nodes: [Node]
    private let roots: [Int]
    private let program: ConditionProgram
    /// The first condition's parts alone (nodes `0...roots[0]`: its nodes are added first), for
    /// `conditionLeaves(_:)`: a JSON roadmap asks for some thirty of them, and evaluating the boosts' parts too
    /// cost as much again.
    private let conditionProgram: ConditionProgram

    /// The recommendation's condition, then each of its boosts'. `findings`: the situation each named condition
    /// that has one states (`Part.finding`), by name.
    init(_ recommendation: Recommendation, vocabulary: Vocabulary, findings: [String: String] = [:]) {
        self.init([recommendation.condition.expression] + recommendation.boosts.map(\.condition.expression), vocabulary: vocabulary,
                  findings: findings)
    }

    /// `conditions`: a condition, then its boosts'.
    init(_ conditions: [Expression], vocabulary: Vocabulary, findings: [String: String] = [:]) {
        let boosts = conditions.dropFirst().map(\.factNames)
        var nodes: [Node] = []
        var ors = 0
        // Under a `not`, an `or` fails as a whole: its operands are not alternatives.
        func add(_ expression: Expression, _ alternatives: [Alternative], negated: Bool = false) -> Int {
            let kind: Node.Kind
            var children: [Expression] = []
            var finding: String?
            switch expression.kind {
            case .and(let operands): (kind, children) = (.and, operands)
            case .or(let operands): (kind, children) = (.or, operands)
            case .named(let reference) where findings[reference.name] != nil: (kind, finding) = (.leaf, findings[reference.name])
            case .named(let reference): (kind, children) = (.named, [reference.expression])
            case .not(let inner) where Self.isComposite(inner): (kind, children) = (.compositeNot, [inner])
            default: kind = .leaf
            }
            let childNodes: [Int]
            if kind == .or, !negated {
                let or = ors
                ors += 1
                childNodes = children.indices.map { add(children[$0], alternatives + [Alternative(or: or, operand: $0)], negated: false) }
            } else {
                childNodes = children.map { add($0, alternatives, negated: negated != (kind == .compositeNot)) }
            }
            nodes.append(Node(kind: kind, part: Part(expression, factNames: expression.factNames, boosts: boosts, vocabulary: vocabulary,
                                                     alternatives: alternatives, finding: finding),
                              children: childNodes))
            return nodes.count - 1
        }
        roots = conditions.map { add($0, []) }
        self.nodes = nodes
        program = ConditionProgram(parts: nodes.map(\.part.expression), vocabulary: vocabulary)
        conditionProgram = ConditionProgram(parts: roots.first.map { nodes[...$0].map(\.part.expression) } ?? [], vocabulary: vocabulary)
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
        return roots.map { leaves(from: $0, truths) }
    }

    /// The leaves that made the first condition given (the recommendation's own) hold: what the « pour vous » line
    /// of an entry to consider later reads, without the boosts'.
    func conditionLeaves(_ facts: FactValues) -> [Leaf] {
        leaves(from: roots[0], conditionProgram.evaluate(facts))
    }

    private func leaves(from root: Int, _ truths: [Truth]) -> [Leaf] {
        func held(_ index: Int, into leaves: inout [Leaf]) {
            guard truths[index] == .true else { return }
            let node = nodes[index]
            switch node.kind {
            case .and, .or, .named: for child in node.children { held(child, into: &leaves) }
            case .compositeNot: for child in node.children { failed(child, into: &leaves) }
            case .leaf: leaves.append(Leaf(part: node.part, held: true))
            }
        }
        func failed(_ index: Int, into leaves: inout [Leaf]) {
            guard truths[index] == .false else { return }
            let node = nodes[index]
            switch node.kind {
            case .or, .named: for child in node.children { failed(child, into: &leaves) }
            case .and:
                if let first = node.children.first(where: { truths[$0] == .false }) { failed(first, into: &leaves) } else {
                    leaves.append(Leaf(part: node.part, held: false))
                }
            case .compositeNot: for child in node.children { held(child, into: &leaves) }
            case .leaf: leaves.append(Leaf(part: node.part, held: false))
            }
        }
        var leaves: [Leaf] = []
        held(root, into: &leaves)
        return leaves
    }
}
