import Foundation
import MandatSanteCLI

// The only place that touches the real process: arguments, standard streams, the clock, the exit code.
let console = Console(
    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeError: { FileHandle.standardError.write(Data($0.utf8)) },
    currentMonth: {
        let components = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        return (components.year ?? 2026, components.month ?? 1)
    }
)
exit(CLI(console: console).run(Array(CommandLine.arguments.dropFirst())).rawValue)
