import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("Parser")
struct ParserTests {
    // MARK: Structure

    @Test(arguments: [
        ("a", "a"),
        ("true", "true"),
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b and c", "(and a b c)"),
        ("a or b or c and not d", "(or a b (and c (not d)))"),
        ("not not a", "(not (not a))"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("not (a or b)", "(not (or a b))"),
        ("not a == 1", "(not (== a 1))"),
        ("a == true or false", "(or (== a true) false)"),
        ("population >= 3500 and density == 'rural'", "(and (>= population 3500) (== density 'rural'))"),
        ("a != \"b\"", "(!= a 'b')"),
        ("a < 1 or a <= 2 or a > 3 or a >= 4", "(or (< a 1) (<= a 2) (> a 3) (>= a 4))"),
        ("x > -5", "(> x -5)"),
        ("x >= - 2.5", "(>= x -2.5)"),
        ("-1 < x", "(< -1 x)"),
        ("x <= 1_000_000", "(<= x 1000000)"),
        ("x in [1, -2, 'a', b, true]", "(in x [1 -2 'a' b true])"),
        ("x in []", "(in x [])"),
        ("density not in ['urbain', 'rural']", "(not in density ['urbain' 'rural'])"),
        ("not density in ['urbain']", "(not (in density ['urbain']))"),
        ("'prevention' not in priorities", "(not in 'prevention' priorities)"),
        ("(a == b) == c", "(== (== a b) c)"),
        ("((a))", "a"),
    ])
    func tree(source: String, expected: String) throws {
        #expect(try Parser.parse(source).tree == expected)
    }

    @Test func rangesCoverTheSourceTextOfEachNode() throws {
        let source = "(a or b) and not c"
        let expression = try Parser.parse(source)
        #expect(expression.range == 0..<18)
        guard case .and(let operands) = expression.kind else {
            Issue.record("expected and")
            return
        }
        #expect(operands.map { $0.text(in: source) } == ["(a or b)", "not c"])
        #expect(operands[0].range == 0..<8)
        #expect(operands[0].children.map(\.range) == [1..<2, 6..<7])
        #expect(operands[1].range == 13..<18)
        #expect(operands[1].children.map { $0.text(in: source) } == ["c"])
    }

    @Test func rangesOfComparisonsListsAndNegativeNumbers() throws {
        let source = "x > -5 or y not in ['a', 'b']"
        let expression = try Parser.parse(source)
        let texts = expression.children.map { $0.text(in: source) }
        #expect(texts == ["x > -5", "y not in ['a', 'b']"])
        #expect(expression.children[0].children.map { $0.text(in: source) } == ["x", "-5"])
        #expect(expression.children[0].children[1].range == 4..<6)
        let list = expression.children[1].children[1]
        #expect(list.range == 19..<29)
        #expect(list.children.map { $0.text(in: source) } == ["'a'", "'b'"])
    }

    @Test func rangesAreScalarOffsets() throws {
        // "é" written as e + combining accent is two scalars.
        let source = "name == 'Cre\u{301}teil' and cpts"
        let expression = try Parser.parse(source)
        #expect(expression.children[0].children[1].kind == .string("Cre\u{301}teil"))
        #expect(expression.children[0].children[1].range == 8..<18)
        #expect(expression.children[1].range == 23..<27)
        #expect(expression.children[1].text(in: source) == "cpts")
    }

    @Test func factNamesAreCollected() throws {
        #expect(try Parser.parse("a and (b or not c) and x in [y, 1] and a").factNames == ["a", "b", "c", "x", "y"])
        #expect(try Parser.parse("true").factNames.isEmpty)
    }

    // MARK: Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var source: String
        var code: String
        var fragment: String
        var range: Range<Int>

        init(_ source: String, _ code: String, _ fragment: String, _ range: Range<Int>) {
            self.source = source
            self.code = code
            self.fragment = fragment
            self.range = range
        }

        var testDescription: String { source.isEmpty ? "(empty)" : source }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase("population = 3", "expression.operateur-inconnu", "opérateur inconnu « = » ; vouliez-vous dire « == » ?", 11..<12),
        ErrorCase("a && b", "expression.operateur-inconnu", "opérateur inconnu « && » ; écrivez « and »", 2..<4),
        ErrorCase("a & b", "expression.operateur-inconnu", "opérateur inconnu « & » ; écrivez « and »", 2..<3),
        ErrorCase("a || b", "expression.operateur-inconnu", "opérateur inconnu « || » ; écrivez « or »", 2..<4),
        ErrorCase("!cpts", "expression.operateur-inconnu", "opérateur inconnu « ! » ; pour la négation, écrivez « not »", 0..<1),
        ErrorCase("(a and b", "expression.parenthese-non-fermee", "parenthèse ouverte ici mais jamais fermée : « ) » manquante", 0..<1),
        ErrorCase("a == (b", "expression.parenthese-non-fermee", "jamais fermée", 5..<6),
        ErrorCase("(a b)", "expression.jeton-inattendu", "« b » inattendu : « ) » était attendue", 3..<4),
        ErrorCase("a and", "expression.incomplete", "condition incomplète : une valeur ou un nom de fait était attendu après « and »", 2..<5),
        ErrorCase("not", "expression.incomplete", "après « not »", 0..<3),
        ErrorCase("x in", "expression.incomplete", "après « in »", 2..<4),
        ErrorCase(")", "expression.parenthese-en-trop", "« ) » sans parenthèse ouvrante correspondante", 0..<1),
        ErrorCase("a and )", "expression.parenthese-en-trop", "« ) » sans parenthèse ouvrante", 6..<7),
        ErrorCase("a < b < c", "expression.comparaison-enchainee", "comparaisons enchaînées : écrivez deux comparaisons reliées par « and »", 6..<7),
        ErrorCase("a == b != c", "expression.comparaison-enchainee", "comparaisons enchaînées", 7..<9),
        ErrorCase("a AND b", "expression.mot-cle", "« AND » : les mots-clés s'écrivent en minuscules ; vouliez-vous dire « and » ?", 2..<5),
        ErrorCase("NOT a", "expression.mot-cle", "vouliez-vous dire « not » ?", 0..<3),
        ErrorCase("a == True", "expression.mot-cle", "vouliez-vous dire « true » ?", 5..<9),
        ErrorCase("popülation > 3", "expression.caractere-inattendu", "caractère inattendu « ü » dans un nom de fait (lettres sans accent, chiffres et _ seulement)", 3..<4),
        ErrorCase("école", "expression.caractere-inattendu", "caractère inattendu « é »", 0..<1),
        ErrorCase("x == 3 ;", "expression.caractere-inattendu", "caractère inattendu « ; »", 7..<8),
        ErrorCase("", "expression.vide", "condition vide : écrivez par exemple « true »", 0..<1),
        ErrorCase("   ", "expression.vide", "condition vide", 0..<3),
        ErrorCase("a b", "expression.jeton-inattendu", "« b » inattendu : « and » ou « or » était attendu entre deux conditions", 2..<3),
        ErrorCase("(a))", "expression.jeton-inattendu", "« ) » inattendu", 3..<4),
        ErrorCase("a not b", "expression.jeton-inattendu", "« not » inattendu ici : écrivez « not » devant la condition, ou « not in » pour l'appartenance", 2..<5),
        ErrorCase("a == ,", "expression.jeton-inattendu", "« , » inattendu : une valeur ou un nom de fait était attendu", 5..<6),
        ErrorCase("a in [1, [2]]", "expression.liste-imbriquee", "une liste ne peut pas contenir de liste", 9..<12),
        ErrorCase("a in [1, 2", "expression.crochet-non-ferme", "liste ouverte ici mais jamais fermée : « ] » manquant", 5..<6),
        ErrorCase("a in [1 2]", "expression.jeton-inattendu", "« 2 » inattendu dans la liste : « , » ou « ] » était attendu", 8..<9),
        ErrorCase("x > -y", "expression.nombre-attendu", "un nombre était attendu après « - »", 5..<6),
        ErrorCase("x > -", "expression.nombre-attendu", "un nombre était attendu après « - »", 4..<5),
        ErrorCase("x == 'abc", "expression.texte-non-termine", "texte non terminé : l'apostrophe fermante manque", 5..<9),
        ErrorCase("x > 12abc", "expression.nombre-invalide", "nombre invalide : une lettre suit directement « 12 »", 4..<7),
        ErrorCase("x > 1.2.3", "expression.nombre-invalide", "nombre invalide « 1.2.3 »", 4..<9),
    ]

