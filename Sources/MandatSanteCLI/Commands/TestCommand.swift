import MandatSante
import RuleKit

/// `mandat-sante test [CHEMIN...]`: runs rule tests and ends with `N passed, N failed`.
struct TestCommand {
    static let name = "test"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--filter", "--rules"], flags: ["--verbose"], command: Self.name)
        let rules = try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory
        let ruleBase = try RuleBaseReader.readValid(rules, files: files)
        let paths = parsed.positionals.isEmpty ? [RuleBaseReader.join(rules, "tests")] : parsed.positionals
        let session = RuleTestSession(ruleBase: ruleBase, files: files)
        let outcome = session.run(testFiles: try session.testFiles(paths), filter: try parsed.value("--filter", command: Self.name))
        console.write(Self.report(outcome, verbose: parsed.flags.contains("--verbose")))
        return outcome.failedCount == 0 ? .success : .failures
    }

    static func report(_ outcome: RuleTestSession.Outcome, verbose: Bool) -> String {
        var lines: [String] = []
        let printer = DiagnosticPrinter(sources: outcome.texts)
        for problem in outcome.fileProblems.sorted() {
            lines.append("✗ fichier de tests inutilisable")
            lines.append(indent(printer.render(problem), by: "    "))
        }
        var currentFile: String?
        for result in outcome.results {
            if result.test.file != currentFile {
                currentFile = result.test.file
                lines.append(result.test.file)
            }
            if result.passed {
                lines.append("  ✓ \(result.test.name)")
                continue
            }
            lines.append("  ✗ \(result.test.name)  (\(result.test.file):\(result.test.location))")
            for failure in result.failures {
                lines.append(indent(failure, by: "      "))
            }
            for diagnostic in result.diagnostics {
                lines.append(indent(printer.render(diagnostic), by: "      "))
            }
        }
        if verbose {
            lines.append("")
            lines.append("\(outcome.results.count) test(s) exécuté(s).")
        }
        lines.append("")
        lines.append("Résultat : \(outcome.passedCount) réussi(s), \(outcome.failedCount) en échec.")
        lines.append("\(outcome.passedCount) passed, \(outcome.failedCount) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    static func indent(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
    }
}
