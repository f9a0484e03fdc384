import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("VocabularyLoader")
struct VocabularyLoaderTests {
    private func load(_ text: String) throws -> (Vocabulary, [Diagnostic]) {
        VocabularyLoader.load(try JSONParser.parse(text), file: "vocabulaire.json")
    }

    @Test func loadsFactsWithTheirTypesChoicesAndDefaults() throws {
        let (vocabulary, diagnostics) = try load("""
        {
          "facts": [
            {"name": "population", "type": "int", "label": "population", "required": true, "min": 1, "max": 3000000, "unit": "habitants"},
            {"name": "density", "type": "enum", "label": "densité", "default": "rural",
             "values": [{"id": "urbain", "label": "zone urbaine"}, {"id": "rural", "label": "zone rurale"}]},
            {"name": "qpv", "type": "bool", "label": "un QPV", "falseLabel": "pas de QPV", "default": false,
             "askWhen": "population >= 5000", "help": "Quartier prioritaire."}
          ]
        }
        """)
        #expect(diagnostics.isEmpty)
        #expect(vocabulary.factNames == ["population", "density", "qpv"])
        let population = try #require(vocabulary.fact(named: "population"))
        #expect(population.type == .int)
        #expect(population.required)
        #expect(population.minimum == 1)
        #expect(population.maximum == 3_000_000)
        #expect(population.unit == "habitants")
        #expect(population.location == loc(3, 5))
        let density = try #require(vocabulary.fact(named: "density"))
        #expect(density.choices == [Fact.Choice(id: "urbain", label: "zone urbaine"), Fact.Choice(id: "rural", label: "zone rurale")])
        #expect(density.defaultValue == .text("rural"))
        #expect(density.label(ofChoice: "urbain") == "zone urbaine")
        #expect(density.label(ofChoice: "ailleurs") == "ailleurs")
        let qpv = try #require(vocabulary.fact(named: "qpv"))
        #expect(qpv.falseLabel == "pas de QPV")
        #expect(qpv.defaultValue == .bool(false))
        #expect(qpv.askWhen == "population >= 5000")
        #expect(qpv.help == "Quartier prioritaire.")
        #expect(!qpv.required)
        #expect(vocabulary.slot(of: "qpv") == 2)
        #expect(FactValues(defaultsOf: vocabulary).slots == [nil, .text("rural"), .bool(false)])
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let (vocabulary, diagnostics) = try load("""
        {
          "facts": [
            {"name": "a", "type": "numbr", "label": "A"},
            {"name": "b", "type": "enum", "label": "B"},
            {"name": "c", "type": "bool", "label": "C", "askWhen": "c and d > 'x'"},
            {"name": "c", "type": "bool", "label": "C2"},
            {"name": "d", "type": "int", "label": "D", "min": 0, "max": 10, "default": 20},
            {"name": "e", "type": "text", "lable": "E"},
            {"name": "f", "type": "set", "label": "F", "values": [{"id": "x"}, 3]}
          ],
          "extra": 1
        }
        """)
        let found = diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code)] \($0.message)" }
        #expect(found == [
            "11:3 [json.champ-inconnu] champ inconnu « extra » dans le vocabulaire",
            "3:27 [vocabulaire.type-inconnu] type inconnu « numbr » pour le fait « a » ; vouliez-vous dire « number » ?",
            "4:5 [vocabulaire.valeurs-manquantes] le fait « b » de type enum doit lister ses valeurs dans « values »",
            "6:5 [vocabulaire.doublon] le fait « c » est déclaré deux fois",
            "7:80 [faits.hors-limites] default : 20 est hors limites ; un nombre entier entre 0 et 10 était attendu",
            "8:5 [json.champ-manquant] champ obligatoire « label » manquant dans un fait du vocabulaire",
            "8:35 [json.champ-inconnu] champ inconnu « lable » dans un fait du vocabulaire ; vouliez-vous dire « label » ?",
            "9:59 [json.champ-manquant] champ obligatoire « label » manquant dans une valeur du fait « f »",
            "9:72 [json.type] une valeur du fait « f » doit être un objet JSON, pas un nombre",
            "9:5 [vocabulaire.valeurs-manquantes] le fait « f » de type set doit lister ses valeurs dans « values »",
            "5:5 [expression.type] dans « askWhen » du fait « c » : « > » compare des nombres, or « 'x' » est de type texte",
        ])
        #expect(vocabulary.factNames == ["b", "c", "d", "f"])
    }

    @Test func rootMustBeAnObjectWithFacts() throws {
        let (vocabulary, diagnostics) = try load("[]")
        #expect(vocabulary.facts.isEmpty)
        #expect(diagnostics.map(\.message) == ["le vocabulaire doit être un objet JSON, pas une liste"])
        let (_, missing) = try load("{}")
        #expect(missing.map(\.message) == ["champ obligatoire « facts » manquant dans le vocabulaire"])
    }

    @Test("un fait numérique déclare ses deux bornes, dans l'ordre, finies pour les lecteurs")
    func numericBounds() throws {
        let (_, diagnostics) = try load("""
        {"facts": [
          {"name": "a", "type": "number", "label": "a", "min": 0},
          {"name": "b", "type": "int", "label": "b"},
          {"name": "c", "type": "number", "label": "c", "min": 10, "max": 1},
          {"name": "d", "type": "number", "label": "d", "min": 0, "max": 1e308},
          {"name": "e", "type": "number", "label": "e", "min": 0, "max": 100}
        ]}
        """)
        #expect(diagnostics.map { "\($0.location.line) [\($0.code)] \($0.message)" } == [
            "2 [vocabulaire.bornes] le fait numérique « a » doit déclarer « max » : une valeur sans limite ne peut pas être vérifiée",
            "3 [vocabulaire.bornes] le fait numérique « b » doit déclarer « min » et « max » : une valeur sans limite ne peut pas être vérifiée",
            "4 [vocabulaire.bornes] le fait « c » a « min » (10) plus grand que « max » (1) : aucune valeur n'est possible",
            "5 [vocabulaire.bornes] les bornes du fait « d » dépassent 10^15 en valeur absolue",
        ])
    }

    @Test("multiline : seulement pour un texte")
    func multiline() throws {
        let (vocabulary, diagnostics) = try load("""
        {"facts": [
          {"name": "notes", "type": "text", "label": "notes", "multiline": true},
          {"name": "name", "type": "text", "label": "nom"},
          {"name": "flag", "type": "bool", "label": "drapeau", "multiline": true}
        ]}
        """)
        #expect(vocabulary.fact(named: "notes")?.multiline == true)
        #expect(vocabulary.fact(named: "name")?.multiline == false)
        #expect(diagnostics.map(\.message) == ["« multiline » ne vaut que pour un fait de type text, pas pour « flag » (bool)"])
    }

    @Test("un caractère de contrôle dans un texte du vocabulaire est signalé à sa place")
    func controlCharacterInALabel() throws {
        let (_, diagnostics) = try load(#"{"facts": [{"name": "n", "type": "text", "label": "nom\u001b[2J"}]}"#)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) [\($0.code)] \($0.message)" } == [
            "1:55 [json.caractere-de-controle] caractère de contrôle U+001B (échappement) dans « label » : un texte de la base de règles n'en contient pas",
        ])
    }
}
