import MandatSante
import RuleKit

/// `mandat-sante schema profile|rules|tests`: JSON Schemas generated from the rule base, for editors.
struct SchemaCommand {
    static let name = "schema"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--rules", "--output"], flags: [], command: Self.name)
        let names = RuleSchemas.Kind.allCases.map(\.rawValue)
        guard parsed.positionals.count == 1, let kind = RuleSchemas.Kind(rawValue: parsed.positionals[0]) else {
            let given = parsed.positionals.first.map { "\(QuotedText.quote($0)) : " } ?? ""
            throw .usage("\(given)le type de schéma attendu est l'un de : \(names.joined(separator: ", "))", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        if let output, let implied = FormatOption.impliedFormat(output), implied != "json" {
            throw .usage("un schéma s'écrit en JSON : \(QuotedText.path(output)) porte l'extension d'un fichier \(implied)", command: Self.name)
        }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        try OutputFile.emit(RuleSchemas.schema(kind, for: ruleBase).rendered(), to: output, console: console, files: files)
    }
}
