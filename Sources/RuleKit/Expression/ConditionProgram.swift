/// Conditions compiled together into one flat program, evaluated together for one set of facts.
///
/// A rule base repeats the same tests across its conditions (`population >= 3500` in a dozen of them,
/// `'prevention' in priorities` in as many): the program evaluates each distinct test — an atom — once, then
/// combines the atoms' truths for every condition, with no closure to call. Nearly every condition is a clause
/// — atoms, some negated, joined by `and` or by `or` — combined in one loop; deeper nestings run as postfix
/// code. Text and set facts are read once into bit masks of the literals the conditions name, so that a
/// membership test is a bit test rather than the hashing of a string. `ConditionTrace` stays the reference
/// semantics; the tests check both agree.
public struct ConditionProgram: Sendable {
    /// A test in none of the forms `ConditionAtom` reads directly, interpreted by the trace.
    struct General: Sendable {
        let expression: Expression
        let slots: [String: Int]
    }

    /// An atom or its negation.
    struct Literal: Sendable {
        let atom: Int
        let negated: Bool
    }

    /// How one condition combines its atoms.
    enum Form: Sendable {
        /// `l1 and l2 …` or `l1 or l2 …` over `literals`, itself negated or not; a lone atom is a one-literal `and`.
        case clause(isOr: Bool, literals: Range<Int>, negated: Bool)
        /// Anything nested deeper: postfix code.
        case code(Range<Int>)
    }

    enum Instruction: Sendable {
        case atom(Int)
        case constant(TruthLevel)
        case not
        case and(Int)
        case or(Int)
    }

    private let groups: [LiteralGroup]
    private let atoms: [ConditionAtom]
    private let generals: [General]
    /// The conditions as evaluated: each distinct form once (a rule base repeats whole conditions, not only
    /// tests: boosts such as `'prevention' in priorities`, and every clone of a scaled base), in flat arrays of
    /// plain integers that evaluating reads without copying an enum, retaining an array or calling a closure.
    private let compiled: Compiled

    public init(_ conditions: [Condition]) {
        self.init(expressions: conditions.map { ($0.expression, $0.slots) })
    }

    /// Parts of checked conditions — each a sub-condition (a test, a combination, a named condition), not an
    /// operand — compiled together: how every part of a condition comes out, without tracing it.
    public init(parts: [Expression], vocabulary: Vocabulary) {
        self.init(expressions: parts.map { part in
            (part, part.factNames.reduce(into: [String: Int]()) { slots, name in slots[name] = vocabulary.slot(of: name) })
        })
    }

    init(expressions conditions: [(expression: Expression, slots: [String: Int])]) {
        var builder = Builder()
        let forms = conditions.map { builder.form($0.expression, slots: $0.slots) }
        groups = builder.groups
        atoms = builder.atoms
        generals = builder.generals
        compiled = Compiled(forms: forms, literals: builder.literals, code: builder.code, atoms: builder.atoms,
                            stackDepth: builder.maximumDepth)
    }

    /// How many conditions the program evaluates, in the order given.
    public var count: Int { compiled.formOf.count }

    /// How many distinct tests the conditions contain.
    public var atomCount: Int { atoms.count }

    /// How many distinct conditions (the same test combined the same way) the program evaluates.
    public var distinctCount: Int { compiled.kinds.count }

