import MandatSante

/// Makes a rule base `factor` times larger so that the planner's real work grows: every recommendation is
/// cloned with a suffixed id (`cls-engager-7`), and its `after`, `replaces` and `excludes` point inside the
/// same clone, so each clone keeps the dependencies and conflicts of the original.
enum RuleBaseScaler {
    static func scaled(_ ruleBase: RuleBase, by factor: Int) -> RuleBase {
        guard factor > 1 else { return ruleBase }
        let originals = ruleBase.recommendations
        var recommendations = originals
        recommendations.reserveCapacity(originals.count * factor)
        for copy in 1..<factor {
            func suffixed(_ id: String) -> String { "\(id)-\(copy)" }
            recommendations += originals.map { $0.renamed(suffixed) }
        }
        precondition(Set(recommendations.map(\.id)).count == recommendations.count, "identifiants en double après clonage")
        return ruleBase.replacing(recommendations: recommendations)
    }
}
