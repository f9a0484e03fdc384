import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("TypeChecker")
struct TypeCheckerTests {
    private func errors(_ source: String) throws -> [ExpressionError] {
        TypeChecker.check(try Parser.parse(source), vocabulary: TestVocabulary.vocabulary)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var source: String
        var code: String
        var message: String
        var range: Range<Int>

        init(_ source: String, _ code: String, _ message: String, _ range: Range<Int>) {
            self.source = source
            self.code = code
            self.message = message
            self.range = range
        }

        var testDescription: String { source }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase("popualtion > 3", "expression.fait-inconnu",
                  "fait inconnu « popualtion » ; vouliez-vous dire « population » ?", 0..<10),
        ErrorCase("not cpst", "expression.fait-inconnu",
                  "fait inconnu « cpst » ; vouliez-vous dire « cpts » ?", 4..<8),
        ErrorCase("xyzzy", "expression.fait-inconnu", "fait inconnu « xyzzy »", 0..<5),
        ErrorCase("density == 'urbian'", "expression.valeur-inconnue",
                  "valeur inconnue « urbian » pour « density » ; vouliez-vous dire « urbain » ? (valeurs permises : urbain, periurbain, rural)", 11..<19),
        ErrorCase("'rurale' != density", "expression.valeur-inconnue",
                  "valeur inconnue « rurale » pour « density » ; vouliez-vous dire « rural » ? (valeurs permises : urbain, periurbain, rural)", 0..<8),
        ErrorCase("density in ['urbain', 'rurale']", "expression.valeur-inconnue",
                  "valeur inconnue « rurale » pour « density » ; vouliez-vous dire « rural » ? (valeurs permises : urbain, periurbain, rural)", 22..<30),
        ErrorCase("population == 'beaucoup'", "expression.type",
                  "impossible de comparer « population » (nombre) avec « 'beaucoup' » (texte)", 0..<24),
        ErrorCase("cpts == 1", "expression.type",
                  "impossible de comparer « cpts » (booléen) avec « 1 » (nombre)", 0..<9),
        ErrorCase("priorities == 'prevention'", "expression.type",
                  "« priorities » est une liste de valeurs : écrivez « 'valeur' in priorities »", 0..<26),
        ErrorCase("population < 'abc'", "expression.type",
                  "« < » compare des nombres, or « 'abc' » est de type texte", 13..<18),
        ErrorCase("cpts < 3", "expression.type",
                  "« < » compare des nombres, or « cpts » est de type booléen", 0..<4),
        ErrorCase("population", "expression.type",
                  "« population » est un nombre entier et non une condition : comparez-le, par exemple « population >= 1000 »", 0..<10),
        ErrorCase("not share75Plus", "expression.type",
                  "« share75Plus » est un nombre et non une condition : comparez-le, par exemple « share75Plus >= 1000 »", 4..<15),
        ErrorCase("density", "expression.type",
                  "« density » est une valeur parmi une liste et non une condition : comparez-le, par exemple « density == 'urbain' »", 0..<7),
        ErrorCase("priorities", "expression.type",
                  "« priorities » est une liste de valeurs et non une condition : testez une valeur, par exemple « 'acces-aux-soins' in priorities »", 0..<10),
        ErrorCase("cpts and name", "expression.type",
                  "« name » est un texte et non une condition : comparez-le, par exemple « name == 'texte' »", 9..<13),
        ErrorCase("'x' in priorities", "expression.valeur-inconnue",
                  "valeur inconnue « x » pour « priorities » (valeurs permises : acces-aux-soins, sante-mentale, prevention)", 0..<3),
        ErrorCase("'prevension' not in priorities", "expression.valeur-inconnue",
                  "valeur inconnue « prevension » pour « priorities » ; vouliez-vous dire « prevention » ? (valeurs permises : acces-aux-soins, sante-mentale, prevention)", 0..<12),
        ErrorCase("density in priorities", "expression.type",
                  "à gauche de « in priorities », une valeur entre apostrophes était attendue (par exemple « 'acces-aux-soins' in priorities »)", 0..<7),
        ErrorCase("'urbain' in density", "expression.type",
                  "« in » attend à droite une liste entre crochets ou un fait de type liste, pas « density » (valeur parmi une liste)", 12..<19),
        ErrorCase("population in [1, 'a']", "expression.type",
                  "« 'a' » (texte) ne peut pas être comparé à « population » (nombre)", 18..<21),
        ErrorCase("priorities in ['prevention']", "expression.type",
                  "« 'prevention' » (texte) ne peut pas être comparé à « priorities » (liste de valeurs)", 15..<27),
        ErrorCase("3", "expression.type", "une valeur seule n'est pas une condition : comparez-la à un fait", 0..<1),
        ErrorCase("cpts or 'oui'", "expression.type", "une valeur seule n'est pas une condition : comparez-la à un fait", 8..<13),
        ErrorCase("[cpts]", "expression.type", "une liste n'est permise qu'à droite de « in »", 0..<6),
    ]

