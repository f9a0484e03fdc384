import MandatSante
import Testing

@Suite("Rendus texte et Markdown")
struct TextExportTests {
    static func render(_ spec: Fixture.ProfileSpec, _ format: RoadmapFormat, detail: Bool = false,
                       recs: [Fixture.Rec] = Fixture.standard) throws -> String {
        format.renderer.render(try PresentationTests.document(spec, recs: recs, detail: detail))
    }

    @Test("rendus en octets dans un tampon repris d'une feuille de route plus longue : les mêmes octets que le rendu seul", arguments: [RoadmapFormat.text, .markdown, .html, .csv])
    func reusedBuffers(format: RoadmapFormat) throws {
        let long = try PresentationTests.document(Fixture.bourg, detail: true)
        let short = try PresentationTests.document(Fixture.smallCommune)
        let renderer = format.renderer
        for document in [long, short, long, short] {
            #expect(renderer.renderBytes(document) == Array(renderer.render(document).utf8))
        }
    }

    @Test("le texte ne dépasse jamais 80 caractères par ligne", arguments: [Fixture.smallCommune, Fixture.bourg])
    func textWidth(spec: Fixture.ProfileSpec) throws {
        for detail in [false, true] {
            for line in try Self.render(spec, .text, detail: detail).split(separator: "\n") {
                #expect(line.unicodeScalars.count <= TextRoadmapRenderer.width, "« \(line) »")
            }
        }
    }

    @Test("à la coupure des lignes, « : », « ; », « ! » et « ? » restent sur la ligne du mot qui les précède")
    func highPunctuationNeverStartsALine() {
        // Each sentence puts its sign right where an 80-column break would fall.
        for sign in [":", ";", "!", "?"] {
            let text = String(repeating: "mot ", count: 15) + "coupure \(sign) suite de la phrase"
            let lines = TextWrapper.wrap(text, width: 68)
            #expect(lines.count == 2, "\(lines)")
            #expect(lines.allSatisfy { !$0.hasPrefix(sign) && !$0.hasSuffix("coupure") }, "\(lines)")
        }
        // A sign glued to its word, or inside a word (« 10:30 »), changes nothing.
        #expect(TextWrapper.wrap("a: b 10:30", width: 80) == ["a: b 10:30"])
    }

    @Test("le texte s'ouvre sur la synthèse pour l'exécutif, puis les actions, à envisager ensuite, le portrait et les sources")
    func textOrder() throws {
        let text = try Self.render(Fixture.bourg, .text)
        let headings = ["SYNTHÈSE POUR L'EXÉCUTIF", "Ce qui oriente la feuille de route", "Les décisions à prendre d'abord",
                        "Le calendrier", "LES ACTIONS", "PORTRAIT DU TERRITOIRE", "SOURCES CITÉES"]
        let positions = try headings.map { try #require(text.firstRange(of: $0), "\($0)").lowerBound }
        #expect(positions == positions.sorted())
        let flat = Fixture.flattened(text)
        #expect(flat.contains("3. Soutenir l'émergence d'une CPTS La communauté de communes · effort moyen Pourquoi"))
        // The last phase, after the mid-mandate review, in outline: one first step, no partners.
        #expect(flat.contains("Actions à préciser au bilan de mi-mandat"))
        #expect(flat.contains("5. Renouveler le contrat local de santé La communauté de communes · effort moyen"))
        #expect(!flat.contains("2. Écrire un plan d'action partagé. Partenaires : ARS (délégation départementale) Sources : [1] 6."))
        // A relation to an action of the roadmap names it by its number: its title is a few lines above.
        #expect(flat.contains("Enchaînement : après l'action 2 Enjeu"))
        #expect(!flat.contains("(rang 2)"))
        // In outline, the deferral says what holds its place only where an action scored lower than it does and took
        // it (the detailed edition gives every cause): 2027 is loaded beyond what the diagnostic (rank 2) frees, and
        // better scored actions hold the months up to the review (session 37).
        #expect(flat.contains("Calendrier : à partir d'avr. 2029, car jusque-là le temps de l'équipe est déjà pris Enjeu"))
        #expect(!flat.contains("Calendrier : Après"))
        #expect(flat.contains("Sources : [1]"))
        #expect(flat.contains("[1] Livre blanc (Éditeur d'essai, juillet 2026). https://example.org/livre-blanc"))
        // No command line in a document meant for elected officials.
        #expect(!text.contains("mandat-sante"))
    }

    @Test("sans --detail, ni score ni annexe ; avec, le score de chaque action et la liste complète des non retenues")
    func detail() throws {
        let short = try Self.render(Fixture.bourg, .text)
        #expect(!short.contains("Score :"))
        #expect(!short.contains("ANNEXE"))
        let full = try Self.render(Fixture.bourg, .text, detail: true)
        #expect(Fixture.flattened(full).contains("Score : 70 (priorité de base) + 15 (l'accès aux soins est une priorité de l'équipe) = 85"))
        #expect(full.contains("ANNEXE : RECOMMANDATIONS NON RETENUES, ET POURQUOI"))
        // In full, every card whole: its lever, every step, no phase in outline.
        #expect(Fixture.flattened(full).contains("période : mars 2027 – déc. 2027 · effort moyen · levier : Offre de soins"))
        #expect(!full.contains("Actions à préciser au bilan de mi-mandat"))
        #expect(Fixture.flattened(full).contains("Engager un contrat local de santé [cls-engager] — remplacée par « Renouveler le contrat local de santé »"))
    }

    @Test("le Markdown échappe ce qui vient du profil : un nom ne devient ni titre, ni liste, ni lien")
    func markdownEscapes() throws {
        var spec = Fixture.bourg
        spec.name = "# Bourg *gras* [lien](x) | colonne"
        let markdown = try Self.render(spec, .markdown)
        #expect(markdown.hasPrefix("# Feuille de route santé du mandat — \\# Bourg \\*gras\\* \\[lien\\](x) \\| colonne\n"))
        // A value that starts like a list item or a numbered line stays text.
        #expect(MarkdownRoadmapRenderer().inline("- liste") == "\\- liste")
        #expect(MarkdownRoadmapRenderer().inline("12. point") == "12\\. point")
    }

    @Test("le Markdown donne la synthèse en tableau et une section par action")
    func markdownContent() throws {
        let markdown = try Self.render(Fixture.bourg, .markdown)
        #expect(markdown.contains("## Synthèse pour l'exécutif"))
        #expect(markdown.contains("| N° | Décision | Porteur | Quand | Effort | Coût | Financement |"))
        #expect(markdown.contains("| 3 | Soutenir l'émergence d'une CPTS | la communauté de communes | d'ici déc. 2027 | moyen | — | — |"))
        #expect(markdown.contains("#### 3. Soutenir l'émergence d'une CPTS"))
        #expect(markdown.contains("## À envisager ensuite") == false)
    }
}
