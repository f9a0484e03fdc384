import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("TypedValueReader : les valeurs tapées par une personne")
struct TypedValueReaderTests {
    private func read(_ fact: String, _ text: String, numbers: Bool = false) -> Result<FactValue?, FactValueError> {
        TypedValueReader.read(text, for: TestVocabulary.fact(fact), choiceNumbers: numbers)
    }

    private func value(_ fact: String, _ text: String, numbers: Bool = false) -> FactValue? {
        try? read(fact, text, numbers: numbers).get()
    }

    private func error(_ fact: String, _ text: String, numbers: Bool = false) -> Seen? {
        if case .failure(let error) = read(fact, text, numbers: numbers) { return Seen(error) }
        return nil
    }

    static func seen<T>(_ result: Result<T, FactValueError>) -> Result<T, Seen> where T: Equatable {
        result.mapError(Seen.init)
    }

    /// What a reader of the error sees: its kind, its French message and where it points.
    struct Seen: Error, Equatable {
        var kind: FactValueError.Kind
        var message: String
        var subject: String?
        var element: Int?
        var offset: Int?

        init(_ message: String, kind: FactValueError.Kind, subject: String? = nil, element: Int? = nil, offset: Int? = nil) {
            (self.kind, self.message, self.subject, self.element, self.offset) = (kind, message, subject, element, offset)
        }

        init(_ error: FactValueError) {
            self.init(error.message, kind: error.kind, subject: error.subject, element: error.element, offset: error.offset)
        }
    }

    @Test("accepté", arguments: [
        ("population", "1200", FactValue.number(1_200)),
        ("population", "1 200", .number(1_200)),
        ("population", "1\u{A0}200\u{A0}000", .number(1_200_000)),
        ("population", "12\u{202F}400 habitants", .number(12_400)),
        ("population", "1 habitant", .number(1)),
        ("population", "1_200", .number(1_200)),
        ("population", "+1200", .number(1_200)),
        ("share75Plus", "12,5", .number(12.5)),
        ("share75Plus", "0.5", .number(0.5)),
        ("share75Plus", "12,5 %", .number(12.5)),
        ("share75Plus", "12,5%", .number(12.5)),
        ("cpts", "true", .bool(true)),
        ("cpts", "Oui", .bool(true)),
        ("cpts", "o", .bool(true)),
        ("cpts", "VRAI", .bool(true)),
        ("cpts", "1", .bool(true)),
        ("cpts", "non", .bool(false)),
        ("cpts", "faux", .bool(false)),
        ("cpts", "0", .bool(false)),
        ("density", "rural", .text("rural")),
        ("density", "  Rural ", .text("rural")),
        ("density", "zone périurbaine", .text("periurbain")),
        ("density", "ZONE PERIURBAINE", .text("periurbain")),
        ("name", "  Saint-Étienne ", .text("Saint-Étienne")),
        ("priorities", "prevention, sante-mentale", .set(["prevention", "sante-mentale"])),
        ("priorities", "prevention|sante-mentale", .set(["prevention", "sante-mentale"])),
        ("priorities", "prévention ; santé mentale", .set(["prevention", "sante-mentale"])),
        ("priorities", "aucun", .set([])),
        ("priorities", "-", .set([])),
    ])
    func accepted(fact: String, text: String, expected: FactValue) {
        #expect(read(fact, text) == .success(expected))
    }

    @Test("nombres refusés : ni hexadécimal, ni exposant, ni infini, ni séparateurs mal placés", arguments: [
        "0x10", "0x1p4", "1e3", "1E3", "2,5e-4", "inf", "nan", "Infinity", "1 2", "12 40", "1.234,5", "1,234.5", "--5", "5-",
        "douze", ",5", "5,", "1 200,", "１２", "12\u{1B}", String(repeating: "1", count: 41),
    ])
    func refusedNumbers(text: String) {
        let error = error("share75Plus", text)
        #expect(error?.kind == .notANumber || error?.kind == .controlCharacter, "\(text) : \(String(describing: error))")
    }

