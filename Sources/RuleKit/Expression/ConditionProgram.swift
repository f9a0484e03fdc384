/// Conditions compiled together into one flat program, evaluated together for one set of facts.
///
/// A rule base repeats the same tests across its conditions (`population >= 3500` in a dozen of them,
/// `'prevention' in priorities` in as many): the program evaluates each distinct test — an atom — once, then
/// every condition combines its atoms' truths in postfix code, with no closure to call. Text and set facts are
/// read once into bit masks of the literals the conditions name, so a membership test is a bit test rather
/// than the hashing of a string. `ConditionTrace` stays the reference semantics; the tests check both agree.
public struct ConditionProgram: Sendable {
    /// A condition of a form with no atom of its own, interpreted by the trace.
    struct General: Sendable {
        let expression: Expression
        let slots: [String: Int]
    }

    enum Instruction: Sendable {
        case atom(Int)
        case constant(Truth)
        case not
        case and(Int)
        case or(Int)
        /// The truth on top of the stack is the next condition's.
        case result
    }

    private let groups: [LiteralGroup]
    private let atoms: [ConditionAtom]
    private let generals: [General]
    private let code: [Instruction]
    private let stackDepth: Int
    /// How many conditions the program evaluates, in the order given.
    public let count: Int

    public init(_ conditions: [Condition]) {
        self.init(expressions: conditions.map { ($0.expression, $0.slots) })
    }

    init(expressions conditions: [(expression: Expression, slots: [String: Int])]) {
        var builder = Builder()
        for condition in conditions {
            builder.emit(condition.expression, slots: condition.slots)
            builder.emit(.result)
        }
        groups = builder.groups
        atoms = builder.atoms
        generals = builder.generals
        code = builder.code
        stackDepth = builder.maximumDepth
        count = conditions.count
    }

    /// How many distinct tests the conditions contain.
    public var atomCount: Int { atoms.count }

    /// Each condition's truth for `facts`, in the order the conditions were given.
    public func evaluate(_ facts: FactValues) -> [Truth] {
        let reads = groups.map { $0.read(facts) }
        let truths = atoms.map { $0.truth(facts, groups: reads, generals: generals) }
        // The stack is never deeper than measured at compile time: a fixed array and its top, no reallocation.
        var stack = [Truth](repeating: .unknown, count: stackDepth)
        var top = 0
        var results: [Truth] = []
        results.reserveCapacity(count)
        for instruction in code {
            switch instruction {
            case .atom(let index):
                stack[top] = truths[index]
                top += 1
            case .constant(let truth):
                stack[top] = truth
                top += 1
            case .not:
                stack[top - 1] = !stack[top - 1]
            case .and(let operands):
                let truth = Semantics.and(stack[(top - operands)..<top])
                top -= operands
                stack[top] = truth
                top += 1
            case .or(let operands):
                let truth = Semantics.or(stack[(top - operands)..<top])
                top -= operands
                stack[top] = truth
                top += 1
            case .result:
                top -= 1
                results.append(stack[top])
            }
        }
        return results
    }
}

extension ConditionProgram {
    /// Compiles conditions one after another into shared atoms, groups and code.
    private struct Builder {
        private struct GroupKey: Hashable {
            let slot: Int
            let reading: LiteralGroup.Reading
        }

        var groups: [LiteralGroup] = []
        var atoms: [ConditionAtom] = []
        var generals: [General] = []
        var code: [Instruction] = []
        var maximumDepth = 0
        private var depth = 0
        private var atomIndex: [ConditionAtom: Int] = [:]
        private var groupsByKey: [GroupKey: [Int]] = [:]

