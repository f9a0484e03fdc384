import RuleKit

/// Says in French why a condition held or failed for a set of facts, naming the facts' actual values:
/// « population : moins de 3 500 habitants — ici 12 400 habitants ».
public struct ConditionExplainer: Sendable {
    public let describer: ConditionDescriber
    /// Facts whose values are written as placeholders (`WordingPlaceholder`), for a wording kept across
    /// territories; none by default.
    let placeheld: Set<String>

    public init(vocabulary: Vocabulary) {
        self.init(vocabulary: vocabulary, placeheld: [])
    }

    init(vocabulary: Vocabulary, placeheld: Set<String>) {
        describer = ConditionDescriber(vocabulary: vocabulary)
        self.placeheld = placeheld
    }

    /// The parts of the condition that made it come out as it did: for a condition that holds, the parts that
    /// held; for one that failed, the parts that failed (or were unknown).
    public func reasons(_ trace: ConditionTrace) -> [String] {
        Self.merged(reasons(trace, outcome: trace.truth))
    }

    private func reasons(_ trace: ConditionTrace, outcome: Truth) -> [String] {
        switch trace.expression.kind {
        case .named(let reference) where reference.label != nil:
            // Said by what it means, not by its parts; but a combination some of whose parts held is said by the
            // parts that failed (« hors des collectivités du Pacifique »), as an alternative of an `or` is.
            if outcome != .true, let failed = failedParts(trace) { return failed.flatMap { reasons($0, outcome: $0.truth) } }
            return [explainLeaf(trace, decisive: true)]
        case .named:
            return trace.children.flatMap { reasons($0, outcome: outcome) }
        case .and where outcome == .true:
            return trace.children.flatMap { reasons($0, outcome: .true) }
        case .or where outcome != .true:
            // « ni pas d'hôpital », « ni aucun élu référent » are double negatives: an alternative said by what the
            // territory has (`heldStatement`) comes after the others, without « ni ».
            var alternatives: [String] = [], held: [String] = []
            for child in trace.children { splitAlternative(child, into: &alternatives, held: &held) }
            return Self.neither(alternatives) + held
        case .and, .or:
            return trace.children.filter { $0.truth == outcome }.flatMap { reasons($0, outcome: outcome) }
        case .not(let inner):
            if !Self.saysItsNegation(trace.expression), case .and = inner.unwrapped.kind, outcome == .false, let child = trace.children.first {
                return reasons(child, outcome: .true)
            }
            return [heldStatement(trace) ?? explainLeaf(trace, decisive: true)]
        default:
            return [heldStatement(trace) ?? explainLeaf(trace, decisive: true)]
        }
    }

    /// An alternative of a failed `or`, said by what the territory has (`held`) or by what it asked for
    /// (`alternatives`); an alternative that is itself a failed `or`, or a combination that failed by one such part
    /// alone, is said by its own alternatives, so that « ni a ou (b et c) » reads « ni a ; ni c ».
    private func splitAlternative(_ trace: ConditionTrace, into alternatives: inout [String], held: inout [String]) {
        if let statements = heldAlternative(trace) {
            held += statements
        } else if let inner = Self.failedDisjunction(trace) {
            for child in inner.children { splitAlternative(child, into: &alternatives, held: &held) }
        } else {
            alternatives.append(failedAlternative(trace))
        }
    }

    /// The `or` that made `trace` fail: itself or under named conditions that do not say what they mean, or the only
    /// part that failed of a combination (`failedParts`). Nil for anything else.
    private static func failedDisjunction(_ trace: ConditionTrace) -> ConditionTrace? {
        var node = trace
        while case .named(let reference) = node.expression.kind, reference.label == nil, let child = node.children.first { node = child }
        if case .or = node.expression.kind, node.truth == .false { return node }
        var combination = trace
        while case .named = combination.expression.kind, let child = combination.children.first { combination = child }
        guard case .and = combination.expression.kind, combination.truth == .false,
              combination.children.contains(where: { $0.truth == .true }) else { return nil }
        let failed = combination.children.filter { $0.truth != .true }
        guard failed.count == 1, let only = failed.first, only.truth == .false else { return nil }
        return failedDisjunction(only)
    }

    /// Failed memberships of one set, said one after the other (« projets prévus : ne comprend pas « a » ; projets
    /// prévus : ne comprend pas « b » »), said once: « projets prévus : ne comprend ni « a » ni « b » ».
    static func merged(_ reasons: [String]) -> [String] {
        let marker = " : ne comprend pas « "
        var result: [String] = []
        var groups: [String: (index: Int, values: [String])] = [:]
        for reason in reasons {
            guard reason.hasSuffix(" »"), let range = reason.firstUTF8Range(of: marker), !reason.hasPrefix("ni ") else {
                result.append(reason)
                continue
            }
            let subject = String(reason[..<range.lowerBound])
            let value = String(reason[range.upperBound...].dropLast(2))
            if var group = groups[subject] {
                group.values.append(value)
                groups[subject] = group
                result[group.index] = subject + " : ne comprend ni " + group.values.map { "« \($0) »" }.joined(separator: " ni ")
            } else {
                groups[subject] = (result.count, [value])
                result.append(reason)
            }
        }
        return result
    }

