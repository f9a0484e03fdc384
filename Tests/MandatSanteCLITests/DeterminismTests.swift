import Foundation
import Testing

/// Same inputs, same bytes. Each run is a separate process: Swift seeds its hashing per process, so anything
/// that depends on dictionary or set order would show up here and not in a single process.
@Suite("déterminisme")
struct DeterminismTests {
    static let profiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles")) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test("chaque profil d'exemple, dans chaque format, donne deux fois les mêmes octets", arguments: profiles)
    func everyExampleTwice(profile: String) throws {
        for format in ["texte", "markdown", "html", "json", "csv"] {
            let arguments = ["roadmap", "Profiles/" + profile, "--start", "2026-12", "--format", format]
            let first = try runBinary(arguments)
            let second = try runBinary(arguments)
            #expect(first.exitCode == 0, "\(profile) \(format) : \(first.error)")
            #expect(!first.output.isEmpty)
            #expect(first.output == second.output, "\(profile) en \(format) diffère d'une exécution à l'autre")
        }
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
