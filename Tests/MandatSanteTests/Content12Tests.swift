import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Content findings of the twelfth session's reading: each « Pour vous » says a fact once, in plain French.
@Suite("Contenu 12 : chaque fait dit une fois")
struct Content12Tests {
    /// Words that name one fact of the territory, each said at most once in a card's « Pour vous ».
    static let oneFact: [(name: String, words: [String])] = [
        ("départs de médecins", ["départs de médecins", "départs sont annoncés", "avant les départs"]),
        ("pauvreté", ["pauvreté"]),
        ("urgences de l'hôpital", ["urgences peuvent être soulagées", "ses urgences"]),
        ("manque de spécialistes", ["spécialistes manquent", "manque de médecins spécialistes"]),
    ]

    /// `text` with ordinary spaces and apostrophes, as typed in a rule file.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{a0}", with: " ").replacingOccurrences(of: "\u{202f}", with: " ").replacingOccurrences(of: "’", with: "'")
    }

    @Test("les 27 profils d'exemple : aucun « Pour vous » ne dit deux fois les départs de médecins, la pauvreté, les urgences ou le manque de spécialistes, ni « libellé : valeur » qui se répète")
    func eachFactOnce() throws {
        var doubled: [String] = []
        for name in CalibrationReadingTests.examples {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            for card in document.cards {
                let forYou = card.forYou.map(Self.plain)
                for (fact, words) in Self.oneFact {
                    let lines = forYou.filter { line in words.contains { line.contains($0) } }
                    if lines.count > 1 { doubled.append("\(name) / \(card.id) / \(fact) : \(lines)") }
                }
                for line in forYou {
                    guard let colon = line.range(of: " : ") else { continue }
                    let label = line[..<colon.lowerBound].split(separator: " ").suffix(2).joined(separator: " ")
                    if label.count > 8, line[colon.upperBound...].contains(label) { doubled.append("\(name) / \(card.id) : \(line)") }
                }
            }
            for finding in document.synthesis.findings.map(Self.plain) where finding.hasPrefix("Manque de médecins spécialistes :") { doubled.append("\(name) : \(finding)") }
        }
        #expect(doubled.isEmpty, "\(doubled.joined(separator: "\n"))")
        // What the cards of the reading said twice now reads once.
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        // A shortage of specialists is not a reason for unscheduled general care (reader13): it has its own card.
        #expect(prefecture.card("soins-non-programmes")?.forYou.contains { Self.plain($0).contains("spécialistes") } == false)
        #expect(prefecture.card("specialistes-consultations-avancees")?.forYou.first.map(Self.plain) == "des médecins spécialistes manquent")
        let antilles = try ExampleSynthesisTests.document("commune-antilles-dengue")
        let access = antilles.portrait.lines.first { $0.label == "Accès aux soins" }.map { Self.plain($0.text) } ?? ""
        #expect(access.contains("des médecins spécialistes manquent") && !access.contains("manque de médecins spécialistes"), "\(access)")
        #expect(prefecture.card("cooperation-ville-hopital")?.forYou.first.map(Self.plain) == "l'hôpital a son siège ici, et les élus du territoire siègent à son conseil de surveillance")
        let msp = try #require(try ExampleSynthesisTests.document("bourg-rural-zac-msp").card("msp-conforter-existante"))
        let mspForYou = msp.forYou.map(Self.plain)
        #expect(mspForYou.filter { $0.contains("départs") }.count == 1, "\(mspForYou)")
        #expect(mspForYou.contains("les médecins généralistes manquent, et conforter l'équipe en place est le plus sûr moyen d'en garder"), "\(mspForYou)")
    }
}
