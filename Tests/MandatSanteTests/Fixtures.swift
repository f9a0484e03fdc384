import MandatSante
import RuleKit
import Testing

/// Positions in rule files (Swift Testing has its own `SourceLocation`).
typealias SourceLocation = RuleKit.SourceLocation

/// A tiny rule base written inline, so that the tests never depend on the real content of `Rules/`.
enum Fixture {
    // MARK: Vocabulary, levers, sources

    static let vocabularyJSON = """
    {
      "facts": [
        { "name": "name", "type": "text", "required": true, "label": "nom du territoire", "role": "nom" },
        { "name": "kind", "type": "enum", "required": true, "label": "type de territoire", "role": "type",
          "values": [ { "id": "commune", "label": "commune", "role": "commune" },
                      { "id": "communaute-de-communes", "label": "communauté de communes" } ] },
        { "name": "population", "type": "int", "required": true, "min": 1, "max": 3000000, "role": "population",
          "unit": "habitants", "label": "population" },
        { "name": "density", "type": "enum", "required": true, "label": "densité", "role": "densite",
          "values": [ { "id": "urbain", "label": "urbain" },
                      { "id": "bourg-rural", "label": "bourg rural" },
                      { "id": "rural-disperse", "label": "rural à habitat dispersé" } ] },
        { "name": "cls", "type": "enum", "default": "aucun", "label": "contrat local de santé",
          "values": [ { "id": "aucun", "label": "aucun CLS" }, { "id": "en-vigueur", "label": "CLS en vigueur" } ] },
        { "name": "cpts", "type": "bool", "default": false, "label": "une CPTS couvre le territoire",
          "falseLabel": "aucune CPTS ne couvre le territoire" },
        { "name": "intercommunalHealth", "type": "bool", "default": false, "role": "sante-intercommunale",
          "label": "l'intercommunalité porte déjà une démarche de santé",
          "falseLabel": "l'intercommunalité ne porte pas de démarche de santé" },
        { "name": "outreMer", "type": "enum", "role": "outre-mer", "default": "non", "label": "situation outre-mer",
          "values": [ { "id": "non", "label": "Hexagone" }, { "id": "reunion", "label": "La Réunion" }, { "id": "guyane", "label": "Guyane" } ] },
        { "name": "peakSeason", "type": "enum", "role": "saison-de-pointe", "default": "inconnu", "label": "saison de pointe de la fréquentation",
          "values": [ { "id": "hiver", "label": "pointe en hiver" }, { "id": "ete", "label": "pointe en été" },
                      { "id": "les-deux", "label": "pointes en hiver et en été" },
                      { "id": "inconnu", "label": "saison de pointe non renseignée" } ] },
        { "name": "priorities", "type": "set", "default": [], "label": "priorités de l'équipe", "role": "priorites",
          "values": [ { "id": "acces-aux-soins", "label": "accès aux soins" },
                      { "id": "sante-mentale", "label": "santé mentale" },
                      { "id": "prevention", "label": "prévention" } ] },
        { "name": "engineeringStaff", "type": "int", "default": 1, "min": 0, "max": 100, "role": "agents",
          "label": "agents pouvant porter des projets" },
        { "name": "share75Plus", "type": "number", "min": 0, "max": 100, "unit": "%",
          "label": "part des 75 ans et plus" }
      ]
    }
    """

    static let leversJSON = """
    {
      "levers": [
        { "id": "offre-de-soins", "title": "Offre de soins", "description": "Faciliter l'installation des professionnels." },
        { "id": "methode", "title": "Méthode du mandat", "method": true, "description": "Pilotage et ambition du mandat." },
        { "id": "coordination", "title": "Coordination territoriale", "description": "CLS, CLSM et instances de dialogue." }
      ]
    }
    """

    static let sourcesJSON = """
    {
      "sources": [
        { "id": "livre-blanc-2026", "title": "Livre blanc sur la santé des territoires", "shortTitle": "Livre blanc", "publisher": "Éditeur d'essai",
          "date": "2026-07", "url": "https://example.org/livre-blanc" }
      ]
    }
    """

    // MARK: Recommendations

