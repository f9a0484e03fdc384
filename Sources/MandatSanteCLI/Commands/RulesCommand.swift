import MandatSante
import RuleKit

/// `mandat-sante rules`: the catalogue of recommendations by lever, conditions in French.
struct RulesCommand {
    static let name = "rules"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--rules", "--lever", "--format", "--output"], flags: [], command: Self.name)
        guard parsed.positionals.isEmpty else { throw .usage("rules ne prend pas d'argument", command: Self.name) }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let lever = try parsed.value("--lever", command: Self.name)
        if let lever, ruleBase.lever(lever) == nil {
            throw .usage("levier inconnu \(QuotedText.quote(lever))\(RuleKitHint.hint(lever, ruleBase.levers.map(\.id))) (leviers : \(ruleBase.levers.map(\.id).joined(separator: ", ")))", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), output: output, text: Format.text, markdown: .markdown, command: Self.name)
        let text: String
        switch format {
        case .text: text = RuleCatalogue(ruleBase: ruleBase, lever: lever).render(.text)
        case .markdown: text = RuleCatalogue(ruleBase: ruleBase, lever: lever).render(.markdown)
        case .csv: text = RuleBaseExport.csv(ruleBase, lever: lever)
        case .json: text = RuleBaseExport.json(ruleBase, lever: lever).rendered() + "\n"
        }
        try OutputFile.emit(text, to: output, console: console, files: files)
    }

    /// The catalogue for people (text, Markdown), the table of weights for a spreadsheet (CSV), the whole base
    /// for other tools (JSON).
    enum Format: String, CaseIterable {
        case text = "texte"
        case markdown
        case csv
        case json
    }
}