    @Test(arguments: errorCases)
    func rejects(_ errorCase: ErrorCase) throws {
        let found = try errors(errorCase.source)
        #expect(found.count == 1, "errors: \(found.map(\.message))")
        let error = try #require(found.first)
        #expect(error.code == errorCase.code)
        #expect(error.message == errorCase.message)
        #expect(error.range == errorCase.range)
    }

    @Test func collectsEveryErrorOfTheExpression() throws {
        let found = try errors("popualtion > 3 and density == 'x' or population < 'a'")
        #expect(found.map(\.code) == ["expression.fait-inconnu", "expression.valeur-inconnue", "expression.type"])
        #expect(found.map(\.range) == [0..<10, 30..<33, 50..<53])
        #expect(found[1].message == "valeur inconnue « x » pour « density » (valeurs permises : urbain, periurbain, rural)")
    }

    @Test func unknownFactsAreNotReportedTwiceAsMistyped() throws {
        // An unknown fact makes its comparison invalid, not a second type error.
        let found = try errors("nope == 'x' and nope < 3 and nope in ['a']")
        #expect(found.map(\.code) == Array(repeating: "expression.fait-inconnu", count: 3))
    }

    @Test(arguments: [
        "true",
        "false or cpts",
        "cpts",
        "not cpts and population < 3500",
        "density in ['urbain', 'rural']",
        "density not in ['periurbain']",
        "density == 'rural' and not (cpts or clsm)",
        "'sante-mentale' in priorities",
        "'prevention' not in priorities",
        "share75Plus >= 12.5 or clsm",
        "name == 'Lyon' and name != \"Paris\"",
        "name in priorities",
        "cpts == clsm",
        "(population > 3500) != cpts",
        "population in [1, 500, share75Plus]",
        "cpts in [clsm, true]",
        "population in []",
        "-3 < population",
    ])
    func acceptsValidExpressions(source: String) throws {
        #expect(try errors(source).isEmpty)
        #expect((try? TestVocabulary.condition(source)) != nil)
    }

    @Test func compileReportsParseErrorsAndTypeErrors() {
        guard case .failure(let parse) = Condition.compile("cpts && clsm", vocabulary: TestVocabulary.vocabulary) else {
            Issue.record("expected a failure")
            return
        }
        #expect(parse.errors.map(\.code) == ["expression.operateur-inconnu"])
        #expect(parse.errors.map(\.range) == [5..<7])

        guard case .failure(let types) = Condition.compile("popualtion > 3 and population < 'a'", vocabulary: TestVocabulary.vocabulary) else {
            Issue.record("expected a failure")
            return
        }
        #expect(types.errors.map(\.code) == ["expression.fait-inconnu", "expression.type"])
    }

    @Test func compiledConditionKeepsItsSourceAndTree() throws {
        let condition = try TestVocabulary.condition("not cpts and population < 3500")
        #expect(condition.source == "not cpts and population < 3500")
        #expect(condition.expression.tree == "(and (not cpts) (< population 3500))")
    }
}
