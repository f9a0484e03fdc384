import MandatSante
import RuleKit

/// The web application's one door into the domain: it plans, renders, compares and batches through the public
/// API of MandatSante (`Planner`, `RoadmapPresenter`, `RoadmapFormat.renderer`, `RoadmapComparison`, the batch
/// types). When that API changes, this file changes; the pages only see the values defined here.
struct WebRoadmapService: Sendable {
    let ruleBase: RuleBase
    private let planner: Planner

    init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        planner = Planner(ruleBase: ruleBase)
    }

    var vocabulary: Vocabulary { ruleBase.vocabulary }

    // MARK: Roadmaps

    /// A format a roadmap is downloaded in.
    enum Download: String, CaseIterable, Sendable {
        case html, markdown, csv, json
        /// The detailed edition (`--detail`), in HTML: what the document's « à envisager ensuite » line sends its
        /// reader to — every action with its whole card, the actions left out and why, the scoring.
        case detailed = "detaillee"

        var format: RoadmapFormat {
            switch self {
            case .html, .detailed: return .html
            case .markdown: return .markdown
            case .csv: return .csv
            case .json: return .json
            }
        }

        var fileExtension: String { BatchFileName.fileExtension(of: format) }

        var mediaType: String {
            switch self {
            case .html, .detailed: return "text/html; charset=utf-8"
            case .markdown: return "text/markdown; charset=utf-8"
            case .csv: return "text/csv; charset=utf-8"
            case .json: return "application/json; charset=utf-8"
            }
        }

        /// How the page names it on its button.
        var label: String {
            switch self {
            case .html: return "HTML"
            case .markdown: return "Markdown"
            case .csv: return "CSV (tableur)"
            case .json: return "JSON"
            case .detailed: return "Édition détaillée (HTML)"
            }
        }
    }

    /// The calendar from a start month, or the French reason it is outside the mandate (as `--start` says it).
    static func calendar(_ start: YearMonth) -> Result<MandateCalendar, WebMessage> {
        do {
            return .success(try MandateCalendar(start: start))
        } catch {
            if case .beforeMandate = error {
                return .failure(WebMessage("\(start) précède le début du mandat (mars 2026)"))
            }
            return .failure(WebMessage("\(start) est après la fin du mandat : la feuille de route couvre le mandat jusqu'en mars 2032 (dernier mois possible : 2032-02)"))
        }
    }

    /// `month`, or the nearest month of the mandate a roadmap can start from (before March 2026, after February 2032).
    static func startMonth(near month: YearMonth) -> YearMonth {
        min(max(month, MandateCalendar.mandateStart), MandateCalendar.mandateEnd.adding(months: -1))
    }

    /// The roadmap of `profile` rendered in `format`.
    func render(_ profile: Profile, calendar: MandateCalendar, format: RoadmapFormat, detail: Bool = false) -> String {
        let roadmap = planner.plan(profile, calendar: calendar)
        return format.renderer.render(RoadmapPresenter(ruleBase: ruleBase, detail: detail).document(roadmap))
    }

    // MARK: Profiles

    /// A file name for a territory: « Saint-Aubin (exemple) » → `saint-aubin-exemple`.
    static func slug(_ name: String) -> String {
        BatchFileName.slug(name)
    }

    /// A profile file: the profile, or its problems printed with their positions and the lines they point at.
    func profile(json bytes: [UInt8], file: String) -> Result<Profile, WebMessage> {
        let (profile, diagnostics) = ProfileLoader.load(bytes, file: file, vocabulary: vocabulary)
        guard let profile else {
            let printed = DiagnosticPrinter(sources: [file: String(decoding: bytes, as: UTF8.self)]).render(diagnostics.errors.sorted())
            return .failure(WebMessage(printed))
        }
        return .success(profile)
    }

    /// The `description` of a profile file, if it has one (the examples do).
    static func description(ofProfile bytes: [UInt8]) -> String? {
        guard let root = try? JSONParser.parse(bytes), case .string(let text)? = root["description"]?.value.value else { return nil }
        return text
    }

    /// A profile as a file: its facts in the vocabulary's order, set members in the order the vocabulary lists them;
    /// unknown facts that have a default are written `null`, those without one left out.
    func profileJSON(_ profile: Profile) -> String {
        var members: [(String, JSONOutput)] = []
        for fact in vocabulary.facts {
            switch profile.value(fact.name) {
            case .set(let chosen)?: members.append((fact.name, .array(fact.choiceIDs.filter(chosen.contains).map(JSONOutput.string))))
            case let value?: members.append((fact.name, VocabularySchema.output(value)))
            case nil where fact.defaultValue != nil: members.append((fact.name, .null))
            case nil: break
            }
        }
        return JSONOutput.object(members).rendered()
    }

    // MARK: « Et si ? »

    /// One action of a roadmap, for the side-by-side columns.
    struct ActionLine: Sendable, Hashable {
        var rank: Int
        var id: String
        var title: String
        var phase: String
    }

    /// What a change of the profile changes in the roadmap, and why.
    struct WhatIf: Sendable {
        struct Section: Sendable {
            var title: String
            var symbol: String
            var changes: [Change]
        }

        struct Change: Sendable, Hashable {
            var id: String
            var title: String
            /// « rang 13 → 10 · Jusqu'à mi-mandat → La première année · score 90 → 95 »
            var position: String
            var reasons: [String]
        }

        var startMonth: String
        /// (label, before, after), worded for people.
        var factChanges: [(label: String, before: String, after: String)]
        /// Effort units a year, as written for people (« 1,6 »).
        var capacity: (before: String, after: String)
        var summary: String
        var sections: [Section]
        var before: [ActionLine]
        var after: [ActionLine]
        /// What each id became: added, removed, moved…, for the columns' marks.
        var kinds: [String: String]
    }

    func whatIf(before: Profile, after: Profile, calendar: MandateCalendar) -> WhatIf {
        let (old, new) = (planner.plan(before, calendar: calendar), planner.plan(after, calendar: calendar))
        let comparison = RoadmapComparison(before: old, after: new, presenter: RoadmapPresenter(ruleBase: ruleBase))
        func lines(_ roadmap: Roadmap) -> [ActionLine] {
            roadmap.items.map { ActionLine(rank: $0.rank, id: $0.recommendation.id, title: $0.recommendation.title(for: roadmap.profile.facts), phase: roadmap.calendar.phases[$0.phaseIndex].title) }
        }
        var kinds: [String: String] = [:]
        let sections = comparison.sections.map { section in
            WhatIf.Section(title: section.title, symbol: section.symbol, changes: section.changes.map { change in
                kinds[change.id] = section.symbol
                return WhatIf.Change(id: change.id, title: change.title, position: RoadmapComparison.position(change), reasons: change.reasons)
            })
        }
        return WhatIf(startMonth: comparison.startMonth,
                      factChanges: comparison.factChanges.map { (label: $0.label, before: $0.before, after: $0.after) },
                      capacity: comparison.yearlyCapacity, summary: comparison.summary, sections: sections,
                      before: lines(old), after: lines(new), kinds: kinds)
    }

    // MARK: Batch

    /// The result of a territories file read in memory.
    struct BatchOutcome: Sendable {
        struct Territory: Sendable {
            var line: Int
            var name: String
            var fileName: String
            var actionCount: Int
            var profile: Profile
        }

        /// Problems that stop the whole file (empty, unreadable header), printed.
        var fileError: String?
        var territories: [Territory] = []
        /// Each rejected row's problems, printed with positions.
        var rowErrors: [String] = []
        /// `resume.txt`.
        var summary = ""
        /// The files of the archive: each roadmap, `synthese.csv`, `actions.csv`, `leviers.csv`, `resume.txt`, and
        /// `erreurs.csv` with `erreurs.txt` when rows failed.
        var files: [(name: String, bytes: [UInt8])] = []
    }

    /// Plans every row of a territories file held in memory, as `mandat-sante batch` does on disk; at most
    /// `maximumTerritories` rows are planned, the others are reported.
    func batch(_ bytes: [UInt8], file: String, calendar: MandateCalendar, format: RoadmapFormat, maximumTerritories: Int) -> BatchOutcome {
        var outcome = BatchOutcome()
        var reader = CSVReader()
        let events = reader.feed(bytes) + reader.finish()
        var processor: BatchRowProcessor?
        var header: BatchHeader?
        var summary = BatchSummary()
        let levers = ruleBase.levers
        var tables = Dictionary(uniqueKeysWithValues: BatchTables.Table.allCases.map { ($0, BatchTables.header($0, levers: levers)) })
        func reject(_ diagnostics: [Diagnostic], territory: String = "") {
            outcome.rowErrors.append(DiagnosticPrinter().render(diagnostics.sorted()))
            tables[.errors, default: ""] += BatchTables.errorRows(diagnostics.sorted(), territory: territory)
            summary.addFailedRow()
        }
        for event in events {
            switch event {
            case .header(let record):
                let (read, diagnostics) = BatchHeader.read(record, file: file, vocabulary: vocabulary, templateHint: "le formulaire « Nouveau profil » en montre les libellés")
                guard let read else {
                    outcome.fileError = DiagnosticPrinter().render(diagnostics.errors.sorted())
                    return outcome
                }
                header = read
                processor = BatchRowProcessor(ruleBase: ruleBase, calendar: calendar, format: format, header: read, file: file)
            case .invalid(let line, let errors):
                let diagnostics = errors.map { Diagnostic.error($0.code, $0.message, file: file, at: SourceLocation(line: $0.line, column: $0.column)) }
                guard processor != nil else {
                    outcome.fileError = "l'en-tête (ligne \(line)) est illisible :\n" + DiagnosticPrinter().render(diagnostics)
                    return outcome
                }
                // A file in two encodings cannot be read as a whole: refused, as `mandat-sante batch` does.
                if errors.contains(where: { $0.code == CSVReader.mixedEncodingCode }) {
                    outcome.fileError = "le fichier mélange deux encodages :\n" + DiagnosticPrinter().render(diagnostics.filter { $0.code == CSVReader.mixedEncodingCode })
                    return outcome
                }
                reject(diagnostics)
            case .record(let record):
                guard let processor, let header else { continue }
                guard outcome.territories.count < maximumTerritories else {
                    reject([.error("web.trop-de-territoires", "ligne ignorée : l'application web planifie au plus \(maximumTerritories) territoires par fichier ; pour davantage, utilisez la commande « mandat-sante batch »", file: file, at: SourceLocation(line: record.line, column: 1))])
                    continue
                }
                switch processor.process(record) {
                case .invalid(let diagnostics, let territory):
                    reject(diagnostics, territory: territory)
                case .territory(let territory):
                    guard let profile = BatchRow.profile(record, header: header, file: file, vocabulary: vocabulary).0 else { continue }
                    summary.add(territory)
                    tables[.synthesis, default: ""] += territory.rows.synthesis
                    tables[.actions, default: ""] += territory.rows.actions
                    tables[.levers, default: ""] += territory.rows.levers
                    outcome.files.append((territory.fileName, territory.roadmap ?? []))
                    outcome.territories.append(.init(line: territory.line, name: territory.name, fileName: territory.fileName,
                                                     actionCount: territory.selections.count, profile: profile))
                }
            }
        }
        guard processor != nil else {
            outcome.fileError = "fichier vide : une ligne d'en-tête était attendue, avec au moins les colonnes \(vocabulary.facts.filter(\.required).map(\.name).joined(separator: ", ")) (séparées par « ; » ou « , »)"
            return outcome
        }
        guard summary.territories + summary.failedRows > 0 else {
            outcome.fileError = "aucun territoire : le fichier ne contient que la ligne d'en-tête ; ajoutez une ligne par territoire"
            return outcome
        }
        outcome.summary = summary.render(ruleBase: ruleBase, input: file, startMonth: calendar.start.longFrench, format: format)
        for table in BatchTables.Table.allCases where table != .errors || !outcome.rowErrors.isEmpty {
            outcome.files.append((table.fileName, Array((tables[table] ?? "").utf8)))
        }
        outcome.files.append(("resume.txt", Array(outcome.summary.utf8)))
        if !outcome.rowErrors.isEmpty {
            outcome.files.append(("erreurs.txt", Array((outcome.rowErrors.joined(separator: "\n") + "\n").utf8)))
        }
        return outcome
    }
}

/// A message for the person at the browser, in French.
struct WebMessage: Error, Sendable, Hashable {
    var text: String

    init(_ text: String) {
        self.text = text
    }
}
