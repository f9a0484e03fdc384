import MandatSante
import Testing

@Suite("MarkdownEscaping : une valeur reste du texte")
struct MarkdownEscapingTests {
    @Test("sur une ligne : rien de ce que Markdown interprète ne passe", arguments: [
        ("Saint-Aubin-des-Landes", "Saint-Aubin-des-Landes"),
        ("santé & territoires", "santé & territoires"),
        ("+5 points", "+5 points"),
        ("```", "\\`\\`\\`"),
        ("~~~ barré ~~", "\\~\\~\\~ barré \\~\\~"),
        ("# titre", "\\# titre"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. un", "1\\. un"),
        ("12) douze", "12\\) douze"),
        ("====", "\\===="),
        ("- - -", "\\- - -"),
        ("> citation", "\\> citation"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[clic](http://evil)", "\\[clic\\](http://evil)"),
        ("![x](http://evil/p.png)", "!\\[x\\](http://evil/p.png)"),
        ("&copy; &#169;", "\\&copy; \\&\\#169;"),
        ("a | b", "a \\| b"),
        ("**gras** _it_ `code`", "\\*\\*gras\\*\\* \\_it\\_ \\`code\\`"),
        ("a\\b", "a\\\\b"),
        ("deux\nlignes\n    # et plus", "deux lignes \\# et plus"),
        ("x\r\n- y", "x - y"),
    ])
    func line(value: String, expected: String) {
        #expect(MarkdownEscaping.line(value) == expected)
    }

    @Test("sur plusieurs lignes : sauts de ligne durs, chaque ligne échappée, jamais de bloc de code")
    func block() {
        #expect(MarkdownEscaping.block("Premier\n- second\n    ```\n1. trois") == "Premier\\\n\\- second\\\n\\`\\`\\`\\\n1\\. trois")
        #expect(MarkdownEscaping.block("seul") == "seul")
    }

    @Test("une feuille de route dont le nom est hostile garde sa structure")
    func roadmapStructure() throws {
        var spec = Fixture.bourg
        spec.name = "``` # Titre <b>x</b> [lien](http://evil) | - 1. &amp;"
        let (base, roadmap) = try Fixture.plan(spec)
        let markdown = MarkdownRoadmapRenderer().render(RoadmapPresenter(ruleBase: base).document(roadmap))
        let (plainBase, plainRoadmap) = try Fixture.plan(Fixture.bourg)
        let plain = MarkdownRoadmapRenderer().render(RoadmapPresenter(ruleBase: plainBase).document(plainRoadmap))
        func structure(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                if line.hasPrefix("#") { return String(line.prefix { $0 == "#" }) }
                if line.hasPrefix("- ") { return "-" }
                if line.hasPrefix("|") { return "|" }
                return "."
            }
        }
        #expect(structure(markdown) == structure(plain))
        #expect(markdown.hasPrefix("# Feuille de route santé du mandat — \\`\\`\\` \\# Titre \\<b\\>x\\</b\\> \\[lien\\](http://evil) \\| - 1. \\&amp;\n"))
        #expect(!markdown.contains("<b>"))
    }
}
