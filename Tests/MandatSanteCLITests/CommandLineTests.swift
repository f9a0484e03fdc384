import Foundation
import Testing

/// The command line a user expects: short options, the format read from the file's extension.
@Suite("ligne de commande : -o, -f, -V, format déduit de l'extension")
struct CommandLineTests {
    static let profile = "Profiles/village-rural-zip.json"

    @Test("--output x.html sans --format écrit du HTML ; .md du Markdown, .json du JSON, .csv du CSV, .txt du texte", arguments: [
        ("feuille.html", "<!DOCTYPE html>"), ("feuille.htm", "<!DOCTYPE html>"), ("feuille.md", "# Feuille de route"),
        ("feuille.json", "{"), ("feuille.csv", "Rang;Phase;"), ("feuille.txt", "FEUILLE DE ROUTE"), ("feuille", "FEUILLE DE ROUTE"),
        ("FEUILLE.HTML", "<!DOCTYPE html>"),
    ])
    func formatFromExtension(name: String, start: String) throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent(name).path
        let result = runCLI(["roadmap", Self.profile, "--start", "2026-12", "-o", output])
        #expect(result.exitCode == 0, "\(result.error)")
        // Foundation drops the byte order mark of the CSV when it decodes.
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix(start))
    }

    @Test("un --format contraire à l'extension est refusé, et un format que la commande n'écrit pas")
    func mismatches() throws {
        let directory = try temporaryDirectory().path
        let mismatch = runCLI(["roadmap", Self.profile, "-f", "markdown", "-o", directory + "/f.html"])
        #expect(mismatch.exitCode == 2)
        #expect(mismatch.error == "mandat-sante : erreur : --format markdown ne correspond pas à l'extension de « \(directory)/f.html » (html) : changez l'un ou l'autre\nVoir « mandat-sante help roadmap ».\n")
        let compare = runCLI(["compare", Self.profile, "--set", "cls=en-vigueur", "-o", directory + "/c.html"])
        #expect(compare.exitCode == 2)
        #expect(compare.error.hasPrefix("mandat-sante : erreur : compare n'écrit pas de fichier html"))
        let schema = runCLI(["schema", "profile", "-o", directory + "/s.md"])
        #expect(schema.exitCode == 2)
        #expect(schema.error.hasPrefix("mandat-sante : erreur : un schéma s'écrit en JSON"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        // An explicit format that agrees, and an extension the tool does not know, are fine.
        #expect(runCLI(["roadmap", Self.profile, "--start", "2026-12", "-f", "md", "-o", directory + "/f.md"]).exitCode == 0)
        #expect(runCLI(["roadmap", Self.profile, "--start", "2026-12", "-f", "html", "-o", directory + "/f.page"]).exitCode == 0)
    }

    @Test("-o, -f et -V ; « -o - » écrit sur la sortie standard")
    func shortOptions() throws {
        let directory = try temporaryDirectory()
        #expect(runCLI(["-V"]).output.hasPrefix("mandat-sante "))
        let markdown = runCLI(["roadmap", Self.profile, "--start", "2026-12", "-f", "markdown"])
        #expect(markdown.output.hasPrefix("# Feuille de route"))
        #expect(runCLI(["roadmap", Self.profile, "--start", "2026-12", "-o", "-"]).output.hasPrefix("FEUILLE DE ROUTE"))
        let batch = runCLI(["batch", "Profiles/territoires-exemple.csv", "-o", directory.path, "-f", "json", "--start", "2026-12"])
        #expect(batch.exitCode == 0, "\(batch.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("002-village-de-sainte-ondine-des-landes-exemple.json").path))
        let unknown = runCLI(["roadmap", Self.profile, "-x"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.error.hasPrefix("mandat-sante : erreur : option inconnue « -x »"))
    }
}
