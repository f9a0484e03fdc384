import Foundation
@testable import MandatSante
import ProfileGeneration
import RuleKit
import EngineTestSupport
import Testing

/// Why a recommendation does not apply names the parts of its condition that failed, with the territory's values.
/// A batch finds them with one program per recommendation (`ConditionReasonProgram`) instead of tracing each
/// condition: it must say exactly what the trace says.
@Suite("Raisons d'une condition non remplie, sans trace")
struct ConditionReasonProgramTests {
    @Test("300 territoires générés : pour chaque condition, les mêmes raisons que la trace, mot pour mot")
    func sameReasonsAsTheTrace() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let explainer = ConditionExplainer(vocabulary: vocabulary)
        let profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_203).profiles(count: 300)
        var differing: [String] = []
        var failed = 0, unknown = 0, neither = 0, compared = 0
        for recommendation in ruleBase.recommendations {
            let program = ConditionReasonProgram(recommendation.condition.expression, vocabulary: vocabulary)
            for profile in profiles {
                let facts = profile.facts
                let trace = recommendation.condition.trace(facts)
                let traced = explainer.reasons(trace)
                let found = program.reasons(facts)
                // As a batch asks: the numbers of the territory written once.
                let numbers = vocabulary.facts.map { $0.type.isNumeric ? ValueFormatter.value(profile.value($0.name), of: $0) : nil }
                if program.reasons(facts, numbers: numbers) != traced { differing.append("\(recommendation.id) pour \(profile.name), nombres écrits d'avance") }
                if trace.truth == .false { failed += 1 }
                if trace.truth == .unknown { unknown += 1 }
                if trace.truth != .true {
                    neither += traced.filter { $0.hasPrefix("ni ") }.count
                    compared += traced.filter { $0.contains(" contre ") }.count
                }
                if found != traced {
                    differing.append("\(recommendation.id) pour \(profile.name) : \(found) au lieu de \(traced)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(3).joined(separator: " ; "))")
        // The rule base has conditions that fail, that cannot be decided, that fail on every part of an `or`, and
        // that compare two facts.
        #expect(failed > 10_000, "\(failed) conditions non remplies")
        #expect(unknown > 100, "\(unknown) conditions indéterminées")
        #expect(neither > 1_000, "\(neither) raisons « ni … »")
        #expect(compared > 10, "\(compared) raisons qui comparent deux faits")
    }

    @Test("1 500 territoires générés : deux territoires de même clé ont les mêmes raisons, mot pour mot, et les clés se partagent")
    func sameKeySameReasons() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_204).profiles(count: 1_500)
        var differing: [String] = []
        var asked = 0, shared = 0
        for recommendation in ruleBase.recommendations {
            let program = ConditionReasonProgram(recommendation.condition.expression, vocabulary: vocabulary)
            var kept: [[FactValue?]: (reasons: [String], name: String)] = [:]
            for profile in profiles {
                let truths = program.evaluate(profile.facts)
                guard truths.last != .true else { continue }
                let key = program.key(truths: truths, profile.facts)
                let reasons = program.reasons(truths: truths, profile.facts)
                asked += 1
                if let known = kept[key] {
                    shared += 1
                    if known.reasons != reasons { differing.append("\(recommendation.id) : \(profile.name) \(reasons) et \(known.name) \(known.reasons)") }
                } else {
                    kept[key] = (reasons, profile.name)
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(3).joined(separator: " ; "))")
        // A memory of them is worth keeping: most territories share another's key.
        #expect(shared * 2 > asked, "\(shared) clés partagées sur \(asked)")
    }

    @Test("Chaque forme de condition : les parties en échec, avec les valeurs du territoire, comme la trace",
          arguments: [
              ("population >= 3500 and (cpts or density == 'rural')", ["population": .number(1_200), "cpts": .bool(false), "density": .text("urbain")]),
              ("cpts or density == 'rural'", ["cpts": .bool(false), "density": .text("urbain")]),
              ("share75Plus > population", ["population": .number(120), "share75Plus": .number(12.5)]),
              ("not (cpts and population < 3500)", ["population": .number(1_200), "cpts": .bool(true)]),
              ("share75Plus > 12 and population < 3500", ["population": .number(1_200)]),
              ("density not in ['urbain', 'rural'] and 'prevention' in priorities", ["density": .text("rural"), "priorities": .set(["prevention"])]),
          ] as [(String, [String: FactValue?])])
    func sameReasonsForEachForm(source: String, facts assignments: [String: FactValue?]) throws {
        let condition = try TestVocabulary.condition(source)
        let facts = TestVocabulary.values(assignments)
        let program = ConditionReasonProgram(condition.expression, vocabulary: TestVocabulary.vocabulary)
        let found = program.reasons(facts)
        #expect(found == ConditionExplainer(vocabulary: TestVocabulary.vocabulary).reasons(condition.trace(facts)))
    }

    @Test("Une condition non remplie : la population du territoire, puis les deux alternatives qui manquent")
    func failedPartsWithTheirValues() throws {
        let condition = try TestVocabulary.condition("population >= 3500 and (cpts or density == 'rural')")
        let facts = TestVocabulary.values(["population": .number(1_200), "cpts": .bool(false), "density": .text("urbain")])
        let program = ConditionReasonProgram(condition.expression, vocabulary: TestVocabulary.vocabulary)
        let found = program.reasons(facts)
        #expect(found == [
            "population : au moins 3\u{00A0}500\u{00A0}habitants — ici 1\u{00A0}200\u{00A0}habitants",
            // The one alternative left asked for a value: said without « ni »; the yes/no fact says what the
            // territory has, after it.
            "densité : zone rurale — ici zone urbaine",
            "aucune CPTS ne couvre le territoire",
        ])
    }

    @Test("300 territoires générés et les exemples : ni double négation (« ni pas », « ni aucun »), ni « autre que … — ici » la même valeur, ni une exigence oui/non lue comme un constat")
    func noDoubleNegatives() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let explainer = ConditionExplainer(vocabulary: vocabulary)
        var profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_204).profiles(count: 300)
        for name in ExampleSynthesisTests.exampleNames {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let bytes = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("Profiles/\(name).json").path))
            profiles.append(try #require(ProfileLoader.load(Array(bytes), file: name, vocabulary: vocabulary).0))
        }
        var wrong: [String] = []
        var held = 0
        for recommendation in ruleBase.recommendations {
            for profile in profiles {
                let trace = recommendation.condition.trace(profile.facts)
                guard trace.truth == .false else { continue }
                for reason in explainer.reasons(trace) {
                    let folded = reason.lowercased()
                    if folded.hasPrefix("ni pas ") || folded.contains("; ni pas ") || folded.hasPrefix("ni aucun") || folded.contains("; ni aucun")
                        || folded.contains("autre que") || folded.hasPrefix("ni sans ") {
                        wrong.append("\(recommendation.id) pour \(profile.name) : \(reason)")
                    }
                }
                held += explainer.reasons(trace).filter { $0 == "aucune maison de santé pluriprofessionnelle (MSP)" || $0 == "un hôpital sur le territoire ou à moins de 30 minutes" }.count
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) raisons, dont \(wrong.prefix(4).joined(separator: " | "))")
        // Yes/no facts are said as the territory has them.
        #expect(held > 20, "\(held)")
    }

    @Test("une exigence oui/non non remplie se dit par ce qu'a le territoire ; une alternative tenue sort de la chaîne « ni »")
    func yesNoFactsSaidAsTheyAre() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let explainer = ConditionExplainer(vocabulary: vocabulary)
        var facts = try Fixture.profile(Fixture.ProfileSpec(population: 3_000, msp: true, hospitalRole: "hopital-de-proximite"), in: ruleBase).facts
        facts.set("healthReferent", to: .bool(true), in: vocabulary)
        facts.set("healthCoordinator", to: .bool(true), in: vocabulary)
        for (source, expected) in [
            ("not msp", ["au moins une maison de santé pluriprofessionnelle (MSP)"]),
            ("not healthReferent or not healthCoordinator", ["un élu référent santé est désigné", "un poste de coordination santé est pourvu"]),
            ("cls != 'aucun' or not hospital", ["contrat local de santé (CLS) : aucun CLS", "un hôpital sur le territoire ou à moins de 30 minutes"]),
            ("population >= 10000 or density == 'grand-centre-urbain' or not hospital", []),
        ] {
            let condition = try Condition.compile(source, vocabulary: vocabulary).get()
            let reasons = explainer.reasons(condition.trace(facts))
            if expected.isEmpty {
                // Two alternatives that failed stay « ni … ; ni … »; the one the territory holds comes after, on its own.
                #expect(reasons.count == 2 && reasons[0].hasPrefix("ni population : au moins") && reasons[0].contains(" ; ni catégorie de densité"), "\(reasons)")
                #expect(reasons.last == "un hôpital sur le territoire ou à moins de 30 minutes", "\(reasons)")
            } else {
                #expect(reasons == expected, "\(source)")
            }
            #expect(ConditionReasonProgram(condition.expression, vocabulary: vocabulary).reasons(facts) == reasons, "\(source)")
        }
    }
}