        mutating func emit(_ expression: Expression, slots: [String: Int]) {
            switch expression.kind {
            case .bool(let value):
                emit(.constant(Truth(value)))
            case .number, .string, .list:
                emit(.constant(.unknown))
            case .not(let inner):
                emit(inner, slots: slots)
                emit(.not)
            case .and(let operands):
                for operand in operands { emit(operand, slots: slots) }
                emit(.and(operands.count))
            case .or(let operands):
                for operand in operands { emit(operand, slots: slots) }
                emit(.or(operands.count))
            case .fact, .comparison:
                emit(.atom(intern(atom(expression, slots: slots))))
            }
        }

        mutating func emit(_ instruction: Instruction) {
            code.append(instruction)
            switch instruction {
            case .atom, .constant: depth += 1
            case .not: break
            case .and(let operands), .or(let operands): depth += 1 - operands
            case .result: depth -= 1
            }
            maximumDepth = max(maximumDepth, depth)
        }

        private mutating func intern(_ atom: ConditionAtom) -> Int {
            if let index = atomIndex[atom] { return index }
            atoms.append(atom)
            atomIndex[atom] = atoms.count - 1
            return atoms.count - 1
        }

        private mutating func atom(_ expression: Expression, slots: [String: Int]) -> ConditionAtom {
            switch expression.kind {
            case .fact(let name):
                if let slot = slots[name] { return .flag(slot: slot) }
            case .comparison(let op, let left, let right):
                if let atom = comparison(op, left, right, slots: slots) { return atom }
            default:
                break
            }
            generals.append(General(expression: expression, slots: slots))
            return .general(index: generals.count - 1)
        }

        /// The forms nearly every rule is written in: a fact against a literal or a list of literals, a text
        /// literal in a set fact. Anything else is left to `.general`.
        private mutating func comparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression,
                                         slots: [String: Int]) -> ConditionAtom? {
            let negated = op == .notIn
            if negated || op == .in, case .fact(let name) = right.kind, let slot = slots[name],
               case .text(let member)? = Semantics.literal(left) {
                return literals([member], slot: slot, reading: .set, negated: negated)
            }
            guard case .fact(let name) = left.kind, let slot = slots[name] else { return nil }
            let values: [FactValue]
            if case .list(let items) = right.kind {
                values = items.compactMap(Semantics.literal)
                guard values.count == items.count else { return nil }
            } else {
                guard let literal = Semantics.literal(right) else { return nil }
                switch (op, literal) {
                case (.less, .number(let bound)), (.lessOrEqual, .number(let bound)),
                     (.greater, .number(let bound)), (.greaterOrEqual, .number(let bound)):
                    return .bound(slot: slot, op, bound)
                case (.equal, _), (.notEqual, _):
                    return oneOf([literal], slot: slot, negated: op == .notEqual)
                default:
                    return nil
                }
            }
            return oneOf(values, slot: slot, negated: negated)
        }

        private mutating func oneOf(_ values: [FactValue], slot: Int, negated: Bool) -> ConditionAtom {
            let texts = values.compactMap { value -> String? in
                if case .text(let text) = value { return text }
                return nil
            }
            if !texts.isEmpty, texts.count == values.count,
               let atom = literals(texts, slot: slot, reading: .text, negated: negated) {
                return atom
            }
            return .oneOf(slot: slot, values, negated: negated)
        }

        /// A bit test on a group of `slot` that holds every literal of `texts`; `nil` when they cannot share one.
        private mutating func literals(_ texts: [String], slot: Int, reading: LiteralGroup.Reading,
                                       negated: Bool) -> ConditionAtom? {
            let key = GroupKey(slot: slot, reading: reading)
            let distinct = Set(texts)
            guard distinct.count <= LiteralGroup.capacity else { return nil }
            let candidates = groupsByKey[key, default: []]
            let group = candidates.first { groups[$0].canHold(distinct) } ?? {
                groups.append(LiteralGroup(slot: slot, reading: reading))
                groupsByKey[key, default: []].append(groups.count - 1)
                return groups.count - 1
            }()
            let mask = groups[group].mask(inserting: distinct)
            return .literals(group: group, mask: mask, negated: negated)
        }
    }
}