    @Test(arguments: errorCases)
    func rejects(_ errorCase: ErrorCase) throws {
        let error = try #require(parseError(errorCase.source))
        #expect(error.code == errorCase.code)
        #expect(error.message.contains(errorCase.fragment), "message: \(error.message)")
        #expect(error.range == errorCase.range)
        #expect(error.severity == .error)
    }

    @Test func identifierAtTheLengthLimit() throws {
        let longest = String(repeating: "a", count: 100)
        #expect(try Parser.parse(longest).kind == .fact(longest))
        let error = try #require(parseError("x or " + String(repeating: "b", count: 101)))
        #expect(error.code == "expression.identifiant-trop-long")
        #expect(error.message == "nom trop long (101 caractères ; 100 au plus)")
        #expect(error.range == 5..<106)
    }

    @Test func hundredThousandCharacterIdentifierIsAnErrorNotACrash() throws {
        let error = try #require(parseError(String(repeating: "a", count: 100_000)))
        #expect(error.code == "expression.trop-longue")
        #expect(error.message.hasPrefix("condition trop longue (100000 caractères ; 2000 au plus)"))
        #expect(error.range == 0..<1)
    }

    @Test func lengthLimit() throws {
        let atLimit = "ab" + String(repeating: " or ab", count: 333)
        #expect(atLimit.unicodeScalars.count == Parser.maximumLength)
        guard case .or(let operands) = try Parser.parse(atLimit).kind else {
            Issue.record("expected or")
            return
        }
        #expect(operands.count == 334)
        let error = try #require(parseError(atLimit + " "))
        #expect(error.code == "expression.trop-longue")
        #expect(error.message.contains("(2001 caractères ; 2000 au plus)"))
    }

    @Test func thousandNestedParenthesesIsADepthErrorNotACrash() throws {
        // 1,000 open parentheses and 999 closing ones: exactly the length limit, so only depth can refuse it.
        let source = String(repeating: "(", count: 1_000) + "a" + String(repeating: ")", count: 999)
        #expect(source.unicodeScalars.count == Parser.maximumLength)
        let error = try #require(parseError(source))
        #expect(error.code == "expression.trop-imbriquee")
        #expect(error.message == "condition trop imbriquée (plus de 40 niveaux de parenthèses ou de « not »)")
        #expect(error.range == 40..<41)
    }

    @Test func nestingAtTheDepthLimitParses() throws {
        let depth = Parser.maximumDepth
        let parentheses = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try Parser.parse(parentheses).range == 0..<(2 * depth + 1))
        let nots = String(repeating: "not ", count: depth) + "a"
        #expect(try Parser.parse(nots).factNames == ["a"])
        let error = try #require(parseError(String(repeating: "not ", count: 400) + "a"))
        #expect(error.code == "expression.trop-imbriquee")
        #expect(error.range == 160..<163)
    }
}