    /// One recommendation, written as a Markdown file of its own (`path`, `markdown`).
    struct Rec: Sendable {
        var id: String
        var title: String
        var when: String
        var priority: Int = 50
        var boosts: [Boost] = []
        var horizon: String = "annee-1"
        var effort: String = "faible"
        var lever: String = "offre-de-soins"
        var carrier: String = "territoire"
        var after: [String] = []
        var together: [String] = []
        var replaces: [String] = []
        var excludes: [String] = []
        var foundation = false
        var serves: [String] = []
        /// As written after « échéance: » (`avant-saison-chaude`, `2027-01 : raison`).
        var deadline: String?
        var why: String = "Une action utile pour la santé des habitants du territoire."
        /// Items of « Premiers pas », « Partenaires », « Financements », « Mises en garde », as written after the
        /// list marker (`[si condition] texte` for a conditional line).
        var steps: [String] = ["Réunir les acteurs concernés.", "Écrire un plan d'action partagé."]
        var partners: [String] = ["ARS (délégation départementale)"]
        var funding: [String] = []
        var cautions: [String] = []
        var carriedBy: String?
        var sourceDocument: String = "livre-blanc-2026"
        var indicators: [String] = ["Nombre d'actions engagées."]
        /// Header fields (French keys) and sections (headings) left out, to test missing required ones.
        var omitted: Set<String> = []
        /// Raw header lines appended after the last field, e.g. `"partenaire: Mairie"`.
        var extraHeader: [String] = []
        /// Raw lines appended at the end of the file.
        var extraBody: [String] = []

        struct Boost: Sendable {
            var when: String
            var points: Int
            var reason: String
        }

        /// `Rules/recommendations/<id>.md`.
        var path: String { "Rules/recommendations/\(id).md" }

        var markdown: String {
            var header: [(String, String)] = [("identifiant", id), ("levier", lever), ("condition", when), ("priorité", "\(priority)")]
            var lines: [String] = []
            header += [("horizon", horizon), ("effort", effort), ("porteur", carrier)]
            if let carriedBy { header.append(("porté par", carriedBy)) }
            if let deadline { header.append(("échéance", deadline)) }
            if foundation { header.append(("fondation", "oui")) }
            for (key, ids) in [("sert", serves), ("après", after), ("avec", together), ("remplace", replaces), ("écarte", excludes)] where !ids.isEmpty {
                header.append((key, ids.joined(separator: ", ")))
            }
            for (key, value) in header where !omitted.contains(key) {
                lines.append("\(key): \(value)")
                if key == "priorité", !boosts.isEmpty {
                    lines.append("bonus:")
                    lines += boosts.map { "  - \($0.points >= 0 ? "+" : "-")\(abs($0.points)) si \($0.when) : \($0.reason)" }
                }
            }
            lines = ["---"] + lines + extraHeader + ["---", "", "# \(title)"]
            func section(_ heading: String, _ items: [String]) {
                guard !omitted.contains(heading) else { return }
                lines += ["", "## \(heading)", ""] + items
            }
            section("Pourquoi", [why])
            section("Premiers pas", steps.enumerated().map { "\($0.offset + 1). \($0.element)" })
            section("Partenaires", partners.map { "- \($0)" })
            if !funding.isEmpty { section("Financements", funding.map { "- \($0)" }) }
            if !cautions.isEmpty { section("Mises en garde", cautions.map { "- \($0)" }) }
            section("Indicateurs", indicators.map { "- \($0)" })
            section("Sources", ["- \(sourceDocument) : Chapitre 1"])
            return (lines + extraBody).joined(separator: "\n") + "\n"
        }
    }

    static func boost(_ when: String, _ points: Int, _ reason: String) -> Rec.Boost {
        Rec.Boost(when: when, points: points, reason: reason)
    }

