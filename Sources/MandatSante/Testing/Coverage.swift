import RuleKit

/// What the rule tests exercise: which recommendations some test profile selects, and which sub-conditions
/// were seen both true and false (branch coverage of each condition tree).
public struct Coverage: Sendable {
    public struct Branch: Sendable {
        public var recommendationID: String
        /// « condition » or « bonus 2 ».
        public var part: String
        public var text: String
        public var location: SourceLocation
        public var file: String
        public var seenTrue: Bool
        public var seenFalse: Bool
        public var covered: Bool { seenTrue && seenFalse }
    }

    public var recommendationCount: Int
    public var selectedIDs: Set<String>
    public var neverSelected: [Recommendation]
    public var branches: [Branch]
    public var profileCount: Int

    public var coveredBranches: Int { branches.filter(\.covered).count }

    public init(ruleBase: RuleBase, profiles: [Profile]) {
        recommendationCount = ruleBase.recommendations.count
        profileCount = profiles.count
        var selected: Set<String> = []
        var branches: [Branch] = []
        for recommendation in ruleBase.recommendations {
            let parts = [("condition", recommendation.condition, recommendation.conditionText)]
                + recommendation.boosts.enumerated().map { ("bonus \($0.offset + 1)", $0.element.condition, $0.element.conditionText) }
            for (partIndex, (part, condition, node)) in parts.enumerated() {
                var seen: [Range<Int>: (Bool, Bool)] = [:]
                var order: [(Range<Int>, String)] = []
                for profile in profiles {
                    let trace = condition.trace(profile.facts)
                    if partIndex == 0, trace.truth == .true { selected.insert(recommendation.id) }
                    Self.visit(trace) { node in
                        if seen[node.expression.range] == nil { order.append((node.expression.range, node.text)) }
                        var entry = seen[node.expression.range] ?? (false, false)
                        if node.truth == .true { entry.0 = true }
                        if node.truth == .false { entry.1 = true }
                        seen[node.expression.range] = entry
                    }
                }
                if profiles.isEmpty {
                    Self.visit(condition.trace(FactValues(defaultsOf: ruleBase.vocabulary))) { order.append(($0.expression.range, $0.text)) }
                }
                for (range, text) in order {
                    let entry = seen[range] ?? (false, false)
                    branches.append(Branch(recommendationID: recommendation.id, part: part, text: text,
                                           location: node.location(atOffset: range.lowerBound), file: recommendation.file,
                                           seenTrue: entry.0, seenFalse: entry.1))
                }
            }
        }
        selectedIDs = selected
        neverSelected = ruleBase.recommendations.filter { !selected.contains($0.id) }
        self.branches = branches
    }

    /// Every sub-condition that has a truth value (operands such as `population` or `3500` are skipped); a named
    /// condition counts as one branch where it is used (its parts are written, and counted, in its definition).
    private static func visit(_ trace: ConditionTrace, _ body: (ConditionTrace) -> Void) {
        if case .truth = trace.outcome { body(trace) }
        if case .named = trace.expression.kind { return }
        trace.children.forEach { visit($0, body) }
    }

    public func json() -> JSONOutput {
        .object([
            ("profils", .integer(profileCount)),
            ("recommandations", .object([
                ("total", .integer(recommendationCount)),
                ("retenuesParUnTest", .integer(selectedIDs.count)),
                ("jamaisRetenues", .array(neverSelected.map { .string($0.id) })),
            ])),
            ("branches", .object([
                ("total", .integer(branches.count)),
                ("couvertes", .integer(coveredBranches)),
                ("detail", .array(branches.map { branch in
                    .object([
                        ("recommandation", .string(branch.recommendationID)), ("partie", .string(branch.part)),
                        ("condition", .string(branch.text)), ("position", .string("\(branch.location)")),
                        ("vueVraie", .bool(branch.seenTrue)), ("vueFausse", .bool(branch.seenFalse)),
                    ])
                })),
            ])),
        ])
    }
}
