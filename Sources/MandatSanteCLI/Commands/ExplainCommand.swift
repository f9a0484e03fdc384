import MandatSante
import RuleKit

/// `mandat-sante explain PROFIL [IDENTIFIANT]`: why a recommendation was or was not selected.
struct ExplainCommand {
    static let name = "explain"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--start", "--rules", "--set", "--top"], flags: [], command: Self.name)
        guard (1...2).contains(parsed.positionals.count) else {
            throw .usage("explain attend un profil, et éventuellement l'identifiant d'une recommandation", command: Self.name)
        }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let calendar = try RoadmapCommand.calendar(try parsed.value("--start", command: Self.name), console: console, command: Self.name)
        let top = try RoadmapCommand.top(try parsed.value("--top", command: Self.name))
        let profile = try ProfileReader.read(parsed.positionals[0], vocabulary: ruleBase.vocabulary, files: files, overrides: parsed.options["--set"] ?? [], notice: console.writeError)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: calendar, top: top)
        let document = RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)
        guard parsed.positionals.count == 2 else {
            console.write(ScoringTable(document: document, profileFile: profile.file).lines.joined(separator: "\n") + "\n")
            return
        }
        let id = parsed.positionals[1]
        guard ruleBase.recommendation(id) != nil else {
            let hint = Suggestion.hint(for: id, among: ruleBase.recommendations.map(\.id))
            throw .usage("recommandation inconnue \(QuotedText.quote(id))\(hint) ; « mandat-sante rules » les liste toutes", command: Self.name)
        }
        console.write(Explanation(recommendationID: id, roadmap: roadmap, document: document, ruleBase: ruleBase).lines.joined(separator: "\n") + "\n")
    }
}