    /// Each condition's truth for `facts`, in the order the conditions were given.
    public func evaluate(_ facts: FactValues) -> [Truth] {
        let compiled = compiled
        let (atomCount, formCount) = (atoms.count, compiled.kinds.count)
        let (valueCount, groupCount) = (compiled.valueSlots.count, groups.count)
        // Every scratch array lives on the stack: evaluating allocates only the truths it returns.
        let byteCount = atomCount + formCount + compiled.stackDepth + valueCount + groupCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount) { bytes in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: valueCount + groupCount) { words in
                var next = 0
                func carve<T>(_ buffer: UnsafeMutableBufferPointer<T>, _ count: Int, from start: inout Int) -> UnsafeMutableBufferPointer<T> {
                    defer { start += count }
                    return UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + count)])
                }
                let levels = carve(bytes, atomCount, from: &next)
                let formLevels = carve(bytes, formCount, from: &next)
                let stack = carve(bytes, compiled.stackDepth, from: &next)
                let valueKinds = carve(bytes, valueCount, from: &next)
                let groupKnown = carve(bytes, groupCount, from: &next)
                next = 0
                let values = carve(words, valueCount, from: &next)
                let groupMasks = carve(words, groupCount, from: &next)

                // Boolean and number facts read once each into plain numbers; text and set facts once per
                // literal group into a bit mask.
                facts.slots.withUnsafeBufferPointer { slots in
                    for index in 0..<valueCount {
                        let slot = compiled.valueSlots[index]
                        (valueKinds[index], values[index]) = (Compiled.absent, 0)
                        guard slot < slots.count else { continue }
                        switch slots[slot] {
                        case .bool(let flag)?: (valueKinds[index], values[index]) = (Compiled.bool, flag ? 1 : 0)
                        case .number(let number)?: (valueKinds[index], values[index]) = (Compiled.number, number.bitPattern)
                        default: break
                        }
                    }
                }
                for index in 0..<groupCount {
                    let read = groups[index].read(facts)
                    (groupKnown[index], groupMasks[index]) = (read == nil ? 0 : 1, read ?? 0)
                }
                compiled.evaluateAtoms(levels: levels, values: UnsafeBufferPointer(values),
                                       valueKinds: UnsafeBufferPointer(valueKinds),
                                       groupMasks: UnsafeBufferPointer(groupMasks),
                                       groupKnown: UnsafeBufferPointer(groupKnown)) { atom in
                    TruthLevel(atoms[atom].truth(facts, groups: [], generals: generals))
                }
                compiled.combine(levels: UnsafeBufferPointer(levels), into: formLevels, stack: stack)
                return compiled.truths(formLevels: UnsafeBufferPointer(formLevels))
            }
        }
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
        var literals: [Literal] = []
        var code: [Instruction] = []
        var maximumDepth = 0
        private var depth = 0
        private var atomIndex: [ConditionAtom: Int] = [:]
        private var groupsByKey: [GroupKey: [Int]] = [:]

        /// A clause when `expression` is one (see `Form`), postfix code otherwise.
        mutating func form(_ written: Expression, slots: [String: Int]) -> Form {
            let expression = written.unwrapped
            let (inner, negated) = Self.withoutNot(expression)
            let operands: [Expression]
            var isOr = false
            switch inner.kind {
            case .fact, .comparison:
                operands = [inner]
            case .and(let items) where items.allSatisfy(Self.isLiteral):
                operands = items
            case .or(let items) where items.allSatisfy(Self.isLiteral):
                (operands, isOr) = (items, true)
            default:
                let start = code.count
                depth = 0
                emit(expression, slots: slots)
                return .code(start..<code.count)
            }
            let start = literals.count
            for operand in operands {
                let (atomExpression, negatedOperand) = Self.withoutNot(operand)
                literals.append(Literal(atom: intern(atom(atomExpression, slots: slots)), negated: negatedOperand))
            }
            return .clause(isOr: isOr, literals: start..<literals.count, negated: negated)
        }

        /// An atom — a fact or a comparison — or its negation.
        private static func isLiteral(_ expression: Expression) -> Bool {
            switch withoutNot(expression).inner.kind {
            case .fact, .comparison: return true
            default: return false
            }
        }

        /// `expression` without the `not`s in front of it (and the named conditions it stands for), and whether
        /// there was an odd number of them.
        private static func withoutNot(_ expression: Expression) -> (inner: Expression, negated: Bool) {
            var inner = expression.unwrapped
            var negated = false
            while case .not(let operand) = inner.kind {
                inner = operand.unwrapped
                negated.toggle()
            }
            return (inner, negated)
        }

        private mutating func emit(_ expression: Expression, slots: [String: Int]) {
            switch expression.kind {
            case .bool(let value):
                emit(.constant(value ? TruthLevel.true : .false))
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
            case .named(let reference):
                emit(reference.expression, slots: slots)
            }
        }

        private mutating func emit(_ instruction: Instruction) {
            code.append(instruction)
            switch instruction {
            case .atom, .constant: depth += 1
            case .not: break
            case .and(let operands), .or(let operands): depth += 1 - operands
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

        /// The forms nearly every rule is written in: a fact against a literal, a list of literals or another
        /// fact, a text literal in a set fact. Anything else is left to `.general`.
        private mutating func comparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression,
                                         slots: [String: Int]) -> ConditionAtom? {
            let negated = op == .notIn
            if negated || op == .in, case .fact(let name) = right.kind, let slot = slots[name],
               case .text(let member)? = Semantics.literal(left) {
                return literals([member], slot: slot, reading: .set, negated: negated)
            }
            guard case .fact(let name) = left.kind, let slot = slots[name] else { return nil }
            if case .fact(let other) = right.kind, let otherSlot = slots[other] {
                return .factPair(left: slot, op, right: otherSlot)
            }
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
