import Foundation
@testable import MandatSanteCLI
import Testing

/// A batch into a folder completes as a whole or leaves the previous results as they were.
@Suite("batch : tout ou rien dans le dossier de sortie")
struct BatchOutputFolderTests {
    static let example = packageRoot + "/Profiles/territoires-exemple.csv"

    private func batch(_ input: String, into directory: URL, _ extra: [String] = []) -> RunResult {
        runCLI(["batch", input, "--output-dir", directory.path, "--start", "2026-12"] + extra)
    }

    /// Every file of the folder with its content, hidden ones included.
    private func snapshot(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
            result[name] = isDirectory.boolValue ? Data("<dossier>".utf8) : try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    /// The first `count` territories of the example file.
    private func territories(_ count: Int, in directory: URL, name: String = "t.csv") throws -> String {
        let lines = try String(contentsOfFile: Self.example, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let path = directory.appendingPathComponent(name).path
        try (lines.prefix(count + 1).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("un lancement plus court retire les feuilles de route du précédent : le dossier et resume.txt disent la même chose")
    func staleFilesAreRemovedOnCommit() throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        #expect(batch(try territories(3, in: work), into: output).exitCode == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [".mandat-sante-batch", "002-village-de-sainte-ondine-des-landes-exemple.txt", "003-hameaux-de-la-haute-sevre-exemple.txt",
                          "004-bourg-de-castel-aurele-exemple.txt", "actions.csv", "erreurs.csv", "leviers.csv", "resume.txt", "synthese.csv"])
        #expect(try String(contentsOf: output.appendingPathComponent("resume.txt"), encoding: .utf8).contains("3 lignes de territoire lues : 3 feuilles de route écrites"))
        // A file the user put there is not the batch's: it stays.
        try "notes".write(to: output.appendingPathComponent("001-mes-notes.txt"), atomically: true, encoding: .utf8)
        #expect(batch(try territories(2, in: work), into: output).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("001-mes-notes.txt").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("004-bourg-de-castel-aurele-exemple.txt").path))
    }

    @Test("un lancement qui échoue au moment de mettre les fichiers en place ne change rien")
    func failedCommitChangesNothing() throws {
        let output = try temporaryDirectory().appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output, ["--format", "markdown"]).exitCode == 0)
        // A folder where the new run wants a file: refused before anything moves.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("005-petite-ville-de-rivebelle-sur-vienne-exemple.txt"), withIntermediateDirectories: false)
        let before = try snapshot(output)
        let result = batch(Self.example, into: output)
        #expect(result.exitCode == 4)
        #expect(result.error.hasSuffix("005-petite-ville-de-rivebelle-sur-vienne-exemple.txt » est un dossier : batch ne peut y écrire sa feuille de route ; déplacez-le\n"))
        #expect(try snapshot(output) == before)
    }

    /// `chattr +i` works here (as root, on a file system with attributes): a file that cannot be replaced.
    static let canMakeImmutable: Bool = {
        guard let work = try? temporaryDirectory() else { return false }
        let probe = work.appendingPathComponent("sonde").path
        guard FileManager.default.createFile(atPath: probe, contents: Data()),
              let result = try? runShell("chattr +i '\(probe)' 2> /dev/null && chattr -i '\(probe)' && echo oui") else { return false }
        return result.output == "oui\n"
    }()

    @Test("un fichier que la mise en place ne peut remplacer (chattr +i) : rien n'a changé, code 4 ; le lancement suivant fait tout",
          .enabled(if: canMakeImmutable))
    func unreplaceableFileChangesNothing() throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let resume = output.appendingPathComponent("resume.txt").path
        #expect(try runShell("chattr +i '\(resume)'").exitCode == 0)
        defer { _ = try? runShell("chattr -i '\(resume)'") }
        let before = try snapshot(output)
        let shorter = try territories(2, in: work)
        let result = batch(shorter, into: output)
        #expect(result.exitCode == 4)
        #expect(result.error.hasSuffix("mandat-sante : erreur : impossible de remplacer « \(resume) » (permission refusée) : rien n'a changé : les résultats précédents de « \(output.path) » sont intacts\n"), "\(result.error)")
        #expect(try snapshot(output) == before)
        #expect(try runShell("chattr -i '\(resume)'").exitCode == 0)
        #expect(batch(shorter, into: output).exitCode == 0)
        #expect(try String(contentsOfFile: resume, encoding: .utf8).contains("2 lignes de territoire lues : 2 feuilles de route écrites"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".txt") }.count == 3)
    }

    @Test("une mise en place qui échoue après avoir remplacé des fichiers et retiré les anciens : tout est remis, rien n'a changé")
    func failureMidwayPutsEverythingBack() throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let before = try snapshot(output)
        // A shorter run: one roadmap replaced, one new, the other eleven to remove; putting resume.txt in place,
        // last, fails.
        let folder = try BatchOutputFolder.open(output.path, files: FileSystem(workingDirectory: work.path))
        for name in ["002-village-de-sainte-ondine-des-landes-exemple.txt", "099-nouveau-exemple.txt", "synthese.csv", "resume.txt"] {
            try folder.write("nouveau", named: name)
        }
        folder.placeFile = { from, to in
            guard !to.hasSuffix("/resume.txt") else { errno = EIO; return -1 }
            return rename(from, to)
        }
        do {
            try folder.commit()
            Issue.record("la mise en place aurait dû échouer")
        } catch {
            #expect(error.message.hasSuffix("resume.txt » (erreur d'entrée-sortie du périphérique) : rien n'a changé : les résultats précédents de « \(output.path) » sont intacts"), "\(error.message)")
        }
        #expect(try snapshot(output) == before)
    }

    /// Root may mount a small tmpfs here: a disk that fills up.
    static let canMountTmpfs: Bool = {
        guard geteuid() == 0, let work = try? temporaryDirectory() else { return false }
        let result = try? runShell("mount -t tmpfs -o size=64k tmpfs '\(work.path)' 2> /dev/null && umount '\(work.path)' && echo oui")
        return result?.output == "oui\n"
    }()

    @Test("disque plein pendant l'écriture des feuilles de route : code 4, message en français, rien d'écrit à moitié, les résultats précédents intacts ; avec de la place, le lancement suivant fait tout",
          .enabled(if: canMountTmpfs))
    func fullDisk() throws {
        let work = try temporaryDirectory()
        let disk = work.appendingPathComponent("disque")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: false)
        // 160 Ko: two roadmaps and the tables fit; the twelve of the example file do not.
        #expect(try runShell("mount -t tmpfs -o size=160k tmpfs '\(disk.path)'").exitCode == 0)
        defer { _ = try? runShell("umount '\(disk.path)'") }
        let output = disk.appendingPathComponent("sortie")
        #expect(batch(try territories(2, in: work), into: output).exitCode == 0)
        let before = try snapshot(output)
        let full = batch(Self.example, into: output)
        #expect(full.exitCode == 4)
        // A long path is shortened from the left in messages.
        #expect(full.error.hasPrefix("mandat-sante : erreur : impossible d'écrire « ") && full.error.contains("/disque/sortie/"), "\(full.error)")
        #expect(full.error.hasSuffix(" : plus de place sur le disque\n"), "\(full.error)")
        // No staging folder, no new file, no file cut short.
        #expect(try snapshot(output) == before)
        #expect(try runShell("mount -o remount,size=8m '\(disk.path)'").exitCode == 0)
        #expect(batch(Self.example, into: output).exitCode == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(names.filter { $0.hasSuffix(".txt") && $0 != "resume.txt" }.count == 12)
        #expect(!names.contains { $0.hasPrefix(".ms-batch-") })
        #expect(try String(contentsOf: output.appendingPathComponent("resume.txt"), encoding: .utf8).contains("12 lignes de territoire lues : 12 feuilles de route écrites"))
    }

    @Test("toutes les lignes en erreur : les résultats précédents restent, code 3")
    func everyRowInvalid() throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let before = try snapshot(output)
        let bad = work.appendingPathComponent("bad.csv").path
        try "name;kind;population;density\nA;commune;douze;bourg-rural\nB;village;10;bourg-rural\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = batch(bad, into: output)
        #expect(result.exitCode == 3)
        #expect(result.error.hasSuffix("mandat-sante : « \(bad) » : aucune ligne valide ; rien n'a été écrit, les résultats précédents de « \(output.path) » sont intacts.\n"))
        #expect(try snapshot(output) == before)
    }

    @Test("le fichier des territoires dans le dossier de sortie, sous un nom que batch écrit : refusé, intact")
    func inputInsideTheOutputFolder() throws {
        let output = try temporaryDirectory()
        let input = try territories(2, in: output, name: "synthese.csv")
        let before = try snapshot(output)
        let result = batch(input, into: output)
        #expect(result.exitCode == 2)
        #expect(result.error.hasPrefix("mandat-sante : erreur : « \(output.path)/synthese.csv » est le fichier des territoires que cette commande lit"))
        #expect(try snapshot(output) == before)
    }

    @Test("un second batch dans le même dossier est refusé tant que le premier écrit")
    func secondRunIsRefused() throws {
        let output = try temporaryDirectory()
        let descriptor = open(output.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = batch(Self.example, into: output)
        #expect(result.exitCode == 4)
        #expect(result.error == "mandat-sante : erreur : un autre « mandat-sante batch » écrit déjà dans « \(output.path) » : attendez qu'il finisse, ou choisissez un autre dossier\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test("ce qu'un arrêt brutal (kill -9) a laissé : retiré, ou la mise en place terminée, au lancement suivant")
    func recoveryAfterAKill() throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(try territories(3, in: work), into: output).exitCode == 0)
        // A run killed while writing: its staging folder, and a temporary file of an earlier version.
        let abandoned = output.appendingPathComponent(".ms-batch-0badf00d")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: false)
        try "à moitié".write(to: abandoned.appendingPathComponent("002-x.txt"), atomically: true, encoding: .utf8)
        try "vieux".write(to: output.appendingPathComponent(".synthese.csv.999999.tmp"), atomically: true, encoding: .utf8)
        // A run killed during its commit: a journal, one file still to move, one stale file to remove.
        let committing = output.appendingPathComponent(".ms-batch-c0ffee00")
        try FileManager.default.createDirectory(at: committing, withIntermediateDirectories: false)
        try "nouveau résumé".write(to: committing.appendingPathComponent("resume.txt"), atomically: true, encoding: .utf8)
        try "resume.txt\n--\n004-bourg-de-castel-aurele-exemple.txt\n".write(to: committing.appendingPathComponent(".commit"), atomically: true, encoding: .utf8)

        let fifo = work.appendingPathComponent("vide.csv").path
        try "name;kind;population;density\n".write(toFile: fifo, atomically: true, encoding: .utf8)
        // Any run into the folder recovers first, even one that then fails (only a header here).
        #expect(batch(fifo, into: output).exitCode == 3)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        #expect(!names.contains(".ms-batch-0badf00d") && !names.contains(".ms-batch-c0ffee00") && !names.contains(".synthese.csv.999999.tmp"))
        #expect(!names.contains("004-bourg-de-castel-aurele-exemple.txt"))
        #expect(try String(contentsOf: output.appendingPathComponent("resume.txt"), encoding: .utf8) == "nouveau résumé")
    }

    @Test("un fichier remplacé garde son mode")
    func modesAreKept() throws {
        let output = try temporaryDirectory().appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let synthesis = output.appendingPathComponent("synthese.csv").path
        #expect(chmod(synthesis, 0o640) == 0)
        #expect(batch(Self.example, into: output).exitCode == 0)
        var info = stat()
        #expect(stat(synthesis, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test("TERM, INT ou HUP pendant un long batch : le dossier temporaire est retiré, les résultats précédents intacts",
          arguments: [("TERM", 143, "signal TERM"), ("INT", 130, "Ctrl-C"), ("HUP", 129, "fin de session")])
    func signalsDuringABatch(signal: String, code: Int32, name: String) throws {
        let work = try temporaryDirectory()
        let output = work.appendingPathComponent("sortie")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let before = try snapshot(output)
        let lines = try String(contentsOfFile: Self.example, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        let big = work.appendingPathComponent("gros.csv").path
        try ([String(lines[0])] + (0..<20_000).map { String(lines[1 + $0 % (lines.count - 1)]) }).joined(separator: "\n").write(toFile: big, atomically: true, encoding: .utf8)
        let script = """
        $MS batch '\(big)' --output-dir '\(output.path)' --start 2026-12 --jobs 1 2> '\(work.path)/erreurs' &
        pid=$!
        for i in $(seq 600); do ls -d '\(output.path)'/.ms-batch-*/0[0-9]* > /dev/null 2>&1 && break; sleep 0.05; done
        kill -\(signal) $pid
        wait $pid
        echo $?
        """
        let printed = try runShell(script).output
        #expect(printed == "\(code)\n")
        #expect(try String(contentsOfFile: work.path + "/erreurs", encoding: .utf8).hasSuffix("mandat-sante : interrompu (\(name)) ; les fichiers en cours d'écriture ont été retirés, les précédents sont intacts.\n"))
        #expect(try snapshot(output) == before)
        // The folder is free again: the next run completes.
        #expect(batch(Self.example, into: output, ["--format", "markdown"]).exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".md") }.count == 12)
    }
}
