@testable import MandatSante
import Testing

@Suite struct WordingPlaceholderFillTests {
    @Test("chaque marque remplie à sa place, le texte entre elles gardé tel quel, une marque sans fin laissée telle quelle")
    func fillsEveryPlaceholderAndKeepsTheRest() {
        let population = WordingPlaceholder.marker("3"), size = WordingPlaceholder.size
        let values = ["3": "12 400 habitants", "": "commune de 420 habitants"]
        func fill(_ text: String) -> String { WordingPlaceholder.fill(text) { values[$0] ?? "?" } }
        #expect(fill("ici \(population) contre 2 800 — « \(size) »") == "ici 12 400 habitants contre 2 800 — « commune de 420 habitants »")
        #expect(fill("\(population)\(population)") == "12 400 habitants12 400 habitants")
        #expect(fill("sans marque, mais accentuée : é, ’, —") == "sans marque, mais accentuée : é, ’, —")
        #expect(fill("ouverte \u{E000}3 sans fin ; puis \(size).") == "ouverte \u{E000}3 sans fin ; puis commune de 420 habitants.")
        #expect(fill("\u{E001} seule puis \(population)") == "\u{E001} seule puis 12 400 habitants")
    }

    @Test("un texte coupé à ses marques une fois, puis rempli, donne ce que donne le remplissage du texte entier")
    func cutTextFillsAsTheWholeText() {
        let population = WordingPlaceholder.marker("3"), size = WordingPlaceholder.size
        let values = ["3": "12 400 habitants", "": "commune de 420 habitants"]
        let texts = ["ici \(population) contre 2 800 — « \(size) »", "\(population)\(population)", "\(size)", "fin \(population)",
                     "ouverte \u{E000}3 sans fin ; puis \(size).", "\u{E001} seule puis \(population)", "\u{E000}\u{E000}3\u{E001} deux ouvertures"]
        for text in texts {
            let cut = WordingPlaceholder.Cut(text)
            #expect(cut != nil)
            #expect(cut?.filled({ values[$0] ?? "?" }) == WordingPlaceholder.fill(text, { values[$0] ?? "?" }))
        }
        #expect(WordingPlaceholder.Cut("sans marque, mais accentuée : é, ’, —") == nil)
        #expect(WordingPlaceholder.Cut("ouverte \u{E000}3 sans fin") == nil)
    }
}
