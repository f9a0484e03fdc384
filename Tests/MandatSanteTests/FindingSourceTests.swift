import Foundation
import MandatSante
import Testing

/// A situation page 1 states because of a named condition (dengue at every rainy season, water cuts, chlordécone)
/// cites the public document that establishes it, by its number in the list of sources: the élu can check it.
@Suite("Synthèse : chaque situation d'outre-mer citée par le document public de son territoire")
struct FindingSourceTests {
    /// The page-1 finding line that contains `text`, and the document each « [n] » of it names.
    static func cited(_ name: String, _ text: String) throws -> (line: String, documents: [String]) {
        let (_, document) = try Plan24Tests.plan(name)
        let line = try #require(document.synthesis.findings.first { $0.contains(text) }, "\(document.synthesis.findings)")
        let numbers = line.split(separator: "[").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        return (line, numbers.map { document.bibliography[$0 - 1].document })
    }

    @Test("La Réunion : le risque de dengue et de chikungunya renvoie à l'ARS La Réunion (décembre 2025)")
    func reunionDengue() throws {
        let (line, documents) = try Self.cited("commune-outre-mer-reunion", "dengue")
        #expect(Plan24Tests.plain(line).hasPrefix("Risque de dengue et de chikungunya à chaque saison des pluies ["), "\(line)")
        #expect(documents == ["dengue-chikungunya-outre-mer-ars-reunion-2025"])
    }

    @Test("Mayotte et la Guadeloupe : les coupures d'eau citent chacune le document de leur territoire")
    func waterCutsByTerritory() throws {
        let mayotte = try Self.cited("village-mayotte-zip", "coupures d'eau")
        #expect(mayotte.documents == ["arrete-departements-moustiques-2019", "tf1info-mayotte-eau-2023"], "\(mayotte.line)")
        #expect(!mayotte.documents.contains("afp-guadeloupe-eau-2024"))
        let guadeloupe = try Self.cited("commune-antilles-dengue", "coupures d'eau")
        #expect(guadeloupe.documents == ["spf-dengue-antilles-2024", "afp-guadeloupe-eau-2024", "opecst-chlordecone-2023"], "\(guadeloupe.line)")
        #expect(guadeloupe.documents.contains("opecst-chlordecone-2023"))
        #expect(!guadeloupe.documents.contains("tf1info-mayotte-eau-2023"))
    }

    @Test("le « Pourquoi » d'une action qu'une situation appelle dit la situation, pas le lieu : la lutte contre les moustiques, la chlordécone et les coupures d'eau aux Antilles, les moustiques à La Réunion")
    func cardsSayTheSituation() throws {
        func why(_ name: String, _ id: String) throws -> String {
            let (_, document) = try Plan24Tests.plan(name)
            let card = try #require(document.cards.first { $0.id == id }, "\(document.cards.map(\.id))")
            return Content17Tests.plain(card.forYou.joined(separator: " ; "))
        }
        let vectors = try why("commune-antilles-dengue", "lutte-antivectorielle-outre-mer")
        #expect(vectors.hasPrefix("risque de dengue et de chikungunya à chaque saison des pluies"), "\(vectors)")
        #expect(!vectors.contains("situation outre-mer"))
        #expect(try why("commune-antilles-dengue", "chlordecone-jardins-familiaux").hasPrefix("sols pollués à la chlordécone dans une partie des Antilles"))
        let water = try why("commune-antilles-dengue", "eau-potable-coupures-outre-mer")
        #expect(water.hasPrefix("coupures d'eau potable récurrentes"), "\(water)")
        #expect(!water.contains("département"))
        #expect(try why("commune-outre-mer-reunion", "lutte-antivectorielle-outre-mer").hasPrefix("risque de dengue et de chikungunya"))
    }
}
