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
        reasons(trace, outcome: trace.truth)
    }

    private func reasons(_ trace: ConditionTrace, outcome: Truth) -> [String] {
        switch trace.expression.kind {
        case .named:
            return trace.children.flatMap { reasons($0, outcome: outcome) }
        case .and where outcome == .true:
            return trace.children.flatMap { reasons($0, outcome: .true) }
        case .or where outcome != .true:
            return [trace.children.map { explainLeaf($0) }.joined(separator: " ; ni ")].map { "ni " + $0 }
        case .and, .or:
            return trace.children.filter { $0.truth == outcome }.flatMap { reasons($0, outcome: outcome) }
        case .not(let inner):
            if case .and = inner.unwrapped.kind, outcome == .false, let child = trace.children.first {
                return reasons(child, outcome: .true)
            }
            return [explainLeaf(trace)]
        default:
            return [explainLeaf(trace)]
        }
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
    public func explainLeaf(_ trace: ConditionTrace) -> String {
        let text = describer.describe(trace.expression)
        // A held equality or membership already states the value: « type de territoire : commune ».
        if trace.truth == .true, case .comparison(let op, _, _) = trace.expression.kind, [.equal, .in].contains(op) {
            return text
        }
        let values = factValues(in: trace).filter { !$0.isBool }
        var suffix = values.map { "ici \($0.text)" }.joined(separator: ", ")
        // Two facts compared: « ici 25 000 habitants contre 2 800 habitants ».
        if case .comparison(_, let left, let right) = trace.expression.kind, case .fact = left.kind, case .fact = right.kind, values.count == 2 {
            suffix = "ici \(values[0].text) contre \(values[1].text)"
        }
        if trace.truth == .unknown { suffix = suffix.isEmpty ? "inconnu" : suffix + " (inconnu)" }
        return suffix.isEmpty ? text : "\(text) — \(suffix)"
    }

    /// Each fact read in `trace`, with its value written for people.
    public func factValues(in trace: ConditionTrace) -> [(name: String, text: String, isBool: Bool)] {
        var result: [(String, String, Bool)] = []
        var seen: Set<String> = []
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
        visit(trace)
        return result
    }
}
