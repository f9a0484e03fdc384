@testable import MandatSante
import Testing

/// A statement another one completes (« CLS signé et en vigueur », then « CLS signé et en vigueur, porté par
/// l'intercommunalité ») is said once (`FactStatement.absorbing`), compared on UTF-8 bytes.
@Suite("Constats complétés par un autre")
struct FactStatementAbsorbingTests {
    @Test("un constat qu'un autre complète est dit une fois, par le plus complet, à la place du premier ; les doublons une fois")
    func absorbing() {
        let cls = "CLS signé et en vigueur", carried = "CLS signé et en vigueur, porté par l'intercommunalité"
        #expect(FactStatement.absorbing([cls, "aucune MSP", carried]) == [carried, "aucune MSP"])
        #expect(FactStatement.absorbing(["aucune MSP", carried, cls]) == ["aucune MSP", carried])
        #expect(FactStatement.absorbing(["aucune MSP", "aucune MSP", "zone d'intervention prioritaire (ZIP)"]) == ["aucune MSP", "zone d'intervention prioritaire (ZIP)"])
        // Only a comma and a space complete: « CLS signé et en vigueur » is not completed by « … en vigueur depuis 2024 ».
        #expect(FactStatement.absorbing([cls, cls + " depuis 2024"]) == [cls, cls + " depuis 2024"])
        #expect(FactStatement.absorbing([cls, cls + ", "]) == [cls + ", "])
        #expect(FactStatement.absorbing([cls]) == [cls])
        #expect(FactStatement.absorbing([]) == [])
    }
}
