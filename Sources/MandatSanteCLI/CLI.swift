import Foundation
/// The `mandat-sante` command line, testable: it takes the arguments and a console, and returns the exit code.
public struct CLI: Sendable {
    /// The console commands write to: control characters made visible (`Console.neutralizingControlCharacters`).
    public let console: Console
    private let files: FileSystem

    public init(console: Console) {
        self.console = console.neutralizingControlCharacters()
        files = FileSystem(workingDirectory: console.workingDirectory)
    }

    /// Runs one command; `arguments` excludes the program name.
    public func run(_ arguments: [String]) -> ExitCode {
        let code: ExitCode
        do {
            code = try dispatch(arguments)
        } catch {
            console.writeError(Self.helpForCommand(error.message, arguments.first) + "\n")
            code = error.exitCode
        }
        return finish(code)
    }

    /// A usage error raised below the command (a --set, an --output) points to the command's help, not the general one.
    private static func helpForCommand(_ message: String, _ command: String?) -> String {
        let general = "\nVoir « mandat-sante --help »."
        guard let command, message.hasSuffix(general), HelpText.forCommand(command) != nil else { return message }
        return String(message.dropLast(general.count)) + "\nVoir « mandat-sante help \(command) »."
    }

    /// A failed write to standard output or error does not crash, and decides the exit code: a reader that closed
    /// the pipe (`| head`) ends the output quietly and the command keeps its code; any other failure of standard
    /// output is said in French, code 4; a failure of standard error cannot be reported and changes nothing.
    private func finish(_ code: ExitCode) -> ExitCode {
        guard let failure = console.streamFailure(), failure.stream == .output, failure.code != EPIPE else { return code }
        console.writeError("mandat-sante : erreur : impossible d'écrire sur la sortie standard : \(SystemError.french(failure.code)).\n")
        return .io
    }

    private func dispatch(_ arguments: [String]) throws(CLIError) -> ExitCode {
        guard let command = arguments.first else {
            console.write(HelpText.general + "\n")
            return .success
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h"), HelpText.forCommand(command) != nil {
            try help([command])
            return .success
        }
        switch command {
        case "-h", "--help": console.write(HelpText.general + "\n")
        case "-V", "--version", "version": console.write(HelpText.version + "\n")
        case "help": try help(rest)
        case InitCommand.name: return try InitCommand(console: console, files: files).run(rest)
        case CompareCommand.name: try CompareCommand(console: console, files: files).run(rest)
        case RoadmapCommand.name: try RoadmapCommand(console: console, files: files).run(rest)
        case BatchCommand.name: return try BatchCommand(console: console, files: files).run(rest)
        case ExplainCommand.name: try ExplainCommand(console: console, files: files).run(rest)
        case TestCommand.name: return try TestCommand(console: console, files: files).run(rest)
        case CheckCommand.name: return try CheckCommand(console: console, files: files).run(rest)
        case CoverageCommand.name: return try CoverageCommand(console: console, files: files).run(rest)
        case RulesCommand.name: try RulesCommand(console: console, files: files).run(rest)
        case SchemaCommand.name: try SchemaCommand(console: console, files: files).run(rest)
        case ServeCommand.name: return try ServeCommand(console: console, files: files).run(rest)
        default:
            throw .usage("commande inconnue \(QuotedText.quote(command))\(RuleKitHint.hint(command, HelpText.commands))")
        }
        return .success
    }

    private func help(_ arguments: [String]) throws(CLIError) {
        guard let name = arguments.first else {
            console.write(HelpText.general + "\n")
            return
        }
        guard let text = HelpText.forCommand(name) else {
            throw .usage("pas d'aide pour \(QuotedText.quote(name)) : cette commande n'existe pas")
        }
        console.write(text + "\n")
    }
}

import MandatSante
import RuleKit

enum RuleKitHint {
    static func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.hint(for: word, among: candidates)
    }
}
