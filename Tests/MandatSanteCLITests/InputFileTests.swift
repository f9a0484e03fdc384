import Foundation
import Testing

/// What the command line accepts as an input: regular files, or `-` (standard input) for a profile and a CSV.
@Suite("fichiers lus : fichiers ordinaires seulement, rien ne bloque")
struct InputFileTests {
    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("un tube nommé (FIFO) comme profil, CSV, fichier de règles ou de tests : refusé aussitôt")
    func fifosNeverBlock() throws {
        let directory = try temporaryDirectory()
        let fifo = directory.appendingPathComponent("tube").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let profile = runCLI(["roadmap", fifo, "--start", "2026-12"])
        #expect(profile.exitCode == 4)
        #expect(profile.error == "mandat-sante : erreur : « \(fifo) » est un tube nommé (FIFO) ; le profil doit être un fichier ordinaire (ou « - » pour lire l'entrée standard)\n")
        let csv = runCLI(["batch", fifo, "--output-dir", directory.appendingPathComponent("sortie").path, "--start", "2026-12"])
        #expect(csv.exitCode == 4)
        #expect(csv.error.contains("« \(fifo) » est un tube nommé (FIFO) ; le fichier des territoires doit être un fichier ordinaire"))
        let tests = runCLI(["test", fifo])
        #expect(tests.exitCode == 1)
        #expect(tests.output.contains("est un tube nommé (FIFO) ; le fichier de tests doit être un fichier ordinaire"))

        let rules = directory.appendingPathComponent("Rules").path
        try FileManager.default.copyItem(atPath: packageRoot + "/Rules", toPath: rules)
        let recommendation = rules + "/recommendations/zz-tube.md"
        #expect(mkfifo(recommendation, 0o600) == 0)
        let check = runCLI(["check", "--rules", rules])
        #expect(check.exitCode == 4)
        #expect(check.error.hasSuffix("zz-tube.md » est un tube nommé (FIFO) ; le fichier de règles doit être un fichier ordinaire\n") || check.error.hasSuffix("… » est un tube nommé (FIFO) ; le fichier de règles doit être un fichier ordinaire\n"), "\(check.error)")
    }

    @Test("un profil de plus de 8 Mio : refusé, code 4, sans être lu en entier (le CSV de batch, lu en flux, n'a pas cette limite)")
    func oversizedFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("enorme.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(truncate(path, 8 * 1024 * 1024 + 1) == 0)
        let profile = runCLI(["roadmap", path, "--start", "2026-12"])
        #expect(profile.exitCode == 4)
        #expect(profile.error.hasPrefix("mandat-sante : erreur : « ") && profile.error.hasSuffix("/enorme.json » dépasse la taille maximale de 8 Mio\n"), "\(profile.error)")
        // At the limit exactly, the file is read (and refused for what it holds, not for its size).
        #expect(truncate(path, 8 * 1024 * 1024) == 0)
        #expect(runCLI(["roadmap", path, "--start", "2026-12"]).exitCode == 3)
    }

    @Test("lien symbolique cassé, boucle de liens, dossier : chacun son message")
    func links() throws {
        let directory = try temporaryDirectory()
        let loop = directory.appendingPathComponent("boucle.json").path
        #expect(symlink(loop, loop) == 0)
        #expect(runCLI(["roadmap", loop]).error == "mandat-sante : erreur : « \(loop) » : boucle de liens symboliques (un lien qui renvoie, directement ou non, à lui-même) ; le profil est introuvable\n")
        let broken = directory.appendingPathComponent("casse.json").path
        #expect(symlink("disparu.json", broken) == 0)
        #expect(runCLI(["roadmap", broken]).error == "mandat-sante : erreur : le profil « \(broken) » est un lien symbolique cassé : sa cible « disparu.json » n'existe pas\n")
        #expect(runCLI(["roadmap", directory.path]).error == "mandat-sante : erreur : « \(directory.path) » est un dossier ; le profil (un fichier) était attendu\n")
    }

    @Test("un fichier qui n'est pas un profil (un fichier de mots de passe) n'est pas cité")
    func unrelatedFileIsNotQuoted() throws {
        let directory = try temporaryDirectory()
        let passwd = try write("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", "passwd", in: directory)
        let result = runCLI(["roadmap", passwd])
        #expect(result.exitCode == 3)
        #expect(!result.error.contains("root"))
        let csv = runCLI(["batch", passwd, "-o", directory.appendingPathComponent("sortie").path])
        #expect(csv.exitCode == 3)
        #expect(!csv.error.contains("root"))
        let tests = runCLI(["test", passwd])
        #expect(tests.exitCode == 1)
        #expect(!tests.output.contains("root"))
        #expect(result.error == """
        \(passwd):1:1: erreur: [json.pas-du-json] ce fichier n'est pas un document JSON : un profil commence par « { »
        mandat-sante : le profil « \(passwd) » n'est pas valide (1 erreur).

        """)
    }

    @Test("profil en UTF-16, fichier aux fins de ligne CR seules : message juste, ligne juste")
    func encodingsAndLineEnds() throws {
        let directory = try temporaryDirectory()
        let text = #"{"name": "X", "kind": "commune", "population": 10, "density": "bourg-rural"}"#
        let utf16 = directory.appendingPathComponent("utf16.json").path
        try Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: utf16))
        let wide = runCLI(["roadmap", utf16])
        #expect(wide.exitCode == 3)
        #expect(wide.error.hasPrefix("\(utf16):1:1: erreur: [json.syntaxe] le fichier est encodé en UTF-16 ; enregistrez-le en UTF-8 (éditeur : Enregistrer sous, encodage UTF-8)\n"))
        #expect(!wide.error.contains("U+0000"))

        let mac = try write("{\r  \"name\": \"X\",\r  \"kind\": \"commune\",\r  \"population\": 10,\r  \"density\": \"bourg\"\r}\r", "mac.json", in: directory)
        let result = runCLI(["roadmap", mac])
        #expect(result.error.hasPrefix("\(mac):5:14: erreur: [faits.valeur-inconnue] $.density : valeur inconnue « bourg »"))
        #expect(result.error.contains("\n      \"density\": \"bourg\"\n"))
    }

    @Test("« - » : le profil ou le CSV lu sur l'entrée standard, une seule fois")
    func standardInput() throws {
        let profile = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Profiles/village-rural-zip.json"))
        let roadmap = try runBinary(["roadmap", "-", "--start", "2026-12"], input: profile)
        #expect(roadmap.exitCode == 0, "\(roadmap.error)")
        #expect(roadmap.output.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Village de Saint-Aubin-des-Landes (exemple)"))
        let twice = try runBinary(["compare", "-", "-", "--start", "2026-12"], input: profile)
        #expect(twice.exitCode == 2)
        #expect(twice.error.hasPrefix("mandat-sante : erreur : l'entrée standard (« - ») ne peut être lue qu'une fois\n"))
        let bad = try runBinary(["roadmap", "-"], input: Data("{\"name\": 3}".utf8))
        #expect(bad.exitCode == 3)
        #expect(bad.error.contains("(entrée standard):1:10: erreur: [faits.type] $.name : un nombre ne convient pas"))

        let directory = try temporaryDirectory()
        let csv = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Profiles/territoires-exemple.csv"))
        let batch = try runBinary(["batch", "-", "--output-dir", directory.path, "--start", "2026-12"], input: csv)
        #expect(batch.exitCode == 0, "\(batch.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("002-village-de-sainte-ondine-des-landes-exemple.txt").path))
        #expect(try String(contentsOf: directory.appendingPathComponent("resume.txt"), encoding: .utf8).contains("(entrée standard)"))
    }
}
