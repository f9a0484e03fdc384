import RuleKit

/// Why a recommendation's condition came out as it did, in the words of `ConditionExplainer.reasons`, found
/// without tracing it: the parts of the condition are compiled once into one program, evaluated in one pass for a
/// territory, and each part is described once. A JSON batch says, for every territory, why each of some sixty
/// recommendations does not apply; a trace and a description per part cost more than the rest of the roadmap.
/// `ConditionExplainer.reasons` stays the reference both must agree with (ConditionReasonProgramTests). A class: a
/// batch hands it to a closure for each left-out recommendation of each territory, and copying its arrays cost more
/// than looking its reasons up.
final class ConditionReasonProgram: Sendable {
    private struct Node: Sendable {
        enum Kind: Sendable {
            case and, or, named
            /// A named condition that says what it means (`label`): one part, its definition below it.
            case labeled
            /// A `not` over a combination that is an `and`: when it fails, the `and` held and its parts are said.
            case notOverAnd
            /// Anything else, said as a whole.
            case leaf
        }

        let kind: Kind
        let children: [Int]
        /// The part in words (`ConditionDescriber.describe`).
        let description: String
        /// A held equality or membership already states the value: « type de territoire : commune ».
        let statesValue: Bool
        /// The facts the part reads whose values it names (neither booleans nor sets), in the order a walk of its
        /// trace meets them.
        let named: [NamedFact]
        /// Two facts compared: « ici 25 000 habitants contre 2 800 habitants ».
        let comparesFacts: Bool
        /// How the part is said by what the territory has when it fails (`ConditionExplainer.heldStatement`).
        let held: ConditionExplainer.HeldForm?
    }

    struct NamedFact: Sendable {
        let slot: Int?
        let fact: Fact?
    }

    /// Node `i`'s truth is the program's `i`-th.
    private let nodes: [Node]
    /// For each node, the slots of the facts whose values its words may name: a leaf's own, or those of the leaves
    /// below it (`decisiveFacts` picks among them) — what the key of its words holds beside the truths.
    private let printable: [[Int]]
    /// `printable` less the number facts: what `key(truths:_:numbersPlaceheld:)` holds when the numbers are
    /// worded as placeholders (`numberPlaceholders`), filled for each territory after the look-up.
    private let printableWords: [[Int]]
    private let root: Int
    private let program: ConditionProgram

    init(_ condition: Expression, vocabulary: Vocabulary) {
        let describer = ConditionDescriber(vocabulary: vocabulary)
        var nodes: [Node] = []
        var parts: [Expression] = []
        func add(_ expression: Expression) -> Int {
            let kind: Node.Kind
            var children: [Expression] = []
            switch expression.kind {
            case .and(let operands): (kind, children) = (.and, operands)
            case .or(let operands): (kind, children) = (.or, operands)
            // A named condition that says what it means is one part; its definition's parts stay below it, for
            // the facts that decided it.
            case .named(let reference) where reference.label != nil: (kind, children) = (.labeled, [reference.expression])
            case .named(let reference): (kind, children) = (.named, [reference.expression])
            case .not(let inner):
                if !ConditionExplainer.saysItsNegation(expression), case .and = inner.unwrapped.kind { (kind, children) = (.notOverAnd, [inner]) } else { kind = .leaf }
            default: kind = .leaf
            }
            let childNodes = children.map(add)
            var statesValue = false
            var comparesFacts = false
            if case .comparison(let op, let left, let right) = expression.kind {
                statesValue = op == .equal || op == .in
                if case .fact = left.kind, case .fact = right.kind { comparesFacts = true }
            }
            let named = Self.namedFacts(expression, vocabulary: vocabulary)
            nodes.append(Node(kind: kind, children: childNodes, description: describer.describe(expression),
                              statesValue: statesValue, named: named, comparesFacts: comparesFacts && named.count == 2,
                              held: ConditionExplainer.heldForm(expression, vocabulary: vocabulary)))
            parts.append(expression)
            return nodes.count - 1
        }
        root = add(condition)
        self.nodes = nodes
        // Children come before their parent in `nodes`.
        var printable: [[Int]] = []
        for node in nodes {
            switch node.kind {
            case .leaf, .notOverAnd: printable.append(node.named.compactMap(\.slot))
            case .and, .or, .named, .labeled: printable.append(node.children.flatMap { printable[$0] })
            }
        }
        self.printable = printable
        var numberSlots: Set<Int> = []
        for node in nodes {
            for named in node.named where named.fact?.type.isNumeric == true { if let slot = named.slot { numberSlots.insert(slot) } }
        }
        printableWords = printable.map { slots in slots.filter { !numberSlots.contains($0) } }
        program = ConditionProgram(parts: parts, vocabulary: vocabulary)
    }

