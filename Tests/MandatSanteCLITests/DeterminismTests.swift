import Foundation
import Testing

/// Same inputs, same bytes. Each run is a separate process: Swift seeds its hashing per process, so anything
/// that depends on dictionary or set order would show up here and not in a single process.
@Suite("déterminisme")
struct DeterminismTests {
    static let profiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles")) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    /// Each example profile in one format, the formats taken in turn (every format for five or six profiles): the
    /// golden files already compare every renderer of every example profile, in the test process, with the bytes a
    /// recording process wrote under another hash seed; what these runs add is the command line's own path (reading,
    /// writing to standard output) in two fresh processes. All five formats for all profiles cost 270 runs of the
    /// debug binary — a fifth of the whole test suite's time — for nothing the goldens do not already catch.
    static let profileFormats: [(profile: String, format: String)] = profiles.enumerated().map { index, profile in
        let formats = ["texte", "markdown", "html", "json", "csv"]
        return (profile, formats[index % formats.count])
    }

    @Test("chaque profil d'exemple, dans un format (les cinq à tour de rôle), donne deux fois les mêmes octets", arguments: profileFormats)
    func everyExampleTwice(profile: String, format: String) throws {
        let arguments = ["roadmap", "Profiles/" + profile, "--start", "2026-12", "--format", format]
        let first = try runBinary(arguments)
        let second = try runBinary(arguments)
        #expect(first.exitCode == 0, "\(profile) \(format) : \(first.error)")
        #expect(!first.output.isEmpty)
        #expect(first.output == second.output, "\(profile) en \(format) diffère d'une exécution à l'autre")
    }

    @Test("explain et le tableau de score sont stables d'un processus à l'autre")
    func explanationsTwice() throws {
        for arguments in [["explain", "Profiles/metropole-cls-clsm.json", "--start", "2026-12"],
                          ["explain", "Profiles/metropole-cls-clsm.json", "cls-engager", "--start", "2026-12"],
                          ["rules"], ["check"]] {
            #expect(try runBinary(arguments).output == runBinary(arguments).output, "\(arguments)")
        }
    }
}
