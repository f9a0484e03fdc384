import Foundation
import Testing

/// The real process: standard streams that fail, signals. Run through a shell, as a user would type it.
@Suite("le processus : sorties qui échouent, interruptions")
struct ProcessTests {
    private func shell(_ script: String) throws -> RunResult {
        try runShell(script, timeout: 60)
    }

    @Test("sortie standard pleine, fermée, ou coupée par le lecteur : jamais de plantage")
    func standardOutputFailures() throws {
        let full = try shell(#"$MS roadmap Profiles/village-rural-zip.json --start 2026-12 > /dev/full; echo "code $?""#)
        #expect(full.output == "code 4\n")
        #expect(full.error == "mandat-sante : erreur : impossible d'écrire sur la sortie standard : plus de place sur le disque.\n")

        let closed = try shell(#"$MS --version >&-; echo "code $?""#)
        #expect(closed.output == "code 4\n")
        #expect(closed.error == "mandat-sante : erreur : impossible d'écrire sur la sortie standard : flux fermé.\n")

        // The reader stops after one byte: the rest of the output is dropped quietly, with the command's own code.
        let pipe = try shell(#"set -o pipefail; $MS rules | head -c 1 > /dev/null; echo "code $?"; $MS check | head -c 1 > /dev/null; echo "code $?""#)
        #expect(pipe.output == "code 0\ncode 0\n")
        #expect(pipe.error.isEmpty)

        // Standard error full on an error: nothing can be said, the code says it.
        let errorFull = try shell(#"$MS roadmap nexiste-pas.json 2> /dev/full; echo "code $?""#)
        #expect(errorFull.output == "code 4\n")
        for crash in ["Fatal error", "crashed", "Illegal instruction"] {
            #expect(!(full.error + closed.error + pipe.error + errorFull.error).contains(crash))
        }
    }

    @Test("Ctrl-\\ (SIGQUIT) et Ctrl-C pendant init : message, code 131 ou 130, rien d'écrit, pas de boucle")
    func initInterrupted() throws {
        for (signal, code, name) in [("QUIT", 131, "Ctrl-\\"), ("INT", 130, "Ctrl-C")] {
            let directory = try temporaryDirectory().path
            // A FIFO that the shell keeps open for writing, as standard input: init waits at its first question.
            let result = try shell("""
            cd '\(directory)' && ln -s '\(packageRoot)/Rules' Rules && mkfifo entree
            exec 3<>entree
            $MS init --output profil.json < entree > sortie 2> erreurs &
            pid=$!
            for i in $(seq 100); do grep -q '^> ' sortie 2>/dev/null && break; sleep 0.1; done
            kill -\(signal) $pid
            wait $pid
            echo "code $?"
            exec 3>&-
            cat erreurs
            ls
            """)
            #expect(result.output == "code \(code)\n\nmandat-sante : interrompu (\(name)) ; aucun fichier n'a été écrit.\nRules\nentree\nerreurs\nsortie\n", "\(result.error)")
        }
    }
}