    /// The facts `expression` reads, each once, in the order a walk of its trace meets them (a named condition
    /// through its definition), without booleans and sets: `ConditionExplainer.factValues`, less what
    /// `explainLeaf` leaves out.
    private static func namedFacts(_ expression: Expression, vocabulary: Vocabulary) -> [NamedFact] {
        var result: [NamedFact] = []
        var seen: Set<String> = []
        func visit(_ expression: Expression) {
            switch expression.kind {
            case .fact(let name):
                guard seen.insert(name).inserted else { return }
                let fact = vocabulary.fact(named: name)
                if fact?.type != .bool && fact?.type != .set { result.append(NamedFact(slot: vocabulary.slot(of: name), fact: fact)) }
            case .named(let reference): visit(reference.expression)
            case .not(let inner): visit(inner)
            case .and(let operands), .or(let operands), .list(let operands): operands.forEach(visit)
            case .comparison(_, let left, let right):
                visit(left)
                visit(right)
            case .bool, .number, .string: break
            }
        }
        visit(expression)
        return result
    }

    /// The reasons `ConditionExplainer.reasons` gives for the condition in `facts`. `numbers`: the values of the
    /// number facts already written for people (`ValueFormatter.value`), by slot, when the caller has them.
    func reasons(_ facts: FactValues, numbers: [String?]? = nil) -> [String] {
        reasons(truths: evaluate(facts), facts, numbers: numbers)
    }

    /// The truth of every part of the condition in `facts`, for `reasons(truths:_:numbers:)` and `key`.
    func evaluate(_ facts: FactValues) -> [Truth] {
        program.evaluate(facts)
    }

    /// Everything the reasons read in `facts`, for a memory of them shared by territories (`WordingMemo`): the
    /// truths of the parts, then the value of each fact a part that the reasons word may name, in the order they are
    /// worded. Two territories with the same key get the same reasons, word for word: which parts are worded, and
    /// which of their facts decide, follows from the truths alone.
    ///
    /// `numbersPlaceheld`: the reasons are worded with `numberPlaceholders` for the numbers, so the key leaves the
    /// number facts out — a population or a share, different in nearly every territory, would make nearly every
    /// key new (in a JSON batch, half the look-ups missed and the memory, bounded, kept dropping what it held).
    /// `room`: how many values the caller appends after (reserved with the rest, so that the key is allocated once).
    func key(truths: [Truth], _ facts: FactValues, numbersPlaceheld: Bool = false, room: Int = 0) -> [FactValue?] {
        let printable = numbersPlaceheld ? printableWords : self.printable
        var key: [FactValue?] = []
        // The truths' numbers, then at most every printable slot (the root's are those of all its leaves).
        key.reserveCapacity(truths.count / 30 + 1 + printable[root].count + room)
        // The truths, three to a digit, thirty digits to a number (exact in a Double).
        var code = 0.0, digits = 0
        for truth in truths {
            code = code * 3 + (truth == .true ? 0 : truth == .false ? 1 : 2)
            digits += 1
            if digits == 30 {
                key.append(.number(code))
                (code, digits) = (0, 0)
            }
        }
        key.append(.number(code))
        truths.withUnsafeBufferPointer { truths in
            visit(root, outcome: truths[root], truths: truths) { index in
                for slot in printable[index] { key.append(facts[slot]) }
            }
        }
        return key
    }

