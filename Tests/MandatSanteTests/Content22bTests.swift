import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 22 (issues 12 and 14, content): relations, merits and cards a consultant flagged — the préfecture's
/// residents' voice and junior doctors, the medium town's atelier santé ville, the school-yard pair, Mayotte's
/// cyclone season.
@Suite("Contenu 22b : relations, mérites et fiches relevés par la lecture de consultant")
struct Content22bTests {
    @Test("préfecture : le recueil de la parole des habitants, tenu par la stratégie bien vieillir qui le suit, dit pourquoi il est là")
    func prefectureVoiceSaysWhy() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let voice = try #require(document.card("participation-habitants-diagnostic"))
        #expect(voice.forYou.contains { $0.contains("nourrit la stratégie « bien vieillir »") }, "\(voice.forYou)")
        let strategy = try #require(document.card("bien-vieillir-strategie-territoriale"))
        #expect(strategy.rank > voice.rank)
    }
}
