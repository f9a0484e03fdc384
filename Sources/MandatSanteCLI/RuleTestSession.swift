import Foundation
import MandatSante
import RuleKit

/// Finds and runs rule test files: the shared work of `test`, `coverage` and `check`.
struct RuleTestSession {
    struct Outcome {
        var results: [RuleTestResult] = []
        /// Problems with whole files (unreadable, malformed): each counts as one failure.
        var fileProblems: [Diagnostic] = []
        var texts: [String: String] = [:]

        var failedCount: Int { results.filter { !$0.passed }.count + fileProblems.count }
        var passedCount: Int { results.filter(\.passed).count }
    }

    let ruleBase: RuleBase
    let files: FileSystem

    /// The test files under `paths` (files, or folders whose `.json` files are taken).
    func testFiles(_ paths: [String]) throws(CLIError) -> [String] {
        var found: [String] = []
        for path in paths {
            if files.isDirectory(path) {
                let inFolder = try files.jsonFiles(in: path)
                if inFolder.isEmpty { throw .io("aucun fichier de tests (.json) dans le dossier \(QuotedText.path(path))") }
                found += inFolder
            } else {
                found.append(path)
            }
        }
        return found
    }

    func run(testFiles: [String], filter: String?) -> Outcome {
        var outcome = Outcome()
        var profiles: [String: Result<Profile, CLIError>] = [:]
        let runner = RuleTestRunner(ruleBase: ruleBase)
        for file in testFiles {
            let bytes: [UInt8]
            do {
                bytes = try files.read(file, what: "le fichier de tests")
            } catch {
                outcome.fileProblems.append(.error("test.fichier", error.message.replacingOccurrences(of: "mandat-sante : erreur : ", with: ""), file: file))
                continue
            }
            outcome.texts.merge(FileSystem.quotable(bytes, as: file)) { first, _ in first }
            if let notJSON = FileSystem.notJSON(bytes, file: file, what: "un fichier de tests") {
                outcome.fileProblems.append(notJSON)
                continue
            }
            let (tests, diagnostics) = RuleTestReader.read(bytes, file: file)
            if diagnostics.hasErrors {
                outcome.fileProblems += diagnostics.errors
                continue
            }
            for test in tests where filter.map({ test.name.localizedCaseInsensitiveContains($0) }) ?? true {
                var base: Profile?
                if let path = test.profilePath {
                    let resolved = Self.resolve(path, relativeTo: file)
                    let loaded = profiles[resolved] ?? Result { () throws(CLIError) in try ProfileReader.read(resolved, vocabulary: ruleBase.vocabulary, files: files) }
                    profiles[resolved] = loaded
                    switch loaded {
                    case .success(let profile): base = profile
                    case .failure(let error):
                        let firstLine = error.message.split(separator: "\n").first.map(String.init) ?? error.message
                        let problem = Diagnostic.error("test.profil", "profil \(QuotedText.path(path)) inutilisable : \(firstLine.replacingOccurrences(of: "mandat-sante : erreur : ", with: ""))", file: file, at: test.profileLocation)
                        outcome.results.append(RuleTestResult(test: test, failures: [], diagnostics: [problem], roadmap: nil))
                        continue
                    }
                }
                outcome.results.append(runner.run(test, baseProfile: base))
            }
        }
        return outcome
    }

    /// A profile path in a test file is relative to the test file's folder.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}