    @Test func numberMessages() {
        #expect(error("population", "douze")?.message == "« douze » n'est pas un nombre ; un nombre entier supérieur ou égal à 1 était attendu")
        #expect(error("population", "1e3")?.message == "« 1e3 » n'est pas un nombre (écrivez le nombre en chiffres, sans exposant) ; un nombre entier supérieur ou égal à 1 était attendu")
        #expect(error("population", "12,5") == Seen("« 12,5 » n'est pas un nombre entier ; un nombre entier supérieur ou égal à 1 était attendu", kind: .notAnInteger, subject: "12,5"))
        #expect(error("population", "0") == Seen("0 est hors limites ; un nombre entier supérieur ou égal à 1 était attendu", kind: .outOfRange, subject: "0"))
        #expect(error("share75Plus", "150 %")?.message == "150 % est hors limites ; un nombre entre 0 et 100 était attendu")
        #expect(error("share75Plus", "-0,5")?.kind == .outOfRange)
    }

    @Test func booleansAndChoices() {
        #expect(error("cpts", "peut-être")?.message == "« peut-être » n'est pas un booléen ; oui ou non (ou true, false) était attendu")
        // Typed by a person, a value may be a label: the labels are offered first; the suggestion is the closest
        // label or id.
        #expect(error("density", "urbian")?.message == "valeur inconnue « urbian » ; vouliez-vous dire « urbain » ? (valeurs permises : zone urbaine | zone périurbaine | zone rurale ; ou leurs identifiants : urbain, periurbain, rural)")
        #expect(error("density", "zone rurales")?.message.hasPrefix("valeur inconnue « zone rurales » ; vouliez-vous dire « zone rurale » ?") == true)
        // Numbers name choices only where the choices are shown numbered.
        #expect(value("density", "3", numbers: true) == .text("rural"))
        #expect(error("density", "3")?.kind == .unknownChoice)
        #expect(error("density", "4", numbers: true)?.message == "« 4 » n'est pas un des choix : les numéros vont de 1 à 3")
        #expect(value("priorities", "1,3", numbers: true) == .set(["acces-aux-soins", "prevention"]))
        #expect(value("priorities", "1 3", numbers: true) == .set(["acces-aux-soins", "prevention"]))
    }

    @Test("listes : une valeur vide ou donnée deux fois est refusée, partout de la même façon")
    func sets() {
        #expect(error("priorities", "prevention,,sante-mentale")?.kind == .emptyItem)
        #expect(error("priorities", "prevention,")?.kind == .emptyItem)
        #expect(error("priorities", "prevention|prevention") == Seen("« prevention » figure deux fois", kind: .duplicate, element: 1))
        #expect(error("priorities", "prevention, Prévention")?.kind == .duplicate)
        #expect(error("priorities", "1,1", numbers: true)?.kind == .duplicate)
        let unknown = error("priorities", "prevention, sante")
        #expect(unknown?.message == "valeur inconnue « sante » (valeurs permises : accès aux soins | santé mentale | prévention ; ou leurs identifiants : acces-aux-soins, sante-mentale, prevention)")
        #expect(unknown?.element == 1)
        // The JSON form of a list goes through the same rule, reporting every problem.
        let (members, problems) = TypedValueReader.members(["prevention", "prevension", "prevention"], for: TestVocabulary.fact("priorities"))
        #expect(members == ["prevention"])
        #expect(problems.map(\.kind) == [.unknownChoice, .duplicate])
        #expect(problems.map(\.element) == [1, 2])
    }

