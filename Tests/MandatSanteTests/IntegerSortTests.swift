import ProfileGeneration
import Testing
@testable import MandatSante

@Suite("Tri des clés entières de la planification")
struct IntegerSortTests {
    @Test("le tri donne le même ordre que le tri de la bibliothèque standard, pour toutes les tailles autour des passes de fusion")
    func sortsLikeTheStandardLibrary() {
        var generator = SplitMix64(seed: 2026)
        for count in [0, 1, 2, 15, 16, 17, 31, 32, 33, 91, 200, 1_000] {
            for _ in 0..<5 {
                var values = (0..<count).map { _ in Int.random(in: -500...500, using: &generator) }
                let expected = values.sorted()
                IntegerSort.sort(&values)
                #expect(values == expected, "\(count) valeurs")
            }
        }
    }
}
