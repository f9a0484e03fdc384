import Foundation
import MandatSante
@testable import MandatSanteCLI
import RuleKit
import Testing

@Suite("mandat-sante init")
struct InitCommandTests {
    /// The answers of a village in a priority zone, one line per question asked, in vocabulary order. The QPV,
    /// CLS carrier, CLSM, ASV and centre de santé questions are not asked (420 inhabitants, no QPV, no CLS, no
    /// centre de santé), so they have no line.
    static let village = [
        "Saint-Aubin-des-Landes",  // name
        "1",                       // kind: commune
        "",                        // inseeCode: skipped (optional)
        "420",                     // population
        "6",                       // density: rural à habitat dispersé
        "Haute-Loire",             // departement
        "",                        // region: skipped
        "",                        // outreMer: default Hexagone
        "",                        // communeNouvelle: default non (asked: a commune)
        "",                        // seasonalPopulation: skipped (optional)
        "",                        // peakSeason: default « non renseignée »
        "",                        // populationTrend: default « non renseignée »
        "1",                       // medicalZoning: ZIP
        "",                        // cls: default « aucun CLS »
        "n",                       // cpts
        "",                        // cptsProject: default non (asked: no CPTS)
        "non",                     // msp
        "",                        // mspNearby: default non (asked: no MSP, a commune)
        "",                        // centreSante: default non
        "n",                       // hospital
        "",                        // hospitalRole: default aucun
        "",                        // ehpad: default non
        "o",                       // gpDepartures
        "",                        // withoutGpShare: skipped (optional)
        "",                        // specialistShortage: default « non évaluée »
        "",                        // dentistShortage: default « non évaluée »
        "",                        // pharmacy: default « non renseignée » (asked: a commune under 10 000 inhabitants)
        "15,5",                    // share75Plus
        "",                        // povertyRate: skipped
        "", "", "",                // heatExposure, ambroisie, pat
        "n",                       // intercommunalHealth (asked: a commune)
        "1,4",                     // priorities: accès aux soins, bien vieillir
        "",                        // engineeringStaff: skipped (no default: the roadmap estimates it from the population)
        "oui",                     // healthReferent
        "",                        // healthCoordinator
        "",                        // networks
        "2",                       // programmes: Villages d'avenir
        "", "",                    // councils, plannedProjects
    ]

