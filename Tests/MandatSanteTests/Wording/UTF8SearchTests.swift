import Foundation
@testable import MandatSante
import Testing

/// The searches the wording runs for every territory compare UTF-8 bytes; on the tool's texts they find what
/// Foundation's and the standard library's searches found.
@Suite("Recherche dans un texte par ses octets UTF-8")
struct UTF8SearchTests {
    @Test(arguments: [
        ("MSP : ne comprend pas « centre de santé »", " : ne comprend pas « "),
        ("Budget de la collectivité ; aucun financement spécifique", " ; "),
        ("ARS – appel à projets (FIR)", " – "),
        ("Fonds d'intervention régional\u{00A0}: appel", "\u{00A0}: "),
        ("pas de « », rien", "« »"),
        ("rien à trouver", " ; "),
        ("", " ; "),
        ("; ", "; x"),
    ])
    func firstRange(text: String, needle: String) {
        let found = text.firstUTF8Range(of: needle)
        #expect(found == text.range(of: needle))
        #expect(text.containsUTF8(needle) == text.contains(needle))
        if let found { #expect(String(text[found]) == needle) }
    }

    @Test("une sous-chaîne : l'index trouvé est le sien", arguments: ["a ; b ; c", "é ; « x » ; ü"])
    func inSubstring(text: String) throws {
        let rest = text[text.index(after: text.startIndex)...]
        let found = try #require(rest.firstUTF8Range(of: " ; "))
        #expect(rest[..<found.lowerBound] == rest[..<(try #require(rest.range(of: " ; "))).lowerBound])
    }

    @Test("les parties entre les séparateurs, vides comprises, comme components(separatedBy:)",
          arguments: ["ni MSP ; ni CPTS", " ; a ;  ; b ; ", "sans séparateur", "", "« x » ; pas de « y »"])
    func components(text: String) {
        #expect(text.utf8Components(separatedBy: " ; ") == text.components(separatedBy: " ; "))
    }

    @Test("remplacer : toutes les occurrences, de gauche à droite, sans chevauchement")
    func replacing() {
        #expect("Guadeloupe ou Martinique ou Guyane".replacingOccurrences(of: " ou ", with: " ni ") == "Guadeloupe ni Martinique ni Guyane")
        #expect("aaa".replacingOccurrences(of: "aa", with: "b") == "ba")
        #expect("é-é".replacingOccurrences(of: "-", with: " ") == "é é")
    }

    @Test("la clé d'un lieu d'outre-mer : séparateurs, article et accents", arguments: [
        ("La Réunion", "reunion"), ("la-reunion", "reunion"), ("REUNION", "reunion"), ("Saint-Pierre-et-Miquelon", "saint pierre et miquelon"),
        ("Polynésie française", "polynesie francaise"), ("l’Île_de-France", "ile de france"), ("974", "974"),
    ])
    func overseasKey(text: String, key: String) {
        #expect(OverseasCoherence.key(text) == key)
    }
}
