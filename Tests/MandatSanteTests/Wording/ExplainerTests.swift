import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("ConditionDescriber and ConditionExplainer")
struct ExplainerTests {
    /// Writes the expected texts with « ~ » for the no-break space used in numbers and before units.
    private static func french(_ text: String) -> String {
        text.split(separator: "~", omittingEmptySubsequences: false).joined(separator: TestVocabulary.nbsp)
    }

    private func describe(_ source: String) throws -> String {
        ConditionDescriber(vocabulary: TestVocabulary.vocabulary).describe(try Parser.parse(source))
    }

    private func reasons(_ source: String, _ facts: [String: FactValue?]) throws -> [String] {
        let condition = try TestVocabulary.condition(source)
        let trace = condition.trace(TestVocabulary.values(facts))
        return ConditionExplainer(vocabulary: TestVocabulary.vocabulary).reasons(trace)
    }

    // MARK: Describer

    @Test(arguments: [
        ("true", "s'applique à tout territoire"),
        ("false", "ne s'applique à aucun territoire"),
        ("cpts", "une CPTS couvre le territoire"),
        ("not cpts", "aucune CPTS ne couvre le territoire"),
        ("not cpts and population < 3500", "aucune CPTS ne couvre le territoire et population : moins de 3~500~habitants"),
        ("not (population < 3500)", "population : au moins 3~500~habitants"),
        ("not (population >= 10000)", "population : moins de 10~000~habitants"),
        ("population <= 1200 or population > 250000", "population : au plus 1~200~habitants ou population : plus de 250~000~habitants"),
        ("share75Plus != 12.5", "part des 75 ans et plus : autre que 12,5~%"),
        ("density == 'rural'", "densité : zone rurale"),
        ("density in ['urbain', 'periurbain', 'rural']", "densité : zone urbaine, zone périurbaine ou zone rurale"),
        ("density not in ['urbain', 'rural']", "densité : ni zone urbaine ni zone rurale"),
        ("not (density in ['urbain'])", "densité : ni zone urbaine"),
        ("'sante-mentale' in priorities", "priorités : comprend « santé mentale »"),
        ("'prevention' not in priorities", "priorités : ne comprend pas « prévention »"),
        ("not ('prevention' in priorities)", "priorités : ne comprend pas « prévention »"),
        ("name == 'Lyon'", "nom du territoire : Lyon"),
        ("cpts or (clsm and population > 10000)", "une CPTS couvre le territoire ou (un CLSM existe et population : plus de 10~000~habitants)"),
        ("not (cpts or clsm)", "non (une CPTS couvre le territoire ou un CLSM existe)"),
        ("not not clsm", "non (pas de CLSM)"),
        ("cpts == true", "une CPTS couvre le territoire : oui"),
        ("share75Plus > population", "part des 75 ans et plus dépasse population"),
        ("not (share75Plus > population)", "part des 75 ans et plus ne dépasse pas population"),
    ])
    func describes(source: String, expected: String) throws {
        #expect(try describe(source) == Self.french(expected))
    }

    // MARK: Explainer

    @Test("deux faits comparés : un verbe, et les deux valeurs l'une contre l'autre")
    func twoFactsCompared() throws {
        let found = try reasons("share75Plus > population", ["population": .number(120), "share75Plus": .number(12.5)])
        #expect(found == [Self.french("part des 75 ans et plus dépasse population — ici 12,5~% contre 120~habitants")])
    }

    @Test func failedConditionNamesThePartThatFailedWithTheActualValue() throws {
        let found = try reasons("not cpts and population < 3500", ["population": .number(12_400), "cpts": .bool(false)])
        #expect(found == [Self.french("population : moins de 3~500~habitants — ici 12~400~habitants")])
        #expect(found[0].contains(Self.french("population : moins de 3~500")))
        #expect(found[0].contains(Self.french("ici 12~400")))
    }

