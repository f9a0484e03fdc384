import Foundation
import MandatSante
import ProfileGeneration
import RuleKit
import Testing

/// A batch's presenter keeps wording across territories that share the values it reads (`WordingMemo`): what it
/// hands to one territory must be what that territory would get alone, or the key misses a fact it reads.
@Suite("Mise en mots gardée d'un territoire à l'autre")
struct WordingMemoTests {
    @Test("400 territoires générés : chaque feuille de route JSON d'un lot est celle du territoire seul")
    func keptWordingIsTheTerritorysOwn() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let profiles = try ProfileGenerator(vocabulary: ruleBase.vocabulary, seed: 20_261_202).profiles(count: 400)
        let planner = Planner(ruleBase: ruleBase)
        let batch = RoadmapPresenter(ruleBase: ruleBase, cachesWording: true)
        let alone = RoadmapPresenter(ruleBase: ruleBase)
        let renderer = JSONRoadmapRenderer()
        var differing: [String] = []
        // Each territory planned and worded alone once: both are pure functions of the territory and the month.
        let cases = try profiles.enumerated().map { index, profile in
            let roadmap = planner.plan(profile, calendar: try MandateCalendar(start: MandateCalendar.mandateStart.adding(months: (index * 37) % 71)))
            return (name: profile.name, roadmap: roadmap, alone: renderer.render(alone.document(roadmap)))
        }
        // Twice over the same territories: the second pass reads everything from what the first kept.
        for pass in 0..<2 {
            for (name, roadmap, aloneJSON) in cases where renderer.render(batch.document(roadmap)) != aloneJSON {
                differing.append("\(name) (passage \(pass + 1))")
            }
        }
        #expect(differing.isEmpty, "\(differing.count) feuilles de route diffèrent, dont \(differing.prefix(5).joined(separator: ", "))")
    }

    @Test("chaque format : le présentateur d'un lot, qui ne rédige que ce que le format imprime, donne les mêmes octets que celui d'un territoire seul")
    func batchPresenterWordsWhatEachFormatPrints() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let profiles = try ProfileGenerator(vocabulary: ruleBase.vocabulary, seed: 20_261_204).profiles(count: 120)
        let planner = Planner(ruleBase: ruleBase)
        let alone = RoadmapPresenter(ruleBase: ruleBase)
        let calendar = try MandateCalendar(start: YearMonth(year: 2026, month: 12))
        var differing: [String] = []
        var shortened = 0, withoutScores = 0, withoutPageOne = 0, tablesDiffering: [String] = []
        // Each territory planned and worded alone once, whatever the format: both are pure functions of the territory.
        let cases = profiles.map { profile in
            let roadmap = planner.plan(profile, calendar: calendar)
            return (name: profile.name, roadmap: roadmap, alone: alone.document(roadmap))
        }
        for format in RoadmapFormat.allCases {
            // As `BatchRowProcessor` makes it: only JSON gets the left-out list, the reasons of the entries to
            // consider later and the parts of a card that `--detail` alone prints otherwise; the CSV no page 1 nor
            // portrait (`wordsPageOne`).
            let batch = RoadmapPresenter(ruleBase: ruleBase, wordsLeftOut: format == .json, considerLaterLines: format.considerLaterLines,
                                         wordsConsiderLaterReasons: format == .json, wordsSpecialistParts: format == .json,
                                         wordsPageOne: format.printsPageOne, cachesWording: true)
            let renderer = format.renderer
            for (index, (name, roadmap, aloneDocument)) in cases.enumerated() {
                let document = batch.document(roadmap)
                if renderer.render(document) != renderer.render(aloneDocument) { differing.append("\(name) (\(format.rawValue))") }
                if document.synthesis.findings.isEmpty && document.portrait.lines.isEmpty && document.synthesis.sizeNote.isEmpty {
                    withoutPageOne += 1
                    // A batch that writes its syntheses only words no page 1 either: its three tables are the same.
                    let territory = BatchTables.Territory(line: index + 2, profile: roadmap.profile, vocabulary: ruleBase.vocabulary)
                    let kept = BatchTables.rows(document, territory: territory, levers: ruleBase.levers)
                    let whole = BatchTables.rows(aloneDocument, territory: territory, levers: ruleBase.levers)
                    if kept != whole { tablesDiffering.append(name) }
                }
                if document.considerLater.contains(where: { $0.line == nil }) { shortened += 1 }
                if format != .json, document.cards.contains(where: { $0.scoreLine.isEmpty && $0.scoreTerms.isEmpty }) { withoutScores += 1 }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) feuilles de route diffèrent, dont \(differing.prefix(5).joined(separator: ", "))")
        #expect(tablesDiffering.isEmpty, "synthèses de lot différentes sans la page 1 : \(tablesDiffering.prefix(5).joined(separator: ", "))")
        // The CSV, and it alone, was rendered from documents without page 1 and portrait, or the test proves nothing.
        #expect(withoutPageOne == profiles.count, "\(withoutPageOne) documents sans page 1 ni portrait, \(profiles.count) attendus (le CSV)")
        // Some territories do have entries left without their line, or the test proves nothing.
        #expect(shortened > 100, "\(shortened) documents sans toutes les lignes « pour vous »")
        // The formats other than JSON were rendered from documents without the score lines, or the test proves nothing.
        #expect(withoutScores > 3 * profiles.count, "\(withoutScores) documents sans les lignes de score")
    }

    @Test("la place prise dans chaque phase, sommée en un passage, est celle des actions de chaque phase")
    func halfUnitsUsedAreEachPhasesOwn() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let profiles = try ProfileGenerator(vocabulary: ruleBase.vocabulary, seed: 20_261_208).profiles(count: 80)
        let planner = Planner(ruleBase: ruleBase)
        var differing: [String] = [], filled = 0
        for (index, profile) in profiles.enumerated() {
            let roadmap = planner.plan(profile, calendar: try MandateCalendar(start: MandateCalendar.mandateStart.adding(months: (index * 13) % 60)))
            let each = roadmap.calendar.phases.indices.map { phase in roadmap.items(inPhase: phase).reduce(0) { $0 + $1.halfUnits } }
            if roadmap.halfUnitsUsed != each { differing.append("\(profile.name) : \(roadmap.halfUnitsUsed) au lieu de \(each)") }
            filled += each.filter { $0 > 0 }.count
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).joined(separator: " ; "))")
        // Most phases hold actions, or the test proves nothing.
        #expect(filled > 2 * profiles.count, "\(filled) phases occupées")
    }

    @Test("des communes qui ne diffèrent que par leurs nombres partagent la mise en mots, chacune avec ses propres nombres")
    func numbersAreEachTerritorysOwn() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_203).profiles(count: 60)
        let planner = Planner(ruleBase: ruleBase)
        let batch = RoadmapPresenter(ruleBase: ruleBase, cachesWording: true)
        let alone = RoadmapPresenter(ruleBase: ruleBase)
        let renderer = JSONRoadmapRenderer()
        let numeric = vocabulary.facts.filter(\.type.isNumeric).compactMap { fact in vocabulary.slot(of: fact.name) }
        let calendar = try MandateCalendar(start: MandateCalendar.mandateStart)
        var differing: [String] = []
        var numbersSeen = 0, reasonsWithPopulation = 0
        for profile in profiles {
            // The same territory with every number a little higher: mostly the same side of every threshold.
            for step in 0..<3 {
                var varied = profile
                for slot in numeric {
                    if case .number(let value)? = varied.facts[slot] { varied.facts[slot] = .number(value + Double(step) * 7) }
                }
                let roadmap = planner.plan(varied, calendar: calendar)
                let document = batch.document(roadmap)
                let json = renderer.render(document)
                if json != renderer.render(alone.document(roadmap)) {
                    differing.append("\(profile.name) (+\(step * 7))")
                }
                // « Pour vous : commune de 1 257 habitants », worded from what an earlier territory left.
                if step > 0, let population = varied.number(vocabulary.factName(.population)),
                   document.cards.contains(where: { $0.forYou.contains { $0.contains(ValueFormatter.number(population) + "\u{00A0}habitants") } }) {
                    numbersSeen += 1
                }
                // « ne s'applique pas ici : population : au moins 10 000 habitants — ici 1 257 habitants »: the left-out
                // reasons are kept with their numbers as placeholders, and say this territory's own.
                if step > 0, let population = varied.number(vocabulary.factName(.population)),
                   document.leftOut.contains(where: { group in
                       group.entries.contains { $0.reasonCode == "condition-non-remplie" && $0.reason.contains("ici " + ValueFormatter.number(population) + "\u{00A0}habitants") }
                   }) {
                    reasonsWithPopulation += 1
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) feuilles de route diffèrent, dont \(differing.prefix(5).joined(separator: ", "))")
        #expect(numbersSeen > 60, "\(numbersSeen) feuilles de route disent la population de leur territoire")
        #expect(reasonsWithPopulation > 60, "\(reasonsWithPopulation) feuilles de route donnent leur population dans les raisons des actions écartées")
    }

    @Test("des équipes aux priorités et projets différents : chacune a sa mise en mots, gardée par les seuls membres que les conditions testent")
    func setsAreKeyedByTheMembersTested() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_205).profiles(count: 12)
        let planner = Planner(ruleBase: ruleBase)
        let batch = RoadmapPresenter(ruleBase: ruleBase, cachesWording: true)
        let alone = RoadmapPresenter(ruleBase: ruleBase)
        let renderer = JSONRoadmapRenderer()
        let sets = vocabulary.facts.filter { $0.type == .set }.compactMap { fact in vocabulary.slot(of: fact.name).map { (slot: $0, choices: fact.choices.map(\.id)) } }
        let calendar = try MandateCalendar(start: YearMonth(year: 2026, month: 12))
        var differing: [String] = []
        var varied = 0
        for profile in profiles {
            // Each choice of each set added or removed in turn: members tested or not, a set emptied or filled.
            for set in sets {
                for choice in set.choices {
                    var other = profile
                    var members: Set<String> = []
                    if case .set(let held)? = profile.facts[set.slot] { members = held }
                    other.facts[set.slot] = .set(members.symmetricDifference([choice]))
                    let roadmap = planner.plan(other, calendar: calendar)
                    if renderer.render(batch.document(roadmap)) != renderer.render(alone.document(roadmap)) {
                        differing.append("\(profile.name) (\(choice))")
                    }
                    varied += 1
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) feuilles de route diffèrent, dont \(differing.prefix(5).joined(separator: ", "))")
        #expect(varied > 100, "\(varied) variantes seulement")
    }
}
