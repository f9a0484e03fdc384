import MandatSante
import RuleKit

/// `mandat-sante rules`: the catalogue of recommendations by lever, conditions in French.
struct RulesCommand {
    static let name = "rules"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--rules", "--lever", "--format"], flags: [], command: Self.name)
        guard parsed.positionals.isEmpty else { throw .usage("rules ne prend pas d'argument", command: Self.name) }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let lever = try parsed.value("--lever", command: Self.name)
        if let lever, ruleBase.lever(lever) == nil {
            throw .usage("levier inconnu \(QuotedText.quote(lever))\(RuleKitHint.hint(lever, ruleBase.levers.map(\.id))) (leviers : \(ruleBase.levers.map(\.id).joined(separator: ", ")))", command: Self.name)
        }
        let catalogue = RuleCatalogue(ruleBase: ruleBase, lever: lever)
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), text: RuleCatalogue.Format.text, markdown: .markdown, command: Self.name)
        console.write(catalogue.render(format))
    }
}