    @Test func heldConditionNamesEveryPartThatHeld() throws {
        let found = try reasons("not cpts and population < 3500", ["population": .number(1_200), "cpts": .bool(false)])
        #expect(found == [
            "aucune CPTS ne couvre le territoire",
            Self.french("population : moins de 3~500~habitants — ici 1~200~habitants"),
        ])
    }

    @Test func failedDisjunctionListsEachAlternative() throws {
        let found = try reasons("cpts or density == 'rural'", ["cpts": .bool(false), "density": .text("urbain")])
        // What the territory has for the yes/no fact, rather than « ni une CPTS couvre le territoire ».
        #expect(found == ["densité : zone rurale — ici zone urbaine", "aucune CPTS ne couvre le territoire"])
    }

    @Test func heldDisjunctionNamesTheAlternativesThatHeld() throws {
        let found = try reasons("cpts or density == 'rural' or population > 100", [
            "cpts": .bool(false), "density": .text("rural"), "population": .number(5_000),
        ])
        // A held equality already states the value; a held inequality still names the actual one.
        #expect(found == ["densité : zone rurale", Self.french("population : plus de 100~habitants — ici 5~000~habitants")])
    }

    @Test func heldLeavesNameTheFactsTheyRead() throws {
        let explainer = ConditionExplainer(vocabulary: TestVocabulary.vocabulary)
        let condition = try TestVocabulary.condition("not cpts and (population < 3500 or density in ['urbain', 'rural'])")
        let held = explainer.heldLeaves(condition.trace(TestVocabulary.values([
            "cpts": .bool(false), "population": .number(1_200), "density": .text("rural"),
        ])))
        #expect(held.map(\.text) == [
            "aucune CPTS ne couvre le territoire",
            Self.french("population : moins de 3~500~habitants — ici 1~200~habitants"),
            "densité : zone urbaine ou zone rurale",
        ])
        #expect(held.map(\.facts) == [["cpts"], ["population"], ["density"]])
        let failed = condition.trace(TestVocabulary.values(["cpts": .bool(true), "population": .number(1_200), "density": .text("rural")]))
        #expect(explainer.heldLeaves(failed).isEmpty)
    }

    @Test func unknownPartsSayTheFactIsMissing() throws {
        let found = try reasons("share75Plus >= 12.5 and not cpts", ["share75Plus": nil, "cpts": .bool(false)])
        #expect(found == [Self.french("part des 75 ans et plus : au moins 12,5~% — ici non renseigné (inconnu)")])
        let flag = try reasons("clsm", ["clsm": nil])
        #expect(flag == ["un CLSM existe — inconnu"])
    }

    @Test func negatedConjunctionThatFailsNamesWhatHeld() throws {
        let found = try reasons("not (population < 3500 and cpts)", ["population": .number(1_200), "cpts": .bool(true)])
        #expect(found == [Self.french("population : moins de 3~500~habitants — ici 1~200~habitants"), "une CPTS couvre le territoire"])
    }

    @Test func membershipExplainsWithLabels() throws {
        #expect(try reasons("density in ['urbain', 'rural']", ["density": .text("periurbain")])
            == ["densité : zone urbaine ou zone rurale — ici zone périurbaine"])
        // A failed membership is said by what the set holds, not by the requirement, which would read as a fact
        // (« comprend « santé mentale » » for a team that did not choose it).
        #expect(try reasons("'sante-mentale' in priorities", ["priorities": .set(["prevention"])])
            == ["priorités : ne comprend pas « santé mentale »"])
        #expect(try reasons("not ('prevention' in priorities)", ["priorities": .set(["prevention"])])
            == ["priorités : comprend « prévention »"])
        #expect(try reasons("'prevention' not in priorities and population < 3500", ["priorities": .set(["prevention"]), "population": .number(1_000)])
            == ["priorités : comprend « prévention »"])
        // Unknown: nothing is said of what the set holds.
        #expect(try reasons("'sante-mentale' in priorities", ["priorities": nil]) == ["priorités : comprend « santé mentale » — inconnu"])
    }

    @Test func failedMembershipsOfOneSetAreSaidOnce() throws {
        let found = try reasons("'sante-mentale' in priorities or 'prevention' in priorities or population < 3500",
                                ["priorities": .set(["acces-aux-soins"]), "population": .number(10_000)])
        #expect(found == [Self.french("population : moins de 3~500~habitants — ici 10~000~habitants"),
                          "priorités : ne comprend ni « santé mentale » ni « prévention »"])
    }

    @Test func nestedAlternativesAreSaidOneByOne() throws {
        // « ni population … ; ni une CPTS … ou (un CLSM … et …) » read as a riddle: each alternative is said alone.
        let found = try reasons("population < 3500 or (cpts or (clsm and population > 100))",
                                ["population": .number(10_000), "cpts": .bool(false), "clsm": .bool(false)])
        #expect(found == [Self.french("population : moins de 3~500~habitants — ici 10~000~habitants"),
                          "aucune CPTS ne couvre le territoire", "pas de CLSM"])
    }

    @Test func factValuesAreWrittenForPeople() throws {
        let condition = try TestVocabulary.condition("population > 1 and share75Plus > 1 and cpts and density == 'rural' and 'prevention' in priorities and population < 1000000")
        let trace = condition.trace(TestVocabulary.values([
            "population": .number(1_234_567), "share75Plus": .number(20.25), "cpts": .bool(true),
            "density": .text("rural"), "priorities": .set(["prevention", "acces-aux-soins"]),
        ]))
        let values = ConditionExplainer(vocabulary: TestVocabulary.vocabulary).factValues(in: trace)
        #expect(values.map(\.name) == ["population", "share75Plus", "cpts", "density", "priorities"])
        #expect(values.map(\.text) == [
            Self.french("1~234~567~habitants"), Self.french("20,25~%"), "oui", "zone rurale", "accès aux soins, prévention",
        ])
        #expect(values.map(\.isBool) == [false, false, true, false, true])
    }
}
