import Testing
import EngineTestSupport
import RuleKit

@Suite("Suggestion")
struct SuggestionTests {
    static let facts = ["population", "density", "cpts", "clsm", "priorities", "share75Plus"]

    @Test(arguments: [
        ("popualtion", "population"),
        ("Population", "population"),
        ("densty", "density"),
        // Two swapped letters are one edit: « cpts » (1) rather than « clsm » (2 substitutions).
        ("cpst", "cpts"),
        ("share75plus", "share75Plus"),
        ("priorites", "priorities"),
    ])
    func findsTheClosestName(word: String, expected: String) {
        #expect(Suggestion.closest(to: word, among: Self.facts) == expected)
    }

    @Test(arguments: ["xyzzy", "budget", "", String(repeating: "p", count: 300)])
    func noSuggestionWhenNothingIsClose(word: String) {
        #expect(Suggestion.closest(to: word, among: Self.facts) == nil)
    }

    @Test func tiesAreBrokenAlphabetically() {
        #expect(Suggestion.closest(to: "cat", among: ["cot", "bat", "cab"]) == "bat")
        #expect(Suggestion.closest(to: "cat", among: ["cab", "cot", "bat"]) == "bat")
        #expect(Suggestion.closest(to: "x", among: [String]()) == nil)
    }
}
