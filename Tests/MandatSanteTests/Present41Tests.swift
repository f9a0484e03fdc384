import Foundation
import MandatSante
import RuleKit
import Testing

/// Session 41 (read40a, read40b): one way of naming what holds a phase, one label per action, a deadline that does not
/// read as past, the team's time said plainly, no grant named for a step of time alone, a line for every action to
/// consider later.
@Suite("Présentation 41 : ce qui tient une période, dit d'une seule façon")
struct Present41Tests {
    /// The action numbers a holders' segment names outside brackets (« les actions 5 à 8, qui passent avant elle »,
    /// « les actions 5 (liée à l'action 6) et 6 (tenue par une échéance) »): ranges expanded, the numbers of a link left out.
    static func namedRanks(_ segment: String) -> [Int] {
        var outside = ""
        var depth = 0
        for character in segment {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } else if depth == 0 { outside.append(character) }
        }
        let words = outside.replacingOccurrences(of: "\u{00A0}", with: " ").components(separatedBy: CharacterSet(charactersIn: " ,"))
            .filter { !$0.isEmpty }
        var ranks: [Int] = []
        var index = 0
        while index < words.count {
            // A year (« d'ici fin 2027 ») is no action number.
            if let number = Int(words[index]), number < 1000 {
                if index + 2 < words.count, words[index + 1] == "à", let last = Int(words[index + 2]), last > number {
                    ranks += Array(number...last)
                    index += 3
                    continue
                }
                ranks.append(number)
            }
            index += 1
        }
        return ranks
    }

    /// The holders' segments of a deferred card's line, period by period: « d'ici fin 2027 la place est prise par
    /// … », « puis d'ici le bilan de mi-mandat par … ».
    static func segments(_ brief: String) -> [String] {
        guard let held = brief.range(of: " la place est prise par ") else { return [] }
        let text = String(brief[held.upperBound...]).components(separatedBy: " ; ").first ?? ""
        return text.components(separatedBy: ", puis ")
    }

    @Test("La Réunion : la période 2027 est nommée de la même façon sur les fiches 10, 12, 13 et 14 (« les actions 5 à 8, qui passent avant elle »)")
    func reunionNamesTwentyTwentySevenOnce() throws {
        let (roadmap, document) = try Plan24Tests.plan("commune-outre-mer-reunion")
        let deferred = document.cards.filter { card in
            guard let item = roadmap.item(card.id), case .capacity = item.placement else { return false }
            return (card.placementBrief ?? "").contains("d'ici fin 2027 la place est prise par")
        }
        #expect(deferred.map(\.rank) == [10, 11, 12, 13, 14], "\(deferred.map(\.rank))")
        for card in deferred {
            let brief = Plan24Tests.plain(card.placementBrief)
            #expect(brief.contains("d'ici fin 2027 la place est prise par les actions 5 à 8, qui passent avant elle"), "\(card.rank) : \(brief)")
            #expect(!brief.contains("par l'action 6"), "\(card.rank) : \(brief)")
        }
    }

    /// Over the example profiles and 400 generated territories: every period a deferred card names is named by all the
    /// actions it holds, whatever the card's score (read40b: « l'action 6 (liée à l'action 7) » on one card, « les
    /// actions 5 à 8 » on another, for the same 2027).
    @Test("toute période nommée sur une fiche reportée l'est par toutes ses actions")
    func periodNamedByAllItsActions() throws {
        var documents: [(String, Roadmap, RoadmapDocument)] = try Plan34Tests.examples.map { name in
            let (roadmap, document) = try Plan24Tests.plan(name)
            return (name, roadmap, document)
        }
        let generated = try PlanningInvariantTests.presented()
        for (number, (profile, _, roadmap)) in try PlanningInvariantTests.planned().prefix(400).enumerated() {
            documents.append(("\(profile.name) (n° \(number + 1))", roadmap, generated[number]))
        }
        var wrong: [String] = []
        var checked = 0
        for (name, roadmap, document) in documents {
            for card in document.cards {
                guard let item = roadmap.item(card.id), case .capacity = item.placement, let brief = card.placementBrief.map(Plan24Tests.plain) else { continue }
                for segment in Self.segments(brief) {
                    let named = Self.namedRanks(segment)
                    guard !named.isEmpty else { continue }
                    checked += 1
                    let phases = Set(named.compactMap { rank in roadmap.items.first { $0.rank == rank }?.phaseIndex })
                    let all = roadmap.items.filter { phases.contains($0.phaseIndex) }.map(\.rank).sorted()
                    if named.sorted() != all { wrong.append("\(name) \(card.id) : \(segment) ; période : \(all)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) : \(wrong.prefix(3))")
        #expect(checked >= 100, "\(checked)")
    }

    /// What each numbered action is said to be held by (« 5 (liée à l'action 6) », « les décisions fondatrices
    /// (actions 5 et 11) »), read from a line of page 1 or a card: its own cause only (foundation, deadline, priority,
    /// link), never one relative to the card.
    static func labels(_ text: String) throws -> [(rank: Int, label: String)] {
        let plain = Plan24Tests.plain(text)
        func cause(_ words: String) -> String? {
            if words.hasPrefix("décision") || words.contains("décisions fondatrices") || words.contains("décision fondatrice") { return "fondatrice" }
            if words.contains("tenue par une échéance") || words.contains("tenues par une échéance") { return "échéance" }
            if words.hasPrefix("priorité") || words.contains("priorités de l'équipe") || words.contains("priorité de l'équipe") { return "priorité" }
            if words.hasPrefix("liée") { return words.replacingOccurrences(of: "liées", with: "liée") }
            return nil
        }
        var found: [(Int, String)] = []
        // Numbers, then their cause in brackets: « 5 et 7 (décisions fondatrices) ».
        for match in plain.matches(of: try Regex("((?:[0-9]+(?:, | et ))*[0-9]+) \\(([^)]*)\\)")) {
            guard let numbers = match.output[1].substring, let words = match.output[2].substring, let said = cause(String(words)) else { continue }
            found += Self.namedRanks(String(numbers)).map { ($0, said) }
        }
        // A cause, then its numbers (page 1): « les décisions fondatrices (actions 5 et 11) ».
        for match in plain.matches(of: try Regex("(décisions? fondatrices?|actions? tenues? par une échéance|priorités? de l'équipe) \\((?:actions? )?([0-9, et]+)\\)")) {
            guard let words = match.output[1].substring, let numbers = match.output[2].substring, let said = cause(String(words)) else { continue }
            found += Self.namedRanks(String(numbers)).map { ($0, said) }
        }
        return found
    }

    @Test("commune nouvelle : l'action 5 a la même étiquette en page 1 et sur la fiche 8 (« liée à l'action 6 »), jamais « les actions 5 et 6 (à échéance) »")
    func oneLabelInTheCommuneNouvelle() throws {
        let (_, document) = try Plan24Tests.plan("commune-nouvelle-hopital-proximite")
        let size = Plan24Tests.plain(document.synthesis.sizeNote)
        #expect(size.contains("les actions 5 (liée à l'action 6) et 6 (tenue par une échéance) passent d'abord"), "\(size)")
        let card = try #require(document.cards.first { $0.rank == 8 })
        #expect(Plan24Tests.plain(card.placementBrief).contains("la place est prise par les actions 5 (liée à l'action 6) et 6 (tenue par une échéance)"),
                "\(card.placementBrief ?? "")")
    }

    /// Over the example profiles: an action named with its cause on page 1 and on the cards has one cause in the whole
    /// document.
    @Test("profils d'exemple : une action nommée avec sa cause a la même étiquette partout dans le document")
    func oneLabelPerAction() throws {
        var wrong: [String] = []
        var seen = 0
        for name in Plan34Tests.examples {
            let (_, document) = try Plan24Tests.plan(name)
            var label: [Int: String] = [:]
            var texts: [String] = [document.synthesis.sizeNote]
            texts += document.cards.compactMap(\.placementBrief)
            texts += document.cards.compactMap(\.placement)
            for text in texts {
                for (rank, said) in try Self.labels(text) {
                    seen += 1
                    if let known = label[rank], known != said { wrong.append("\(name) : action \(rank) « \(known) » et « \(said) »") }
                    label[rank] = said
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(4))")
        #expect(seen >= 50, "\(seen)")
    }

    @Test("une échéance ne se lit pas comme échue : « (tenue par une échéance) », jamais « (à échéance) », sur la page 1, les fiches et les annexes")
    func deadlineIsNotPast() throws {
        var said = 0
        for name in Plan34Tests.examples {
            let (_, document) = try Plan24Tests.plan(name)
            var texts: [String] = [document.synthesis.sizeNote]
            texts += document.cards.compactMap(\.placementBrief)
            texts += document.cards.compactMap(\.placement)
            texts += document.considerLater.map(\.reason)
            for text in texts.map(Plan24Tests.plain) {
                #expect(!text.contains("à échéance"), "\(name) : \(text)")
                if text.contains("tenue par une échéance") || text.contains("tenues par une échéance") { said += 1 }
            }
        }
        #expect(said >= 20, "\(said)")
        let size = Plan24Tests.plain(try ExampleSynthesisTests.document("commune-outre-mer-reunion").synthesis.sizeNote)
        #expect(size.contains("l'action 9 (tenue par une échéance) ne peut attendre"), "\(size)")
    }

    @Test("bourg du pays : la fiche 7 dit ce qui occupe l'équipe jusque-là, sans « déborde jusque-là »")
    func overflowSaidPlainly() throws {
        let (_, document) = try Plan24Tests.plan("bourg-cls-pays")
        let card = try #require(document.card("ehpad-ouvert-sur-la-commune"))
        #expect(card.rank == 7)
        #expect(Plan24Tests.plain(card.placementBrief) == "à partir d'avr. 2029, car jusque-là l'équipe achève le travail prévu d'ici fin 2027, "
            + "qui dépasse ce qu'elle peut porter dans ce délai", "\(card.placementBrief ?? "")")
        #expect(card.placement == card.placementBrief)
    }

    @Test("page 1 : une étape qui ne coûte que du temps ne nomme pas de financeur (bourg de la dernière pharmacie, petite ville PVD : action 3)")
    func noFunderForTimeAlone() throws {
        for name in ["bourg-derniere-pharmacie", "petite-ville-pvd-msp"] {
            let (_, document) = try Plan24Tests.plan(name)
            let third = try #require(document.synthesis.decisions.first { $0.rank == 3 })
            #expect(third.costRange == CostRange.none.label && third.funder == nil, "\(name) : \(third.funder ?? "")")
            // Its card keeps the funding line, engineering of the programme's project manager.
            #expect(document.card(third.id)?.funding.first?.hasPrefix("ANCT et Banque des Territoires") == true, "\(name)")
        }
        var funded = 0
        for name in Plan34Tests.examples {
            let (_, document) = try Plan24Tests.plan(name)
            for decision in document.synthesis.decisions {
                if decision.costRange == CostRange.none.label || decision.costRange == "temps d'élus" {
                    #expect(decision.funder == nil, "\(name) \(decision.id) : \(decision.funder ?? "")")
                } else if decision.funder != nil {
                    funded += 1
                }
            }
        }
        // The funder of an action that costs money is still named.
        #expect(funded >= 20, "\(funded)")
    }

    @Test("« À envisager ensuite » : sans raison du territoire, la ligne dit l'enjeu de l'action (commune au zonage inconnu), jamais rien")
    func everyEntryHasALine() throws {
        let (_, document) = try Plan24Tests.plan("commune-zonage-inconnu")
        func line(_ id: String) throws -> String { Plan24Tests.plain(try #require(document.considerLater.first { $0.id == id }?.line)) }
        #expect(try line("prevention-primaire-collective") == "enjeu : presque partout, des actions de prévention existent déjà, portées par des "
            + "professionnels de santé, des associations, l'école ou les bailleurs, mais elles restent dispersées")
        // What follows a colon in the stakes goes in brackets: no second colon after « enjeu ».
        #expect(try line("reflexe-sante-projets") == "enjeu : la santé se construit surtout hors du soin (conditions de vie, aménagement, habitat, "
            + "mobilités et alimentation pèsent bien plus que l'offre médicale)")
        #expect(try line("sante-mentale-jeunes").hasPrefix("enjeu : la santé mentale des jeunes se protège de deux façons (des actions collectives"))
        for name in Plan34Tests.examples {
            let (_, document) = try Plan24Tests.plan(name)
            for entry in document.considerLater {
                #expect(entry.line?.isEmpty == false, "\(name) \(entry.id)")
                #expect((entry.line ?? "").components(separatedBy: ":").count <= 2, "\(name) \(entry.id) : \(entry.line ?? "")")
            }
        }
    }
}
