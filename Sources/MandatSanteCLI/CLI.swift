/// The `mandat-sante` command line, testable: it takes the arguments and a console, and returns the exit code.
public struct CLI: Sendable {
    public let console: Console

    public init(console: Console) {
        self.console = console
    }

    /// Runs one command; `arguments` excludes the program name.
    public func run(_ arguments: [String]) -> ExitCode {
        do {
            return try dispatch(arguments)
        } catch {
            console.writeError(error.message + "\n")
            return error.exitCode
        }
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
        case "--version", "version": console.write(HelpText.version + "\n")
        case "help": try help(rest)
        case InitCommand.name: return try InitCommand(console: console).run(rest)
        case CompareCommand.name: try CompareCommand(console: console).run(rest)
        case RoadmapCommand.name: try RoadmapCommand(console: console).run(rest)
        case BatchCommand.name: return try BatchCommand(console: console).run(rest)
        case ExplainCommand.name: try ExplainCommand(console: console).run(rest)
        case TestCommand.name: return try TestCommand(console: console).run(rest)
        case CheckCommand.name: return try CheckCommand(console: console).run(rest)
        case CoverageCommand.name: return try CoverageCommand(console: console).run(rest)
        case RulesCommand.name: try RulesCommand(console: console).run(rest)
        case SchemaCommand.name: try SchemaCommand(console: console).run(rest)
        default:
            throw .usage("commande inconnue « \(command) »\(RuleKitHint.hint(command, HelpText.commands))")
        }
        return .success
    }

    private func help(_ arguments: [String]) throws(CLIError) {
        guard let name = arguments.first else {
            console.write(HelpText.general + "\n")
            return
        }
        guard let text = HelpText.forCommand(name) else {
            throw .usage("pas d'aide pour « \(name) » : cette commande n'existe pas")
        }
        console.write(text + "\n")
    }
}

import RuleKit

enum RuleKitHint {
    static func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.hint(for: word, among: candidates)
    }
}
