import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 32 (issues 12 and 14, reader32b): what a consultant's reading of four example roadmaps changed.
@Suite("Lecture 32b : l'exemple du CLS à la mesure d'une communauté de communes rurale")
struct Reader32bTests {
    @Test("une communauté de communes rurale qui engage son CLS n'a pas pour exemple une agglomération périurbaine (Val d'Europe) ; l'agglomération le garde")
    func ruralCommunityClsExample() throws {
        let rural = try #require(try ExampleSynthesisTests.document("communaute-communes-rurale", detail: true).card("cls-engager"))
        #expect(!rural.examples.filter(\.told).map(\.territory).contains("Val d'Europe Agglomération (Seine-et-Marne)"), "\(rural.examples.map(\.territory))")
        let agglomeration = try #require(try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation", detail: true).card("cls-engager"))
        #expect(agglomeration.examples.filter(\.told).map(\.territory).contains("Val d'Europe Agglomération (Seine-et-Marne)"), "\(agglomeration.examples.map(\.territory))")
    }
}
