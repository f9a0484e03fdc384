import RuleKit

/// Checks of the rule base beyond loading: conditions that can never or always hold, boosts that never or
/// always apply, levers without recommendations, recommendations no test exercises.
public enum RuleBaseLinter {
    /// Evaluations the satisfiability analyses of one recommendation (condition and boosts) may cost together.
    public static let analysisBudget = 100_000

    public static func lint(_ ruleBase: RuleBase, leverFile: String, testResults: [RuleTestResult]?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let vocabulary = ruleBase.vocabulary
        for recommendation in ruleBase.recommendations {
            let isLiteralTrue = recommendation.condition.expression.kind == .bool(true)
            var budget = ConditionAnalyzer.Budget(analysisBudget)
            var undecided = 0
            switch ConditionAnalyzer.analyze(recommendation.condition, vocabulary: vocabulary, budget: &budget) {
            case .undecided:
                undecided += 1
            case .neverTrue:
                diagnostics.append(.error("lint.jamais-vraie", "la condition de « \(recommendation.id) » ne peut jamais être vraie, quel que soit le profil : la recommandation ne sortira jamais", file: recommendation.file, at: recommendation.location))
            case .alwaysTrue where !isLiteralTrue:
                diagnostics.append(.warning("lint.toujours-vraie", "la condition de « \(recommendation.id) » est vraie pour tout profil : écrivez « true » si c'est voulu", file: recommendation.file, at: recommendation.location))
            default:
                break
            }
            for boost in recommendation.boosts {
                switch ConditionAnalyzer.analyze(boost.condition, vocabulary: vocabulary, budget: &budget) {
                case .undecided:
                    undecided += 1
                case .neverTrue:
                    diagnostics.append(.warning("lint.bonus-jamais", "le bonus « \(boost.reason) » de « \(recommendation.id) » ne s'applique jamais", file: recommendation.file, at: recommendation.location))
                case .alwaysTrue:
                    diagnostics.append(.warning("lint.bonus-toujours", "le bonus « \(boost.reason) » de « \(recommendation.id) » s'applique toujours : ajoutez-le plutôt à la priorité", file: recommendation.file, at: recommendation.location))
                default:
                    break
                }
            }
            let missing = [(recommendation.costRange == nil, "coût"), (recommendation.evidenceLevel == nil, "niveau de preuve"),
                           (recommendation.inequalityEffect == nil, "effet sur les inégalités")].filter(\.0).map { "« \($0.1) »" }
            if !missing.isEmpty {
                diagnostics.append(.warning("lint.a-renseigner", "« \(recommendation.id) » ne dit pas \(missing.joined(separator: ", ")) : un professionnel pèse chaque action à son coût, à son niveau de preuve et à son effet sur les inégalités de santé", file: recommendation.file, at: recommendation.location))
            }
            if undecided > 0 {
                let total = 1 + recommendation.boosts.count
                diagnostics.append(.warning("lint.non-analysee", "\(undecided) condition\(undecided > 1 ? "s" : "") sur \(total) de « \(recommendation.id) » (condition et bonus) \(undecided > 1 ? "comptent" : "compte") trop de cas pour être analysée\(undecided > 1 ? "s" : "") : « jamais vraie » et « toujours vraie » n'y sont pas vérifiés", file: recommendation.file, at: recommendation.location))
            }
        }
        let usedLevers = Set(ruleBase.recommendations.map(\.lever))
        for lever in ruleBase.levers where !usedLevers.contains(lever.id) {
            diagnostics.append(.warning("lint.levier-vide", "le levier « \(lever.id) » n'a aucune recommandation", file: leverFile))
        }
        if let testResults {
            let exercised = exercisedIDs(testResults)
            for recommendation in ruleBase.recommendations where !exercised.contains(recommendation.id) {
                diagnostics.append(.warning("lint.non-testee", "aucun test n'exerce « \(recommendation.id) » (ni retenue pour un profil de test, ni citée dans une attente)", file: recommendation.file, at: recommendation.location))
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
