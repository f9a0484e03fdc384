/// The arguments of one subcommand: positionals, options with values, and flags.
struct Arguments {
    var positionals: [String] = []
    var options: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The short forms of options: `-o FICHIER` for the command's output, `-f FORMAT` for its format.
    static let shortForms = ["-o": ["--output", "--output-dir"], "-f": ["--format"]]

    /// Parses `arguments` knowing which options take a value and which are flags; `--opt=value` works too, and
    /// `-o` and `-f` stand for the command's `--output` (or `--output-dir`) and `--format`.
    static func parse(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String>, command: String) throws(CLIError) -> Arguments {
        var result = Arguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            if let long = shortForms[argument]?.first(where: valued.contains) { name = long }
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if allowedFlags.contains(name) {
                if inlineValue != nil { throw .usage("l'option \(name) ne prend pas de valeur", command: command) }
                result.flags.insert(name)
            } else if valued.contains(name) {
                if let inlineValue {
                    result.options[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else { throw .usage("l'option \(name) attend une valeur", command: command) }
                    result.options[name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                let known = Array(valued) + Array(allowedFlags)
                throw .usage("option inconnue \(QuotedText.quote(name))\(RuleKit.Suggestion.hint(for: name, among: known))", command: command)
            }
        }
        return result
    }

    /// The single value of an option given at most once.
    func value(_ name: String, command: String) throws(CLIError) -> String? {
        guard let values = options[name] else { return nil }
        guard values.count == 1 else { throw .usage("l'option \(name) est donnée \(values.count) fois", command: command) }
        return values[0]
    }
}

import MandatSante
import RuleKit
