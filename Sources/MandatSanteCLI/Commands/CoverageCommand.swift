import MandatSante
import RuleKit

/// `mandat-sante coverage`: runs the rule tests and reports which recommendations and which branches of
/// their conditions the tests exercise.
struct CoverageCommand {
    static let name = "coverage"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--rules", "--format"], flags: [], command: Self.name)
        let rules = try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory
        let format = try parsed.value("--format", command: Self.name) ?? "texte"
        guard ["texte", "json"].contains(format) else {
            throw .usage("format inconnu \(QuotedText.quote(format)) pour coverage (formats : texte, json)", command: Self.name)
        }
        let ruleBase = try RuleBaseReader.readValid(rules, files: files)
        let paths = parsed.positionals.isEmpty ? [RuleBaseReader.join(rules, "tests")] : parsed.positionals
        let session = RuleTestSession(ruleBase: ruleBase, files: files)
        let outcome = session.run(testFiles: try session.testFiles(paths), filter: nil)
        let coverage = Coverage(ruleBase: ruleBase, profiles: outcome.results.compactMap { $0.roadmap?.profile })
        if format == "json" {
            console.write(coverage.json().rendered())
        } else {
            console.write(Self.text(coverage, outcome: outcome))
        }
        return outcome.failedCount == 0 ? .success : .failures
    }

    static func text(_ coverage: Coverage, outcome: RuleTestSession.Outcome) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : ValueFormatter.number((Double(part) * 1000 / Double(whole)).rounded() / 10) + " %"
        }
        var lines = ["COUVERTURE DES TESTS DE RÈGLES", ""]
        lines.append("Profils de test exécutés : \(coverage.profileCount) (\(outcome.passedCount) tests réussis, \(outcome.failedCount) en échec)")
        lines.append("Recommandations retenues par au moins un test : \(coverage.selectedIDs.count) / \(coverage.recommendationCount) (\(percent(coverage.selectedIDs.count, coverage.recommendationCount)))")
        lines.append("Branches vues vraies et fausses : \(coverage.coveredBranches) / \(coverage.branches.count) (\(percent(coverage.coveredBranches, coverage.branches.count)))")
        if !coverage.neverSelected.isEmpty {
            lines.append("")
            lines.append("Jamais retenues par un profil de test :")
            for recommendation in coverage.neverSelected {
                lines.append("  - \(recommendation.id) (\(recommendation.location))")
            }
        }
        let partial = coverage.branches.filter { !$0.covered }
        if !partial.isEmpty {
            lines.append("")
            lines.append("Branches incomplètement couvertes :")
            for branch in partial {
                let seen = branch.seenTrue ? "jamais fausse" : (branch.seenFalse ? "jamais vraie" : "jamais évaluée")
                lines.append("  - \(branch.location) [\(branch.recommendationID), \(branch.part)] \(branch.text) — \(seen)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
