import MandatSante
import RuleKit
import Testing

/// A profile whose région or département names a place overseas (or in mainland France) that its overseas
/// situation contradicts is refused at the value that says it: a mainland roadmap for La Réunion would name the
/// CPAM, the mainland summer and no vector control.
@Suite("Situation outre-mer et région ou département")
struct OverseasCoherenceTests {
    static func load(_ members: String) throws -> (Profile?, [Diagnostic]) {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let text = "{\n  \"name\": \"Saint-Test\",\n  \"kind\": \"commune\",\n  \"population\": 9000,\n  \"density\": \"petite-ville\",\n  \(members)\n}"
        return ProfileLoader.load(Array(text.utf8), file: "t.json", vocabulary: ruleBase.vocabulary)
    }

    @Test("département d'outre-mer sans situation outre-mer : refusé à la ligne du département")
    func overseasNameWithoutSituation() throws {
        let (profile, diagnostics) = try Self.load("\"departement\": \"La Réunion\"")
        #expect(profile == nil)
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && error.code == "faits.outre-mer")
        #expect(error.position == "t.json:6:18")
        #expect(error.message == "département « La Réunion » : ce territoire relève de la situation outre-mer « La Réunion » (outreMer = reunion), or le profil n'indique pas de situation outre-mer (donc « Hexagone ou Corse ») ; indiquez-la ou corrigez « La Réunion »")
    }

    @Test("région de l'Hexagone avec une situation outre-mer : refusée, les deux valeurs nommées")
    func mainlandRegionOverseas() throws {
        let (profile, diagnostics) = try Self.load("\"region\": \"Auvergne-Rhône-Alpes\",\n  \"outreMer\": \"reunion\"")
        #expect(profile == nil)
        #expect(diagnostics.map(\.message) == ["région « Auvergne-Rhône-Alpes » : ce territoire relève de la situation outre-mer « Hexagone ou Corse » (outreMer = non), or le profil indique « La Réunion » ; corrigez l'une des deux valeurs"])
    }

    @Test("les façons d'écrire un lieu : numéro, sans accents, sans article, tirets ou espaces")
    func spellings() throws {
        for place in ["974", "reunion", "LA REUNION", "la-réunion", "Réunion"] {
            let (profile, diagnostics) = try Self.load("\"departement\": \"\(place)\",\n  \"outreMer\": \"reunion\"")
            #expect(profile != nil && diagnostics.isEmpty, "\(place)")
            #expect(try Self.load("\"departement\": \"\(place)\"").0 == nil, "\(place)")
        }
        #expect(try Self.load("\"departement\": \"2A\",\n  \"outreMer\": \"mayotte\"").0 == nil)
        #expect(try Self.load("\"departement\": \"Côtes d'Armor\",\n  \"outreMer\": \"antilles\"").0 == nil)
    }

    @Test("un lieu que la table ne connaît pas ne dit rien ; une région et un département d'accord passent")
    func unknownOrCoherent() throws {
        for members in ["\"region\": \"region-1\",\n  \"outreMer\": \"guyane\"", "\"departement\": \"Sud\"",
                        "\"departement\": \"Guyane\",\n  \"region\": \"Guyane\",\n  \"outreMer\": \"guyane\"",
                        "\"departement\": \"Saint-Pierre-et-Miquelon\",\n  \"outreMer\": \"saint-pierre-et-miquelon\"",
                        "\"departement\": \"Cantal\",\n  \"region\": \"Auvergne-Rhône-Alpes\""] {
            let (profile, diagnostics) = try Self.load(members)
            #expect(profile != nil && diagnostics.isEmpty, "\(members)")
        }
    }

    @Test("« autre » sans lieu qui nomme Saint-Martin ou Saint-Barthélemy : un avertissement, pas une erreur ; rien pour Saint-Martin ni pour « pacifique »")
    func formerMeaningOfOther() throws {
        let (profile, diagnostics) = try Self.load("\"outreMer\": \"autre\"")
        let loaded = try #require(profile)
        #expect(diagnostics.isEmpty)
        let notices = OverseasCoherence.notices(loaded) { _ in SourceLocation(line: 6, column: 15).placed(in: "t.json") }
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        #expect(notice.severity == .warning && notice.code == "faits.outre-mer-autre")
        #expect(notice.message.contains("pour la Nouvelle-Calédonie, la Polynésie française ou Wallis-et-Futuna, indiquez « pacifique »"))
        for members in ["\"outreMer\": \"autre\",\n  \"region\": \"Saint-Martin\"", "\"outreMer\": \"autre\",\n  \"departement\": \"977\"",
                        "\"outreMer\": \"pacifique\"", "\"outreMer\": \"pacifique\",\n  \"region\": \"Polynésie française\""] {
            let other = try #require(try Self.load(members).0, "\(members)")
            #expect(OverseasCoherence.notices(other) { _ in SourceLocation(line: 1, column: 1) }.isEmpty, "\(members)")
        }
    }


    @Test("un zonage ZIP ou ZAC déclaré dans le Pacifique : un avertissement placé au zonage, qui dit quoi déclarer ; rien ailleurs ni hors zonage")
    func pacificZoning() throws {
        let (profile, diagnostics) = try Self.load("\"outreMer\": \"pacifique\",\n  \"medicalZoning\": \"zip\"")
        let loaded = try #require(profile)
        #expect(diagnostics.isEmpty)
        let notices = OverseasCoherence.notices(loaded) { name in SourceLocation(line: name == "medicalZoning" ? 7 : 6, column: 3).placed(in: "t.json") }
        let notice = try #require(notices.first)
        #expect(notices.count == 1 && notice.severity == .warning && notice.code == "faits.zonage-pacifique")
        #expect(notice.position == "t.json:7:3")
        #expect(notice.message == "medicalZoning « zip » : le zonage médecins des ARS (ZIP, ZAC) n'existe pas dans le Pacifique (Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna), ni les aides à l'installation qui en dépendent ; indiquez « aucun » : un manque de médecins se dit par les départs de médecins, la part d'habitants sans médecin traitant ou la priorité « acces-aux-soins »")
        let form = try #require(OverseasCoherence.notices(loaded, form: true) { _ in SourceLocation(line: 1, column: 1) }.first)
        #expect(form.message.hasPrefix("zonage médical de l'ARS « zone d'intervention prioritaire (ZIP) » : ce zonage des ARS n'existe pas dans le Pacifique"))
        #expect(form.message.contains("Choisissez « hors zonage »"))
        for members in ["\"outreMer\": \"pacifique\",\n  \"medicalZoning\": \"aucun\"", "\"outreMer\": \"pacifique\"",
                        "\"outreMer\": \"reunion\",\n  \"medicalZoning\": \"zac\"", "\"medicalZoning\": \"zip\""] {
            let other = try #require(try Self.load(members).0, "\(members)")
            #expect(OverseasCoherence.notices(other) { _ in SourceLocation(line: 1, column: 1) }.isEmpty, "\(members)")
        }
    }
}
