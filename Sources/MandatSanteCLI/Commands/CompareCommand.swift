import MandatSante
import RuleKit

/// `mandat-sante compare PROFIL --set FAIT=VALEUR` or `compare PROFIL_A PROFIL_B`: what a change of the profile
/// (« et si notre CLS était signé ? ») or another territory changes in the roadmap, and why.
struct CompareCommand {
    static let name = "compare"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--set", "--start", "--rules", "--format", "--output"], flags: [], command: Self.name)
        let assignments = parsed.options["--set"] ?? []
        switch (parsed.positionals.count, assignments.isEmpty) {
        case (1, false), (2, true): break
        case (1, true):
            throw .usage("rien à comparer : donnez au moins un --set FAIT=VALEUR (par exemple --set cls=en-vigueur), ou un second profil", command: Self.name)
        case (2, false):
            throw .usage("--set ne s'emploie qu'avec un seul profil ; pour comparer deux profils, modifiez plutôt le second fichier", command: Self.name)
        case (0, _):
            throw .usage("le chemin du profil manque (par exemple Profiles/communaute-communes-rurale.json)", command: Self.name)
        default:
            throw .usage("un ou deux profils étaient attendus, \(parsed.positionals.count) ont été donnés", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), output: output, text: ComparisonFormat.text, markdown: .markdown, command: Self.name)
        let calendar = try RoadmapCommand.calendar(parsed.value("--start", command: Self.name), console: console, command: Self.name)
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)

        let before = try ProfileReader.read(parsed.positionals[0], vocabulary: ruleBase.vocabulary, files: files, notice: console.writeError)
        let after: Profile
        if parsed.positionals.count == 2 {
            after = try ProfileReader.read(parsed.positionals[1], vocabulary: ruleBase.vocabulary, files: files, notice: console.writeError)
        } else {
            switch ProfileLoader.override(before, with: assignments) {
            case .success(let overridden): after = overridden
            case .failure(let error): throw .usage("--set \(error.message)", command: Self.name)
            }
        }
        let planner = Planner(ruleBase: ruleBase)
        var comparison = RoadmapComparison(before: planner.plan(before, calendar: calendar), after: planner.plan(after, calendar: calendar),
                                           presenter: RoadmapPresenter(ruleBase: ruleBase))
        if parsed.positionals.count == 1 {
            comparison.afterLabel = "le même profil avec " + assignments.map { "--set \($0)" }.joined(separator: " ")
        }
        let text = format.renderer.render(comparison)
        if try OutputFile.emit(text, to: output, console: console, files: files), let output {
            console.writeError("Comparaison écrite dans \(QuotedText.path(output)).\n")
        }
    }

}
