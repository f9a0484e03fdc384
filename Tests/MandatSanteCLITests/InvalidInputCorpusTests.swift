import Foundation
import Testing

/// Runs every case of `Tests/Fixtures/invalid/`: each folder holds its input files and an `expect.json`
/// with the arguments, the exit code and a fragment of the French message. `{case}` stands for a copy of
/// the case folder, `{rules}` for a copy of `Rules/` overlaid with the case's `rules/` folder, `{root}` for
/// the package root. The binary runs in a folder holding that `Rules` copy.
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
        var stderr: String?
        var stdout: String?
    }

    static let corpus = packageRoot + "/Tests/Fixtures/invalid"

    static let cases: [Case] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted().map { Case(name: $0) }

    @Test("le corpus compte au moins 60 cas")
    func corpusSize() {
        #expect(Self.cases.count >= 60)
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
        try fileManager.copyItem(atPath: packageRoot + "/Rules", toPath: rules)
        try overlay(caseCopy + "/rules", onto: rules)
        let arguments = expectation.args.map {
            $0.replacingOccurrences(of: "{case}", with: caseCopy).replacingOccurrences(of: "{rules}", with: rules)
                .replacingOccurrences(of: "{root}", with: packageRoot)
        }
        let result = try runBinary(arguments, in: work.path, timeout: 60)
        #expect(result.exitCode == expectation.exitCode, "\(expectation.description) : code \(result.exitCode)\n\(result.error)\(result.output.suffix(400))")
        if let fragment = expectation.stderr {
            #expect(result.error.contains(fragment), "\(expectation.description) : « \(fragment) » absent de :\n\(result.error)")
        }
        if let fragment = expectation.stdout {
            #expect(result.output.contains(fragment), "\(expectation.description) : « \(fragment) » absent de :\n\(result.output.suffix(1500))")
        }
        for crashSign in ["Fatal error", "Stack dump", "Segmentation fault", "Illegal instruction"] {
            #expect(!result.error.contains(crashSign), "\(expectation.description) : plantage\n\(result.error)")
        }
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
