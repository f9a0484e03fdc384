import MandatSante
import RuleKit
import Testing

@Suite("Chargement des profils")
struct ProfileLoadingTests {
    static func load(_ text: String) throws -> (Profile?, [Diagnostic]) {
        let base = try Fixture.ruleBase()
        return ProfileLoader.load(Array(text.utf8), file: "territoire.json", vocabulary: base.vocabulary)
    }

    /// A valid profile on several lines; each test changes one line.
    static let valid = """
    {
      "name": "Saint-Petit",
      "kind": "commune",
      "population": 420,
      "density": "rural-disperse"
    }
    """

    @Test("un profil valide donne ses faits et les valeurs par défaut")
    func validProfile() throws {
        let (profile, diagnostics) = try Self.load(Self.valid)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(profile)
        #expect(loaded.name == "Saint-Petit")
        #expect(loaded.number("population") == 420)
        #expect(loaded.value("density") == .text("rural-disperse"))
        #expect(loaded.value("cls") == .text("aucun"))
        #expect(loaded.value("cpts") == .bool(false))
        #expect(loaded.value("priorities") == .set([]))
        #expect(loaded.number("engineeringStaff") == 1)
        #expect(loaded.value("share75Plus") == nil)
        #expect(loaded.display("population") == "420\u{00A0}habitants")
        #expect(loaded.display("density") == "rural à habitat dispersé")
        #expect(loaded.file == "territoire.json")
    }