    /// The parts `walk` words as leaves (`leaf`), in its order, less those it words without any value (a held
    /// equality states its value).
    private func visit(_ index: Int, outcome: Truth, truths: UnsafeBufferPointer<Truth>, _ leaf: (Int) -> Void) {
        let node = nodes[index]
        switch node.kind {
        case .named:
            for child in node.children { visit(child, outcome: outcome, truths: truths, leaf) }
        case .and where outcome == .true:
            for child in node.children { visit(child, outcome: .true, truths: truths, leaf) }
        case .or where outcome != .true:
            for child in node.children { visitAlternative(child, truths: truths, leaf) }
        case .and, .or:
            for child in node.children where truths[child] == outcome { visit(child, outcome: outcome, truths: truths, leaf) }
        case .labeled where outcome != .true && failedParts(index, truths: truths) != nil:
            for part in failedParts(index, truths: truths) ?? [] { visit(part, outcome: truths[part], truths: truths, leaf) }
        case .notOverAnd where outcome == .false:
            visit(node.children[0], outcome: .true, truths: truths, leaf)
        case .notOverAnd, .leaf, .labeled:
            if !(truths[index] == .true && node.statesValue) { leaf(index) }
        }
    }

    private func visitAlternative(_ index: Int, truths: UnsafeBufferPointer<Truth>, _ leaf: (Int) -> Void) {
        if let failed = failedParts(index, truths: truths) {
            for part in failed { visitAlternative(part, truths: truths, leaf) }
            return
        }
        if !(truths[index] == .true && nodes[index].statesValue) { leaf(index) }
    }

    /// For `numbers`: each number fact of `vocabulary` as a placeholder (`WordingPlaceholder`) holding its slot,
    /// so that reasons worded once serve every territory that differs from it only in its numbers
    /// (`fillNumbers`).
    static func numberPlaceholders(_ vocabulary: Vocabulary) -> [String?] {
        var values = [String?](repeating: nil, count: vocabulary.facts.count)
        for fact in vocabulary.facts where fact.type.isNumeric {
            if let slot = vocabulary.slot(of: fact.name), slot < values.count { values[slot] = WordingPlaceholder.marker(String(slot)) }
        }
        return values
    }

    /// `reasons` worded with `numberPlaceholders`, with this territory's numbers (`numbers`, by slot) in place.
    static func fillNumbers(_ reasons: [String], numbers: [String?]) -> [String] {
        reasons.map { fillNumbers($0, numbers: numbers) }
    }

    static func fillNumbers(_ text: String, numbers: [String?]) -> String {
        WordingPlaceholder.fill(text) { number($0, in: numbers) }
    }

    /// The same, for a text cut at its placeholders when it was kept.
    static func fillNumbers(_ text: WordingPlaceholder.Cut, numbers: [String?]) -> String {
        text.filled { number($0, in: numbers) }
    }

    /// The number a placeholder of `numberPlaceholders` stands for: its name is the fact's slot.
    private static func number(_ name: String, in numbers: [String?]) -> String {
        guard let slot = Int(name), slot >= 0, slot < numbers.count else { return "" }
        return numbers[slot] ?? ""
    }

    /// `reasons(_:numbers:)` from the truths `evaluate` gave.
    func reasons(truths: [Truth], _ facts: FactValues, numbers: [String?]? = nil) -> [String] {
        var reasons: [String] = []
        truths.withUnsafeBufferPointer { truths in
            walk(root, outcome: truths[root], truths: truths, facts: facts, numbers: numbers, into: &reasons)
        }
        return ConditionExplainer.merged(reasons)
    }

