extension ConditionProgram {
    /// A program's conditions as evaluated, in flat arrays of plain integers: evaluating them for a profile reads
    /// no enum with a payload, retains no array and calls no closure, and each distinct form is combined once
    /// however many conditions repeat it (boosts such as `'prevention' in priorities`, every clone of a scaled
    /// rule base). Truth levels are bytes: false 0, unknown 1, true 2 (see `TruthLevel`).
    struct Compiled: Sendable {
        /// What a value slot held when read: see `valueSlots`.
        static let absent: UInt8 = 0, bool: UInt8 = 1, number: UInt8 = 2

        enum AtomKind: UInt8, Sendable {
            case flag, less, lessOrEqual, greater, greaterOrEqual, literals, literalsNegated
            /// Any other atom: evaluated by `ConditionAtom.truth`.
            case other
        }

        /// An atom: `operand` is a value index (`flag`, bounds) or a literal group (`literals…`).
        struct AtomCode: Sendable {
            let kind: AtomKind
            let operand: Int
            let bound: Double
            let mask: UInt64
        }

        /// The fact slots that boolean and number atoms read, each read once per evaluation.
        let valueSlots: [Int]
        let atomCodes: [AtomCode]
        /// Each distinct form: `and` clause, `or` clause or postfix code, plus `negated`.
        let kinds: [UInt8]
        /// Distinct form `f` is `pool[starts[f]..<starts[f + 1]]`: literals (`atom << 1 | negated`) for a
        /// clause, instructions (`operand << 3 | operation`) for code.
        let starts: [Int]
        let pool: [Int]
        /// Each condition's distinct form.
        let formOf: [Int]
        let stackDepth: Int

        private static let andClause: UInt8 = 0, orClause: UInt8 = 1, code: UInt8 = 2, negated: UInt8 = 4
        private static let pushAtom = 0, pushConstant = 1, not = 2, and = 3, or = 4

        init(forms: [Form], literals: [Literal], code: [Instruction], atoms: [ConditionAtom], stackDepth: Int) {
            var valueSlots: [Int] = []
            var valueIndex: [Int: Int] = [:]
            func value(_ slot: Int) -> Int {
                if let index = valueIndex[slot] { return index }
                valueSlots.append(slot)
                valueIndex[slot] = valueSlots.count - 1
                return valueSlots.count - 1
            }
            atomCodes = atoms.map { atom in
                switch atom {
                case .flag(let slot):
                    return AtomCode(kind: .flag, operand: value(slot), bound: 0, mask: 0)
                case .bound(let slot, let op, let bound):
                    let kind: AtomKind = switch op {
                    case .less: .less
                    case .lessOrEqual: .lessOrEqual
                    case .greater: .greater
                    default: .greaterOrEqual
                    }
                    return AtomCode(kind: kind, operand: value(slot), bound: bound, mask: 0)
                case .literals(let group, let mask, let negated):
                    return AtomCode(kind: negated ? .literalsNegated : .literals, operand: group, bound: 0, mask: mask)
                case .oneOf, .factPair, .general:
                    return AtomCode(kind: .other, operand: 0, bound: 0, mask: 0)
                }
            }
            self.valueSlots = valueSlots

            var kinds: [UInt8] = []
            var starts = [0]
            var pool: [Int] = []
            var distinct: [[Int]: Int] = [:]
            formOf = forms.map { form in
                var key: [Int]
                switch form {
                case .clause(let isOr, let range, let negated):
                    key = [Int((isOr ? Self.orClause : Self.andClause) | (negated ? Self.negated : 0))]
                    key += literals[range].map { $0.atom << 1 | ($0.negated ? 1 : 0) }
                case .code(let range):
                    key = [Int(Self.code)]
                    key += code[range].map { instruction in
                        switch instruction {
                        case .atom(let atom): atom << 3 | Self.pushAtom
                        case .constant(let level): Int(level.rawValue) << 3 | Self.pushConstant
                        case .not: Self.not
                        case .and(let operands): operands << 3 | Self.and
                        case .or(let operands): operands << 3 | Self.or
                        }
                    }
                }
                if let known = distinct[key] { return known }
                kinds.append(UInt8(key[0]))
                pool += key.dropFirst()
                starts.append(pool.count)
                distinct[key] = kinds.count - 1
                return kinds.count - 1
            }
            self.kinds = kinds
            self.starts = starts
            self.pool = pool
            self.stackDepth = stackDepth
        }

