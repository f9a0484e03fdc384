import Foundation
import Testing

@Suite("mandat-sante batch")
struct BatchCommandTests {
    static let example = "Profiles/territoires-exemple.csv"

    private func batch(_ input: String, into directory: URL, _ extra: [String] = []) -> RunResult {
        runCLI(["batch", input, "--output-dir", directory.path, "--start", "2026-12"] + extra)
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The files of an output folder, but the list a batch keeps of them (`.mandat-sante-batch`).
    private func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != ".mandat-sante-batch" }.sorted()
    }

    private func text(_ name: String, in directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// The rows of a table of the batch split into fields (no field of these tests holds a `;` or a quote), its
    /// header checked.
    private func tableRows(_ name: String, in directory: URL, header: String) throws -> [[String]] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) commence par le BOM UTF-8")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "fins de ligne CRLF")
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == header, "\(lines.first ?? "")")
        return lines.dropFirst().map { $0.components(separatedBy: ";") }
    }

    static let actionsHeader = "ligne;code INSEE;territoire;type;population;rang;phase;période;identifiant;action;levier;porteur;échéance;effort;coût;score"

    /// `synthese.csv`: its rows, its lever titles (columns 7 to 6 + levers).
    private func synthesisRows(in directory: URL) throws -> (rows: [[String]], levers: [String]) {
        let text = String(decoding: try Data(contentsOf: directory.appendingPathComponent("synthese.csv")).dropFirst(3), as: UTF8.self)
        let header = text.components(separatedBy: "\r\n")[0]
        let columns = header.components(separatedBy: ";")
        #expect(Array(columns.prefix(6)) == ["ligne", "code INSEE", "territoire", "type", "population", "actions"])
        #expect(Array(columns.suffix(2)) == ["actions dans l'ordre", "identifiants dans l'ordre"])
        return (try tableRows("synthese.csv", in: directory, header: header), Array(columns.dropFirst(6).dropLast(2)))
    }

    @Test("le fichier d'exemple : une feuille de route par territoire ; synthese.csv une ligne par territoire, cohérente avec actions.csv et leviers.csv ; résumé")
    func exampleFile() throws {
        let directory = try temporaryDirectory().appendingPathComponent("sorties")
        let result = batch(Self.example, into: directory)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.contains("12 feuilles de route écrites dans « \(directory.path) » (12 lignes lues), avec synthese.csv, actions.csv, leviers.csv, erreurs.csv et resume.txt."))

        let names = try files(in: directory)
        #expect(names.count == 17)
        #expect(Set(["synthese.csv", "actions.csv", "leviers.csv", "erreurs.csv", "resume.txt"]).isSubset(of: names))
        #expect(names.contains("002-village-de-sainte-ondine-des-landes-exemple.txt"))
        #expect(names.contains("012-port-sainte-claire-commune-littorale-exemple.txt"))
        #expect(!names.contains { $0.hasPrefix(".") }, "aucun fichier temporaire ne reste")

        let village = try text("002-village-de-sainte-ondine-des-landes-exemple.txt", in: directory)
        #expect(village.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Village de Sainte-Ondine-des-Landes (exemple)"))

        // synthese.csv: one row per territory, in file order.
        let (synthesis, levers) = try synthesisRows(in: directory)
        #expect(synthesis.map { $0[0] } == (2...13).map(String.init))
        #expect(synthesis.allSatisfy { $0.count == 6 + levers.count + 2 })
        let villageRow = synthesis[0]
        #expect(Array(villageRow.prefix(5)) == ["2", "", "Village de Sainte-Ondine-des-Landes (exemple)", "commune", "420"])
        #expect(synthesis.first { $0[2].hasPrefix("Métropole") }?[3] == "métropole")

        // actions.csv: the village's actions are its roadmap's cards, in rank order, with lever, carrier, effort.
        let actions = try tableRows("actions.csv", in: directory, header: Self.actionsHeader)
        let villageActions = actions.filter { $0[0] == "2" }
        let cards = village.components(separatedBy: "\nLES ACTIONS\n").last ?? ""
        let numbered = cards.split(separator: "\n").filter { line in
            line.first == " " && line.dropFirst().first?.isNumber == true && line.dropFirst().prefix { $0 != "." }.allSatisfy(\.isNumber) && line.contains(". ")
        }
        #expect(villageActions.count == numbered.count && !numbered.isEmpty)
        #expect(villageActions.map { $0[5] } == villageActions.indices.map { String($0 + 1) })
        for row in villageActions {
            #expect(flattenedText(village).contains(row[9]), "\(row[9])")
            #expect(levers.contains(row[10]), "levier \(row[10])")
            #expect(!row[11].isEmpty && ["faible", "moyen", "fort"].contains(row[13]), "\(row)")
        }
        #expect(villageActions.first?[6] == "Les trois prochains mois")
        // The synthesis lists the same actions in the same order, and counts them per lever.
        #expect(villageRow[5] == String(villageActions.count))
        #expect(villageRow[6 + levers.count] == villageActions.map { $0[9] }.joined(separator: " | "))
        for (offset, lever) in levers.enumerated() {
            #expect(villageRow[6 + offset] == String(villageActions.filter { $0[10] == lever }.count), "\(lever)")
        }

        // leviers.csv: one row per territory and lever it has actions of, the counts of the synthesis.
        let leverRows = try tableRows("leviers.csv", in: directory, header: "ligne;code INSEE;territoire;type;population;levier;identifiant du levier;actions;rangs")
        #expect(leverRows.count == Set(actions.map { "\($0[0])|\($0[10])" }).count)
        #expect(leverRows.filter { $0[0] == "2" }.map { Int($0[7]) ?? 0 }.reduce(0, +) == villageActions.count)
        #expect(try Data(contentsOf: directory.appendingPathComponent("erreurs.csv")) == Data("\u{FEFF}ligne;colonne;territoire;code;message\r\n".utf8))

        // The summary's first recommendation is the one actions.csv lists for the most territories.
        var counts: [String: Int] = [:]
        var titles: [String: String] = [:]
        for row in actions {
            counts[row[8], default: 0] += 1
            titles[row[8]] = row[9]
        }
        let top = try #require(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first)
        let summary = flattened(try text("resume.txt", in: directory))
        #expect(summary.contains("12 lignes de territoire lues : 12 feuilles de route écrites, 0 ligne en erreur."))
        #expect(summary.contains("1. \(titles[top.key] ?? "?") [\(top.key)] \(top.value) territoires sur 12 (\(Int((Double(top.value) * 100 / 12).rounded())) %)"), "\(summary)")
        #expect(summary.contains("PAR LEVIER"))
    }

    @Test("une ligne fautive est signalée FICHIER:LIGNE:COLONNE, ignorée, les autres écrites, code 3")
    func badRowIsSkipped() throws {
        let directory = try temporaryDirectory()
        let input = try write("""
        name;kind;population;density;cpts
        Bourg A (exemple);commune;2300;bourg-rural;oui
        Bourg B (exemple);commune;douze;bourg-rural;non
        Bourg C (exemple);commune;900;rural-disperse;peut-être
        Bourg D (exemple);commune;1500;rural-disperse;

        """, "territoires.csv", in: directory)
        let output = directory.appendingPathComponent("sorties")
        let result = batch(input, into: output)
        #expect(result.exitCode == 3)
        #expect(result.error.contains("\(input):3:3: erreur: [csv.valeur] colonne 3 « population » : « douze » n'est pas un nombre"))
        #expect(result.error.contains("\(input):4:5: erreur: [csv.valeur] colonne 5 « cpts » : « peut-être » n'est pas un booléen"))
        #expect(result.error.contains("2 feuilles de route écrites"))
        #expect(result.error.contains("(4 lignes lues dont 2 en erreur, ignorées et détaillées dans erreurs.csv)"))
        #expect(try files(in: output) == ["002-bourg-a-exemple.txt", "005-bourg-d-exemple.txt", "actions.csv", "erreurs.csv", "leviers.csv", "resume.txt", "synthese.csv"])
        #expect(try synthesisRows(in: output).rows.map { $0[0] } == ["2", "5"])
        // Every error is in erreurs.csv too: line, column, territory, code, message.
        let errors = try tableRows("erreurs.csv", in: output, header: "ligne;colonne;territoire;code;message")
        #expect(errors.map { Array($0.prefix(4)) } == [["3", "3", "Bourg B (exemple)", "csv.valeur"], ["4", "5", "Bourg C (exemple)", "csv.valeur"]])
        #expect(errors.first?[4].hasPrefix("\"colonne 3 « population » : « douze » n'est pas un nombre") == true)
        #expect(flattened(try text("resume.txt", in: output)).contains("4 lignes de territoire lues : 2 feuilles de route écrites, 2 lignes en erreur"))
    }

    @Test("outreMer « autre » sans Saint-Martin ni Saint-Barthélemy : un avertissement sur stderr, la ligne traitée quand même, code 0")
    func formerOverseasOtherIsNoticed() throws {
        let directory = try temporaryDirectory()
        let input = try write("""
        name;kind;population;density;outreMer;region
        Commune du Pacifique (exemple);commune;9000;petite-ville;autre;
        Marigot (exemple);commune;9000;petite-ville;autre;Saint-Martin

        """, "territoires.csv", in: directory)
        let output = directory.appendingPathComponent("sorties")
        let result = batch(input, into: output)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.contains("\(input):2:5: avertissement: [faits.outre-mer-autre] outreMer « autre » désigne désormais Saint-Martin ou Saint-Barthélemy"))
        #expect(result.error.contains("indiquez « pacifique »"))
        #expect(!result.error.contains("\(input):3:"), "Marigot nomme Saint-Martin : rien à signaler")
        #expect(result.error.contains("2 feuilles de route écrites"))
    }

    @Test("une ligne au mauvais nombre de champs est signalée à sa ligne ; un champ entre guillemets garde sa virgule")
    func malformedRows() throws {
        let directory = try temporaryDirectory()
        let bytes = Array("name,kind,population,density\nA (exemple),commune,100,bourg-rural\nC (exemple),commune,100\n\"D, le bas (exemple)\",commune,100,bourg-rural\n".utf8)
        let input = directory.appendingPathComponent("t.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let result = batch(input, into: directory.appendingPathComponent("out"))
        #expect(result.exitCode == 3)
        #expect(result.error.contains("\(input):3:4: erreur: [csv.nombre-de-champs] 3 champs au lieu des 4 de l'en-tête"))
        #expect(try files(in: directory.appendingPathComponent("out")).contains("004-d-le-bas-exemple.txt"))
    }

    @Test("une ligne du CSV donne exactement la feuille de route du profil JSON équivalent")
    func rowMatchesJSONProfile() throws {
        let directory = try temporaryDirectory()
        let input = try write("""
        \u{FEFF}name;kind;population;density;medicalZoning;cpts;share75Plus;priorities;engineeringStaff;programmes
        "Village de Sainte-Ondine-des-Landes (exemple)";commune;420;rural-disperse;zip;non;15,5;acces-aux-soins|bien-vieillir;1;villages-d-avenir\r

        """, "un.csv", in: directory)
        let profile = try write("""
        { "name": "Village de Sainte-Ondine-des-Landes (exemple)", "kind": "commune", "population": 420,
          "density": "rural-disperse", "medicalZoning": "zip", "cpts": false, "share75Plus": 15.5,
          "priorities": ["acces-aux-soins", "bien-vieillir"], "engineeringStaff": 1, "programmes": ["villages-d-avenir"] }
        """, "profil.json", in: directory)
        let output = directory.appendingPathComponent("out")
        #expect(batch(input, into: output, ["--format", "markdown"]).exitCode == 0)
        let single = runCLI(["roadmap", profile, "--start", "2026-12", "--format", "markdown"])
        #expect(single.exitCode == 0)
        #expect(try text("002-village-de-sainte-ondine-des-landes-exemple.md", in: output) == single.output)
    }

    @Test("--jobs 1 et --jobs 2 écrivent les mêmes fichiers, à l'octet près (fichier d'exemple, vraie base de règles)")
    func sameBytesWhateverTheJobsOnTheExample() throws {
        let base = try temporaryDirectory()
        let one = base.appendingPathComponent("jobs-1")
        let two = base.appendingPathComponent("jobs-2")
        #expect(batch(Self.example, into: one, ["--jobs", "1"]).exitCode == 0)
        #expect(batch(Self.example, into: two, ["--jobs", "2"]).exitCode == 0)
        try expectSameFiles(one, two)
    }

    @Test("2 000 lignes générées (BOM, CRLF, guillemets, retours à la ligne) : tout est écrit, dans l'ordre, identique avec --jobs 1 et --jobs 2")
    func generatedFileStreamsIdentically() throws {
        let base = try temporaryDirectory()
        let rules = try miniatureRules(in: base)
        var csv = "\u{FEFF}name;kind;population;density;cpts;priorities;description\r\n"
        let kinds = ["commune", "communaute-de-communes", "communaute-d-agglomeration"]
        let densities = ["bourg-rural", "rural-disperse", "petite-ville", "ceinture-urbaine"]
        for index in 1...2_000 {
            let name = index % 7 == 0 ? "\"Val \"\"\(index)\"\"; le haut (exemple)\"" : "Territoire \(index) (exemple)"
            let description = index % 11 == 0 ? "\"sur deux\nlignes\"" : ""
            csv += "\(name);\(kinds[index % 3]);\(500 + index * 13);\(densities[index % 4]);\(index % 2 == 0 ? "oui" : "non");\(index % 5 == 0 ? "acces-aux-soins|prevention" : "");\(description)\r\n"
        }
        let input = try write(csv, "grand.csv", in: base)
        let one = base.appendingPathComponent("jobs-1")
        let two = base.appendingPathComponent("jobs-2")
        let first = batch(input, into: one, ["--jobs", "1", "--rules", rules])
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(batch(input, into: two, ["--jobs", "2", "--rules", rules]).exitCode == 0)
        try expectSameFiles(one, two)

        let names = try files(in: one)
        #expect(names.count == 2_005)
        #expect(names.contains("008-val-7-le-haut-exemple.txt"))
        // One synthesis row per territory, in file order (a quoted name with a line break adds a line only).
        let synthesis = try String(contentsOf: one.appendingPathComponent("synthese.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        let lines = synthesis.dropFirst().compactMap { Int($0.prefix { $0 != ";" }) }
        #expect(lines.count == 2_000)
        #expect(lines == lines.sorted() && Set(lines).count == 2_000)
        #expect(flattened(try text("resume.txt", in: one)).contains("2 000 lignes de territoire lues : 2 000 feuilles de route écrites, 0 ligne en erreur."))
    }

    @Test("fichier vide, en-tête seul, colonne manquante ou inconnue : erreur claire, code 3, rien n'est écrit", arguments: [
        ("", "erreur: [csv.vide] fichier vide : une ligne d'en-tête était attendue"),
        ("name;kind;population;density\n", ":2:1: erreur: [csv.aucun-territoire] aucun territoire"),
        ("name;kind;population\nA;commune;10\n", ":1:4: erreur: [csv.colonne-manquante] colonne obligatoire « density »"),
        ("name;kind;popualtion;density\nA;commune;10;bourg-rural\n", ":1:3: erreur: [csv.colonne-inconnue] colonne 3 : fait inconnu « popualtion » ; vouliez-vous dire « population » ?"),
    ])
    func wholeFileErrors(content: String, expected: String) throws {
        let directory = try temporaryDirectory()
        let input = try write(content, "t.csv", in: directory)
        let output = directory.appendingPathComponent("out")
        let result = batch(input, into: output)
        #expect(result.exitCode == 3)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(result.error.contains("aucune feuille de route n'a été écrite"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("synthese.csv").path))
        #expect((try? files(in: output))?.isEmpty ?? true)
    }

    @Test("un lancement qui échoue laisse intacts les résultats précédents")
    func failedRunKeepsEarlierOutputs() throws {
        let directory = try temporaryDirectory()
        let output = directory.appendingPathComponent("out")
        #expect(batch(Self.example, into: output).exitCode == 0)
        let before = try Data(contentsOf: output.appendingPathComponent("synthese.csv"))
        let summary = try Data(contentsOf: output.appendingPathComponent("resume.txt"))
        let headerOnly = try write("name;kind;population;density\n", "vide.csv", in: directory)
        #expect(batch(headerOnly, into: output).exitCode == 3)
        #expect(try Data(contentsOf: output.appendingPathComponent("synthese.csv")) == before)
        #expect(try Data(contentsOf: output.appendingPathComponent("resume.txt")) == summary)
        #expect(!(try files(in: output)).contains { $0.hasPrefix(".") })
    }

    @Test("ligne de commande : fichier introuvable (4), options manquantes ou invalides (2)", arguments: [
        (["batch", "absent.csv", "--output-dir", "/tmp/x"], Int32(4), "fichier des territoires « absent.csv » introuvable"),
        (["batch", "Profiles/territoires-exemple.csv"], Int32(2), "--output-dir DOSSIER manque"),
        (["batch", "--output-dir", "/tmp/x"], Int32(2), "le fichier des territoires manque"),
        (["batch", "Profiles/territoires-exemple.csv", "--output-dir", "/tmp/x", "--jobs", "0"], Int32(2), "--jobs attend un nombre entier entre 1 et 256, pas « 0 »"),
        (["batch", "Profiles/territoires-exemple.csv", "--output-dir", "/tmp/x", "--format", "pdf"], Int32(2), "format inconnu « pdf »"),
    ])
    func commandLineErrors(arguments: [String], code: Int32, expected: String) {
        let result = runCLI(arguments)
        #expect(result.exitCode == code)
        #expect(result.error.contains(expected), "\(result.error)")
    }

    @Test("l'aide de batch documente les conventions des cellules et le code 3")
    func help() {
        let help = runCLI(["help", "batch"]).output
        #expect(help.contains("acces-aux-soins|sante-mentale"))
        #expect(help.contains("oui / non"))
        #expect(help.contains("--jobs N"))
        #expect(help.contains("3 si une ligne au moins est"))
        #expect(runCLI(["--help"]).output.contains("batch TERRITOIRES.csv"))
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80, "ligne trop longue : \(line)")
        }
    }

    // MARK: Helpers

    /// Prose with line breaks, runs of spaces and no-break spaces collapsed, to search wrapped text.
    private func flattened(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    private func expectSameFiles(_ first: URL, _ second: URL) throws {
        let names = try files(in: first)
        #expect(names == (try files(in: second)))
        for name in names {
            let same = try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name))
            #expect(same, "\(name) diffère entre --jobs 1 et --jobs 2")
        }
    }

    /// The real vocabulary, levers and sources with two small recommendations: large files stay fast to plan.
    private func miniatureRules(in directory: URL) throws -> String {
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules.appendingPathComponent("recommendations"), withIntermediateDirectories: true)
        for name in ["vocabulary.json", "levers.json", "sources.json"] {
            try FileManager.default.copyItem(atPath: packageRoot + "/Rules/" + name, toPath: rules.appendingPathComponent(name).path)
        }
        _ = try write("""
        ---
        identifiant: diagnostic-partage
        levier: methode-mandat
        condition: population >= 1
        priorité: 50
        bonus:
          - +10 si 'acces-aux-soins' in priorities : l'accès aux soins est une priorité
        horizon: annee-1
        effort: faible
        porteur: territoire
        ---

        # Établir un diagnostic local de santé partagé

        ## Pourquoi

        Partager un constat avant d'agir.

        ## Premiers pas

        1. Réunir les acteurs.
        2. Écrire le diagnostic.

        ## Partenaires

        - ARS

        ## Indicateurs

        - Diagnostic publié.

        ## Sources

        - livre-blanc-2026 : Chapitre 1

        """, "recommendations/diagnostic-partage.md", in: rules)
        _ = try write("""
        ---
        identifiant: cpts-soutenir
        levier: offre-de-soins
        condition: not cpts and population >= 2000
        priorité: 70
        horizon: 100-jours
        effort: moyen
        porteur: partenaire
        après: diagnostic-partage
        ---

        # Soutenir l'émergence d'une CPTS

        ## Pourquoi

        Coordonner les professionnels.

        ## Premiers pas

        1. Rencontrer les professionnels.
        2. Financer la coordination.

        ## Partenaires

        - CPTS

        ## Indicateurs

        - CPTS créée.

        ## Sources

        - livre-blanc-2026 : Chapitre 2

        """, "recommendations/cpts-soutenir.md", in: rules)
        return rules.path
    }
}
