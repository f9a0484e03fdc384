import Testing
import EngineTestSupport
import MandatSante
@testable import RuleKit

@Suite("JSONParser")
struct JSONParserTests {
    // MARK: Values

    @Test func readsEveryKindOfValue() throws {
        let root = try JSONParser.parse(#"{"s": "t", "i": 42, "d": -1.5e2, "z": 0, "b": true, "f": false, "n": null, "a": [1, "x"], "o": {}}"#)
        guard case .object(let members) = root.value else {
            Issue.record("root should be an object")
            return
        }
        #expect(members.map(\.key) == ["s", "i", "d", "z", "b", "f", "n", "a", "o"])
        #expect(root["s"]?.value.value == .string("t"))
        #expect(root["i"]?.value.value == .number(42, literal: "42"))
        #expect(root["d"]?.value.value == .number(-150, literal: "-1.5e2"))
        #expect(root["z"]?.value.value == .number(0, literal: "0"))
        #expect(root["b"]?.value.value == .bool(true))
        #expect(root["f"]?.value.value == .bool(false))
        #expect(root["n"]?.value.value == .null)
        #expect(root["o"]?.value.value == .object([]))
        guard case .array(let elements) = root["a"]?.value.value else {
            Issue.record("a should be an array")
            return
        }
        #expect(elements.map(\.value) == [.number(1, literal: "1"), .string("x")])
        #expect(root["missing"] == nil)
        #expect(root["s"]?.value["anything"] == nil)
    }

    @Test(arguments: [
        (JSONNode.Value.object([]), "un objet"),
        (.array([]), "une liste"),
        (.string(""), "un texte"),
        (.number(1, literal: "1"), "un nombre"),
        (.bool(true), "un booléen"),
        (.null, "null"),
    ])
    func kindDescriptions(value: JSONNode.Value, expected: String) {
        #expect(JSONNode(value, at: loc(1, 1)).kindDescription == expected)
    }

    @Test func decodesStringEscapes() throws {
        let root = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t\u00e9\u00C9\ud83d\ude00", "plain é😀"]"#)
        guard case .array(let elements) = root.value else {
            Issue.record("expected an array")
            return
        }
        #expect(elements[0].value == .string("\"\\/\u{08}\u{0C}\n\r\té\u{C9}😀"))
        #expect(elements[1].value == .string("plain é😀"))
        #expect(elements[1].scalarColumns == nil)
    }

    @Test func acceptsByteOrderMarkWithoutCountingIt() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(root.location == loc(1, 1))
        #expect(root["a"]?.keyLocation == loc(1, 2))
        #expect(root["a"]?.value.location == loc(1, 7))
    }

    @Test func acceptsWhitespaceAroundTheDocument() throws {
        let root = try JSONParser.parse(" \r\n\t[ ]\n\n")
        #expect(root.value == .array([]))
        #expect(root.location == loc(2, 2))
    }

    // MARK: Positions