    /// The output with no-break spaces (French typography, « 3 000 ») as ordinary ones, to compare text.
    private func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ")
    }

    /// The output's wrapped lines joined back, to compare sentences wherever they were cut.
    private func unwrapped(_ text: String) -> String {
        plain(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private func vocabulary() throws -> Vocabulary {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Rules/vocabulary.json")))
        let (vocabulary, diagnostics) = VocabularyLoader.load(try JSONParser.parse(bytes), file: "Rules/vocabulary.json")
        #expect(diagnostics.isEmpty)
        return vocabulary
    }

    private func load(_ path: String) throws -> Profile {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let (profile, diagnostics) = ProfileLoader.load(bytes, file: path, vocabulary: try vocabulary())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(profile)
    }

    @Test("un village en ZIP, réponses au clavier : récapitulatif, profil écrit et chargeable, commande de la feuille de route")
    func villageSession() throws {
        let path = try temporaryDirectory().appendingPathComponent("village.json").path
        let result = runCLI(["init", "--output", path], input: Self.village + ["o"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        let output = plain(result.output)
        #expect(output.contains("(1/48) Nom du territoire ?"))
        #expect(output.contains("     1. commune\n     2. communauté de communes\n"))
        #expect(output.contains("    10. mobilités\n"))
        #expect(output.contains("   Tapez le numéro de votre choix, de 1 à 5 ; réponse obligatoire.\n> "))
        #expect(output.contains("   Tapez le numéro de votre choix, de 1 à 4 ; Entrée = 4. zonage inconnu.\n> "))
        #expect(output.contains("   Un nombre entier entre 1 et 3 000 000 habitants ; réponse obligatoire.\n> "))
        #expect(output.contains("   Tapez un ou plusieurs numéros séparés par des virgules, par exemple 1,3,5 ;\n   Entrée = aucun.\n> "))
        #expect(output.contains("Répondez o (oui) ou n (non) ; Entrée = non."))
        #expect(output.contains("RÉCAPITULATIF"))
        #expect(output.contains("  Population : 420 habitants"))
        #expect(output.contains("  Zonage médical de l'ARS : zone d'intervention prioritaire (ZIP)"))
        #expect(output.contains("  Priorités de l'équipe : accès aux soins, bien vieillir et autonomie"))
        #expect(output.contains("  Code INSEE (ou SIREN de l'EPCI) : non renseigné"))
        #expect(output.contains("  Agents capables de porter des projets : non renseigné\n"))
        #expect(output.contains("Ces réponses sont-elles correctes ? (o/n, Entrée = oui)"))
        #expect(output.contains("Profil écrit dans « \(path) »."))
        #expect(output.contains("  swift run mandat-sante roadmap \(path)\n"))
        #expect(output.contains("  mandat-sante roadmap \(path)\n"))

        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"$schema\": \""))
        #expect(written.contains("\"priorities\": [\"acces-aux-soins\", \"bien-vieillir\"]"))
        #expect(!written.contains("inseeCode") && !written.contains("\"qpv\"") && !written.contains("\"clsm\""))
        let keys = written.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\"") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        let names = try vocabulary().factNames
        #expect(keys.first == "$schema")
        #expect(keys.dropFirst() == ArraySlice(names.filter(keys.contains)), "clés dans l'ordre du vocabulaire")

        let profile = try load(path)
        #expect(profile.value("name") == .text("Saint-Aubin-des-Landes"))
        #expect(profile.value("kind") == .text("commune"))
        #expect(profile.value("population") == .number(420))
        #expect(profile.value("density") == .text("rural-disperse"))
        #expect(profile.value("medicalZoning") == .text("zip"))
        #expect(profile.value("share75Plus") == .number(15.5))
        #expect(profile.value("povertyRate") == nil)
        #expect(profile.value("gpDepartures") == .bool(true))
        #expect(profile.value("qpv") == .bool(false))
        #expect(profile.value("priorities") == .set(["acces-aux-soins", "bien-vieillir"]))
        #expect(profile.value("programmes") == .set(["villages-d-avenir"]))
        #expect(profile.statedValue("engineeringStaff") == nil)
        #expect(profile.estimatedFact == "engineeringStaff")
        #expect(!written.contains("engineeringStaff"), "un effectif passé n'est pas écrit : la feuille de route l'estime")

        let roadmap = runCLI(["roadmap", path, "--start", "2026-12"])
        #expect(roadmap.exitCode == 0, "\(roadmap.error)")
        #expect(roadmap.output.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Saint-Aubin-des-Landes"))
        #expect(unwrapped(roadmap.output).contains("(effectif non renseigné, aucun agent supposé pour un territoire de cette taille : le temps des élus suffit à environ une action légère par an)"))
        #expect(unwrapped(roadmap.output).contains("Capacité : effectif non renseigné, aucun agent supposé pour un territoire de cette taille ; environ"))
        let json = runCLI(["roadmap", path, "--start", "2026-12", "--format", "json"])
        #expect(rankedIDs(json.output).contains { $0.id == "cabinet-medical-logement" })
    }

    @Test("les questions sans objet sont passées selon askWhen : pas de QPV, de CLSM ni d'ASV pour un village")
    func askWhenSkipsQuestions() {
        let result = runCLI(["init", "--output", "/tmp/inutilise-\(UUID().uuidString).json"], input: Array(Self.village.prefix(12)))
        let output = plain(result.output)
        #expect(unwrapped(output).contains("(13/48) Question passée — « Au moins un quartier prioritaire de la politique de la ville (QPV) » : posée seulement si « population : au moins 5 000 habitants », ce qui n'est pas le cas ici (population : 420 habitants)."))
        #expect(!output.contains("(13/48) Au moins un quartier prioritaire"))
        #expect(output.contains("(14/48) Zonage médical de l'ARS ?"))
    }

    @Test("une réponse invalide est redemandée avec l'explication ; une grande commune voit les questions QPV et CLSM")
    func invalidAnswersAreAskedAgain() throws {
        let path = try temporaryDirectory().appendingPathComponent("ville.json").path
        let answers = [
            "Ville-sur-Loire",
            "9", "comune", "1",                 // kind: two refusals, then commune
            "",                                 // inseeCode
            "douze", "0", "12,5", "12 400",     // population: three refusals
            "3", "", "",                        // density, departement, region
            "", "", "", "", "",                 // outreMer, communeNouvelle, seasonalPopulation, peakSeason, populationTrend
            "peut-être", "o",                   // qpv: asked now (12 400 inhabitants)
            "2", "", "", "",                    // medicalZoning, cls, cpts, cptsProject (asked: no CPTS)
            "o",                                // clsm: asked (3 500 inhabitants or more)
            "",                                 // asv: asked (a QPV)
            "", "", "", "", "", "", "",         // msp, mspNearby, centreSante, hospital, hospitalRole, ehpad, gpDepartures
            "", "", "",                         // withoutGpShare, specialistShortage, dentistShortage (pharmacy not asked: 12 400 inhabitants)
            "150", "40,5",                      // share75Plus: out of range, then 40,5
            "", "", "", "", "",                 // povertyRate, heatExposure, ambroisie, pat, intercommunalHealth
            "1,14", "1 2",                      // priorities: out of the choices, then two
            "", "", "", "", "", "", "",         // engineeringStaff … plannedProjects
            "o",                                // recap
        ]
        let result = runCLI(["init", "--output", path], input: answers)
        #expect(result.exitCode == 0, "\(result.output)\n\(result.error)")
        let output = plain(result.output)
        #expect(output.contains("✗ « 9 » n'est pas un des choix : les numéros vont de 1 à 5.\n> "))
        #expect(output.contains("✗ « comune » n'est pas un des choix ; vouliez-vous dire « commune » ?"))
        #expect(output.contains("✗ « douze » n'est pas un nombre : tapez des chiffres, par exemple 12 400."))
        #expect(output.contains("✗ 0 est hors limites : la réponse doit être entre 1 et 3 000 000 habitants."))
        #expect(output.contains("✗ « 12,5 » n'est pas un nombre entier."))
        #expect(output.contains("✗ « peut-être » : répondez o (oui) ou n (non)."))
        #expect(output.contains("✗ 150 est hors limites : la réponse doit être entre 0 et 100 %."))
        #expect(output.contains("✗ « 14 » n'est pas un des choix : les numéros vont de 1 à 13."))
        #expect(output.contains("(13/48) Au moins un quartier prioritaire de la politique de la ville (QPV) ?"))
        #expect(output.contains("(21/48) Un atelier santé ville (ASV) fonctionne ?"))
        let profile = try load(path)
        #expect(profile.value("population") == .number(12400))
        #expect(profile.value("qpv") == .bool(true))
        #expect(profile.value("clsm") == .bool(true))
        #expect(profile.value("asv") == .bool(false))
        #expect(profile.value("share75Plus") == .number(40.5))
        #expect(profile.value("priorities") == .set(["acces-aux-soins", "sante-mentale"]))
    }

    @Test("la machine à états, sans console : questions posées, questions passées, réponse refusée qui reste en attente")
    func stateMachine() throws {
        var questionnaire = Questionnaire(vocabulary: try vocabulary())
        var answers = Self.village[...]
        var asked: [String] = [], skipped: [String] = []
        loop: while true {
            switch questionnaire.next() {
            case .finished: break loop
            case .skip(let question): skipped.append(question.fact.name)
            case .ask(let question):
                asked.append(question.fact.name)
                if question.fact.name == "population" {
                    #expect(questionnaire.answer("beaucoup") == .failure(AnswerError("« beaucoup » n'est pas un nombre : tapez des chiffres, par exemple 12\u{A0}400.")))
                    #expect(questionnaire.current == question, "une réponse refusée laisse la question en attente")
                }
                let typed = answers.popFirst()
                _ = try questionnaire.answer(#require(typed)).get()
            }
        }
        #expect(answers.isEmpty)
        #expect(skipped == ["qpv", "clsEnd", "clsCarrier", "clsm", "asv", "centreSanteMunicipal", "centreSanteSituation"])
        #expect(asked.count == Self.village.count)
        #expect(questionnaire.facts.value(of: "qpv", in: questionnaire.vocabulary) == .bool(false), "une question passée prend la valeur par défaut")
        #expect(questionnaire.answers.first { $0.fact.name == "inseeCode" }?.answer == .unstated)
        #expect(questionnaire.answers.first { $0.fact.name == "cls" }?.answer == .value(.text("aucun")))
    }

    @Test("fin de l'entrée au milieu du questionnaire : message en français, code 2, aucun fichier écrit")
    func endOfInputWritesNothing() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("interrompu.json").path
        let result = runCLI(["init", "--output", path], input: ["Saint-Aubin", "1", "", "420"])
        #expect(result.exitCode == 2)
        #expect(result.error.contains("fin de l'entrée avant la fin du questionnaire ; aucun fichier n'a été écrit."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("« n » au récapitulatif : q quitte sans rien écrire, r reprend avec les réponses données proposées par Entrée")
    func recapRefusal() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("village.json").path
        let quit = runCLI(["init", "--output", path], input: Self.village + ["n", "x", "q"])
        #expect(quit.exitCode == 2)
        #expect(quit.output.contains("✗ « x » : tapez r (reprendre) ou q (quitter)."))
        #expect(quit.error.contains("questionnaire abandonné ; aucun fichier n'a été écrit."))
        #expect(!FileManager.default.fileExists(atPath: path))

        let keepAll = Array(repeating: "", count: Self.village.count)
        let again = runCLI(["init", "--output", path], input: Self.village + ["n", "r"] + keepAll + ["o"])
        #expect(again.exitCode == 0, "\(again.error)")
        #expect(plain(again.output).contains("   Entrée = Saint-Aubin-des-Landes.\n> "))
        let profile = try load(path)
        #expect(profile.value("population") == .number(420))
        #expect(profile.value("priorities") == .set(["acces-aux-soins", "bien-vieillir"]))
    }

    @Test("un fichier existant n'est remplacé qu'après confirmation ; sinon un autre chemin ou rien")
    func existingFileNeedsConsent() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("existant.json").path
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = runCLI(["init", "--output", path], input: Self.village + ["o", "n", ""])
        #expect(refused.exitCode == 2)
        #expect(unwrapped(refused.output).contains("Le fichier « \(path) » existe déjà. Le remplacer ? (o/n, Entrée = non)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")

        let other = directory.appendingPathComponent("autre.json").path
        let elsewhere = runCLI(["init", "--output", path], input: Self.village + ["o", "n", other])
        #expect(elsewhere.exitCode == 0, "\(elsewhere.error)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")
        #expect(try load(other).value("population") == .number(420))

        let replaced = runCLI(["init", "--output", path], input: Self.village + ["o", "o"])
        #expect(replaced.exitCode == 0)
        #expect(try load(path).value("name") == .text("Saint-Aubin-des-Landes"))
    }

    @Test("--output dans un dossier inexistant est refusé avant la première question (code 4)")
    func unwritableOutputFailsFirst() {
        let result = runCLI(["init", "--output", "/nulle-part-\(UUID().uuidString)/p.json"], input: Self.village)
        #expect(result.exitCode == 4)
        #expect(result.error.contains("n'existe pas"))
        #expect(!result.output.contains("Nom du territoire"))
    }

    @Test("aide de init et place dans l'aide générale")
    func help() {
        #expect(runCLI(["help", "init"]).output.contains("mandat-sante init [--output FICHIER] [--rules DOSSIER]"))
        #expect(runCLI(["--help"]).output.contains("init [--output FICHIER]"))
        #expect(runCLI(["init", "un-profil.json"]).exitCode == 2)
    }

    struct NumberCase: CustomTestStringConvertible, Sendable {
        var typed: String
        var fact: String
        var expected: Double?
        var testDescription: String { "« \(typed) » pour \(fact)" }
    }

    @Test("nombres à la française", arguments: [
        NumberCase(typed: "12 400", fact: "population", expected: 12400),
        NumberCase(typed: "12\u{A0}400", fact: "population", expected: 12400),
        NumberCase(typed: "12\u{202F}400 habitants", fact: "population", expected: 12400),
        NumberCase(typed: "12,5", fact: "share75Plus", expected: 12.5),
        NumberCase(typed: "12.5 %", fact: "share75Plus", expected: 12.5),
        NumberCase(typed: "12,5", fact: "population", expected: nil),
        NumberCase(typed: "0x10", fact: "population", expected: nil),
        NumberCase(typed: "inf", fact: "share75Plus", expected: nil),
        NumberCase(typed: "100,1", fact: "share75Plus", expected: nil),
    ])
    func frenchNumbers(_ example: NumberCase) throws {
        let fact = try #require(try vocabulary().fact(named: example.fact))
        let result = try? AnswerReader.number(example.typed, for: fact).get()
        #expect(result == example.expected)
    }

    @Test("nom de fichier tiré du nom du territoire, et lien vers le schéma relatif au profil")
    func fileNameAndSchema() {
        #expect(ProfileDocument.fileName(for: "Saint-Étienne-du-Bois (exemple)") == "saint-etienne-du-bois-exemple.json")
        #expect(ProfileDocument.fileName(for: "Communauté de communes Cœur de Loire") == "communaute-de-communes-coeur-de-loire.json")
        #expect(ProfileDocument.fileName(for: "« ! »") == "profil.json")
        #expect(ProfileDocument.schemaReference(profilePath: "Profiles/x.json", rulesDirectory: "Rules", currentDirectory: "/work/main") == "../Rules/schema/profile.schema.json")
        #expect(ProfileDocument.schemaReference(profilePath: "/tmp/x.json", rulesDirectory: "Rules", currentDirectory: "/work/main") == "/work/main/Rules/schema/profile.schema.json")
        #expect(ProfileDocument.shellQuoted("Profiles/ma commune.json") == "'Profiles/ma commune.json'")
    }
}