    @Test("les clés $schema et description sont acceptées")
    func metadataKeys() throws {
        let text = """
        {
          "$schema": "../schemas/profil.schema.json",
          "description": "Profil de démonstration",
          "name": "Saint-Petit", "kind": "commune", "population": 420, "density": "rural-disperse"
        }
        """
        let (profile, diagnostics) = try Self.load(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        #expect(profile?.name == "Saint-Petit")
    }

    @Test("une description qui n'est pas un texte est refusée")
    func descriptionMustBeText() throws {
        let text = """
        { "description": 12, "name": "Saint-Petit", "kind": "commune", "population": 420, "density": "rural-disperse" }
        """
        let (profile, diagnostics) = try Self.load(text)
        #expect(profile == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "faits.type")
        #expect(diagnostic.message.contains("« description » doit être un texte"))
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "12", in: text))
    }

    @Test("un fichier qui n'est pas du JSON est signalé à l'endroit de l'erreur")
    func notJSON() throws {
        let text = """
        {
          "name": "Saint-Petit",
          population: 420
        }
        """
        let (profile, diagnostics) = try Self.load(text)
        #expect(profile == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "json.syntaxe")
        #expect(diagnostic.file == "territoire.json")
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 3, column: 3))
        #expect(diagnostic.message.contains("un nom de champ entre guillemets doubles était attendu"))
    }

    @Test("un document qui n'est pas un objet est refusé")
    func notAnObject() throws {
        let (profile, diagnostics) = try Self.load("[1, 2]")
        #expect(profile == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "faits.type")
        #expect(diagnostic.message.contains("un objet JSON était attendu"))
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 1, column: 1))
    }

    struct BadValue: Sendable, CustomTestStringConvertible {
        var line: String
        var replacement: String
        var code: String
        var fragment: String
        /// Where the diagnostic points, as a needle in the replacement line.
        var needle: String
        var testDescription: String { replacement }
    }

    static let badValues: [BadValue] = [
        BadValue(line: "\"population\": 420", replacement: "\"population\": \"mille\"", code: "faits.type",
                 fragment: "$.population : un texte ne convient pas ; un nombre entier entre 1 et 3\u{00A0}000\u{00A0}000 était attendu",
                 needle: "\"mille\""),
        BadValue(line: "\"population\": 420", replacement: "\"population\": 420.5", code: "faits.type",
                 fragment: "$.population : « 420.5 » n'est pas un nombre entier", needle: "420.5"),
        BadValue(line: "\"population\": 420", replacement: "\"population\": -5", code: "faits.hors-limites",
                 fragment: "$.population : -5 est hors limites ; un nombre entier entre 1 et 3\u{00A0}000\u{00A0}000 était attendu",
                 needle: "-5"),
        BadValue(line: "\"population\": 420", replacement: "\"populaton\": 420", code: "faits.inconnu",
                 fragment: "fait inconnu « populaton » ; vouliez-vous dire « population » ?", needle: "\"populaton\""),
        BadValue(line: "\"density\": \"rural-disperse\"", replacement: "\"density\": \"rural-dispers\"", code: "faits.valeur-inconnue",
                 fragment: "$.density : valeur inconnue « rural-dispers » ; vouliez-vous dire « rural-disperse » ? (valeurs permises : urbain, bourg-rural, rural-disperse)",
                 needle: "\"rural-dispers\""),
        BadValue(line: "\"kind\": \"commune\"", replacement: "\"kind\": true", code: "faits.type",
                 fragment: "$.kind : un booléen ne convient pas ; une de ces valeurs était attendue : commune, communaute-de-communes",
                 needle: "true"),
    ]

    @Test("chaque valeur fautive donne son code, son message et sa position", arguments: badValues)
    func badValue(_ bad: BadValue) throws {
        let text = Self.valid.replacing(bad.line, with: bad.replacement)
        #expect(text != Self.valid)
        let (profile, diagnostics) = try Self.load(text)
        #expect(profile == nil)
        let diagnostic = try #require(diagnostics.first { $0.code == bad.code }, "\(diagnostics.map(\.summary))")
        #expect(diagnostic.message.contains(bad.fragment), "\(diagnostic.message)")
        #expect(diagnostic.location.lineColumn == Fixture.location(of: bad.needle, in: text))
        #expect(diagnostic.file == "territoire.json")
    }

    @Test("un fait obligatoire manquant est signalé sur l'objet")
    func missingRequiredFact() throws {
        let text = Self.valid.replacing(",\n  \"density\": \"rural-disperse\"", with: "")
        #expect(!text.contains("density"))
        let (profile, diagnostics) = try Self.load(text)
        #expect(profile == nil)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == "faits.manquant")
        #expect(diagnostic.message.hasPrefix("fait obligatoire « density » (densité) manquant : une de ces valeurs était attendue : urbain, bourg-rural, rural-disperse"))
        #expect(diagnostic.location.lineColumn == SourceLocation(line: 1, column: 1))
    }

    @Test("plusieurs erreurs sont signalées ensemble et triées")
    func severalErrors() throws {
        let text = """
        {
          "name": "Saint-Petit",
          "kind": "village",
          "population": 0,
          "densité": "rural-disperse"
        }
        """
        let (profile, diagnostics) = try Self.load(text)
        #expect(profile == nil)
        #expect(diagnostics == diagnostics.sorted())
        #expect(diagnostics.map(\.code) == ["faits.manquant", "faits.valeur-inconnue", "faits.hors-limites", "faits.inconnu"])
        #expect(diagnostics.map { $0.location.line } == [1, 3, 4, 5])
        #expect(diagnostics.last?.message.contains("vouliez-vous dire « density » ?") == true)
    }

    // MARK: --set

    @Test("--set remplace des valeurs validées comme celles du profil")
    func overrideValid() throws {
        let base = try Fixture.ruleBase()
        let profile = try Fixture.profile(Fixture.smallCommune, in: base)
        let result = ProfileLoader.override(profile, with: ["population=12 000", "cpts=oui", "priorities=acces-aux-soins,prevention", "share75Plus=12,5"])
        let overridden = try result.get()
        #expect(overridden.number("population") == 12_000)
        #expect(overridden.value("cpts") == .bool(true))
        #expect(overridden.value("priorities") == .set(["acces-aux-soins", "prevention"]))
        #expect(overridden.number("share75Plus") == 12.5)
        // The original is untouched.
        #expect(profile.number("population") == 420)
    }

    struct BadOverride: Sendable, CustomTestStringConvertible {
        var assignment: String
        var message: String
        var testDescription: String { assignment }
    }

    static let badOverrides: [BadOverride] = [
        BadOverride(assignment: "populaton=3", message: "fait inconnu « populaton » ; vouliez-vous dire « population » ?"),
        BadOverride(assignment: "population=beaucoup",
                    message: "population : « beaucoup » n'est pas un nombre ; un nombre entier entre 1 et 3\u{00A0}000\u{00A0}000 était attendu"),
        BadOverride(assignment: "population=0",
                    message: "population : 0 est hors limites ; un nombre entier entre 1 et 3\u{00A0}000\u{00A0}000 était attendu"),
        BadOverride(assignment: "cpts=peut-etre", message: "cpts : « peut-etre » n'est pas un booléen ; oui ou non (ou true, false) était attendu"),
        BadOverride(assignment: "density=rural",
                    message: "density : valeur inconnue « rural » (valeurs permises : urbain | bourg rural | rural à habitat dispersé ; ou leurs identifiants : urbain, bourg-rural, rural-disperse)"),
        BadOverride(assignment: "cls", message: "« cls » : la forme fait=valeur était attendue, par exemple cls=en-vigueur"),
    ]

    @Test("--set refuse un fait inconnu, une valeur du mauvais type ou une forme invalide", arguments: badOverrides)
    func overrideInvalid(_ bad: BadOverride) throws {
        let base = try Fixture.ruleBase()
        let profile = try Fixture.profile(Fixture.smallCommune, in: base)
        switch ProfileLoader.override(profile, with: ["cpts=true", bad.assignment]) {
        case .success:
            Issue.record("« \(bad.assignment) » aurait dû être refusé")
        case .failure(let error):
            #expect(error.message == bad.message)
        }
    }
}
