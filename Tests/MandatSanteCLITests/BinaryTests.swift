import Foundation
import Testing

@Suite("le binaire mandat-sante")
struct BinaryTests {
    @Test("--help en français, --version, et une commande inconnue donne le code 2")
    func helpVersionAndUnknownCommand() throws {
        let help = try runBinary(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.output.contains("Commandes :"))
        #expect(help.output.contains("Codes de sortie :"))
        let roadmapHelp = try runBinary(["help", "roadmap"])
        #expect(roadmapHelp.output.contains("--start AAAA-MM"))
        #expect(try runBinary(["--version"]).output.hasPrefix("mandat-sante "))
        let unknown = try runBinary(["roadmapp"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.error.contains("commande inconnue « roadmapp » ; vouliez-vous dire « roadmap » ?"))
    }

    @Test("roadmap sur un profil d'exemple, comme dans le README")
    func roadmapLikeTheReadme() throws {
        let result = try runBinary(["roadmap", "Profiles/village-rural-zip.json", "--start", "2026-12"])
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Village de Saint-Aubin-des-Landes (exemple)"))
        #expect(result.error.isEmpty)
    }

    @Test("un profil invalide : message positionné, ligne citée, code 3, pas de trace de pile")
    func invalidProfileFromBinary() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("p.json").path
        try #"{"name": "X", "kind": "commune", "population": 10, "density": "bourg-rurale"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runBinary(["roadmap", path])
        #expect(result.exitCode == 3)
        #expect(result.error.contains("p.json:1:63: erreur: [faits.valeur-inconnue] $.density : valeur inconnue « bourg-rurale » ; vouliez-vous dire « bourg-rural » ?"))
        #expect(result.error.contains("^"))
        #expect(!result.error.contains("Stack"))
    }
}
