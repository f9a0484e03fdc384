import RuleKit

/// Runs rule tests against a rule base. Profiles come through `loadProfile`, so the domain never reads files.
public struct RuleTestRunner: Sendable {
    public let ruleBase: RuleBase

    public init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
    }

    /// Runs one test. `baseProfile` is the test's profile file, already loaded (nil when the test has none).
    public func run(_ test: RuleTest, baseProfile: Profile?) -> RuleTestResult {
        var result = RuleTestResult(test: test, failures: [], diagnostics: [], roadmap: nil)
        for expectation in test.expectations {
            for id in expectation.ids where ruleBase.recommendation(id) == nil {
                let hint = Suggestion.hint(for: id, among: ruleBase.recommendations.map(\.id))
                result.diagnostics.append(.error("test.recommandation-inconnue", "recommandation inconnue « \(id) »\(hint)", file: test.file, at: expectation.location))
            }
        }
        guard let profile = profile(for: test, base: baseProfile, diagnostics: &result.diagnostics), result.diagnostics.isEmpty else { return result }
        let calendar: MandateCalendar
        do {
            calendar = try MandateCalendar(start: test.start)
        } catch {
            result.diagnostics.append(.error("test.date", "« start » \(test.start) est hors du mandat (mars 2026 – février 2032)", file: test.file, at: test.location))
            return result
        }
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: calendar, top: test.top)
        result.roadmap = roadmap
        let check = ExpectationCheck(roadmap: roadmap, ruleBase: ruleBase)
        result.failures = test.expectations.compactMap(check.failure)
        return result
    }

    private func profile(for test: RuleTest, base: Profile?, diagnostics: inout [Diagnostic]) -> Profile? {
        let vocabulary = ruleBase.vocabulary
        guard let factsNode = test.facts else { return base }
        if var profile = base {
            guard case .object(let members) = factsNode.value else { return nil }
            for member in members {
                guard let fact = vocabulary.fact(named: member.key) else {
                    let hint = Suggestion.hint(for: member.key, among: vocabulary.factNames)
                    diagnostics.append(.error("faits.inconnu", "fait inconnu « \(member.key) »\(hint)", file: test.file, at: member.keyLocation))
                    continue
                }
                let value = FactsReader.value(of: member.value, for: fact, path: "facts.\(member.key)", file: test.file, diagnostics: &diagnostics)
                if let value { profile.facts.set(fact.name, to: value, in: vocabulary) }
            }
            return profile
        }
        let (facts, factDiagnostics) = FactsReader.read(factsNode, file: test.file, vocabulary: vocabulary, ignoredKeys: ProfileLoader.metadataKeys)
        diagnostics += factDiagnostics
        return factDiagnostics.hasErrors ? nil : Profile(facts: facts, vocabulary: vocabulary, file: test.file)
    }
}

/// Compares one expectation with a roadmap and words the failure for a rule author.
struct ExpectationCheck {
    let roadmap: Roadmap
    let ruleBase: RuleBase

    func failure(_ expectation: Expectation) -> String? {
        switch expectation.kind {
        case .included(let id):
            return item(id) == nil ? "attendu : « \(title(id)) » [\(id)] dans la feuille de route\n  obtenu : \(status(id))" : nil
        case .excluded(let id):
            guard let item = item(id) else { return nil }
            return "attendu : « \(title(id)) » [\(id)] absente de la feuille de route\n  obtenu : retenue au rang \(item.rank) (\(phase(item)))\n  car : \(reasons(id))"
        case .inTop(let id, let n):
            guard let item = item(id) else { return "attendu : [\(id)] parmi les \(n) premières actions\n  obtenu : \(status(id))" }
            return item.rank <= n ? nil : "attendu : « \(title(id)) » [\(id)] parmi les \(n) premières actions\n  obtenu : rang \(item.rank), score \(ItemPresentation.scoreLine(item.score, of: item.recommendation))"
        case .before(let first, let second):
            guard let a = item(first), let b = item(second) else {
                return "attendu : [\(first)] avant [\(second)]\n  obtenu : \(item(first) == nil ? "[\(first)] \(status(first))" : "[\(second)] \(status(second))")"
            }
            return a.rank < b.rank ? nil : "attendu : [\(first)] avant [\(second)]\n  obtenu : [\(first)] au rang \(a.rank), [\(second)] au rang \(b.rank)"
        case .phase(let id, let horizon):
            guard let item = item(id) else { return "attendu : [\(id)] dans la phase « \(horizon.rawValue) »\n  obtenu : \(status(id))" }
            let actual = roadmap.calendar.phases[item.phaseIndex].horizon
            return actual == horizon ? nil : "attendu : « \(title(id)) » [\(id)] dans la phase « \(horizon.rawValue) »\n  obtenu : \(phase(item))"
        case .phaseBy(let id, let horizon):
            guard let item = item(id) else { return "attendu : [\(id)] au plus tard dans la phase « \(horizon.rawValue) »\n  obtenu : \(status(id))" }
            let actual = roadmap.calendar.phases[item.phaseIndex].horizon
            return actual <= horizon ? nil : "attendu : « \(title(id)) » [\(id)] au plus tard dans la phase « \(horizon.rawValue) »\n  obtenu : \(phase(item))"
        case .replacedBy(let id, let by):
            if let entry = roadmap.leftOut.first(where: { $0.recommendation.id == id }), entry.reason == .replaced(by: by) || entry.reason == .excluded(by: by) {
                return nil
            }
            return "attendu : [\(id)] remplacée par [\(by)]\n  obtenu : [\(id)] \(status(id))"
        case .minimumScore(let id, let minimum):
            guard let evaluation = roadmap.evaluations[id], evaluation.score.total < minimum else { return nil }
            return "attendu : [\(id)] avec un score d'au moins \(minimum)\n  obtenu : \(ItemPresentation.scoreLine(evaluation.score, of: evaluation.recommendation))"
        }
    }

    private func item(_ id: String) -> RoadmapItem? { roadmap.items.first { $0.recommendation.id == id } }

    private func title(_ id: String) -> String { ruleBase.recommendation(id)?.title ?? id }

    private func phase(_ item: RoadmapItem) -> String {
        let phase = roadmap.calendar.phases[item.phaseIndex]
        return "phase « \(phase.horizon.rawValue) » : \(phase.title)"
    }

    private func reasons(_ id: String) -> String {
        guard let recommendation = ruleBase.recommendation(id) else { return "" }
        let explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
        return explainer.reasons(recommendation.condition.trace(roadmap.profile.facts)).joined(separator: " ; ")
    }

    /// Where a recommendation ended up, in words.
    func status(_ id: String) -> String {
        if let item = item(id) { return "retenue au rang \(item.rank) (\(phase(item)))" }
        guard let entry = roadmap.leftOut.first(where: { $0.recommendation.id == id }) else { return "inconnue" }
        switch entry.reason {
        case .conditionNotMet(let truth):
            return "écartée, la condition est \(truth == .unknown ? "indéterminée (fait non renseigné)" : "fausse") : \(reasons(id))"
        case .replaced(let by): return "écartée, remplacée par [\(by)]"
        case .excluded(let by): return "écartée au profit de [\(by)], mieux classée"
        case .noCapacity: return "écartée faute de capacité (score \(entry.score.total))"
        case .prerequisiteLeftOut(let prerequisite): return "écartée car son préalable [\(prerequisite)] n'a pas pu être placé"
        case .beyondTop(let top): return "écartée, au-delà des \(top) premières actions"
        }
    }
}
