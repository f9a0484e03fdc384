import MandatSante
import RuleKit

/// `mandat-sante roadmap PROFIL.json`: the prioritized, phased roadmap of the mandate.
struct RoadmapCommand {
    static let name = "roadmap"

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) {
        let parsed = try Arguments.parse(arguments, valued: ["--format", "--top", "--start", "--rules", "--output", "--set", "--csv-separator"], flags: ["--detail"], command: Self.name)
        guard parsed.positionals.count == 1, let profilePath = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "le chemin du profil manque (par exemple Profiles/village-zip.json, ou « - » pour l'entrée standard)" : "un seul profil était attendu, \(parsed.positionals.count) ont été donnés", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), output: output, text: RoadmapFormat.text, markdown: .markdown, command: Self.name)
        let top = try Self.top(parsed.value("--top", command: Self.name))
        let calendar = try Self.calendar(parsed.value("--start", command: Self.name), console: console, command: Self.name)
        let separator = try Self.csvSeparator(parsed.value("--csv-separator", command: Self.name), format: format)

        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let profile = try ProfileReader.read(profilePath, vocabulary: ruleBase.vocabulary, files: files, overrides: parsed.options["--set"] ?? [], notice: console.writeError)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: calendar, top: top)
        let renderer: any RoadmapRenderer = separator.map { CSVRoadmapRenderer(separator: $0) } ?? format.renderer
        let document = RoadmapPresenter(ruleBase: ruleBase, detail: parsed.flags.contains("--detail")).document(roadmap)
        let text = renderer.render(document)
        if try OutputFile.emit(text, to: output, console: console, files: files), let output {
            console.writeError("Feuille de route écrite dans \(QuotedText.path(output)) (\(roadmap.items.count) actions).\n")
        }
    }

    /// `--csv-separator` : « ; » by default (French spreadsheets), « , » or a tabulation for other tools.
    static func csvSeparator(_ value: String?, format: RoadmapFormat) throws(CLIError) -> Character? {
        guard let value else { return nil }
        guard format == .csv else {
            throw .usage("--csv-separator ne vaut que pour --format csv (format demandé : \(format.rawValue))", command: name)
        }
        switch value {
        case ";": return ";"
        case ",": return ","
        case "tab", "\t", "\\t": return "\t"
        default: throw .usage("--csv-separator attend « ; », « , » ou « tab », pas \(QuotedText.quote(value))", command: name)
        }
    }

    static func top(_ value: String?) throws(CLIError) -> Int? {
        guard let value else { return nil }
        guard let number = Int(value), number >= 1 else {
            throw .usage("--top attend un nombre entier positif, pas \(QuotedText.quote(value))", command: name)
        }
        return number
    }

    /// The calendar from `--start YYYY-MM`, or from the current month.
    static func calendar(_ value: String?, console: Console, command: String) throws(CLIError) -> MandateCalendar {
        let start: YearMonth
        if let value {
            guard let parsed = YearMonth(parsing: value) else {
                throw .usage("--start attend un mois au format AAAA-MM (par exemple 2026-12), pas \(QuotedText.quote(value))", command: command)
            }
            start = parsed
        } else {
            let now = console.currentMonth()
            start = YearMonth(year: now.year, month: now.month)
        }
        do {
            return try MandateCalendar(start: start)
        } catch {
            if case .beforeMandate = error {
                throw .usage("--start \(start) précède le début du mandat (mars 2026)", command: command)
            }
            throw .usage("--start \(start) est après la fin du mandat : la feuille de route couvre le mandat jusqu'en mars 2032 (dernier mois possible : 2032-02)", command: command)
        }
    }
}
