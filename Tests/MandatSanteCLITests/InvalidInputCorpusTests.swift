import Foundation
import Testing

/// Runs every case of `Tests/Fixtures/invalid/` with the real binary and checks the WHOLE standard error.
///
/// Each folder holds its input files, an `expect.json` — `description`, `args`, `exitCode`, and optionally a
/// fragment of `stdout`, a file of the case to give as `stdin`, a path to use as standard output
/// (`stdoutPath`: `/dev/full`), `fifos` and `symlinks` (name → target) to create in the case — and `stderr.txt`,
/// everything the program must print on standard error; for `check`, `test` and `coverage`, which report on
/// standard output, `stdout.txt` too (the count of recommendations of the summary line is left out: it follows
/// the rule base). The binary runs in a fresh folder holding `case/` (a copy
/// of the case), `Rules/` (a copy of the rules overlaid with the case's `rules/` folder) and `Profiles/`; in the
/// arguments, `{case}`, `{rules}` and `{root}` stand for `case`, `Rules` and that folder, so that messages quote
/// short relative paths, the same on every machine.
///
/// To write `stderr.txt` from what the binary prints (a new case, a changed message), run
/// `MANDAT_SANTE_UPDATE_CORPUS=1 swift test --filter InvalidInputCorpusTests`, then read every changed file
/// before committing it (`git diff Tests/Fixtures/invalid`).
@Suite("corpus d'entrées invalides")
struct InvalidInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var testDescription: String { name }
    }

    struct Expectation: Decodable {
        var description: String
        var args: [String]
        var exitCode: Int32
        var stdout: String?
        var stdin: String?
        var stdoutPath: String?
        var fifos: [String]?
        var symlinks: [String: String]?
    }

    static let corpus = packageRoot + "/Tests/Fixtures/invalid"
    static let updating = ProcessInfo.processInfo.environment["MANDAT_SANTE_UPDATE_CORPUS"] == "1"

    static let cases: [Case] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().map { Case(name: $0) }

    @Test("le corpus compte au moins 120 cas, chacun avec son message complet")
    func corpusSize() {
        #expect(Self.cases.count >= 120)
        for testCase in Self.cases {
            #expect(FileManager.default.fileExists(atPath: Self.corpus + "/" + testCase.name + "/stderr.txt") || Self.updating, "\(testCase.name) : stderr.txt manque")
        }
    }

    @Test(arguments: cases)
    func invalidInput(_ testCase: Case) throws {
        let fileManager = FileManager.default
        let source = Self.corpus + "/" + testCase.name
        let expectation = try JSONDecoder().decode(Expectation.self, from: Data(contentsOf: URL(fileURLWithPath: source + "/expect.json")))
        let work = try temporaryDirectory()
        let caseCopy = work.appendingPathComponent("case").path
        let rules = work.appendingPathComponent("Rules").path
        try fileManager.copyItem(atPath: source, toPath: caseCopy)
        try? fileManager.removeItem(atPath: caseCopy + "/stderr.txt")
        try fileManager.copyItem(atPath: packageRoot + "/Rules", toPath: rules)
        try fileManager.createSymbolicLink(atPath: work.appendingPathComponent("Profiles").path, withDestinationPath: packageRoot + "/Profiles")
        try overlay(caseCopy + "/rules", onto: rules)
        for fifo in expectation.fifos ?? [] {
            #expect(mkfifo(caseCopy + "/" + fifo, 0o600) == 0)
        }
        for (name, target) in expectation.symlinks ?? [:] {
            try fileManager.createSymbolicLink(atPath: caseCopy + "/" + name, withDestinationPath: target)
        }
        let arguments = expectation.args.map {
            $0.replacingOccurrences(of: "{case}", with: "case").replacingOccurrences(of: "{rules}", with: "Rules")
                .replacingOccurrences(of: "{root}", with: ".")
        }
        let input = try expectation.stdin.map { try Data(contentsOf: URL(fileURLWithPath: caseCopy + "/" + $0)) }
        let result = try runBinary(arguments, input: input, in: work.path, timeout: 60, standardOutput: expectation.stdoutPath)
        let expectedFile = source + "/stderr.txt"
        let expectedOutput = source + "/stdout.txt"
        let reportsOnOutput = ["check", "test", "coverage"].contains(expectation.args.first ?? "")
        if Self.updating {
            try Data(result.error.utf8).write(to: URL(fileURLWithPath: expectedFile))
            if reportsOnOutput { try Data(Self.withoutCount(result.output).utf8).write(to: URL(fileURLWithPath: expectedOutput)) }
        } else {
            let expected = try String(contentsOfFile: expectedFile, encoding: .utf8)
            #expect(result.error == expected, "\(expectation.description) : sortie d'erreur différente de stderr.txt")
            if reportsOnOutput {
                #expect(Self.withoutCount(result.output) == (try String(contentsOfFile: expectedOutput, encoding: .utf8)), "\(expectation.description) : sortie différente de stdout.txt")
            }
        }
        #expect(result.exitCode == expectation.exitCode, "\(expectation.description) : code \(result.exitCode)\n\(result.error)\(result.output.suffix(400))")
        if let fragment = expectation.stdout {
            #expect(result.output.contains(fragment), "\(expectation.description) : « \(fragment) » absent de :\n\(result.output.suffix(1500))")
        }
        for crashSign in ["Fatal error", "Stack dump", "Segmentation fault", "Illegal instruction", "crashed"] {
            #expect(!result.error.contains(crashSign), "\(expectation.description) : plantage\n\(result.error)")
        }
        #expect(!result.error.unicodeScalars.contains { $0 == "\u{1B}" || ($0.value < 0x20 && $0 != "\n") }, "\(expectation.description) : caractère de contrôle sur la sortie d'erreur")
    }

    /// `output` with the count of the summary line of `check` (« Rules : 94 recommandations ») replaced by « N ».
    static func withoutCount(_ output: String) -> String {
        output.replacing(/(?m)^Rules : \d+ recommandations/, with: "Rules : N recommandations")
    }

    /// Copies every file of `overlay` (if present) over `destination`, keeping the folder structure.
    private func overlay(_ overlay: String, onto destination: String) throws {
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: overlay) else { return }
        for case let relative as String in enumerator {
            let from = overlay + "/" + relative
            let to = destination + "/" + relative
            var isDirectory: ObjCBool = false
            _ = fileManager.fileExists(atPath: from, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try fileManager.createDirectory(atPath: to, withIntermediateDirectories: true)
            } else {
                if fileManager.fileExists(atPath: to) { try fileManager.removeItem(atPath: to) }
                try fileManager.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
