import MandatSante
import RuleKit

/// A failure that ends a command: its exit code and what to print on standard error.
struct CLIError: Error {
    var exitCode: ExitCode
    var message: String

    init(exitCode: ExitCode, message: String) {
        self.exitCode = exitCode
        self.message = QuotedText.clip(message)
    }

    static func usage(_ message: String, command: String? = nil) -> CLIError {
        let help = command.map { "mandat-sante help \($0)" } ?? "mandat-sante --help"
        return CLIError(exitCode: .usage, message: "mandat-sante : erreur : \(message)\nVoir « \(help) ».")
    }

    static func io(_ message: String) -> CLIError {
        CLIError(exitCode: .io, message: "mandat-sante : erreur : \(message)")
    }

    /// Invalid data, printed as positioned diagnostics with the offending line quoted.
    static func invalidData(_ diagnostics: [Diagnostic], sources: [String: String], summary: String) -> CLIError {
        let printed = DiagnosticPrinter(sources: sources).render(diagnostics.sorted())
        return CLIError(exitCode: .invalidData, message: printed + "\n" + summary)
    }
}
