import Foundation
import Testing

/// `--output` (roadmap, compare, schema, init) through `OutputFile`: what is at the path decides how it is written.
@Suite("écriture des fichiers de sortie")
struct OutputFileTests {
    static let profile = "Profiles/village-rural-zip.json"

    private func roadmap(_ output: String, _ extra: [String] = [], in directory: String = packageRoot) -> RunResult {
        runCLI(["roadmap", packageRoot + "/" + Self.profile, "--start", "2026-12", "--output", output] + extra, in: directory)
    }

    private func info(_ path: String) -> stat? {
        var result = stat()
        return lstat(path, &result) == 0 ? result : nil
    }

    private func hiddenFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }

    @Test("jamais par-dessus une entrée de la même commande : le profil, un fichier de règles, même par un autre nom")
    func neverOverAnInput() throws {
        let directory = try temporaryDirectory()
        let profile = directory.appendingPathComponent("p.json").path
        try FileManager.default.copyItem(atPath: packageRoot + "/" + Self.profile, toPath: profile)
        let before = try Data(contentsOf: URL(fileURLWithPath: profile))

        let same = runCLI(["roadmap", profile, "--start", "2026-12", "--output", profile])
        #expect(same.exitCode == 2)
        #expect(same.error == "mandat-sante : erreur : « \(profile) » est le profil que cette commande lit : l'écrire le détruirait ; choisissez un autre fichier de sortie\nVoir « mandat-sante help roadmap ».\n")
        // A hard link and a symbolic link are the same file.
        let hard = directory.appendingPathComponent("lien-dur.json").path
        let soft = directory.appendingPathComponent("lien.json").path
        #expect(link(profile, hard) == 0)
        #expect(symlink(profile, soft) == 0)
        let throughLink = runCLI(["roadmap", profile, "--start", "2026-12", "-o", hard])
        #expect(throughLink.exitCode == 2)
        #expect(throughLink.error.hasPrefix("mandat-sante : erreur : « \(hard) » est le profil que cette commande lit (sous le nom « \(profile) ») :"))
        #expect(runCLI(["roadmap", profile, "--start", "2026-12", "-o", soft]).exitCode == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: profile)) == before)

        let rules = directory.appendingPathComponent("Rules").path
        try FileManager.default.copyItem(atPath: packageRoot + "/Rules", toPath: rules)
        let vocabulary = rules + "/vocabulary.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: vocabulary))
        let schema = runCLI(["schema", "profile", "--rules", rules, "--output", vocabulary])
        #expect(schema.exitCode == 2)
        #expect(schema.error.contains("est le fichier de règles que cette commande lit"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: vocabulary)) == original)
        let compare = runCLI(["compare", profile, "--set", "cls=en-vigueur", "--start", "2026-12", "--output", profile])
        #expect(compare.exitCode == 2)
        #expect(try hiddenFiles(in: directory).isEmpty)
    }

    @Test("un lien symbolique : écrit à travers, vers sa cible ; un lien vers rien crée la cible ; une boucle a son message")
    func symbolicLinks() throws {
        let directory = try temporaryDirectory()
        let target = directory.appendingPathComponent("cible.txt").path
        let link = directory.appendingPathComponent("lien.txt").path
        try "ancien".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink(target, link) == 0)
        #expect(roadmap(link).exitCode == 0)
        #expect(info(link).map { $0.st_mode & S_IFMT } == S_IFLNK, "le lien reste un lien")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("FEUILLE DE ROUTE"))

        let dangling = directory.appendingPathComponent("vers-rien.txt").path
        #expect(symlink("nouvelle.txt", dangling) == 0)
        #expect(roadmap(dangling).exitCode == 0)
        #expect(try String(contentsOfFile: directory.appendingPathComponent("nouvelle.txt").path, encoding: .utf8).hasPrefix("FEUILLE DE ROUTE"))

        let loop = directory.appendingPathComponent("boucle.txt").path
        #expect(symlink(loop, loop) == 0)
        let looped = roadmap(loop)
        #expect(looped.exitCode == 4)
        #expect(looped.error == "mandat-sante : erreur : « \(loop) » : boucle de liens symboliques (un lien qui renvoie, directement ou non, à lui-même)\n")
        #expect(try hiddenFiles(in: directory).isEmpty)
    }

    @Test("un fichier remplacé garde son mode et son propriétaire ; un nouveau fichier a le mode habituel")
    func modeAndOwner() throws {
        let directory = try temporaryDirectory()
        let secret = directory.appendingPathComponent("secret.txt").path
        try "ancien".write(toFile: secret, atomically: false, encoding: .utf8)
        #expect(chmod(secret, 0o600) == 0)
        let otherOwner = getuid() == 0 && chown(secret, 1234, 5678) == 0
        #expect(roadmap(secret).exitCode == 0)
        let replaced = try #require(info(secret))
        #expect(replaced.st_mode & 0o7777 == 0o600)
        if otherOwner {
            #expect(replaced.st_uid == 1234 && replaced.st_gid == 5678)
        }
        let fresh = directory.appendingPathComponent("nouveau.txt").path
        #expect(roadmap(fresh).exitCode == 0)
        let mask = umask(0o022)
        umask(mask)
        #expect(try #require(info(fresh)).st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test("un nom de 250 octets : le fichier temporaire garde un nom court")
    func longFileName() throws {
        let directory = try temporaryDirectory()
        let name = String(repeating: "é", count: 123) + ".txt"
        #expect(name.utf8.count == 250)
        let result = roadmap(directory.appendingPathComponent(name).path)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
    }

    @Test("un tube nommé (FIFO) : écrit en flux quand on le lit, erreur immédiate quand personne ne le lit")
    func fifo() async throws {
        let directory = try temporaryDirectory()
        let fifo = directory.appendingPathComponent("tube").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let alone = roadmap(fifo)
        #expect(alone.exitCode == 4)
        #expect(alone.error == "mandat-sante : erreur : « \(fifo) » est un tube nommé (FIFO) que personne ne lit : lancez d'abord le programme qui le lit\n")

        let reader = Task.detached { () -> Data in
            let handle = FileHandle(forReadingAtPath: fifo)
            return handle?.readDataToEndOfFile() ?? Data()
        }
        // The reader is blocked in open() until a writer comes; give it time to get there.
        var result = roadmap(fifo)
        for _ in 0..<50 where result.exitCode == 4 {
            try await Task.sleep(for: .milliseconds(100))
            result = roadmap(fifo)
        }
        #expect(result.exitCode == 0, "\(result.error)")
        let received = await reader.value
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("FEUILLE DE ROUTE"))
        #expect(info(fifo).map { $0.st_mode & S_IFMT } == S_IFIFO, "le tube reste un tube")
    }

    @Test("un périphérique : écrit en flux, jamais remplacé ; disque plein : message en français, code 4")
    func devices() throws {
        let null = roadmap("/dev/null")
        #expect(null.exitCode == 0)
        #expect(info("/dev/null").map { $0.st_mode & S_IFMT } == S_IFCHR)
        let full = roadmap("/dev/full")
        #expect(full.exitCode == 4)
        #expect(full.error == "mandat-sante : erreur : impossible d'écrire « /dev/full » : plus de place sur le disque\n")
        #expect(info("/dev/full").map { $0.st_mode & S_IFMT } == S_IFCHR)
    }

    @Test("dossier absent, dossier à la place du fichier : erreur claire, rien n'est créé")
    func badPaths() throws {
        let directory = try temporaryDirectory()
        let missing = directory.appendingPathComponent("absent/f.txt").path
        #expect(roadmap(missing).error == "mandat-sante : erreur : le dossier « \(directory.path)/absent » de « \(missing) » n'existe pas\n")
        #expect(roadmap(directory.path).error == "mandat-sante : erreur : « \(directory.path) » est un dossier ; un chemin de fichier était attendu\n")
        let notAFolder = directory.appendingPathComponent("fichier").path
        try "x".write(toFile: notAFolder, atomically: false, encoding: .utf8)
        #expect(roadmap(notAFolder + "/f.txt").error == "mandat-sante : erreur : « \(notAFolder)/f.txt » : un élément du chemin n'est pas un dossier\n")
        let long = directory.appendingPathComponent(String(repeating: "x", count: 300)).path
        let tooLong = roadmap(long).error
        // The path is cut, keeping its end (the file's name); the system's reason is in French.
        #expect(tooLong == "mandat-sante : erreur : impossible d'écrire « …" + String(repeating: "x", count: 77) + " » : nom de fichier trop long\n")
        #expect(try hiddenFiles(in: directory).isEmpty)
    }

    @Test("un chemin relatif part du dossier de travail donné à la ligne de commande")
    func relativePaths() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("Rules").path, withDestinationPath: packageRoot + "/Rules")
        let result = runCLI(["roadmap", packageRoot + "/" + Self.profile, "--start", "2026-12", "-o", "feuille.md"], in: directory.path)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(try String(contentsOf: directory.appendingPathComponent("feuille.md"), encoding: .utf8).hasPrefix("# Feuille de route santé du mandat"))
    }
}
