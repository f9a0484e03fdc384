import Foundation
@testable import MandatSanteCLI
import Testing

/// What a spreadsheet user gives `batch` and gets from it: French headers and labels, the template, a file saved
/// by a French Excel (Windows-1252), mixed encodings, the errors file, the syntheses alone, the progress line.
@Suite("mandat-sante batch : fichiers de tableur")
struct BatchSpreadsheetTests {
    private func batch(_ input: String, into directory: URL, _ extra: [String] = []) -> RunResult {
        runCLI(["batch", input, "--output-dir", directory.path, "--start", "2026-12"] + extra)
    }

    private func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        try write(Array(text.utf8), name, in: directory)
    }

    private func text(_ name: String, in directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    private func names(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0 != ".mandat-sante-batch" }.sorted()
    }

    /// The same two territories by fact names and ids, and by French labels (any case, accents, short forms).
    static let byIDs = """
    name;kind;population;density;medicalZoning;cpts;priorities;inseeCode
    Bourg de Castel-Aurèle (exemple);commune;2300;bourg-rural;zac;oui;acces-aux-soins|bien-vieillir;23001
    Val d'Ormont (exemple);communaute-de-communes;18000;rural-disperse;zip;non;sante-mentale;241900001

    """
    static let byLabels = """
    Nom du territoire;TYPE DE TERRITOIRE;Population;Catégorie de densité;zonage médical;Une CPTS couvre le territoire;Priorités de l'équipe;Code INSEE
    Bourg de Castel-Aurèle (exemple);Commune;2 300;Bourg rural;Zone d'action complémentaire (ZAC);Oui;Accès aux soins | bien vieillir et autonomie;23001
    Val d'Ormont (exemple);communauté de communes;18000;rural à habitat dispersé;zone d'intervention prioritaire (ZIP);non;santé mentale;241900001

    """

    @Test("en-têtes en libellés français et cellules en libellés : les mêmes fichiers, à l'octet, qu'avec les noms et les identifiants")
    func labelsReadAsIDs() throws {
        let directory = try temporaryDirectory()
        let ids = try write(Self.byIDs, "ids.csv", in: directory)
        let labels = try write(Self.byLabels, "libelles.csv", in: directory)
        let first = batch(ids, into: directory.appendingPathComponent("a"))
        let second = batch(labels, into: directory.appendingPathComponent("b"))
        #expect(first.exitCode == 0 && second.exitCode == 0, "\(first.error)\(second.error)")
        let files = names(in: directory.appendingPathComponent("a"))
        #expect(files == names(in: directory.appendingPathComponent("b")))
        #expect(files.contains("002-bourg-de-castel-aurele-exemple.txt"))
        for name in files where name != "resume.txt" {
            #expect(try text(name, in: directory.appendingPathComponent("a")) == text(name, in: directory.appendingPathComponent("b")), "\(name)")
        }
        let synthesis = try text("synthese.csv", in: directory.appendingPathComponent("b"))
        // The INSEE code always quoted: a spreadsheet told to read quoted fields as text keeps its leading zeros.
        #expect(synthesis.contains("\r\n2;\"23001\";Bourg de Castel-Aurèle (exemple);commune;2300;"))
        #expect(synthesis.contains("\r\n3;\"241900001\";Val d'Ormont (exemple);communauté de communes;18000;"))
    }

    @Test("un en-tête qui peut désigner deux faits, ou deux colonnes pour le même fait : erreur positionnée, code 3, rien d'écrit", arguments: [
        ("name;kind;population;density;au moins un\n", ":1:5: erreur: [csv.colonne-ambigue] colonne 5 : « au moins un » peut désigner deux faits, « au moins un quartier prioritaire de la politique de la ville (QPV) » (qpv) et « au moins un centre de santé (médecins salariés) » (centreSante) ; écrivez le libellé complet ou le nom du fait"),
        ("name;kind;population;density;Population\n", ":1:5: erreur: [csv.colonne-en-double] les colonnes 3 « population » et 5 « Population » désignent le même fait, population (population) ; gardez-en une"),
        ("name;kind;population;density;zonage medicale\n", ":1:5: erreur: [csv.colonne-inconnue] colonne 5 : fait inconnu « zonage medicale » ; les colonnes portent le nom d'un fait du vocabulaire ou son libellé (« mandat-sante batch --modele modele.csv » écrit un modèle)"),
    ])
    func headerProblems(header: String, expected: String) throws {
        let directory = try temporaryDirectory()
        let input = try write(header + "A (exemple);commune;10;bourg-rural;x\n", "t.csv", in: directory)
        let output = directory.appendingPathComponent("out")
        let result = batch(input, into: output)
        #expect(result.exitCode == 3)
        #expect(result.error.contains(input + expected), "\(result.error)")
        #expect(result.error.contains("aucune feuille de route n'a été écrite"))
        #expect(names(in: output).isEmpty)
    }

    @Test("une valeur écrite en libellé avec une faute : « vouliez-vous dire » le bon libellé, à sa ligne et sa colonne")
    func labelSuggestion() throws {
        let directory = try temporaryDirectory()
        let input = try write("name;kind;population;density\nA (exemple);commune;300;rurale à habitat dispersé\nB (exemple);commune;300;bourg rural\n", "t.csv", in: directory)
        let output = directory.appendingPathComponent("out")
        let result = batch(input, into: output)
        #expect(result.exitCode == 3)
        #expect(result.error.contains("\(input):2:4: erreur: [csv.valeur] colonne 4 « density » : valeur inconnue « rurale à habitat dispersé » ; vouliez-vous dire « rural à habitat dispersé » ?"), "\(result.error)")
        #expect(names(in: output).contains("003-b-exemple.txt"))
        let errors = try text("erreurs.csv", in: output)
        // The message holds « ; »: quoted, as RFC 4180 wants.
        #expect(errors.contains("\r\n2;4;A (exemple);csv.valeur;\"colonne 4 « density » : valeur inconnue « rurale à habitat dispersé » ; vouliez-vous dire « rural à habitat dispersé » ?"))
    }

    @Test("une cellule qui ne désigne aucune valeur : le libellé (ou l'identifiant) le plus proche, les valeurs permises en toutes lettres, puis leurs identifiants", arguments: [
        ("communauté de commune", ":2:2: erreur: [csv.valeur] colonne 2 « kind » : valeur inconnue « communauté de commune » ; vouliez-vous dire « communauté de communes » ? (valeurs permises : commune | communauté de communes | communauté d'agglomération | communauté urbaine | métropole ; ou leurs identifiants : commune, communaute-de-communes, communaute-d-agglomeration, communaute-urbaine, metropole)"),
        ("cc", ":2:2: erreur: [csv.valeur] colonne 2 « kind » : valeur inconnue « cc » (valeurs permises : commune | communauté de communes | communauté d'agglomération | communauté urbaine | métropole ; ou leurs identifiants : commune, communaute-de-communes, communaute-d-agglomeration, communaute-urbaine, metropole)"),
        ("métropol", ":2:2: erreur: [csv.valeur] colonne 2 « kind » : valeur inconnue « métropol » ; vouliez-vous dire « métropole » ?"),
        // An id typed with a slip: the id.
        ("metropol", ":2:2: erreur: [csv.valeur] colonne 2 « kind » : valeur inconnue « metropol » ; vouliez-vous dire « metropole » ?"),
    ])
    func unknownValueOffersLabels(cell: String, expected: String) throws {
        let directory = try temporaryDirectory()
        let input = try write("Nom du territoire;Type de territoire;Population;Catégorie de densité\nA (exemple);\(cell);300;bourg rural\n", "t.csv", in: directory)
        let result = batch(input, into: directory.appendingPathComponent("out"))
        #expect(result.exitCode == 3)
        #expect(result.error.contains(input + expected), "\(result.error)")
    }

    @Test("un ensemble en libellés dont une valeur est fautive : le libellé proche, pas l'identifiant")
    func unknownSetMemberOffersLabel() throws {
        let directory = try temporaryDirectory()
        let input = try write("name;kind;population;density;Priorités de l'équipe\nA (exemple);commune;300;bourg rural;accès au soins | santé mentale\n", "t.csv", in: directory)
        let result = batch(input, into: directory.appendingPathComponent("out"))
        #expect(result.exitCode == 3)
        #expect(result.error.contains("\(input):2:5: erreur: [csv.valeur] colonne 5 « priorities » : valeur inconnue « accès au soins » ; vouliez-vous dire « accès aux soins » ? (valeurs permises : accès aux soins | santé mentale |"), "\(result.error)")
    }

    @Test("--modele : en-têtes en français, une ligne d'exemple en libellés, les valeurs permises ; batch le lit tel quel")
    func template() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("modele.csv").path
        let written = runCLI(["batch", "--modele", path])
        #expect(written.exitCode == 0, "\(written.error)")
        #expect(written.error.contains("Modèle écrit dans « \(path) »"))
        let template = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let lines = template.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("\u{FEFF}Nom du territoire;Type de territoire;Code INSEE (ou SIREN de l'EPCI);Population;Catégorie de densité (grille INSEE);"))
        #expect(lines[1].hasPrefix("\"Village de Saint-Aubin (exemple)\";commune;\"00000\";420;rural à habitat dispersé;\"Creuse\";"))
        #expect(lines[1].contains(";zone d'intervention prioritaire (ZIP);"))
        #expect(lines[1].contains(";accès aux soins | bien vieillir et autonomie;"))
        #expect(lines.contains("# Type de territoire (kind) — obligatoire — une valeur parmi : commune | communauté de communes | communauté d'agglomération | communauté urbaine | métropole"))
        #expect(lines.contains { $0.hasPrefix("# Population (population) — obligatoire — nombre entier de 1 à ") })
        #expect(lines.contains("# Zonage médical de l'ARS (medicalZoning) — facultatif — une valeur parmi : zone d'intervention prioritaire (ZIP) | zone d'action complémentaire (ZAC) | hors zonage | zonage inconnu — vide : zonage inconnu"))
        // Read back as it is: one territory, its comment rows skipped.
        let output = directory.appendingPathComponent("out")
        let result = batch(path, into: output)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.contains("1 feuille de route écrite"))
        #expect(names(in: output).contains("002-village-de-saint-aubin-exemple.txt"))
        // To standard output with « - »; with a territories file too, a usage error.
        #expect(runCLI(["batch", "--modele", "-"]).output == template)
        #expect(runCLI(["batch", "x.csv", "--modele", "-"]).exitCode == 2)
    }

    @Test("un fichier enregistré par Excel en Windows-1252 : reconnu en entier, lu juste, avec un avis")
    func windows1252() throws {
        let directory = try temporaryDirectory()
        // « Catégorie de densité » in the header, « Œuilly », « é » and « ’ » (0x92) in the rows.
        var bytes: [UInt8] = Array("Nom du territoire;type;population;Cat".utf8) + [0xE9] + Array("gorie de densit".utf8) + [0xE9] + Array("\r\n".utf8)
        bytes += [0x8C] + Array("uilly-la-For".utf8) + [0xEA] + Array("t (exemple);commune;900;bourg rural\r\n".utf8)
        bytes += Array("L".utf8) + [0x92] + Array("Ha".utf8) + [0xFF] + Array(" (exemple);commune;1200;rural ".utf8) + [0xE0] + Array(" habitat dispers".utf8) + [0xE9] + Array("\r\n".utf8)
        let input = try write(bytes, "excel.csv", in: directory)
        let output = directory.appendingPathComponent("out")
        let result = batch(input, into: output)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.contains("mandat-sante : « \(input) » est en Windows-1252 (l'encodage par défaut d'Excel en français, reconnu à la ligne 1) : il est lu comme tel, en entier"))
        let synthesis = try text("synthese.csv", in: output)
        #expect(synthesis.contains("\r\n2;;Œuilly-la-Forêt (exemple);commune;900;"))
        #expect(synthesis.contains("\r\n3;;L’Haÿ (exemple);commune;1200;"))
        #expect(names(in: output).contains("002-oeuilly-la-foret-exemple.txt"))
        #expect(flattenedText(try text("resume.txt", in: output)).contains("Fichier lu en Windows-1252"))
    }

    @Test("un fichier qui mélange UTF-8 et Windows-1252 : erreur à la cellule en cause, code 3, rien d'écrit, les résultats précédents intacts", arguments: [true, false])
    func mixedEncodings(utf8First: Bool) throws {
        let directory = try temporaryDirectory()
        let utf8Row = Array("Forêt (exemple);commune;900;bourg-rural\n".utf8)
        let latinRow = Array("Pr".utf8) + [0xE9] + Array(" (exemple);commune;900;bourg-rural\n".utf8)
        var bytes = Array("name;kind;population;density\nA (exemple);commune;300;bourg-rural\n".utf8)
        bytes += utf8First ? utf8Row + latinRow : latinRow + utf8Row
        let input = try write(bytes, "mixte.csv", in: directory)
        let output = directory.appendingPathComponent("out")
        #expect(batch(BatchCommandTests.example, into: output).exitCode == 0)
        let before = try text("synthese.csv", in: output)
        let result = batch(input, into: output)
        #expect(result.exitCode == 3)
        let expected = utf8First
            ? "\(input):4:1: erreur: [csv.encodages-melanges] cette cellule n'est pas en UTF-8 (octets 0xE9 0x20 0x28 0x65), alors que le fichier l'est (ligne 3) : il mélange deux encodages et ne peut être lu en entier"
            : "\(input):4:1: erreur: [csv.encodages-melanges] cette cellule est en UTF-8, alors que le fichier est en Windows-1252 (ligne 3) : il mélange deux encodages et ne peut être lu en entier"
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(result.error.contains("le fichier mélange deux encodages ; aucune feuille de route n'a été écrite, les résultats précédents sont intacts."))
        #expect(try text("synthese.csv", in: output) == before)
        #expect(!names(in: output).contains { $0.hasPrefix(".") || $0.contains("-a-exemple") })
    }

    @Test("--syntheses-seulement : les tableaux et le résumé, à l'octet ceux d'un lancement complet, sans fichier par territoire")
    func synthesesOnly() throws {
        let directory = try temporaryDirectory()
        let full = directory.appendingPathComponent("complet")
        let only = directory.appendingPathComponent("syntheses")
        #expect(batch(BatchCommandTests.example, into: full).exitCode == 0)
        let result = batch(BatchCommandTests.example, into: only, ["--syntheses-seulement"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.contains("Synthèses de 12 territoires écrites dans « \(only.path) » (12 lignes lues) : synthese.csv, actions.csv, leviers.csv, erreurs.csv et resume.txt."))
        #expect(names(in: only) == ["actions.csv", "erreurs.csv", "leviers.csv", "resume.txt", "synthese.csv"])
        for table in ["synthese.csv", "actions.csv", "leviers.csv", "erreurs.csv"] {
            #expect(try text(table, in: only) == text(table, in: full), "\(table)")
        }
        #expect(flattenedText(try text("resume.txt", in: only)).contains("sans fichier par territoire (--syntheses-seulement)"))
        // A later full run into the same folder adds the roadmaps; a later syntheses-only run removes them.
        #expect(batch(BatchCommandTests.example, into: only).exitCode == 0)
        #expect(names(in: only).count == 17)
        #expect(batch(BatchCommandTests.example, into: only, ["--syntheses-seulement"]).exitCode == 0)
        #expect(names(in: only).count == 5)
    }

    @Test("la ligne de progression : lignes faites sur le total, pourcentage, temps restant, erreurs ; absente hors terminal")
    func progressLine() throws {
        #expect(BatchProgress.line(rows: 12_345, total: 35_000, errors: 3, elapsed: .seconds(30))
            == "12\u{A0}345 / 35\u{A0}000 lignes (35\u{A0}%) · reste ≈ 56\u{A0}s · 3 erreurs")
        #expect(BatchProgress.line(rows: 1_000, total: 35_000, errors: 0, elapsed: .seconds(10))
            == "1\u{A0}000 / 35\u{A0}000 lignes (2\u{A0}%) · reste ≈ 5\u{A0}min 40\u{A0}s · aucune erreur")
        #expect(BatchProgress.line(rows: 700, total: nil, errors: 1, elapsed: .seconds(3)) == "700 lignes traitées · 1 erreur")
        #expect(BatchProgress.duration(7_300) == "2\u{A0}h 01\u{A0}min")
        // The rows of a file, counted before the run: quoted line breaks and blank lines do not count.
        let directory = try temporaryDirectory()
        let path = try write("name;kind;population;density;description\nA;commune;1;bourg-rural;\"deux\nlignes\"\n\nB;commune;2;bourg-rural;\r\n", "t.csv", in: directory)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        #expect(BatchProgress.countRows(descriptor) == 2)
        #expect(lseek(descriptor, 0, SEEK_CUR) == 0)
        // Standard error is not a terminal here: no progress line, no `\r`.
        let result = batch(BatchCommandTests.example, into: directory.appendingPathComponent("out"))
        #expect(result.exitCode == 0 && !result.error.contains("\r"))
    }
}
