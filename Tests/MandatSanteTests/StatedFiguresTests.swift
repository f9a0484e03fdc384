@testable import MandatSante
import Testing

/// A figure printed in a step or a funding line of the default edition cites the document of the Repère that states
/// it, although the default edition prints no Repère (readers 26d and 27a: « jusqu'à deux jours par mois depuis
/// septembre 2025 » with no document on the card).
@Suite("Chiffres d'une fiche : le document du repère qui les donne est cité, même sans les repères")
struct StatedFiguresTests {
    @Test("un chiffre : nombres de deux chiffres ou plus, milliers et décimales joints, mois avec son année ; jamais une année seule")
    func figures() {
        let fact = StatedFigures(["De 2014 à 2022, 32 658 décès sont attribuables à la chaleur, dont 2,5 % en juin 2022."])
        #expect(fact.shares(StatedFigures(["plus de 32\u{202F}658 décès"])))
        #expect(fact.shares(StatedFigures(["environ 2,5 % des cas"])))
        #expect(fact.shares(StatedFigures(["depuis juin 2022"])))
        #expect(!fact.shares(StatedFigures(["d'ici 2022, puis en 2014"])))
        #expect(!fact.shares(StatedFigures(["en septembre 2022, un seul cas sur 5"])))
        #expect(StatedFigures(["151 intercommunalités"]).shares(StatedFigures(["les 151 « zones rouges »"])))
        #expect(!StatedFigures(["deux jours par mois"]).shares(StatedFigures(["jusqu'à deux jours par mois"])))
    }

    @Test("les chiffres gardés texte par texte d'un lot sont ceux des textes lus ensemble (batch35)")
    func keptFigures() {
        let texts = ["De 2014 à 2022, 32 658 décès sont attribuables à la chaleur, dont 2,5 % en juin 2022.", "plus de 32\u{202F}658 décès",
                     "depuis septembre 2025, 151 intercommunalités", "d'ici 2027", "", "12 et 14"]
        let memo = WordingMemo<StatedFigures>(capacity: 4)
        for _ in 0..<3 {
            for count in 0...texts.count {
                for start in 0..<texts.count {
                    let some = Array((texts + texts)[start..<start + count])
                    #expect(StatedFigures.of(some, keptIn: memo) == StatedFigures(some))
                    #expect(StatedFigures.of(some, keptIn: nil) == StatedFigures(some))
                }
            }
        }
    }

    @Test("édition par défaut : la fiche dont le financement dit « 50 000 € » cite le document de son repère")
    func defaultEditionCitesTheRepereDocument() throws {
        let (_, banlieue) = try Plan24Tests.plan("banlieue-centre-sante-deficit")
        let centre = try #require(banlieue.cards.first { $0.id == "centre-sante-consolider" })
        #expect(centre.funding.first.map { Content17Tests.plain($0).contains("50 000 €") } == true)
        #expect(centre.sources.contains { $0.document == "egora-france-sante-2025" })
        // A Repère whose figures no printed line repeats stays out of the default edition's list: only the
        // detailed edition, which prints the Repères, cites them all.
        let uncited = centre.facts.filter { fact in !centre.sources.contains { $0.document == fact.source.document } }
        #expect(!uncited.isEmpty)
    }
}
