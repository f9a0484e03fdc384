import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("DiagnosticPrinter")
struct DiagnosticPrinterTests {
    private func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    @Test func rendersAnExpressionErrorInsideAJSONFile() throws {
        let source = """
        {
          "id": "cls-engager",
          "when": "population = 3"
        }
        """
        let root = try JSONParser.parse(source)
        let when = try #require(root["when"]?.value)
        guard case .string(let expression) = when.value else {
            Issue.record("expected a string")
            return
        }
        let error = try #require(parseError(expression))
        let diagnostic = Diagnostic.error(error.code, error.message, file: "regles.json", at: when.locationInString(offset: error.range.lowerBound))
        let printer = DiagnosticPrinter(sources: ["regles.json": source])
        #expect(printer.render(diagnostic) == """
        regles.json:3:23: erreur: [expression.operateur-inconnu] opérateur inconnu « = » ; vouliez-vous dire « == » ?
              "when": "population = 3"
            \(spaces(22))^
        """)
    }

    @Test func caretCountsAccentedCharactersAsOneColumn() throws {
        let source = #"{"écho": "à côté", "nombre": 01}"#
        let error = try #require(jsonError(source))
        #expect(error.location == loc(1, 30))
        let rendered = DiagnosticPrinter(sources: ["données.json": source]).render(error.diagnostic(file: "données.json"))
        #expect(rendered == """
        données.json:1:30: erreur: [json.syntaxe] un nombre JSON ne commence pas par un zéro inutile
            {"écho": "à côté", "nombre": 01}
            \(spaces(29))^
        """)
        // The caret is under the « 0 » when the lines are read scalar by scalar.
        let lines = rendered.split(separator: "\n").map { Array(String($0).unicodeScalars) }
        let caret = try #require(lines[2].firstIndex(of: "^"))
        #expect(lines[1][caret] == "0")
    }

    @Test func caretUnderAnErrorAfterAnEscapeAndAnAccent() throws {
        let source = #"""
        {
          "when": "name == 'Cr\u00e9teil' and cpts = 1"
        }
        """#
        let when = try #require(try JSONParser.parse(source)["when"]?.value)
        guard case .string(let expression) = when.value else {
            Issue.record("expected a string")
            return
        }
        #expect(expression == "name == 'Créteil' and cpts = 1")
        let error = try #require(parseError(expression))
        #expect(error.range == 27..<28)
        let location = when.locationInString(offset: error.range.lowerBound)
        #expect(location == loc(2, 44))
        let rendered = DiagnosticPrinter(sources: ["r.json": source]).render(.error(error.code, error.message, file: "r.json", at: location))
        let lines = rendered.split(separator: "\n").map { Array(String($0).unicodeScalars) }
        let caret = try #require(lines[2].firstIndex(of: "^"))
        #expect(lines[1][caret] == "=")
        #expect(caret == 4 + 43)
    }

    @Test func withoutSourceOrLocation() {
        let printer = DiagnosticPrinter()
        #expect(printer.render(.error("faits.inconnu", "fait inconnu « x »", file: "p.json", at: loc(2, 5)))
            == "p.json:2:5: erreur: [faits.inconnu] fait inconnu « x »")
        #expect(printer.render(.error("fichier.introuvable", "fichier introuvable", file: "p.json"))
            == "p.json: erreur: [fichier.introuvable] fichier introuvable")
    }

    @Test func warningWithNotes() {
        let source = "{\n  \"a\": 1\n}"
        let diagnostic = Diagnostic.warning("graphe.cycle", "dépendances circulaires", file: "r.json", at: loc(2, 3),
                                            notes: ["a → b → a", "retirez l'une des deux dépendances"])
        #expect(DiagnosticPrinter(sources: ["r.json": source]).render(diagnostic) == """
        r.json:2:3: avertissement: [graphe.cycle] dépendances circulaires
              "a": 1
              ^
            note : a → b → a
            note : retirez l'une des deux dépendances
        """)
    }

    @Test func tabsAreShownAsOneSpaceLikeTheyAreCounted() throws {
        let source = "{\n\t\"a\": 01\n}"
        let error = try #require(jsonError(source))
        #expect(error.location == loc(2, 7))
        #expect(DiagnosticPrinter(sources: ["t.json": source]).render(error.diagnostic(file: "t.json")) == """
        t.json:2:7: erreur: [json.syntaxe] un nombre JSON ne commence pas par un zéro inutile
             "a": 01
            \(spaces(6))^
        """)
    }

    @Test func windowsLineEndingsAreNotQuoted() throws {
        let source = "{\r\n  \"a\": 01\r\n}\r\n"
        let error = try #require(jsonError(source))
        #expect(error.location == loc(2, 8))
        let rendered = DiagnosticPrinter(sources: ["w.json": source]).render(error.diagnostic(file: "w.json"))
        #expect(rendered.split(separator: "\n").map(String.init) == [
            "w.json:2:8: erreur: [json.syntaxe] un nombre JSON ne commence pas par un zéro inutile",
            "      \"a\": 01",
            "    \(spaces(7))^",
        ])
    }

    @Test func lineOutsideTheFileIsNotQuoted() {
        let printer = DiagnosticPrinter(sources: ["r.json": "{}\n"])
        #expect(printer.render(.error("x", "m", file: "r.json", at: loc(5, 1))) == "r.json:5:1: erreur: [x] m")
        #expect(printer.render(.error("x", "m", file: "autre.json", at: loc(1, 1))) == "autre.json:1:1: erreur: [x] m")
    }

    @Test func longLinesAreClippedAroundTheCaret() {
        let line = (0..<300).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) }.joined()
        let rendered = DiagnosticPrinter(sources: ["m.json": line]).render(.error("x", "m", file: "m.json", at: loc(1, 200)))
        let lines = rendered.split(separator: "\n").map { Array(String($0).unicodeScalars) }
        #expect(lines.count == 3)
        // « … », a 100-scalar window, « … », after the 4-space indent.
        #expect(lines[1].count == 4 + 1 + 100 + 1)
        #expect(lines[1][4] == "…")
        #expect(lines[1].last == "…")
        let caret = lines[2].count - 1
        #expect(lines[2][caret] == "^")
        #expect(lines[1][caret] == Array(line.unicodeScalars)[199])
        // A caret near the start: no leading ellipsis.
        let start = DiagnosticPrinter(sources: ["m.json": line]).render(.error("x", "m", file: "m.json", at: loc(1, 3)))
        let startLines = start.split(separator: "\n").map(String.init)
        #expect(startLines[1] == "    " + String(line.prefix(100)) + "…")
        #expect(startLines[2] == "      ^")
    }

    @Test func rendersSeveralDiagnosticsInOrder() {
        let printer = DiagnosticPrinter()
        let diagnostics: [Diagnostic] = [
            .error("a", "premier", file: "f.json", at: loc(1, 1)),
            .warning("b", "second", file: "f.json"),
        ]
        #expect(printer.render(diagnostics) == "f.json:1:1: erreur: [a] premier\nf.json: avertissement: [b] second")
    }

    @Test("des fins de ligne CR seules (Mac d'autrefois) : chaque erreur à sa ligne, la ligne citée")
    func carriageReturnOnlyLines() throws {
        let source = "{\r  \"a\": 1,\r  \"b\": 01\r}"
        let error = try #require(jsonError(source))
        #expect(error.location == loc(3, 8))
        #expect(DiagnosticPrinter(sources: ["m.json": source]).render(error.diagnostic(file: "m.json")) == """
        m.json:3:8: erreur: [json.syntaxe] un nombre JSON ne commence pas par un zéro inutile
              "b": 01
            \(spaces(7))^
        """)
    }

    @Test("les caractères de contrôle du message, du nom de fichier, de la ligne citée et des notes sont rendus visibles")
    func controlCharactersAreNeutralized() {
        let source = "{\"x\u{1B}]0;titre\u{7}\": 1}"
        let diagnostic = Diagnostic.error("faits.inconnu", "fait inconnu « x\u{1B}[2J »", file: "p\u{1B}[31m.json", at: loc(1, 2),
                                          notes: ["note \u{9B}6n \u{202E}fdp.exe"])
        let rendered = DiagnosticPrinter(sources: ["p\u{1B}[31m.json": source]).render(diagnostic)
        #expect(rendered == """
        p␛[31m.json:1:2: erreur: [faits.inconnu] fait inconnu « x␛[2J »
            {"x␛]0;titre␇": 1}
             ^
            note : note ‹U+009B›6n ‹U+202E›fdp.exe
        """)
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("au plus 100 diagnostics imprimés, puis combien d'autres")
    func boundedNumberOfDiagnostics() {
        let errors = (1...20_000).map { Diagnostic.error("faits.doublon", "« p » figure deux fois", file: "p.json", at: loc(1, $0)) }
        let warnings = (1...3).map { Diagnostic.warning("w", "w", file: "p.json", at: loc(2, $0)) }
        let rendered = DiagnosticPrinter(sources: ["p.json": String(repeating: "x", count: 20_001) + "\nyyy"]).render(errors + warnings)
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 100 * 3 + 1)
        #expect(lines.last.map(String.init) == "… et 19 900 autres erreurs et 3 autres avertissements".replacing(" 900", with: "\u{A0}900"))
        #expect(DiagnosticPrinter().render(Array(errors.prefix(101))).hasSuffix("\n… et 1 autre erreur"))
        #expect(!DiagnosticPrinter().render(Array(errors.prefix(100))).contains("… et"))
    }
}

@Suite("Diagnostic")
struct DiagnosticTests {
    @Test func sortsByFileThenPositionThenSeverity() {
        let diagnostics: [Diagnostic] = [
            .warning("w", "w", file: "b.json", at: loc(1, 1)),
            .error("e2", "e", file: "a.json", at: loc(2, 1)),
            .warning("w", "w", file: "a.json", at: loc(1, 5)),
            .error("e1", "e", file: "a.json", at: loc(1, 5)),
            .error("e0", "e", file: "a.json"),
            .error("e3", "e", file: "a.json", at: loc(1, 12)),
        ]
        #expect(diagnostics.sorted().map { "\($0.position) \($0.code)" } == [
            "a.json e0", "a.json:1:5 e1", "a.json:1:5 w", "a.json:1:12 e3", "a.json:2:1 e2", "b.json:1:1 w",
        ])
        #expect(diagnostics.hasErrors)
        #expect(diagnostics.errors.count == 4)
        #expect(![Diagnostic.warning("w", "w", file: "f")].hasErrors)
    }
}
