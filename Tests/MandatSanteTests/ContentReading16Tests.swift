import Foundation
@testable import MandatSante
import Testing

/// A consultant's reading of five more whole roadmaps (reader16): page 1 lists what the next months hold, a
/// deferred card names what holds its place, and the steps and funders fit the territory.
@Suite("Relecture 16 : décisions de la page 1, reports, étapes et financeurs du territoire")
struct ContentReading16Tests {
    @Test("les décisions à prendre d'abord : rien de l'après-2027 pris au mérite, le conseil de surveillance de la ville siège du GHT en fait partie, huit au plus")
    func decisionsAreWhatTheNextMonthsHold() throws {
        for name in DeclaredPriorityTests.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            let document = try ExampleSynthesisTests.document(name)
            #expect((1...8).contains(document.synthesis.decisions.count), "\(name)")
            for decision in document.synthesis.decisions {
                let item = try #require(roadmap.item(decision.id))
                guard item.phaseIndex > 1 else { continue }
                // A priority's action smoothed out of 2027 above its ceiling stays the priority's decision (the
                // Réunion ASV, which the CLS of 2027 also serves).
                if case .smoothed = item.placement, case .priority = item.selection { continue }
                // A later decision is a declared priority's first action, which nothing earlier serves: the priority
                // it was chosen for (the transport to care, chosen for « mobilités », starting in 2028 while the MSP of
                // 2027 also serves access to care), or every priority it serves.
                var served = Set(item.recommendation.serves)
                if case .priority(let priority) = item.selection { served = [priority] }
                let earlier = document.synthesis.decisions.compactMap { roadmap.item($0.id) }.filter { $0.phaseIndex <= 1 }
                #expect(!served.isEmpty && earlier.allSatisfy { Set($0.recommendation.serves).isDisjoint(with: served) }, "\(name) : \(decision.id)")
            }
        }
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        #expect(prefecture.synthesis.decisions.map(\.rank) == Array(1...8))
        #expect(prefecture.synthesis.decisions.contains { $0.id == "hopital-conseil-surveillance" })
        #expect(!prefecture.synthesis.decisions.contains { $0.id == "msp-conforter-existante" })
    }

    @Test("une action reportée sur plusieurs phases dit quelles actions moins bien notées tiennent sa place, par leurs numéros")
    func deferredCardNamesItsHolders() throws {
        let document = try ExampleSynthesisTests.document("communaute-communes-rurale")
        // Deferred from 2027 to the end of the mandate (since plan39, when health in the PLUi keeps its deadline in
        // 2028): the mobile unit (107) names the actions of lower score that hold its place up to the review, each with
        // its reason. Since session 37, only what took its place: 2027 holds nine units for five, beyond what any of
        // its actions frees, and is not named.
        let bus = try #require(document.card("medicobus-aller-vers"))
        #expect(MiddlePhaseTests.plain(bus.placementBrief ?? "") == "à partir d'avr. 2029, car d'ici le bilan de mi-mandat la place est prise "
                + "par les actions 10 et 11 (priorités de l'équipe) et 12 (tenue par une échéance)", "\(bus.placementBrief ?? "")")
    }

    @Test("l'ambition se présente au comité de pilotage du CLS là où un CLS existe, et s'adresse à l'ARS ailleurs")
    func ambitionGoesToTheCLSCommittee() throws {
        let withCLS = try #require(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true).card("ambition-politique-sante"))
        #expect(withCLS.steps.contains { $0.hasPrefix("La présenter au comité de pilotage du contrat local de santé") }, "\(withCLS.steps)")
        #expect(!withCLS.steps.contains { $0.contains("première réunion de travail") })
        let without = try #require(try ExampleSynthesisTests.document("commune-nouvelle-zac", detail: true).card("ambition-politique-sante"))
        // One letter, which also names the élu référent and any CLS project (the élu and CLS cards refer to it).
        #expect(without.steps.contains { $0.hasPrefix("L'envoyer à l'ARS et à l'Assurance Maladie, en y nommant l'élu référent") }, "\(without.steps)")
    }

    @Test("l'extension de la maison de santé : la DETR jusqu'à 20 000 habitants, la DSIL au-delà ; le FIR de la parole des habitants seulement avec un CLS")
    func fundersFitTheTerritory() throws {
        let town = try #require(try ExampleSynthesisTests.document("commune-nouvelle-zac", detail: true).card("msp-conforter-existante"))
        #expect(town.funding.contains { $0.contains("DETR ou DSIL") }, "\(town.funding)")
        let city = try #require(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true).card("msp-conforter-existante"))
        #expect(!city.funding.contains { $0.contains("DETR ou DSIL") } && city.funding.contains { $0.contains("la DETR n'est ouverte qu'aux communes de") }, "\(city.funding)")
        let voice = try #require(try ExampleSynthesisTests.document("commune-nouvelle-zac", detail: true).card("participation-habitants-diagnostic"))
        #expect(!voice.funding.contains { $0.contains("FIR") } && !voice.partners.contains("conseil municipal"), "\(voice.funding) \(voice.partners)")
    }
}
