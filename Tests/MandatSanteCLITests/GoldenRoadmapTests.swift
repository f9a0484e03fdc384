import Foundation
import Testing

/// Every renderer's output for every example profile, started in December 2026, against files a person has read
/// (`Tests/Fixtures/golden/<profil>/`). After a deliberate change, `MANDAT_SANTE_UPDATE_GOLDEN=1 swift test
/// --filter GoldenRoadmapTests` records them again; read the diff before committing it. The rule base's fingerprint
/// is left out of the comparison.
@Suite("Feuilles de route de référence des profils d'exemple")
struct GoldenRoadmapTests {
    static let golden = packageRoot + "/Tests/Fixtures/golden"
    static let updating = ProcessInfo.processInfo.environment["MANDAT_SANTE_UPDATE_GOLDEN"] == "1"

    static let profiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles")) ?? [])
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()

    /// The file name of each rendering, and the options that make it.
    static let renderings: [(file: String, options: [String])] = [
        ("feuille-de-route.txt", []),
        ("feuille-de-route-detaillee.txt", ["--detail"]),
        ("feuille-de-route.md", ["--format", "markdown"]),
        ("feuille-de-route.html", ["--format", "html"]),
        ("feuille-de-route.json", ["--format", "json"]),
        ("feuille-de-route.csv", ["--format", "csv"]),
    ]

    @Test("chaque profil d'exemple a ses fichiers de référence")
    func everyProfileHasItsFiles() {
        #expect(Self.profiles.count >= 15)
        for profile in Self.profiles {
            for rendering in Self.renderings {
                let path = "\(Self.golden)/\(profile)/\(rendering.file)"
                #expect(FileManager.default.fileExists(atPath: path) || Self.updating, "\(path) manque")
            }
        }
    }

    /// Also checks that the default text of each example profile holds in 5,000 words, the limit of the default
    /// roadmap, and that `--detail` gives more: counted on the very outputs compared here, rather than rendering both
    /// texts of every profile a second time.
    @Test("chaque rendu de chaque profil d'exemple est celui qu'on a relu ; le texte par défaut tient en 5 000 mots, la limite de la feuille de route par défaut, et --detail en donne davantage", arguments: profiles)
    func renderingsMatch(_ profile: String) throws {
        var words: [String: Int] = [:]
        for rendering in Self.renderings {
            var result = runCLI(["roadmap", "Profiles/\(profile).json", "--start", "2026-12"] + rendering.options)
            #expect(result.exitCode == 0, "\(profile) \(rendering.options) : \(result.error)")
            words[rendering.file] = result.output.split(whereSeparator: { $0.isWhitespace }).count
            result.output = Self.withoutFingerprint(result.output)
            let path = "\(Self.golden)/\(profile)/\(rendering.file)"
            if Self.updating {
                try FileManager.default.createDirectory(atPath: "\(Self.golden)/\(profile)", withIntermediateDirectories: true)
                try Data(result.output.utf8).write(to: URL(fileURLWithPath: path))
                continue
            }
            // Bytes, not strings: a byte-order mark or a line ending is part of what is compared.
            let expected = try Data(contentsOf: URL(fileURLWithPath: path))
            if Data(result.output.utf8) != expected {
                let got = result.output.split(separator: "\n", omittingEmptySubsequences: false)
                let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = got.indices.first { $0 >= want.count || got[$0] != want[$0] } ?? got.count
                Issue.record("\(profile)/\(rendering.file) diffère à la ligne \(line + 1) : « \(line < got.count ? got[line] : "(fin)") » au lieu de « \(line < want.count ? want[line] : "(fin)") »")
            }
        }
        let short = try #require(words["feuille-de-route.txt"])
        #expect(short <= 5_000, "\(profile) : \(short) mots")
        #expect(try #require(words["feuille-de-route-detaillee.txt"]) > short)
    }

    /// The output with the rule base's fingerprint (« empreinte 1eca47e6 ») replaced by « <empreinte> »: it changes
    /// with every byte of Rules/, even when no roadmap does, and is not what a reader checks.
    static func withoutFingerprint(_ output: String) -> String {
        guard let match = output.firstMatch(of: /empreinte\s+([0-9a-f]{8})/) else { return output }
        return output.replacingOccurrences(of: String(match.1), with: "<empreinte>")
    }
}
