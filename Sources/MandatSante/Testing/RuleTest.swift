import RuleKit

/// One rule test: a territory and what its roadmap must (not) contain.
public struct RuleTest: Sendable {
    public var name: String
    public var file: String
    public var location: SourceLocation
    /// A profile file, resolved relative to the test file's folder by the caller.
    public var profilePath: String?
    public var profileLocation: SourceLocation?
    /// Inline facts: the whole profile, or overrides of `profilePath`.
    public var facts: JSONNode?
    public var start: YearMonth
    public var top: Int?
    public var expectations: [Expectation]
}

/// What a test expects of the roadmap. Each carries the position of its id in the test file.
public struct Expectation: Sendable {
    public enum Kind: Sendable, Hashable {
        case included(String)
        case excluded(String)
        /// Applies but does not fit: in « à envisager ensuite ».
        case considerLater(String)
        /// Applies to the territory: in the roadmap or « à envisager ensuite ».
        case applies(String)
        /// Among the decisions to take first of the executive synthesis.
        case decision(String)
        /// Not among those decisions (in the roadmap or not).
        case notDecision(String)
        /// Both in the roadmap, in the same phase.
        case samePhase(String, String)
        case inTop(String, Int)
        case before(String, String)
        case phase(String, Horizon)
        /// Placed in this phase or an earlier one (« au plus tard »).
        case phaseBy(String, Horizon)
        case replacedBy(String, String)
        case minimumScore(String, Int)
        /// The action's card (or its « à envisager ensuite » line) says these words: a reason, a deadline, a
        /// « dès maintenant », a step — what a professional reads, pinned where a phase or a rank cannot say it.
        case says(String, String)
        /// The action's card does not say these words: a source it must not cite where the line using it is not
        /// printed, a cost it must not print for this territory.
        case saysNot(String, String)
    }

    public var kind: Kind
    public var location: SourceLocation

    /// Every recommendation id the expectation names.
    public var ids: [String] {
        switch kind {
        case .included(let id), .excluded(let id), .considerLater(let id), .applies(let id), .decision(let id), .notDecision(let id), .inTop(let id, _), .phase(let id, _),
             .phaseBy(let id, _), .minimumScore(let id, _), .says(let id, _), .saysNot(let id, _): return [id]
        case .before(let first, let second), .replacedBy(let first, let second), .samePhase(let first, let second): return [first, second]
        }
    }
}

/// The outcome of one test.
public struct RuleTestResult: Sendable {
    public var test: RuleTest
    /// Empty when the test passed.
    public var failures: [String]
    /// Problems that kept the test from running (bad profile, unknown id): counted as failures.
    public var diagnostics: [Diagnostic]
    /// The roadmap, when the test could run (for coverage).
    public var roadmap: Roadmap?
    /// Warnings about the test's facts that do not keep it from running (`OverseasCoherence.notices`).
    public var notices: [Diagnostic] = []

    public var passed: Bool { failures.isEmpty && diagnostics.isEmpty }

    public init(test: RuleTest, failures: [String], diagnostics: [Diagnostic], roadmap: Roadmap?) {
        self.test = test
        self.failures = failures
        self.diagnostics = diagnostics
        self.roadmap = roadmap
    }
}