    /// An alternative of a failed `or` said by what the territory has (`heldStatement`): itself; of a combination
    /// some of whose parts held, every part that failed (« pas d'hôpital » in « pas d'hôpital et zone sous-dotée »);
    /// of one none of whose parts held, the first that can be said so, which alone makes it fail. Nil otherwise.
    private func heldAlternative(_ trace: ConditionTrace) -> [String]? {
        if let statement = heldStatement(trace) { return [statement] }
        if let failed = failedParts(trace) {
            let statements = failed.compactMap { heldStatement($0) }
            return statements.count == failed.count ? statements : nil
        }
        var node = trace
        while case .named = node.expression.kind, let child = node.children.first { node = child }
        guard case .and = node.expression.kind, node.truth == .false else { return nil }
        return node.children.lazy.compactMap { self.heldStatement($0) }.first.map { [$0] }
    }

    /// The alternatives of a failed `or`, each after « ni » when there are several; one alone is said as it is.
    static func neither(_ alternatives: [String]) -> [String] {
        alternatives.count > 1 ? ["ni " + alternatives.joined(separator: " ; ni ")] : alternatives
    }

    /// A failed part said by what the territory has, where its requirement would read as a fact or as a double
    /// negative: a yes/no fact is said by its own statement (« ne s'applique pas ici : aucune maison de santé
    /// pluriprofessionnelle (MSP) », not the requirement « au moins une maison de santé… », which reads as if there
    /// were one; « un hôpital sur le territoire ou à moins de 30 minutes », not « ni pas d'hôpital… »), and a part
    /// that asked for another value by the value there is (« contrat local de santé (CLS) : CLS signé et en vigueur »,
    /// not « autre que CLS signé et en vigueur — ici CLS signé et en vigueur »). Nil for any other part.
    func heldStatement(_ trace: ConditionTrace) -> String? {
        guard trace.truth == .false, let form = Self.heldForm(trace.expression, vocabulary: describer.vocabulary) else { return nil }
        switch form {
        case .label(let label): return label
        case .value(let fact):
            guard let value = factValues(in: trace).first(where: { $0.name == fact.name }) else { return nil }
            return "\(fact.label) : \(value.text)"
        }
    }

    /// How a failed part is said by what the territory has (`heldStatement`); shared with `ConditionReasonProgram`.
    enum HeldForm: Sendable {
        /// A statement of the yes/no fact (its label or its `falseLabel`), or of a set's membership that failed
        /// (« programmes : ne comprend pas « Petites Villes de Demain » », not the requirement « comprend … », which
        /// reads as if the territory were a laureate).
        case label(String)
        /// The fact's label and the territory's value of it.
        case value(Fact)
    }

    static func heldForm(_ expression: Expression, vocabulary: Vocabulary) -> HeldForm? {
        var comparison = expression
        var negated = false
        func yesNo(_ expression: Expression) -> Fact? {
            guard case .fact(let name) = expression.unwrapped.kind, let fact = vocabulary.fact(named: name), fact.type == .bool,
                  fact.falseLabel != nil else { return nil }
            return fact
        }
        if let fact = yesNo(expression), let falseLabel = fact.falseLabel { return .label(falseLabel) }
        if case .not(let written) = expression.kind {
            if let fact = yesNo(written) { return .label(fact.label) }
            comparison = written.unwrapped
            negated = true
        }
        if case .comparison(let op, let left, let right) = comparison.kind, op == .in || op == .notIn, case .fact(let name) = right.kind,
           vocabulary.fact(named: name)?.type == .set {
            // What the territory's set holds is the opposite of what was asked.
            let asksIn = (op == .in) != negated
            return .label(ConditionDescriber(vocabulary: vocabulary).describe(Expression(.comparison(asksIn ? .notIn : .in, left, right), range: comparison.range)))
        }
        guard case .comparison(let op, let left, let right) = comparison.kind, case .fact(let name) = left.kind,
              let fact = vocabulary.fact(named: name), fact.type != .set, fact.type != .bool else { return nil }
        if case .fact = right.kind { return nil }
        let asksOtherwise = negated ? (op == .equal || op == .in) : (op == .notEqual || op == .notIn)
        return asksOtherwise ? .value(fact) : nil
    }

    /// An alternative of a failed `or`, said by what made it fail: of a combination some of whose parts held (a
    /// named condition that is one, such as « zonage inconnu, hors du Pacifique »), only the parts that failed, so
    /// that a part which held for this territory (« Hexagone ou Corse ») is not given as a reason.
    private func failedAlternative(_ trace: ConditionTrace) -> String {
        if let failed = failedParts(trace) { return failed.map { failedAlternative($0) }.joined(separator: " et ") }
        return explainLeaf(trace, decisive: true)
    }

