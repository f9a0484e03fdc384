import MandatSante
import RuleKit

/// `mandat-sante check`: lints the whole rule base and reports every problem at once, sorted.
struct CheckCommand {
    static let name = "check"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--rules"], flags: ["--no-tests"], command: Self.name)
        guard parsed.positionals.isEmpty else { throw .usage("check ne prend pas d'argument (utilisez --rules DOSSIER)", command: Self.name) }
        let rules = try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory
        let loaded = try RuleBaseReader.read(rules, files: files)
        var diagnostics = loaded.result.diagnostics
        var texts = loaded.texts
        if let ruleBase = loaded.result.ruleBase {
            var testResults: [RuleTestResult]?
            let testsDirectory = RuleBaseReader.join(rules, "tests")
            if !parsed.flags.contains("--no-tests"), !diagnostics.hasErrors, files.isDirectory(testsDirectory) {
                let outcome = RuleTestSession(ruleBase: ruleBase, files: files).run(testFiles: try files.jsonFiles(in: testsDirectory), filter: nil)
                testResults = outcome.results
                diagnostics += outcome.fileProblems + outcome.results.flatMap(\.notices)
                texts.merge(outcome.texts) { first, _ in first }
            }
            diagnostics += RuleBaseLinter.lint(ruleBase, leverFile: loaded.files.levers.path, testResults: testResults)
        }
        diagnostics.sort()
        let printer = DiagnosticPrinter(sources: texts)
        if !diagnostics.isEmpty { console.write(printer.render(diagnostics) + "\n\n") }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let count = loaded.result.ruleBase?.recommendations.count ?? 0
        console.write("\(rules) : \(count) recommandations, \(errors) erreur\(errors > 1 ? "s" : ""), \(warnings) avertissement\(warnings > 1 ? "s" : "").\n")
        // An error means the rule base cannot be trusted as it stands: invalid data, like a bad profile.
        return errors == 0 ? .success : .invalidData
    }
}
