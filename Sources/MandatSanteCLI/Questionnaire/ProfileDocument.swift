import Foundation
import RuleKit

/// The profile file `init` writes: `"$schema"` first, then the stated facts in vocabulary order, set members in
/// the order the vocabulary lists them — the layout of the example profiles, so that it reads and diffs well.
enum ProfileDocument {
    static func render(_ answers: [(fact: Fact, answer: Answer)], schema: String) -> String {
        var members: [(String, JSONOutput)] = [("$schema", .string(schema))]
        for (fact, answer) in answers {
            guard let value = answer.value else { continue }
            if case .set(let chosen) = value {
                members.append((fact.name, .array(fact.choiceIDs.filter(chosen.contains).map(JSONOutput.string))))
            } else {
                members.append((fact.name, VocabularySchema.output(value)))
            }
        }
        return JSONOutput.object(members).rendered()
    }

    /// The file name a territory's name suggests: « Saint-Étienne-du-Bois » → `saint-etienne-du-bois.json`.
    static func fileName(for name: String) -> String {
        let ligatures = name.lowercased().replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        let plain = ligatures.folding(options: .diacriticInsensitive, locale: Locale(identifier: "fr_FR"))
        var slug = ""
        for character in plain {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? "profil" : String(slug.prefix(80))) + ".json"
    }

    /// How the profile at `path` refers to the profile schema of `rulesDirectory`: a path relative to the
    /// profile's folder (`../Rules/schema/profile.schema.json` for a file in Profiles/), or an absolute path when
    /// the two share nothing but the root. Both are resolved from `currentDirectory`.
    static func schemaReference(profilePath path: String, rulesDirectory: String, currentDirectory: String) -> String {
        func absolute(_ path: String) -> [String] {
            let full = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
            return (full as NSString).standardizingPath.split(separator: "/").map(String.init)
        }
        let schema = absolute(rulesDirectory) + ["schema", "profile.schema.json"]
        let folder = Array(absolute(path).dropLast())
        let shared = zip(folder, schema).prefix { $0 == $1 }.count
        if shared == 0 { return "/" + schema.joined(separator: "/") }
        let ups = Array(repeating: "..", count: folder.count - shared)
        return (ups + schema.dropFirst(shared)).joined(separator: "/")
    }

    /// `path` as a shell word: unchanged when it is safe, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+@%:,=".contains($0)) }
        return safe && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