    /// The standard set; each recommendation exercises one mechanism of the planner.
    static let standard: [Rec] = [
        // A prerequisite with a low score and a later horizon than the recommendation that depends on it.
        Rec(id: "diagnostic-partage", title: "Établir un diagnostic local de santé partagé", when: "population >= 1",
            priority: 50, horizon: "annee-1", lever: "coordination"),
        // Two boosts; depends on the diagnostic.
        Rec(id: "cpts-soutenir", title: "Soutenir l'émergence d'une CPTS", when: "not cpts and population >= 2000",
            priority: 70,
            boosts: [boost("'acces-aux-soins' in priorities", 15, "l'accès aux soins est une priorité de l'équipe"),
                     boost("density == 'rural-disperse'", 10, "habitat dispersé : l'accès aux soins est critique")],
            horizon: "100-jours", effort: "moyen", after: ["diagnostic-partage"]),
        // Replaced by `cls-renouveler` when both apply.
        Rec(id: "cls-engager", title: "Engager un contrat local de santé", when: "population >= 1000",
            priority: 60, effort: "moyen", lever: "coordination"),
        Rec(id: "cls-renouveler", title: "Renouveler le contrat local de santé", when: "cls == 'en-vigueur'",
            priority: 58, effort: "moyen", lever: "coordination", replaces: ["cls-engager"]),
        // Exclusive pair: the better scored stays (it depends on the population through a boost).
        Rec(id: "clsm-creer", title: "Créer un conseil local de santé mentale", when: "'sante-mentale' in priorities",
            priority: 65, horizon: "mi-mandat", effort: "fort", lever: "coordination", excludes: ["sante-mentale-relais"]),
        Rec(id: "sante-mentale-relais", title: "Former des relais en santé mentale", when: "'sante-mentale' in priorities",
            priority: 55,
            boosts: [boost("population < 3500", 20, "une petite commune s'appuie sur des relais plutôt que sur un CLSM")]),
        // Reads an optional fact without default. Scored 60: a quick act of the first quarter kept for its merit
        // alone needs that much (`Capacity.firstPhaseMerit`).
        Rec(id: "seniors-canicule", title: "Tenir un registre canicule des personnes âgées", when: "share75Plus >= 12",
            priority: 60, horizon: "100-jours"),
        // A conjunction, for explanations.
        Rec(id: "petite-commune-mutualiser", title: "Mutualiser l'ingénierie santé avec l'intercommunalité",
            when: "population < 3500 and density in ['bourg-rural', 'rural-disperse']",
            priority: 45, horizon: "mi-mandat", effort: "moyen", lever: "coordination"),
        // Last horizon; its prerequisite is often replaced, and then ignored.
        Rec(id: "bilan-mandat", title: "Évaluer la politique de santé du mandat", when: "population >= 1",
            priority: 30, horizon: "fin-mandat", lever: "coordination", after: ["cls-engager"]),
    ]

    /// Each recommendation in its own file.
    static func recommendationFiles(_ recs: [Rec]) -> [(path: String, text: String)] {
        recs.map { ($0.path, $0.markdown) }
    }

    static func file(_ path: String, _ text: String) -> RuleFile {
        RuleFile(path: path, bytes: Array(text.utf8))
    }

    /// `sources`, `facts` and `version` replace the fixture's documents, add a register of facts and a version file.
    static func files(_ recommendationFiles: [(path: String, text: String)], definitions: String? = nil,
                      sources: String = sourcesJSON, facts: String? = nil, version: String? = nil) -> RuleFiles {
        RuleFiles(
            vocabulary: file("Rules/vocabulary.json", vocabularyJSON),
            levers: file("Rules/levers.json", leversJSON),
            sources: file("Rules/sources.json", sources),
            version: version.map { file("Rules/version.json", $0) },
            definitions: definitions.map { file(definitionsPath, $0) },
            facts: facts.map { file("Rules/facts.json", $0) },
            recommendations: recommendationFiles.map { file($0.path, $0.text) })
    }

    static let definitionsPath = "Rules/definitions.json"

    static func load(_ recommendationFiles: [(path: String, text: String)], definitions: String? = nil) -> RuleBaseLoader.Result {
        RuleBaseLoader.load(files(recommendationFiles, definitions: definitions))
    }

    static func load(_ recs: [Rec], definitions: String? = nil) -> RuleBaseLoader.Result {
        load(recommendationFiles(recs), definitions: definitions)
    }

