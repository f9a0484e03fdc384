import Foundation
import Testing

@Suite("entrées invalides de roadmap")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var profile: String?
        var arguments: [String]
        var exitCode: Int32
        var fragments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "profil qui n'est pas du JSON", profile: "population: 12\n", arguments: [], exitCode: 3,
             fragments: ["profil.json:1:1: erreur: [json.pas-du-json] ce fichier n'est pas un document JSON : un profil commence par « { »"]),
        Case(name: "virgule en trop", profile: "{\n  \"name\": \"X\",\n}\n", arguments: [], exitCode: 3,
             fragments: ["profil.json:3:1: erreur: [json.syntaxe]", "virgule en trop avant « } »"]),
        Case(name: "fait inconnu avec suggestion", profile: #"{"name": "X", "kind": "commune", "popualtion": 10, "population": 10, "density": "bourg-rural"}"#, arguments: [], exitCode: 3,
             fragments: ["profil.json:1:34: erreur: [faits.inconnu] fait inconnu « popualtion » ; vouliez-vous dire « population » ?"]),
        Case(name: "population négative", profile: #"{"name": "X", "kind": "commune", "population": -5, "density": "bourg-rural"}"#, arguments: [], exitCode: 3,
             fragments: ["[faits.hors-limites] $.population : -5 est hors limites ; un nombre entier entre 1 et 3"]),
        Case(name: "valeur hors vocabulaire", profile: #"{"name": "X", "kind": "commune", "population": 10, "density": "bourg-rural", "medicalZoning": "zpi"}"#, arguments: [], exitCode: 3,
             fragments: ["valeur inconnue « zpi » ; vouliez-vous dire « zip » ?"]),
        Case(name: "type erroné", profile: #"{"name": "X", "kind": "commune", "population": "1200", "density": "bourg-rural"}"#, arguments: [], exitCode: 3,
             fragments: ["$.population : un texte ne convient pas ; un nombre entier entre 1 et"]),
        Case(name: "fait obligatoire manquant", profile: #"{"name": "X", "kind": "commune", "population": 10}"#, arguments: [], exitCode: 3,
             fragments: ["fait obligatoire « density »"]),
        Case(name: "date après la fin du mandat", profile: nil, arguments: ["--start", "2032-04"], exitCode: 2,
             fragments: ["--start 2032-04 est après la fin du mandat"]),
        Case(name: "date mal écrite", profile: nil, arguments: ["--start", "12/2026"], exitCode: 2,
             fragments: ["--start attend un mois au format AAAA-MM"]),
        Case(name: "option inconnue", profile: nil, arguments: ["--fromat", "markdown"], exitCode: 2,
             fragments: ["option inconnue « --fromat » ; vouliez-vous dire « --format » ?"]),
        Case(name: "format inconnu", profile: nil, arguments: ["--format", "pdf"], exitCode: 2,
             fragments: ["format inconnu « pdf »"]),
        Case(name: "--set d'un fait inconnu", profile: nil, arguments: ["--set", "clss=en-vigueur"], exitCode: 2,
             fragments: ["fait inconnu « clss » ; vouliez-vous dire « cls » ?"]),
    ]

    @Test(arguments: cases)
    func badInput(_ testCase: Case) throws {
        let directory = try temporaryDirectory()
        let profilePath: String
        if let profile = testCase.profile {
            profilePath = directory.appendingPathComponent("profil.json").path
            try profile.write(toFile: profilePath, atomically: true, encoding: .utf8)
        } else {
            profilePath = packageRoot + "/Profiles/village-rural-zip.json"
        }
        let output = directory.appendingPathComponent("sortie.txt").path
        let result = runCLI(["roadmap", profilePath, "--output", output] + testCase.arguments)
        #expect(result.exitCode == testCase.exitCode, "\(result.error)")
        for fragment in testCase.fragments {
            #expect(result.error.contains(fragment), "attendu « \(fragment) » dans :\n\(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: output), "rien ne doit être écrit en cas d'erreur")
        #expect(!result.error.contains("Fatal error"))
    }

    @Test("un profil introuvable est une erreur d'entrée-sortie")
    func missingProfile() {
        let result = runCLI(["roadmap", "Profiles/nexiste-pas.json"])
        #expect(result.exitCode == 4)
        #expect(result.error.contains("le profil « Profiles/nexiste-pas.json » introuvable"))
    }

    @Test("une erreur de --output laisse intact le fichier précédent")
    func failedRunKeepsPreviousOutput() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("feuille.txt").path
        try "version précédente".write(toFile: output, atomically: true, encoding: .utf8)
        let result = runCLI(["roadmap", "Profiles/nexiste-pas.json", "--output", output])
        #expect(result.exitCode == 4)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "version précédente")
    }
}
