import Testing
import EngineTestSupport
import RuleKit

@Suite("MarkdownReader")
struct MarkdownReaderTests {
    private func read(_ text: String) -> (MarkdownDocument?, [Diagnostic]) {
        MarkdownReader.read(Array(text.utf8), file: "r.md")
    }

    private func codes(_ text: String) -> [String] {
        read(text).1.map(\.code)
    }

    static let sample = """
    ---
    identifiant: cls-engager
    condition : cls == 'aucun' and population >= 3500
    bonus:
      - zone-zip
      - +10 si qpv : quartier prioritaire
    ---

    # Engager un contrat local de santé

    ## Pourquoi

    Le CLS est l'outil
    du dialogue avec l'ARS.

    ## Premiers pas

    1. Rencontrer la délégation
       départementale de l'ARS.
    2. Lancer le diagnostic.

    ## Partenaires

    - ARS

    - CPAM

    ## Exemples

    ### Communauté de communes du Val

    Elle a signé son CLS en 2019.

    """

    @Test func readsHeaderTitleSectionsAndBlocks() throws {
        let (document, problems) = read(Self.sample)
        #expect(problems.isEmpty)
        let parsed = try #require(document)
        #expect(parsed.header.map(\.key.text) == ["identifiant", "condition", "bonus"])
        #expect(parsed.field("identifiant")?.value?.text == "cls-engager")
        #expect(parsed.field("condition")?.value?.text == "cls == 'aucun' and population >= 3500")
        #expect(parsed.field("condition")?.value?.location == SourceLocation(file: "r.md", line: 3, column: 13))
        #expect(parsed.field("bonus")?.value == nil)
        #expect(parsed.field("bonus")?.items.map(\.text) == ["zone-zip", "+10 si qpv : quartier prioritaire"])
        #expect(parsed.field("bonus")?.items.last?.location == SourceLocation(file: "r.md", line: 6, column: 5))
        #expect(parsed.title?.text == "Engager un contrat local de santé")
        #expect(parsed.title?.location == SourceLocation(file: "r.md", line: 9, column: 3))
        #expect(parsed.sections.map(\.heading.text) == ["Pourquoi", "Premiers pas", "Partenaires", "Exemples"])
        let why = parsed.sections[0].blocks
        #expect(why.map(\.kind) == [.paragraph])
        #expect(why[0].items.map(\.text) == ["Le CLS est l'outil du dialogue avec l'ARS."])
        let steps = parsed.sections[1].blocks
        #expect(steps.map(\.kind) == [.numberedList])
        #expect(steps[0].items.map(\.text) == ["Rencontrer la délégation départementale de l'ARS.", "Lancer le diagnostic."])
        // Lists split by a blank line stay one list.
        #expect(parsed.sections[2].blocks.map(\.kind) == [.bulletList])
        #expect(parsed.sections[2].blocks[0].items.map(\.text) == ["ARS", "CPAM"])
        let example = try #require(parsed.sections[3].subsections.first)
        #expect(example.heading.text == "Communauté de communes du Val")
        #expect(example.blocks.first?.items.first?.text == "Elle a signé son CLS en 2019.")
    }

    @Test func positionsInsideJoinedTextMapToTheirLine() throws {
        let parsed = try #require(read(Self.sample).0)
        let item = parsed.sections[1].blocks[0].items[0]
        // « départementale » starts the second line of the first step, indented by three spaces.
        let offset = item.text.unicodeScalars.count - "départementale de l'ARS.".unicodeScalars.count
        #expect(item.location(atOffset: offset) == SourceLocation(file: "r.md", line: 19, column: 4))
        #expect(item.location(atOffset: 3) == SourceLocation(file: "r.md", line: 18, column: 7))
        let condition = try #require(parsed.field("condition")?.value)
        #expect(condition.location(atOffset: 19) == SourceLocation(file: "r.md", line: 3, column: 32))
        #expect(condition.slice(19..<29).text == "population")
        #expect(condition.slice(19..<29).location == SourceLocation(file: "r.md", line: 3, column: 32))
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\nid: a\r\n---\r\n# Titre\r\n## Pourquoi\r\nTexte.\r\n"
        let (document, problems) = read(text)
        #expect(problems.isEmpty)
        #expect(document?.sections.first?.blocks.first?.items.first?.text == "Texte.")
        #expect(document?.title?.location == SourceLocation(file: "r.md", line: 4, column: 3))
    }