    /// A rule base that must load without any diagnostic.
    static func ruleBase(_ recs: [Rec] = standard, definitions: String? = nil) throws -> RuleBase {
        let result = load(recs, definitions: definitions)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.position): \($0.code) \($0.message)" })")
        return try #require(result.ruleBase)
    }

    // MARK: Profiles

    struct ProfileSpec: Sendable {
        var name = "Saint-Petit"
        var kind = "commune"
        var population = 420
        var density = "rural-disperse"
        var cls: String?
        var clsCarrier: String?
        var cpts: Bool?
        var msp: Bool?
        var hospitalRole: String?
        var priorities: [String]?
        var engineeringStaff: Int?
        var share75Plus: Double?
        var intercommunalHealth: Bool?
        var outreMer: String?
        var peakSeason: String?
        var programmes: [String]?
        var plannedProjects: [String]?
        var medicalZoning: String?
        var departement: String?
        var region: String?
        var councils: [String]?

        var json: String {
            var members = [
                "\"name\": \(quote(name))", "\"kind\": \(quote(kind))", "\"population\": \(population)",
                "\"density\": \(quote(density))",
            ]
            if let cls { members.append("\"cls\": \(quote(cls))") }
            if let clsCarrier { members.append("\"clsCarrier\": \(quote(clsCarrier))") }
            if let cpts { members.append("\"cpts\": \(cpts)") }
            if let msp { members.append("\"msp\": \(msp)") }
            if let hospitalRole { members.append("\"hospital\": true, \"hospitalRole\": \(quote(hospitalRole))") }
            if let priorities { members.append("\"priorities\": \(list(priorities))") }
            if let engineeringStaff { members.append("\"engineeringStaff\": \(engineeringStaff)") }
            if let share75Plus { members.append("\"share75Plus\": \(share75Plus)") }
            if let intercommunalHealth { members.append("\"intercommunalHealth\": \(intercommunalHealth)") }
            if let outreMer { members.append("\"outreMer\": \(quote(outreMer))") }
            if let peakSeason { members.append("\"peakSeason\": \(quote(peakSeason))") }
            if let programmes { members.append("\"programmes\": \(list(programmes))") }
            if let plannedProjects { members.append("\"plannedProjects\": \(list(plannedProjects))") }
            if let medicalZoning { members.append("\"medicalZoning\": \(quote(medicalZoning))") }
            if let departement { members.append("\"departement\": \(quote(departement))") }
            if let region { members.append("\"region\": \(quote(region))") }
            if let councils { members.append("\"councils\": \(list(councils))") }
            return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
        }
    }

    /// A small rural commune that put mental health among its priorities.
    static let smallCommune = ProfileSpec(priorities: ["sante-mentale"])

    /// A larger community of communes with a CLS in force, two priorities, two agents and a known share of elderly.
    static let bourg = ProfileSpec(
        name: "Communauté du Bourg", kind: "communaute-de-communes", population: 12_000, density: "bourg-rural",
        cls: "en-vigueur", priorities: ["acces-aux-soins", "sante-mentale"], engineeringStaff: 2, share75Plus: 14)

    static func profile(_ spec: ProfileSpec, in ruleBase: RuleBase) throws -> Profile {
        let (profile, diagnostics) = ProfileLoader.load(Array(spec.json.utf8), file: "profil.json", vocabulary: ruleBase.vocabulary)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.position): \($0.code) \($0.message)" })")
        return try #require(profile)
    }

    static func calendar(_ year: Int, _ month: Int) throws -> MandateCalendar {
        try MandateCalendar(start: YearMonth(year: year, month: month))
    }

    /// Plans `spec` against `recs`, from `start` (December 2026 by default).
    static func plan(
        _ spec: ProfileSpec, recs: [Rec] = standard, start: (Int, Int) = (2026, 12), top: Int? = nil, definitions: String? = nil
    ) throws -> (ruleBase: RuleBase, roadmap: Roadmap) {
        let base = try ruleBase(recs, definitions: definitions)
        let profile = try profile(spec, in: base)
        let roadmap = Planner(ruleBase: base).plan(profile, calendar: try calendar(start.0, start.1), top: top)
        return (base, roadmap)
    }

    // MARK: Text helpers

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quote).joined(separator: ", ") + "]"
    }

    /// The 1-based line and column (in Unicode scalars, like the JSON parser) of the first `needle` in `text`.
    static func location(of needle: String, in text: String, occurrence: Int = 1) -> SourceLocation? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let range = rest.firstRange(of: needle) {
                seen += 1
                if seen == occurrence {
                    let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                    return SourceLocation(line: index + 1, column: column)
                }
                rest = rest[range.upperBound...]
            }
        }
        return nil
    }

    /// Text with line breaks, runs of spaces and no-break spaces collapsed into single spaces, to search wrapped prose.
    static func flattened(_ text: String) -> String {
        text.replacing("\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" })
            .joined(separator: " ")
    }
}

extension Diagnostic {
    /// « file:line:col code message », for failure messages.
    var summary: String { "\(position): \(code) \(message)" }
}

extension Roadmap {
    var ids: [String] { items.map(\.recommendation.id) }

    func item(_ id: String) -> RoadmapItem? { items.first { $0.recommendation.id == id } }

    func leftOutReason(_ id: String) -> LeftOutRecommendation.Reason? {
        notPlaced(id)?.reason
    }

    func phaseID(_ id: String) -> String? { item(id).map { calendar.phases[$0.phaseIndex].id } }
}

extension SourceLocation {
    /// The line and column alone, to compare with a position found in a text whatever the file's name.
    var lineColumn: SourceLocation { SourceLocation(line: line, column: column) }
}
