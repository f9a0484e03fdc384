import Foundation
import MandatSante
import ProfileGeneration
import RuleKit

/// A territories file the size of France for `batch`: the generated communes (fixed seed, French size strata),
/// one row each, every fact of the vocabulary as a column, cells written as a spreadsheet user would (`oui`,
/// `15,5`, ids joined by `|`), names with accents, `;` separators, UTF-8 with a byte order mark.
enum TerritoriesCorpus {
    /// Writes `count` communes to `path` and returns the number of bytes written.
    static func write(to path: String, count: Int, vocabulary: Vocabulary, seed: UInt64) throws -> Int {
        let generator = ProfileGenerator(vocabulary: vocabulary, seed: seed, communesOnly: true)
        var random = SplitMix64(seed: seed)
        var text = "\u{FEFF}" + vocabulary.facts.map(\.name).joined(separator: ";") + "\r\n"
        for index in 0..<count {
            var facts = generator.draw(index: index, &random)
            if let slot = vocabulary.facts.firstIndex(where: { $0.name == "name" }) {
                facts[slot] = .text(name(index))
            }
            if let slot = vocabulary.facts.firstIndex(where: { $0.name == "inseeCode" }) {
                facts[slot] = .text(String(format: "%05d", 1_001 + index))
            }
            text += vocabulary.facts.indices.map { cell(facts[$0]) }.joined(separator: ";") + "\r\n"
        }
        let bytes = Array(text.utf8)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw RulesFolder.Failure(description: "impossible d'écrire le corpus « \(path) »")
        }
        return bytes.count
    }

    /// « Saint-Étienne-des-Prés n° 12 »: accents, dashes and apostrophes, as real commune names have.
    static func name(_ index: Int) -> String {
        let stems = ["Saint-Étienne-des-Prés", "Bourg-d'Oisans-le-Haut", "Châteauneuf-sur-Loire", "Les Écréhous",
                     "Œuilly-la-Forêt", "Sainte-Geneviève-en-Caux", "Vézelay-lès-Fontaines", "L'Haÿ-des-Roses"]
        return "\(stems[index % stems.count]) n° \(index + 1)"
    }

    static func cell(_ value: FactValue?) -> String {
        switch value {
        case nil: return ""
        case .bool(let flag): return flag ? "oui" : "non"
        case .number(let number):
            if number.rounded() == number { return String(Int(number)) }
            return String(number).replacing(".", with: ",")
        case .text(let text): return text.contains(";") || text.contains("\"") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        case .set(let members): return members.sorted().joined(separator: "|")
        }
    }
}