    private func walk(_ index: Int, outcome: Truth, truths: UnsafeBufferPointer<Truth>, facts: FactValues, numbers: [String?]?,
                      into reasons: inout [String]) {
        let node = nodes[index]
        switch node.kind {
        case .named:
            for child in node.children { walk(child, outcome: outcome, truths: truths, facts: facts, numbers: numbers, into: &reasons) }
        case .and where outcome == .true:
            for child in node.children { walk(child, outcome: .true, truths: truths, facts: facts, numbers: numbers, into: &reasons) }
        case .or where outcome != .true:
            var alternatives: [String] = [], held: [String] = []
            for child in node.children {
                splitAlternative(child, truths: truths, facts: facts, numbers: numbers, into: &alternatives, held: &held)
            }
            reasons += ConditionExplainer.neither(alternatives) + held
        case .and, .or:
            for child in node.children where truths[child] == outcome {
                walk(child, outcome: outcome, truths: truths, facts: facts, numbers: numbers, into: &reasons)
            }
        case .labeled where outcome != .true && failedParts(index, truths: truths) != nil:
            for part in failedParts(index, truths: truths) ?? [] {
                walk(part, outcome: truths[part], truths: truths, facts: facts, numbers: numbers, into: &reasons)
            }
        case .notOverAnd where outcome == .false:
            walk(node.children[0], outcome: .true, truths: truths, facts: facts, numbers: numbers, into: &reasons)
        case .notOverAnd, .leaf, .labeled:
            reasons.append(heldStatement(index, truths: truths, facts: facts, numbers: numbers)
                ?? leaf(index, truth: truths[index], facts: facts, numbers: numbers, truths: truths))
        }
    }

    /// `ConditionExplainer.splitAlternative`: an alternative of a failed `or`, said by what the territory has or by
    /// what it asked for, a failed `or` within it by its own alternatives.
    private func splitAlternative(_ index: Int, truths: UnsafeBufferPointer<Truth>, facts: FactValues, numbers: [String?]?,
                                  into alternatives: inout [String], held: inout [String]) {
        if let statements = heldAlternative(index, truths: truths, facts: facts, numbers: numbers) {
            held += statements
        } else if let inner = failedDisjunction(index, truths: truths) {
            for child in nodes[inner].children {
                splitAlternative(child, truths: truths, facts: facts, numbers: numbers, into: &alternatives, held: &held)
            }
        } else {
            alternatives.append(failedAlternative(index, truths: truths, facts: facts, numbers: numbers))
        }
    }

    /// `ConditionExplainer.failedDisjunction`: the `or` that made a part fail, itself or the only failed part of a
    /// combination.
    private func failedDisjunction(_ index: Int, truths: UnsafeBufferPointer<Truth>) -> Int? {
        var target = index
        while nodes[target].kind == .named, let child = nodes[target].children.first { target = child }
        if nodes[target].kind == .or, truths[target] == .false { return target }
        var combination = index
        while nodes[combination].kind == .named || nodes[combination].kind == .labeled, let child = nodes[combination].children.first {
            combination = child
        }
        guard nodes[combination].kind == .and, truths[combination] == .false,
              nodes[combination].children.contains(where: { truths[$0] == .true }) else { return nil }
        let failed = nodes[combination].children.filter { truths[$0] != .true }
        guard failed.count == 1, let only = failed.first, truths[only] == .false else { return nil }
        return failedDisjunction(only, truths: truths)
    }

    /// An alternative of a failed `or` (`ConditionExplainer.failedAlternative`): of a combination some of whose
    /// parts held, only the parts that failed.
    private func failedAlternative(_ index: Int, truths: UnsafeBufferPointer<Truth>, facts: FactValues, numbers: [String?]?) -> String {
        if let failed = failedParts(index, truths: truths) {
            return failed.map { failedAlternative($0, truths: truths, facts: facts, numbers: numbers) }.joined(separator: " et ")
        }
        return leaf(index, truth: truths[index], facts: facts, numbers: numbers, truths: truths)
    }

