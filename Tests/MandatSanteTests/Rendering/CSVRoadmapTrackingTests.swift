import MandatSante
import RuleKit
import Testing

/// The CSV of a roadmap as a spreadsheet user tracks the plan with it (print29, item 8): when each action starts
/// and why, what follows what, which are page one's decisions, and for whom and when the file was made.
@Suite("Export CSV : les colonnes pour suivre le plan dans un tableur")
struct CSVRoadmapTrackingTests {
    /// The rows of `csv` by column name, read back by the tool's own CSV reader; every record must be whole.
    static func rows(_ csv: String) throws -> (header: [String], rows: [[String: String]]) {
        var reader = CSVReader()
        let events = reader.feed(Array(csv.utf8)) + reader.finish()
        var header: [String] = []
        var rows: [[String: String]] = []
        for event in events {
            switch event {
            case .header(let record): header = record.fields
            case .record(let record): rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
            case .invalid(let line, let errors): Issue.record("ligne \(line) illisible : \(errors)")
            }
        }
        return (header, rows)
    }

    static func row(_ rows: [[String: String]], rank: Int) throws -> [String: String] {
        try #require(rows.first { $0["Rang"] == String(rank) }, "rang \(rank)")
    }

    @Test("l'en-tête : la décision de la page 1, le calendrier et l'enchaînement de la fiche, le territoire et l'édition, le score calculé en dernier")
    func header() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp")
        let (header, rows) = try Self.rows(CSVRoadmapRenderer().render(document))
        #expect(header == ["Rang", "Phase", "Période", "Identifiant", "Action", "Décision de la page 1", "Levier", "Porteur",
                           "Échéance", "Calendrier", "Enchaînement", "Effort", "Coût", "Niveau de preuve",
                           "Effet sur les inégalités", "Pourquoi", "Premiers pas", "Partenaires", "Financements",
                           "Indicateurs", "Sources", "Territoire", "Édition", "Score calculé (priorité de base + bonus)"])
        #expect(rows.map { $0["Rang"] } == document.cards.map { String($0.rank) })
        #expect(rows.map { $0["Score calculé (priorité de base + bonus)"] } == document.cards.map { String($0.score) })
    }

    @Test("petite ville PVD : l'action 7 commence dès maintenant, sans être une décision de la page 1 ; les décisions de la page 1 disent oui ; la fondation le dit dans « Pourquoi »")
    func petiteVille() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp")
        let (_, rows) = try Self.rows(CSVRoadmapRenderer().render(document))
        let decisions = Set(document.synthesis.decisions.map(\.rank))
        for row in rows {
            let rank = try #require(row["Rang"].flatMap { Int($0) })
            #expect(row["Décision de la page 1"] == (decisions.contains(rank) ? "oui" : "non"), "rang \(rank)")
            // The file names whom it is for and when it was made, without the fingerprint an élu cannot read.
            #expect(row["Territoire"] == "Petite ville de Montclar-sur-Vienne (exemple)")
            #expect(row["Édition"] == "Édition de décembre 2026 · MandatSanté \(ToolVersion.current) · base de règles \(try #require(PlanningInvariantTests.ruleBase).version.label)")
        }
        // The Petites Villes de Demain action: its first step now, its deadline carried in its placement line.
        let seven = try Self.row(rows, rank: 7)
        #expect(seven["Identifiant"] == "petites-villes-de-demain-sante")
        #expect(seven["Décision de la page 1"] == "non")
        #expect(seven["Échéance"] == "")
        #expect(Content17Tests.plain(seven["Calendrier"] ?? "").hasPrefix("premier pas dès maintenant, car "), "\(seven)")
        #expect(seven["Calendrier"] == document.card("petites-villes-de-demain-sante")?.placementBrief)
        // The foundations say so, as their cards do; the second follows the first.
        let one = try Self.row(rows, rank: 1)
        #expect(one["Décision de la page 1"] == "oui")
        #expect(Content17Tests.plain(one["Pourquoi"] ?? "") == "décision fondatrice du mandat ; aucun élu référent santé désigné")
        let two = try Self.row(rows, rank: 2)
        #expect(Content17Tests.plain(two["Pourquoi"] ?? "") == "décision fondatrice du mandat")
        #expect(Content17Tests.plain(two["Enchaînement"] ?? "") == "après l'action 1")
        // The seniors' council, which left its mid-mandate room to the school yard due by then (plan30).
        #expect(Content17Tests.plain(try Self.row(rows, rank: 11)["Calendrier"] ?? "").hasPrefix("à partir d'avr. 2029, car d'ici le bilan de mi-mandat la place est prise par "))
    }

    @Test("le CSV dit les lignes de la fiche de la même édition que le document : l'édition détaillée avec --detail")
    func cardLinesFollowTheEdition() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp", detail: true)
        let (_, rows) = try Self.rows(CSVRoadmapRenderer().render(document))
        for card in document.cards {
            let row = try Self.row(rows, rank: card.rank)
            #expect(row["Calendrier"] == (card.placement ?? ""), "\(card.id)")
            // Every reason and every relation, as the detailed card gives them all.
            let plain = { (text: String) in Content17Tests.plain(text.hasSuffix(".") ? String(text.dropLast()) : text) }
            for reason in card.forYou { #expect(plain(row["Pourquoi"] ?? "").contains(plain(reason)), "\(card.id) : \(reason)") }
            for relation in card.relations { #expect(plain(row["Enchaînement"] ?? "").contains(plain(relation)), "\(card.id) : \(relation)") }
        }
    }

    @Test("chaque profil d'exemple : autant de champs sur chaque ligne que dans l'en-tête, aucun saut de ligne dans une cellule, CRLF", arguments: CalibrationReadingTests.examples)
    func everyExampleIsRectangular(name: String) throws {
        let csv = CSVRoadmapRenderer().render(try ExampleSynthesisTests.document(name))
        let (header, rows) = try Self.rows(csv)
        #expect(header.count == CSVRoadmapRenderer.header.count)
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(!rows.isEmpty)
        // One line per action: the only line breaks are the CRLF that end the header and each row.
        #expect(csv.utf8.filter { $0 == 0x0A }.count == rows.count + 1)
        #expect(csv.utf8.filter { $0 == 0x0D }.count == rows.count + 1)
    }
}
