import Foundation
import MandatSanteCLI

// The only place that touches the real process: arguments, standard streams, the clock, signals, the exit code.
// Interruptions are handled first, before any other thread exists (see `Interruptions.install`).
Interruptions.install()
exit(CLI(console: .process()).run(Array(CommandLine.arguments.dropFirst())).rawValue)