        /// Each atom's level into `levels`, from the values and group masks read for the profile; `other`
        /// evaluates the atoms of no flat form.
        func evaluateAtoms(levels: UnsafeMutableBufferPointer<UInt8>, values: UnsafeBufferPointer<UInt64>,
                           valueKinds: UnsafeBufferPointer<UInt8>, groupMasks: UnsafeBufferPointer<UInt64>,
                           groupKnown: UnsafeBufferPointer<UInt8>, other: (Int) -> TruthLevel) {
            atomCodes.withUnsafeBufferPointer { codes in
                for atom in codes.indices {
                    let code = codes[atom]
                    var level: UInt8 = 1
                    switch code.kind {
                    case .flag:
                        if valueKinds[code.operand] == Self.bool { level = values[code.operand] != 0 ? 2 : 0 }
                    case .less, .lessOrEqual, .greater, .greaterOrEqual:
                        if valueKinds[code.operand] == Self.number {
                            let value = Double(bitPattern: values[code.operand])
                            let holds = switch code.kind {
                            case .less: value < code.bound
                            case .lessOrEqual: value <= code.bound
                            case .greater: value > code.bound
                            default: value >= code.bound
                            }
                            level = holds ? 2 : 0
                        }
                    case .literals, .literalsNegated:
                        if groupKnown[code.operand] != 0 {
                            let holds = groupMasks[code.operand] & code.mask != 0
                            level = holds != (code.kind == .literalsNegated) ? 2 : 0
                        }
                    case .other:
                        level = other(atom).rawValue
                    }
                    levels[atom] = level
                }
            }
        }

        /// Each distinct form's level into `formLevels`: a clause as the minimum (`and`) or maximum (`or`) of its
        /// literals, code on `stack`.
        func combine(levels: UnsafeBufferPointer<UInt8>, into formLevels: UnsafeMutableBufferPointer<UInt8>,
                     stack: UnsafeMutableBufferPointer<UInt8>) {
            kinds.withUnsafeBufferPointer { kinds in
                starts.withUnsafeBufferPointer { starts in
                    pool.withUnsafeBufferPointer { pool in
                        for form in kinds.indices {
                            let kind = kinds[form]
                            let range = starts[form]..<starts[form + 1]
                            var level: UInt8
                            switch kind & 3 {
                            case Self.andClause:
                                level = 2
                                for slot in range {
                                    let literal = pool[slot]
                                    let operand = levels[literal >> 1]
                                    level = min(level, literal & 1 == 0 ? operand : 2 - operand)
                                    if level == 0 { break }
                                }
                            case Self.orClause:
                                level = 0
                                for slot in range {
                                    let literal = pool[slot]
                                    let operand = levels[literal >> 1]
                                    level = max(level, literal & 1 == 0 ? operand : 2 - operand)
                                    if level == 2 { break }
                                }
                            default:
                                level = Self.run(pool, range, levels: levels, stack: stack)
                            }
                            formLevels[form] = kind & Self.negated != 0 ? 2 - level : level
                        }
                    }
                }
            }
        }

        private static func run(_ pool: UnsafeBufferPointer<Int>, _ range: Range<Int>, levels: UnsafeBufferPointer<UInt8>,
                                stack: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
            var top = 0
            for slot in range {
                let instruction = pool[slot]
                let operand = instruction >> 3
                switch instruction & 7 {
                case pushAtom:
                    stack[top] = levels[operand]
                    top += 1
                case pushConstant:
                    stack[top] = UInt8(operand)
                    top += 1
                case not:
                    stack[top - 1] = 2 - stack[top - 1]
                case and:
                    var level: UInt8 = 2
                    for index in (top - operand)..<top { level = min(level, stack[index]) }
                    top -= operand
                    stack[top] = level
                    top += 1
                default:
                    var level: UInt8 = 0
                    for index in (top - operand)..<top { level = max(level, stack[index]) }
                    top -= operand
                    stack[top] = level
                    top += 1
                }
            }
            return stack[0]
        }

        /// Each condition's truth, from its distinct form's level.
        func truths(formLevels: UnsafeBufferPointer<UInt8>) -> [Truth] {
            formOf.withUnsafeBufferPointer { formOf in
                [Truth](unsafeUninitializedCapacity: formOf.count) { buffer, initialized in
                    for condition in formOf.indices {
                        let level = formLevels[formOf[condition]]
                        buffer.initializeElement(at: condition, to: level == 2 ? .true : level == 0 ? .false : .unknown)
                    }
                    initialized = formOf.count
                }
            }
        }
    }
}
