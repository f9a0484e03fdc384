import Testing
@testable import MandatSante

/// A heavy period names among what cannot wait what one of those starts from in the same period: « reporter le
/// reste » put off the métropole's shared diagnosis, which its CLS renewal needs first (reader39a).
@Suite("Période chargée : ce dont part une action qui ne peut attendre ne peut attendre non plus")
struct HeavyPhasePrerequisiteTests {
    @Test("métropole : le diagnostic partagé, préalable du renouvellement du CLS, est nommé parmi ce qui ne peut attendre")
    func prerequisiteOfAFoundation() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm")
        let diagnosis = try #require(document.card("diagnostic-sante-partage")?.rank)
        let renewal = try #require(document.card("cls-renouveler")?.rank)
        let size = Plan24Tests.plain(document.synthesis.sizeNote)
        #expect(size.contains("l'action \(diagnosis) (liée à l'action \(renewal))"), "\(size)")
        #expect(size.contains("passent d'abord ; reporter le reste"), "\(size)")
    }

    @Test("ville moyenne : sans préalable dans la période chargée, la phrase ne change pas")
    func noPrerequisiteNoMention() throws {
        let document = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls")
        let size = Plan24Tests.plain(document.synthesis.sizeNote)
        #expect(!size.contains("liée"), "\(size)")
    }
}

@Suite("Période chargée : « les actions tenues par une échéance » ne redit pas « actions »")
struct HeavyPhaseWordingTests {
    @Test("station balnéaire : « les actions tenues par une échéance (4, 5 et 6) », pas « (actions 4, 5 et 6) »")
    func datedActionsSayActionsOnce() throws {
        let size = Plan24Tests.plain(try ExampleSynthesisTests.document("station-balneaire-saisonniere").synthesis.sizeNote)
        #expect(size.contains("les actions tenues par une échéance (4, 5 et 6)"), "\(size)")
        #expect(!size.contains("(actions"), "\(size)")
    }
}
