import Foundation
import MandatSanteCLI

// The only place that touches the real process: arguments, standard streams, the clock, the exit code.
let console = Console(
    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeError: { FileHandle.standardError.write(Data($0.utf8)) },
    currentMonth: {
        let components = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        return (components.year ?? 2026, components.month ?? 1)
    },
    readLine: { Swift.readLine(strippingNewline: true) }
)
// Ctrl-C during the `init` questionnaire. Default termination would already be safe — `init` writes nothing
// before its last answer, and the write goes to a temporary file renamed over the target — but a person waiting
// at a question would see a bare « ^C ». This handler says in French that nothing was written and exits with
// the conventional 128 + SIGINT. It only calls async-signal-safe functions (write, _exit) on a static string;
// the terminal stays in its normal line mode, so there is nothing to restore. Other commands keep the default.
if CommandLine.arguments.dropFirst().first == "init" {
    signal(SIGINT) { _ in
        let message: StaticString = "\nmandat-sante : interrompu (Ctrl-C) ; aucun fichier n'a été écrit.\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        _exit(130)
    }
}
exit(CLI(console: console).run(Array(CommandLine.arguments.dropFirst())).rawValue)