    @Test("vide : non renseigné, sauf pour un fait obligatoire")
    func empty() {
        #expect(read("share75Plus", "") == .success(nil))
        #expect(read("share75Plus", " \u{A0}\t") == .success(nil))
        #expect(read("priorities", "   ") == .success(nil))
        #expect(error("name", "") == Seen("valeur vide, or ce fait est obligatoire (nom du territoire)", kind: .missing))
        #expect(error("name", "   ")?.kind == .missing)
        #expect(error("population", " ")?.message == "valeur vide, or ce fait est obligatoire (population) ; un nombre entier supérieur ou égal à 1 était attendu")
        #expect(Self.seen(TypedValueReader.text("  ", for: TestVocabulary.fact("name"))) == .failure(Seen("texte vide, or ce fait est obligatoire (nom du territoire)", kind: .missing)))
    }

    @Test("textes : ni caractère de contrôle, ni saut de ligne (sauf texte déclaré multiligne), ni longueur excessive")
    func texts() {
        let escape = error("name", "Saint\u{1B}[2J")
        #expect(escape == Seen("caractère de contrôle U+001B (échappement) en position 6 : un texte n'en contient pas", kind: .controlCharacter, offset: 5))
        // The offset counts from the text as typed, spaces included, so a file reader finds the column.
        #expect(error("name", "  A\u{7}")?.offset == 3)
        #expect(error("name", "A\nB")?.message == "saut de ligne U+000A (retour à la ligne) en position 2 : ce texte tient sur une ligne")
        #expect(error("name", "A\u{2028}B")?.kind == .controlCharacter)
        #expect(error("name", "A\u{85}B")?.kind == .controlCharacter)
        #expect(error("name", "abc\u{202E}def")?.message == "caractère de contrôle U+202E (inversion du sens d'écriture) en position 4 : un texte n'en contient pas")
        #expect(error("name", "A\tB")?.kind == .controlCharacter)
        // Spaces, tabulations and line breaks around the value are only trimmed.
        #expect(value("name", "\tSaint-Aubin\r\n") == .text("Saint-Aubin"))
        #expect(error("name", String(repeating: "a", count: 201))?.message == "texte trop long (201 caractères) ; 200 au plus")
        #expect(value("name", String(repeating: "é", count: 200)) == .text(String(repeating: "é", count: 200)))

        let notes = Fact(name: "notes", type: .text, label: "notes", multiline: true)
        #expect(TypedValueReader.read("ligne 1\r\nligne 2", for: notes) == .success(.text("ligne 1\nligne 2")))
        #expect(Self.seen(TypedValueReader.read("a\u{1B}b", for: notes)) == .failure(Seen("caractère de contrôle U+001B (échappement) en position 2 : un texte n'en contient pas", kind: .controlCharacter, offset: 1)))
    }

    @Test("une valeur citée reste courte et ne ferme pas les guillemets")
    func quotedValues() throws {
        let hostile = "»" + String(repeating: "x", count: 100_000)
        let message = try #require(error("density", hostile)?.message)
        #expect(message.count < 400)
        #expect(message.hasPrefix("valeur inconnue « ›xxx"))
    }
}

@Suite("FrenchNumber")
struct FrenchNumberTests {
    @Test(arguments: [
        ("0", 0.0), ("-0", 0), ("12", 12), ("12,5", 12.5), ("12.5", 12.5), ("−3", -3), ("1 234 567,89", 1_234_567.89),
        ("999’999", 999_999), ("1'000", 1_000), ("0,0001", 0.0001),
    ])
    func parses(text: String, expected: Double) {
        #expect(FrenchNumber.parse(text) == .success(expected))
    }

    @Test func problems() {
        #expect(FrenchNumber.parse("1e3") == .failure(.exponent))
        #expect(FrenchNumber.parse("1,5E+10") == .failure(.exponent))
        #expect(FrenchNumber.parse("e3") == .failure(.notANumber))
        #expect(FrenchNumber.parse("0x1p4") == .failure(.notANumber))
        #expect(FrenchNumber.parse(String(repeating: "9", count: 41)) == .failure(.tooLong))
        #expect(FrenchNumber.parse("") == .failure(.notANumber))
    }
}
