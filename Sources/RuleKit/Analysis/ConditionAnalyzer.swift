/// Decides whether a condition can ever hold, or always holds, over every profile the vocabulary allows.
///
/// Conditions only compare facts with constants, so each fact's domain splits into finitely many classes:
/// for a number, the constants it is compared with, the points between and around them, and its bounds;
/// for an enumeration, its values; for a set, the subsets of the values tested. Evaluating the condition on
/// every combination of classes is exact. Beyond `maximumCombinations` only « contingent » can be shown (a true and
/// a false case found within the budget); otherwise the answer is `.undecided`.
///
/// The cost of an analysis is its number of combinations, each one evaluation. A `Budget` shared by the analyses
/// of one recommendation (its condition and every boost) bounds their total: a recommendation with 64 boosts of
/// 50,000 combinations each costs at most the budget, not 64 times the limit.
public enum ConditionAnalyzer {
    public enum Verdict: Hashable, Sendable {
        case contingent
        case alwaysTrue
        case neverTrue
        case undecided
    }

    public static let maximumCombinations = 50_000

    /// Evaluations left for the analyses of one recommendation.
    public struct Budget: Sendable {
        public private(set) var remaining: Int

        public init(_ evaluations: Int) {
            remaining = evaluations
        }

        /// Takes `cost` evaluations, or nothing and `false` when fewer are left.
        mutating func spend(_ cost: Int) -> Bool {
            guard cost <= remaining else { return false }
            remaining -= cost
            return true
        }
    }

    /// Analyzes with a budget of its own.
    public static func analyze(_ condition: Condition, vocabulary: Vocabulary) -> Verdict {
        var budget = Budget(maximumCombinations)
        return analyze(condition, vocabulary: vocabulary, budget: &budget)
    }

    /// `.undecided` when neither a true nor a false case is found within what is left of `budget` (one evaluation
    /// per combination explored), or when « never » or « always » would need more than `maximumCombinations`.
    public static func analyze(_ condition: Condition, vocabulary: Vocabulary, budget: inout Budget) -> Verdict {
        let names = condition.expression.factNames.sorted()
        var domains: [(slot: Int, values: [FactValue?])] = []
        for name in names {
            guard let fact = vocabulary.fact(named: name), let slot = vocabulary.slot(of: name) else { return .undecided }
            domains.append((slot, representatives(of: fact, in: condition.expression)))
        }
        let combinations = domains.reduce(1) { $0 > maximumCombinations ? $0 : $0 * max($1.values.count, 1) }
        // A condition with more combinations than the limit may still be shown contingent: the exploration stops at
        // the first true and the first false case, and pays the budget per evaluation, so it costs no more than
        // the budget; only « never » and « always », which need every combination, stay out of reach.
        let exhaustive = combinations <= maximumCombinations
        var facts = FactValues(defaultsOf: vocabulary)
        var sawTrue = false
        var sawOther = false
        var outOfBudget = false
        // A wide condition explores at most as many combinations as an exhaustive one may have.
        var allowance = maximumCombinations
        func explore(_ index: Int) {
            if (sawTrue && sawOther) || outOfBudget { return }
            guard index < domains.count else {
                guard allowance > 0, budget.spend(1) else { outOfBudget = true; return }
                allowance -= 1
                if condition.evaluate(facts) == .true { sawTrue = true } else { sawOther = true }
                return
            }
            for value in domains[index].values {
                facts[domains[index].slot] = value
                explore(index + 1)
            }
        }
        explore(0)
        if !(sawTrue && sawOther) && (outOfBudget || !exhaustive) { return .undecided }
        switch (sawTrue, sawOther) {
        case (true, false): return .alwaysTrue
        case (false, _): return .neverTrue
        default: return .contingent
        }
    }

    /// One value per class of the fact's domain that the condition can tell apart; `nil` stands for an
    /// absent optional fact.
    static func representatives(of fact: Fact, in expression: Expression) -> [FactValue?] {
        let canBeAbsent = !fact.required && fact.defaultValue == nil
        var values: [FactValue?]
        switch fact.type {
        case .bool:
            values = [.bool(false), .bool(true)]
        case .enum:
            values = fact.choices.map { .text($0.id) }
        case .int, .number:
            values = numericRepresentatives(of: fact, constants: constants(in: expression, fact: fact.name).compactMap {
                if case .number(let number) = $0 { return number }
                return nil
            })
        case .text:
            let texts = constants(in: expression, fact: fact.name).compactMap { value -> String? in
                if case .text(let text) = value { return text }
                return nil
            }
            values = (Set(texts).sorted() + ["\u{0}autre"]).map { .text($0) }
        case .set:
            let tested = Array(Set(constants(in: expression, fact: fact.name).compactMap { value -> String? in
                if case .text(let text) = value { return text }
                return nil
            })).sorted().prefix(12)
            values = (0..<(1 << tested.count)).map { mask in
                .set(Set(tested.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
            }
        }
        if canBeAbsent { values.append(nil) }
        return values
    }

    private static func numericRepresentatives(of fact: Fact, constants: [Double]) -> [FactValue?] {
        let low = fact.minimum ?? -1e12
        let high = fact.maximum ?? 1e12
        var points = Set(constants.filter { $0 >= low && $0 <= high })
        points.insert(low)
        points.insert(high)
        let sorted = points.sorted()
        var candidates = sorted
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            candidates.append(fact.type == .int ? (a + 1 <= b - 1 ? a + 1 : a) : (a + b) / 2)
            if fact.type == .int, b - 1 > a { candidates.append(b - 1) }
        }
        return Set(candidates).sorted().map { .number($0) }
    }

    /// The literal values `fact` is compared with anywhere in the expression.
    private static func constants(in expression: Expression, fact name: String) -> [FactValue] {
        var result: [FactValue] = []
        func visit(_ node: Expression) {
            if case .comparison(_, let left, let right) = node.kind {
                let sides = [left, right]
                if sides.contains(where: { $0.kind == .fact(name) }) {
                    for side in sides {
                        if let literal = Semantics.literal(side) { result.append(literal) }
                        if case .list(let items) = side.kind { result += items.compactMap(Semantics.literal) }
                    }
                }
            }
            node.children.forEach(visit)
        }
        visit(expression)
        return result
    }
}
