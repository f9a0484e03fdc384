import RuleKit

/// Checks of the rule base beyond loading: conditions that can never or always hold, boosts that never or
/// always apply or whose reason carries a colon, levers without recommendations, recommendations no test exercises.
public enum RuleBaseLinter {
    /// Evaluations the satisfiability analyses of one recommendation (condition and boosts) may cost together.
    public static let analysisBudget = 100_000

    public static func lint(_ ruleBase: RuleBase, leverFile: String, testResults: [RuleTestResult]?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let vocabulary = ruleBase.vocabulary
        var colonReasons: Set<String> = []
        for recommendation in ruleBase.recommendations {
            let isLiteralTrue = recommendation.condition.expression.kind == .bool(true)
            let place = recommendation.location.placed(in: recommendation.file)
            let id = ["id": recommendation.id]
            var budget = ConditionAnalyzer.Budget(analysisBudget)
            var undecided = 0
            switch ConditionAnalyzer.analyze(recommendation.condition, vocabulary: vocabulary, budget: &budget) {
            case .undecided:
                undecided += 1
            case .neverTrue:
                diagnostics.append(.error("lint.jamais-vraie", id, at: place))
            case .alwaysTrue where !isLiteralTrue:
                diagnostics.append(.warning("lint.toujours-vraie", id, at: place))
            default:
                break
            }
            for boost in recommendation.boosts {
                // A reason is said after « Pourquoi : » on a card and « pourquoi : » on a line of « À envisager
                // ensuite »: a colon of its own becomes « — » or « , » there (`Typography.clause`), a comma splice
                // (read40b). A relative clause says it in one sentence. Said once per reason, at the first
                // recommendation that gives it (a named boost is given by many).
                if boost.reason.contains(" : ") || boost.reason.contains("\u{00A0}: "), colonReasons.insert(boost.reason).inserted {
                    diagnostics.append(.warning("lint.raison-deux-points", id.merging(["reason": boost.reason]) { $1 }, at: place))
                }
                switch ConditionAnalyzer.analyze(boost.condition, vocabulary: vocabulary, budget: &budget) {
                case .undecided:
                    undecided += 1
                case .neverTrue:
                    diagnostics.append(.warning("lint.bonus-jamais", id.merging(["reason": boost.reason]) { $1 }, at: place))
                case .alwaysTrue:
                    diagnostics.append(.warning("lint.bonus-toujours", id.merging(["reason": boost.reason]) { $1 }, at: place))
                default:
                    break
                }
            }
            let missing = [(recommendation.costRange == nil, "coût"), (recommendation.evidenceLevel == nil, "niveau de preuve"),
                           (recommendation.inequalityEffect == nil, "effet sur les inégalités")].filter(\.0).map { "« \($0.1) »" }
            if !missing.isEmpty {
                diagnostics.append(.warning("lint.a-renseigner", id.merging(["missing": missing.joined(separator: ", ")]) { $1 }, at: place))
            }
            if undecided > 0 {
                let total = 1 + recommendation.boosts.count
                diagnostics.append(.warning("lint.non-analysee", id.merging(["count": String(undecided), "total": String(total)]) { $1 }, at: place))
            }
        }
        let usedLevers = Set(ruleBase.recommendations.map(\.lever))
        for lever in ruleBase.levers where !usedLevers.contains(lever.id) {
            diagnostics.append(.warning("lint.levier-vide", ["lever": lever.id], at: .wholeFile(leverFile)))
        }
        if let testResults {
            let exercised = exercisedIDs(testResults)
            for recommendation in ruleBase.recommendations where !exercised.contains(recommendation.id) {
                diagnostics.append(.warning("lint.non-testee", ["id": recommendation.id], at: recommendation.location.placed(in: recommendation.file)))
            }
        }
        return diagnostics
    }

    /// Ids selected for at least one test profile or named in an expectation.
    public static func exercisedIDs(_ results: [RuleTestResult]) -> Set<String> {
        var ids: Set<String> = []
        for result in results {
            for expectation in result.test.expectations { ids.formUnion(expectation.ids) }
            ids.formUnion(result.roadmap?.evaluations.ids(where: .true) ?? [])
        }
        return ids
    }
}