    /// `ConditionExplainer.failedParts`: of an `and` (through named conditions) that failed while some of its parts
    /// held, the parts that did not hold.
    private func failedParts(_ index: Int, truths: UnsafeBufferPointer<Truth>) -> [Int]? {
        var target = index
        while nodes[target].kind == .named || nodes[target].kind == .labeled, let child = nodes[target].children.first { target = child }
        guard nodes[target].kind == .and, nodes[target].children.contains(where: { truths[$0] == .true }) else { return nil }
        return nodes[target].children.filter { truths[$0] != .true }
    }

    /// The facts whose values a part names: those of its parts that decided its outcome, through combinations and
    /// named conditions (`ConditionExplainer.factValues(in:decisive:)`), each once.
    private func decisiveFacts(_ index: Int, truths: UnsafeBufferPointer<Truth>) -> [NamedFact] {
        var result: [NamedFact] = []
        var seen: Set<String> = []
        func decide(_ index: Int) {
            let node = nodes[index]
            switch node.kind {
            case .named, .labeled: node.children.forEach(decide)
            case .and, .or:
                for child in node.children where ConditionExplainer.decides(truths[child], inAnd: node.kind == .and, outcome: truths[index]) { decide(child) }
            case .leaf, .notOverAnd:
                for named in node.named where seen.insert(named.fact?.name ?? "").inserted || named.fact == nil { result.append(named) }
            }
        }
        decide(index)
        return result
    }

    /// `ConditionExplainer.heldAlternative`: an alternative of a failed `or` said by what the territory has.
    private func heldAlternative(_ index: Int, truths: UnsafeBufferPointer<Truth>, facts: FactValues, numbers: [String?]?) -> [String]? {
        if let statement = heldStatement(index, truths: truths, facts: facts, numbers: numbers) { return [statement] }
        if let failed = failedParts(index, truths: truths) {
            let statements = failed.compactMap { heldStatement($0, truths: truths, facts: facts, numbers: numbers) }
            return statements.count == failed.count ? statements : nil
        }
        var target = index
        while nodes[target].kind == .named || nodes[target].kind == .labeled, let child = nodes[target].children.first { target = child }
        guard nodes[target].kind == .and, truths[target] == .false else { return nil }
        for child in nodes[target].children {
            if let statement = heldStatement(child, truths: truths, facts: facts, numbers: numbers) { return [statement] }
        }
        return nil
    }

    /// `ConditionExplainer.heldStatement`: a failed part said by what the territory has.
    private func heldStatement(_ index: Int, truths: UnsafeBufferPointer<Truth>, facts: FactValues, numbers: [String?]?) -> String? {
        let node = nodes[index]
        guard truths[index] == .false, let form = node.held else { return nil }
        switch form {
        case .label(let label): return label
        case .value(let fact):
            guard let named = node.named.first(where: { $0.fact?.name == fact.name }) else { return nil }
            return "\(fact.label) : \(value(named, facts: facts, numbers: numbers))"
        }
    }

    /// A fact's value written for people, from `numbers` when the caller wrote it already.
    private func value(_ named: NamedFact, facts: FactValues, numbers: [String?]?) -> String {
        guard let slot = named.slot else { return ValueFormatter.value(nil, of: named.fact) }
        if let numbers, slot < numbers.count, let known = numbers[slot] { return known }
        return ValueFormatter.value(facts[slot], of: named.fact)
    }

    /// One part in words, with the value of each fact that decided it (`ConditionExplainer.explainLeaf`).
    private func leaf(_ index: Int, truth: Truth, facts: FactValues, numbers: [String?]?, truths: UnsafeBufferPointer<Truth>) -> String {
        let node = nodes[index]
        if truth == .true && node.statesValue { return node.description }
        func value(_ named: NamedFact) -> String { self.value(named, facts: facts, numbers: numbers) }
        var text = node.description
        let named = decisiveFacts(index, truths: truths)
        if node.comparesFacts {
            text += " — ici " + value(node.named[0]) + " contre " + value(node.named[1])
        } else {
            for (offset, named) in named.enumerated() { text += (offset == 0 ? " — ici " : ", ici ") + value(named) }
        }
        if truth == .unknown { text += named.isEmpty ? " — inconnu" : " (inconnu)" }
        return text
    }
}