    /// Of an `and` (through named conditions) that failed while some of its parts held, the parts that did not hold.
    private func failedParts(_ trace: ConditionTrace) -> [ConditionTrace]? {
        var node = trace
        while case .named = node.expression.kind, let child = node.children.first { node = child }
        guard case .and = node.expression.kind, node.children.contains(where: { $0.truth == .true }) else { return nil }
        return node.children.filter { $0.truth != .true }
    }

    /// Whether a part whose truth is `part` decided the outcome of its `and` (`inAnd`) or `or`: of an `and`
    /// that held, every part; that did not, the parts that did not hold; of an `or` that failed, every part; that
    /// held, the parts that held; that stayed unknown, the parts that did not fail.
    static func decides(_ part: Truth, inAnd: Bool, outcome: Truth) -> Bool {
        if inAnd { return outcome == .true || part != .true }
        switch outcome {
        case .false: return true
        case .true: return part == .true
        default: return part != .false
        }
    }

    /// A `not` over a named condition that says what its negation means (`falseLabel`): one part, not its parts.
    static func saysItsNegation(_ expression: Expression) -> Bool {
        if case .not(let written) = expression.kind, case .named(let reference) = written.kind, reference.falseLabel != nil { return true }
        return false
    }

    /// The sub-conditions that made a holding condition hold, each with the facts it reads.
    public func heldLeaves(_ trace: ConditionTrace) -> [Leaf] {
        guard trace.truth == .true else { return [] }
        switch trace.expression.kind {
        case .named:
            return trace.children.flatMap(heldLeaves)
        case .and, .or:
            return trace.children.filter { $0.truth == .true }.flatMap(heldLeaves)
        default:
            return [Leaf(text: explainLeaf(trace), facts: trace.expression.factNames)]
        }
    }

    public struct Leaf: Hashable, Sendable {
        public var text: String
        public var facts: Set<String>
    }

    /// One sub-condition in words, with the value of each fact it reads, and « (inconnu) » when a fact is absent.
    /// `decisive`: only the facts of the parts that decided the outcome (of a failed `and`, its parts that did not
    /// hold; of a held `or`, its parts that held), so that a reason does not name a fact that did not decide it.
    public func explainLeaf(_ trace: ConditionTrace, decisive: Bool = false) -> String {
        let text = describer.describe(trace.expression)
        // A held equality or membership already states the value: « type de territoire : commune ».
        if trace.truth == .true, case .comparison(let op, _, _) = trace.expression.kind, [.equal, .in].contains(op) {
            return text
        }
        let values = factValues(in: trace, decisive: decisive).filter { !$0.isBool }
        var suffix = values.map { "ici \($0.text)" }.joined(separator: ", ")
        // Two facts compared: « ici 25 000 habitants contre 2 800 habitants ».
        if case .comparison(_, let left, let right) = trace.expression.kind, case .fact = left.kind, case .fact = right.kind, values.count == 2 {
            suffix = "ici \(values[0].text) contre \(values[1].text)"
        }
        if trace.truth == .unknown { suffix = suffix.isEmpty ? "inconnu" : suffix + " (inconnu)" }
        return suffix.isEmpty ? text : "\(text) — \(suffix)"
    }

    /// Each fact read in `trace`, with its value written for people; `decisive`: only those of the parts that
    /// decided the outcome, through combinations and named conditions (not under a `not`).
    public func factValues(in trace: ConditionTrace, decisive: Bool = false) -> [(name: String, text: String, isBool: Bool)] {
        var result: [(String, String, Bool)] = []
        var seen: Set<String> = []
        func decide(_ node: ConditionTrace) {
            switch node.expression.kind {
            case .named: node.children.forEach(decide)
            case .and: node.children.filter { Self.decides($0.truth, inAnd: true, outcome: node.truth) }.forEach(decide)
            case .or: node.children.filter { Self.decides($0.truth, inAnd: false, outcome: node.truth) }.forEach(decide)
            default: visit(node)
            }
        }
        func visit(_ node: ConditionTrace) {
            if case .fact(let name) = node.expression.kind, seen.insert(name).inserted {
                let fact = describer.vocabulary.fact(named: name)
                let value: FactValue?
                switch node.outcome {
                case .value(let stored): value = stored
                case .truth(.true): value = .bool(true)
                case .truth(.false): value = .bool(false)
                default: value = nil
                }
                // Sets read through `'v' in set` are described by the condition itself.
                let isBoolOrSet = fact?.type == .bool || fact?.type == .set
                let text = value != nil && placeheld.contains(name) ? WordingPlaceholder.marker(name) : ValueFormatter.value(value, of: fact)
                result.append((name, text, isBoolOrSet))
            }
            node.children.forEach(visit)
        }
        if decisive { decide(trace) } else { visit(trace) }
        return result
    }
}
