import MandatSante
import RuleKit
import Testing

@Suite("ligne de CSV → profil")
struct BatchRowTests {
    static let columns = ["name", "kind", "population", "density", "cls", "cpts", "priorities", "engineeringStaff", "share75Plus"]

    private func header(_ names: [String] = columns) throws -> (BatchHeader?, [Diagnostic]) {
        let vocabulary = try Fixture.ruleBase().vocabulary
        return BatchHeader.read(CSVRecord(line: 1, fields: names), file: "t.csv", vocabulary: vocabulary)
    }

    private func convert(_ cells: [String], line: Int = 7) throws -> (Profile?, [Diagnostic]) {
        let ruleBase = try Fixture.ruleBase()
        let columns = try #require(try header().0)
        return BatchRow.profile(CSVRecord(line: line, fields: cells), header: columns, file: "t.csv", vocabulary: ruleBase.vocabulary)
    }

    @Test("oui/non, virgule décimale, espaces de milliers, ensembles séparés par « | », cellules vides")
    func cellConventions() throws {
        let (profile, diagnostics) = try convert(["  Saint-Petit (exemple) ", "commune", "12 400", "bourg-rural", "", "Oui", "acces-aux-soins | sante-mentale", "", "15,5"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let facts = try #require(profile)
        #expect(facts.value("name") == .text("Saint-Petit (exemple)"))
        #expect(facts.value("population") == .number(12_400))
        #expect(facts.value("cpts") == .bool(true))
        #expect(facts.value("priorities") == .set(["acces-aux-soins", "sante-mentale"]))
        #expect(facts.value("share75Plus") == .number(15.5))
        // Empty cells: the default, or unknown for a fact without one.
        #expect(facts.value("cls") == .text("aucun"))
        #expect(facts.value("engineeringStaff") == .number(1))
        let (withoutShare, _) = try convert(["X", "commune", "420", "rural-disperse", "", "non", "", "0", ""])
        #expect(withoutShare?.value("share75Plus") == nil)
        #expect(withoutShare?.value("cpts") == .bool(false))
        #expect(withoutShare?.value("priorities") == .set([]))
    }

    @Test("une cellule fautive est signalée à sa ligne, au numéro de sa colonne, avec le nom de la colonne", arguments: [
        (2, "communes", "7:2: csv.valeur colonne 2 « kind » : valeur inconnue « communes » ; vouliez-vous dire « commune » ?"),
        (3, "douze", "7:3: csv.valeur colonne 3 « population » : « douze » n'est pas un nombre ; un nombre entier entre 1 et 3 000 000 était attendu"),
        (3, "1,5", "7:3: csv.valeur colonne 3 « population » : « 1,5 » n'est pas un nombre entier ; un nombre entier entre 1 et 3 000 000 était attendu"),
        (6, "peut-être", "7:6: csv.valeur colonne 6 « cpts » : « peut-être » n'est pas un booléen ; oui ou non (ou true, false) était attendu"),
        (7, "acces-aux-soins|sante-mentalle", "7:7: csv.valeur colonne 7 « priorities » : valeur inconnue « sante-mentalle » ; vouliez-vous dire « sante-mentale » ?"),
        (7, "prevention|prevention", "7:7: csv.valeur colonne 7 « priorities » : « prevention » figure deux fois"),
        (1, "Saint\u{1B}]52;c;ZXZpbA==\u{7}", "7:1: csv.caractere-de-controle colonne 1 « name » : caractère de contrôle U+001B (échappement) en position 6 : un texte n'en contient pas"),
        (7, "acces-aux-soins||prevention", "7:7: csv.valeur colonne 7 « priorities » : « acces-aux-soins||prevention » contient une valeur vide ; les valeurs se séparent par « | » ou « , », par exemple acces-aux-soins|sante-mentale"),
        (9, "120", "7:9: csv.valeur colonne 9 « share75Plus » : 120 est hors limites ; un nombre entre 0 et 100 était attendu"),
        (1, " ", "7:1: csv.cellule-vide colonne 1 « name » : cellule vide, or ce fait est obligatoire (nom du territoire)"),
        (3, "", "7:3: csv.cellule-vide colonne 3 « population » : cellule vide, or ce fait est obligatoire (population) ; un nombre entier entre 1 et 3 000 000 était attendu"),
    ])
    func cellErrors(column: Int, cell: String, expected: String) throws {
        var cells = ["Saint-Petit", "commune", "420", "rural-disperse", "", "non", "", "1", ""]
        cells[column - 1] = cell
        let (profile, diagnostics) = try convert(cells)
        #expect(profile == nil)
        let printed = diagnostics.map { "\($0.location.line):\($0.location.column): \($0.code) \($0.message)" }
        // The list of allowed values after a suggestion is long: compare up to it.
        #expect(printed.count == 1)
        #expect(printed.first?.hasPrefix(expected.replacing("3 000 000", with: "3\u{00A0}000\u{00A0}000")) == true, "\(printed)")
    }

    @Test("toutes les erreurs d'une ligne sont signalées d'un coup")
    func everyErrorOfARow() throws {
        let (_, diagnostics) = try convert(["", "village", "-3", "rural-disperse", "", "non", "", "x", ""])
        #expect(diagnostics.map { $0.location.column } == [1, 2, 3, 8])
    }

    @Test("en-tête : colonne inconnue (avec suggestion), en double, sans nom, obligatoire manquante")
    func headerErrors() throws {
        let (header, diagnostics) = try header(["name", "kind", "popualtion", "density", "kind", "", "description"])
        #expect(header == nil)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == [
            "1:3 csv.colonne-inconnue", "1:5 csv.colonne-en-double", "1:6 csv.colonne-sans-nom", "1:8 csv.colonne-manquante",
        ])
        #expect(diagnostics[0].message.hasPrefix("colonne 3 : fait inconnu « popualtion » ; vouliez-vous dire « population » ?"))
        #expect(diagnostics[3].message.hasPrefix("colonne obligatoire « population » (population) absente de l'en-tête"))
    }

    @Test("en-tête valide : les colonnes dans n'importe quel ordre, « description » ignorée")
    func headerInAnyOrder() throws {
        let (header, diagnostics) = try header(["density", "description", " population ", "name", "kind"])
        #expect(diagnostics.isEmpty)
        #expect(header?.facts.map { $0?.name } == ["density", nil, "population", "name", "kind"])
    }
}