    @Test func headerProblems() {
        #expect(codes("# Titre\n") == ["markdown.entete-manquant"])
        #expect(codes("---\nid: a\n# Titre\n") == ["markdown.entete-non-ferme"])
        #expect(read("---\nid: a\n# Titre\n").0?.title?.text == "Titre")
        #expect(codes("---\nid: a\n") == ["markdown.entete-non-ferme", "markdown.titre-manquant"])
        let duplicate = read("---\nid: a\nid: b\n---\n# T\n").1
        #expect(duplicate.map(\.code) == ["markdown.champ-en-double"])
        #expect(duplicate.first?.location == SourceLocation(file: "r.md", line: 3, column: 1))
        #expect(duplicate.first?.notes.map(\.location) == [SourceLocation(file: "r.md", line: 2, column: 1)])
        #expect(codes("---\n  - a\n---\n# T\n") == ["markdown.element-sans-champ"])
        #expect(codes("---\nid: a\n  - b\n---\n# T\n") == ["markdown.element-apres-valeur"])
        #expect(codes("---\nliste:\n  -\n---\n# T\n") == ["markdown.entete-ligne"])
        #expect(codes("---\nliste:\n  - \n---\n# T\n") == ["markdown.element-vide"])
        #expect(codes("---\nclé=valeur: x\n---\n# T\n") == ["markdown.cle-invalide"])
        #expect(codes("---\nniveau de preuve: quelques preuves\n---\n# T\n").isEmpty)
    }

    @Test func bodyProblemsAreEachReportedWhereTheyAre() {
        let text = """
        ---
        id: a
        ---
        Avant le titre.
        # Titre
        Sous le titre.
        ## Pourquoi
        Un paragraphe
        - puis une liste collée.

        * une autre puce
        1) un autre numéro
        > une citation
        ```
        #### trop profond
        #sans espace
        ## Suite
        1. un
        - deux
        # Second titre
        """
        let problems = read(text).1
        #expect(problems.map(\.code) == [
            "markdown.texte-avant-titre", "markdown.texte-hors-section", "markdown.liste-sans-ligne-vide",
            "markdown.marqueur-de-liste", "markdown.marqueur-de-liste", "markdown.non-pris-en-charge",
            "markdown.non-pris-en-charge", "markdown.niveau-de-titre", "markdown.titre-sans-espace",
            "markdown.listes-melangees", "markdown.titre-en-double",
        ])
        #expect(problems.map(\.location.line) == [4, 6, 9, 11, 12, 13, 14, 15, 16, 19, 20])
        #expect(problems[3].arguments == ["marker": "*"])
        #expect(problems[4].arguments == ["marker": "1)"])
        #expect(problems.last?.notes.map(\.location) == [SourceLocation(file: "r.md", line: 5, column: 3)])
    }

    @Test func charactersAndEncoding() {
        let tab = read("---\nid:\ta\n---\n# T\n").1
        #expect(tab.map(\.code) == ["markdown.tabulation"])
        #expect(tab.first?.location == SourceLocation(file: "r.md", line: 2, column: 4))
        let escape = read("---\nid: a\n---\n# T\u{1B}[2J\n").1
        #expect(escape.map(\.code) == ["markdown.caractere-de-controle"])
        #expect(escape.first?.arguments == ["character": "U+001B"])
        var latin1 = Array("---\nid: a\n---\n# Cr".utf8)
        latin1 += [0xE9, 0x65, 0x72, 0x0A]
        let invalid = MarkdownReader.read(latin1, file: "r.md")
        #expect(invalid.document == nil)
        #expect(invalid.problems == [.error("markdown.utf8", at: SourceLocation(file: "r.md", line: 4, column: 5))])
        let utf16 = MarkdownReader.read([0xFF, 0xFE, 0x2D, 0x00], file: "r.md")
        #expect(utf16.problems.map(\.code) == ["markdown.encodage"])
        #expect(utf16.problems.first?.arguments == ["encoding": "UTF-16"])
    }

    @Test func emptyItemsAndHeadings() {
        #expect(codes("---\nid: a\n---\n# T\n## S\n- \n") == ["markdown.element-de-liste-vide"])
        #expect(codes("---\nid: a\n---\n# T\n## \n") == ["markdown.titre-vide"])
        #expect(codes("---\nid: a\n---\n# T\n### Sous\n") == ["markdown.sous-section-hors-section"])
    }

    @Test func locatedTextFromAJSONStringFollowsEscapes() throws {
        let node = try JSONParser.parse(#"  "a\"b c""#)
        let text = try #require(node.locatedText)
        #expect(text.text == "a\"b c")
        #expect(text.location(atOffset: 0) == SourceLocation(line: 1, column: 4))
        #expect(text.location(atOffset: 2) == SourceLocation(line: 1, column: 7))
        #expect(text.location(atOffset: 4) == SourceLocation(line: 1, column: 9))
    }
}
