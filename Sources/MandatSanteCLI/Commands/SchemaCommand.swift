import MandatSante

/// `mandat-sante schema profile|rules|tests`: JSON Schemas generated from the rule base, for editors.
struct SchemaCommand {
    static let name = "schema"

    let console: Console

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--rules", "--output"], flags: [], command: Self.name)
        let names = RuleSchemas.Kind.allCases.map(\.rawValue)
        guard parsed.positionals.count == 1, let kind = RuleSchemas.Kind(rawValue: parsed.positionals[0]) else {
            let given = parsed.positionals.first.map { "« \($0) » : " } ?? ""
            throw .usage("\(given)le type de schéma attendu est l'un de : \(names.joined(separator: ", "))", command: Self.name)
        }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory)
        let text = RuleSchemas.schema(kind, for: ruleBase).rendered()
        if let output = try parsed.value("--output", command: Self.name) {
            try FileSystem.writeAtomically(text, to: output)
        } else {
            console.write(text)
        }
    }
}