    @Test func positionsOfNestedValuesAndKeys() throws {
        let text = """
        {
          "nom": "Éloïse",
          "liste": [1, {"clé": true}],
          "é": null
        }
        """
        let root = try JSONParser.parse(text)
        #expect(root.location == loc(1, 1))
        let nom = try #require(root["nom"])
        #expect(nom.keyLocation == loc(2, 3))
        #expect(nom.value.location == loc(2, 10))
        let liste = try #require(root["liste"])
        #expect(liste.keyLocation == loc(3, 3))
        #expect(liste.value.location == loc(3, 12))
        guard case .array(let elements) = liste.value.value else {
            Issue.record("expected an array")
            return
        }
        #expect(elements[0].location == loc(3, 13))
        #expect(elements[1].location == loc(3, 16))
        let cle = try #require(elements[1]["clé"])
        #expect(cle.keyLocation == loc(3, 17))
        #expect(cle.value.location == loc(3, 24))
        let e = try #require(root["é"])
        #expect(e.keyLocation == loc(4, 3))
        #expect(e.value.location == loc(4, 8))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        // Accents (2 bytes), an emoji (4 bytes) and a combining accent (a scalar of its own) before the values.
        let root = try JSONParser.parse(#"{"àéî": "x", "k": 1, "😀": "e\#u{301}", "z": 2}"#)
        #expect(root["àéî"]?.value.location == loc(1, 9))
        #expect(root["k"]?.keyLocation == loc(1, 14))
        #expect(root["k"]?.value.location == loc(1, 19))
        #expect(root["😀"]?.keyLocation == loc(1, 22))
        #expect(root["😀"]?.value.location == loc(1, 27))
        #expect(root["z"]?.keyLocation == loc(1, 33))
        #expect(root["z"]?.value.location == loc(1, 38))
    }

    // MARK: Locations inside strings

    @Test func locationInStringWithoutEscapes() throws {
        let root = try JSONParser.parse(#"{"x": "population < 3"}"#)
        let node = try #require(root["x"]?.value)
        #expect(node.location == loc(1, 7))
        #expect(node.scalarColumns == nil)
        #expect(node.locationInString(offset: 0) == loc(1, 8))
        #expect(node.locationInString(offset: 11) == loc(1, 19))
        #expect(node.locationInString(offset: 14) == loc(1, 22))
    }

    @Test func locationInStringMapsOffsetsAcrossEscapes() throws {
        // "\u00e9 < 3" decodes to "é < 3": the escape takes six columns for one scalar.
        let root = try JSONParser.parse(#"{"x": "\u00e9 < 3"}"#)
        let node = try #require(root["x"]?.value)
        #expect(node.value == .string("é < 3"))
        #expect(node.scalarColumns == [8, 14, 15, 16, 17])
        #expect(node.locationInString(offset: 0) == loc(1, 8))
        #expect(node.locationInString(offset: 1) == loc(1, 14))
        #expect(node.locationInString(offset: 2) == loc(1, 15))
        #expect(node.locationInString(offset: 4) == loc(1, 17))
        // Just past the end: the closing quote.
        #expect(node.locationInString(offset: 5) == loc(1, 18))
    }

    @Test func locationInStringWithAccentsBeforeAnEscape() throws {
        let root = try JSONParser.parse("{\n  \"x\": \"é\\tz = 1\"\n}")
        let node = try #require(root["x"]?.value)
        #expect(node.value == .string("é\tz = 1"))
        #expect(node.location == loc(2, 8))
        #expect(node.locationInString(offset: 0) == loc(2, 9))
        #expect(node.locationInString(offset: 1) == loc(2, 10))
        #expect(node.locationInString(offset: 2) == loc(2, 12))
        #expect(node.locationInString(offset: 4) == loc(2, 14))
    }

    @Test func locationInStringWithAnEscapedQuote() throws {
        let root = try JSONParser.parse(#"["a\"b c"]"#)
        guard case .array(let elements) = root.value else {
            Issue.record("expected an array")
            return
        }
        let node = elements[0]
        #expect(node.value == .string("a\"b c"))
        #expect(node.locationInString(offset: 0) == loc(1, 3))
        #expect(node.locationInString(offset: 1) == loc(1, 4))
        #expect(node.locationInString(offset: 2) == loc(1, 6))
        #expect(node.locationInString(offset: 4) == loc(1, 8))
    }

    // MARK: Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var fragment: String
        var line: Int
        var column: Int

        init(_ name: String, _ text: String, _ fragment: String, _ line: Int, _ column: Int) {
            self.init(name, bytes: Array(text.utf8), fragment, line, column)
        }

        init(_ name: String, bytes: [UInt8], _ fragment: String, _ line: Int, _ column: Int) {
            self.name = name
            self.bytes = bytes
            self.fragment = fragment
            self.line = line
            self.column = column
        }

        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase("truncated object", #"{"a": 1"#, "fin de fichier inattendue : « , » ou « } » était attendu dans l'objet ouvert en 1:1", 1, 8),
        ErrorCase("truncated after key", "{\n  \"a\":", "fin de fichier inattendue : une valeur JSON était attendue", 2, 7),
        ErrorCase("truncated array", "[1, 2", "fin de fichier inattendue : « , » ou « ] » était attendu dans la liste ouverte en 1:1", 1, 6),
        ErrorCase("trailing comma in object", "{\"a\": 1,\n}", "caractère inattendu « } » : virgule en trop avant « } »", 2, 1),
        ErrorCase("trailing comma in array", "[1, 2,]", "virgule en trop avant « ] »", 1, 7),
        ErrorCase("single-quoted value", "['a']", "un texte JSON s'écrit entre guillemets doubles (\"), pas entre apostrophes", 1, 2),
        ErrorCase("single-quoted key", "{'a': 1}", "caractère inattendu « ' » : un nom de champ entre guillemets doubles était attendu", 1, 2),
        ErrorCase("line comment", "// réglages\n{}", "les commentaires ne sont pas permis en JSON", 1, 1),
        ErrorCase("block comment", #"{"a": /* x */ 1}"#, "les commentaires ne sont pas permis en JSON", 1, 7),
        ErrorCase("NaN", "[1, NaN]", "« NaN » n'est pas une valeur JSON : écrivez un nombre fini", 1, 5),
        ErrorCase("Infinity", "[Infinity]", "« Infinity » n'est pas une valeur JSON", 1, 2),
        ErrorCase("huge number", #"{"x": 1e999}"#, "nombre hors limites : « 1e999 »", 1, 7),
        ErrorCase("leading zero", "[01]", "un nombre JSON ne commence pas par un zéro inutile", 1, 2),
        ErrorCase("negative leading zero", "[-007]", "zéro inutile", 1, 2),
        ErrorCase("minus alone", "[-]", "un chiffre était attendu après « - »", 1, 3),
        ErrorCase("no digit after point", "[1.]", "un chiffre était attendu après la virgule décimale « . »", 1, 4),
        ErrorCase("no digit in exponent", "[1e+]", "un chiffre était attendu dans l'exposant du nombre", 1, 5),
        ErrorCase("duplicate key", "{\"a\": 1,\n \"a\": 2}", "le champ « a » apparaît deux fois dans le même objet", 2, 2),
        ErrorCase("empty input", "", "le fichier est vide : un document JSON était attendu", 1, 1),
        ErrorCase("only whitespace", "  \n  ", "le fichier est vide", 2, 3),
        ErrorCase("unterminated string", #"{"a": "abc"#, "texte non terminé : le guillemet fermant manque", 1, 7),
        ErrorCase("string cut by a newline", "[\"abc\n\"]", "texte non terminé : le guillemet fermant manque avant la fin de la ligne", 1, 2),
        ErrorCase("raw tab in string", "[\"a\tb\"]", "caractère de contrôle non échappé dans un texte (une tabulation s'écrit \\t)", 1, 4),
        ErrorCase("unknown escape", #"["\x"]"#, "séquence d'échappement inconnue « \\x »", 1, 3),
        ErrorCase("short unicode escape", #"["ab\u12"]"#, "« \\u » doit être suivi de quatre chiffres hexadécimaux", 1, 5),
        ErrorCase("lone high surrogate", #"["\ud83d"]"#, "demi-caractère UTF-16 isolé dans « \\u » : la seconde moitié manque", 1, 3),
        ErrorCase("lone low surrogate", #"["\ude00"]"#, "demi-caractère UTF-16 isolé dans « \\u »", 1, 3),
        ErrorCase("content after the document", "{} x", "contenu inattendu après la fin du document JSON", 1, 4),
        ErrorCase("capitalised literal", "[True]", "« True » n'est pas une valeur JSON ; vouliez-vous dire « true » ?", 1, 2),
        ErrorCase("None", "[None]", "vouliez-vous dire « null » ?", 1, 2),
        ErrorCase("bare word", "[abc]", "valeur inattendue « abc » : un texte doit être entre guillemets doubles", 1, 2),
        ErrorCase("missing comma", "[1 2]", "« , » ou « ] » était attendu dans la liste ouverte en 1:1", 1, 4),
        ErrorCase("missing colon", #"{"a" 1}"#, "« : » était attendu après le nom de champ « a »", 1, 6),
        ErrorCase("accented character outside a string", "[é]", "caractère inattendu « é »", 1, 2),
        ErrorCase("control character outside a string", "[\u{01}]", "caractère inattendu « U+0001 »", 1, 2),
        ErrorCase("invalid byte in a string", bytes: Array(#"["é"#.utf8) + [0xFF] + Array(#""]"#.utf8), "octets invalides : le fichier doit être encodé en UTF-8", 1, 4),
        ErrorCase("invalid byte outside a string", bytes: [UInt8(ascii: "["), 0xC3, UInt8(ascii: "]")], "octets invalides : le fichier doit être encodé en UTF-8", 1, 2),
        ErrorCase("overlong encoding", bytes: [UInt8(ascii: "\""), 0xC0, 0x80, UInt8(ascii: "\"")], "octets invalides", 1, 2),
        ErrorCase("encoded surrogate", bytes: [UInt8(ascii: "\""), 0xED, 0xA0, 0x80, UInt8(ascii: "\"")], "octets invalides", 1, 2),
        ErrorCase("truncated sequence at the end", bytes: [UInt8(ascii: "\""), 0xE2, 0x82], "octets invalides", 1, 2),
    ]

    @Test(arguments: errorCases)
    func rejectsInvalidJSON(_ errorCase: ErrorCase) throws {
        let error = try #require(jsonError(errorCase.bytes))
        #expect(error.message.contains(errorCase.fragment), "message: \(error.message)")
        #expect(error.location == loc(errorCase.line, errorCase.column))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(jsonError(text))
        #expect(error.message == "imbrication trop profonde : plus de 128 niveaux d'objets ou de listes")
        #expect(error.location == loc(1, 129))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let limit = JSONParser.defaultMaximumDepth
        let arrays = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(jsonError(arrays) == nil)
        let objects = String(repeating: #"{"a":"#, count: limit - 1) + "{}" + String(repeating: "}", count: limit - 1)
        #expect(jsonError(objects) == nil)
        let tooDeep = String(repeating: #"{"a":"#, count: limit) + "{}" + String(repeating: "}", count: limit)
        let error = try #require(jsonError(tooDeep))
        #expect(error.message.contains("imbrication trop profonde"))
        #expect(error.location == loc(1, 5 * limit + 1))
    }

    @Test func customMaximumDepth() throws {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[[[1]]]", maximumDepth: 2) }
        #expect((try? JSONParser.parse("[[1]]", maximumDepth: 2)) != nil)
    }

    @Test func syntaxErrorBecomesADiagnostic() {
        let error = JSONSyntaxError("virgule-avant-crochet", at: loc(3, 7))
        let diagnostic = error.diagnostic(file: "regles.json")
        #expect(diagnostic == .error("json.syntaxe", ["reason": "virgule-avant-crochet"], at: SourceLocation(file: "regles.json", line: 3, column: 7)))
        #expect(diagnostic.message == "virgule en trop avant « ] »")
        #expect(diagnostic.position == "regles.json:3:7")
    }

    @Test("UTF-16 et UTF-32 reconnus, avec ou sans marque d'ordre des octets", arguments: [
        ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "UTF-16"),
        ([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], "UTF-16"),
        ([0x7B, 0x00, 0x7D, 0x00], "UTF-16"),
        ([0x00, 0x7B, 0x00, 0x7D], "UTF-16"),
        ([0x7B, 0x00, 0x00, 0x00], "UTF-32"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00], "UTF-32"),
    ] as [([UInt8], String)])
    func wideEncodings(bytes: [UInt8], encoding: String) {
        #expect(throws: JSONSyntaxError("encodage-large", ["encoding": encoding], at: loc(1, 1))) {
            try JSONParser.parse(bytes)
        }
        #expect(TextEncoding.wide(Array("{}".utf8)) == nil)
        #expect(TextEncoding.wide([0xEF, 0xBB, 0xBF, 0x7B]) == nil)
    }

    @Test("fins de ligne LF, CRLF et CR seul comptées de la même façon")
    func lineEndings() {
        for end in ["\n", "\r\n", "\r"] {
            let text = "{" + end + "\"a\": 1," + end + end + "\"b\": x}"
            #expect(throws: JSONSyntaxError("mot-inattendu", ["word": "x"], at: loc(4, 6))) {
                try JSONParser.parse(text)
            }
        }
    }
}
