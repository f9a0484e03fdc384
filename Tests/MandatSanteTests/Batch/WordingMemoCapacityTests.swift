@testable import MandatSante
import RuleKit
import Testing

/// A batch's memory of wordings has a fixed size (`WordingMemo`): it never keeps more than its capacity, whatever
/// the number of keys met, and a value looked up again stays kept while the others come and go.
@Suite("Mémoire des mises en mots : taille fixe")
struct WordingMemoCapacityTests {
    private static func key(_ index: Int) -> WordingKey {
        WordingKey(recommendation: "cls-engager", score: nil, values: [.number(Double(index))])
    }

    @Test("10 000 clés différentes : jamais plus de 50 valeurs gardées, chacune celle de sa clé")
    func neverAboveItsCapacity() {
        let memo = WordingMemo<Int>(capacity: 50)
        var made = 0
        for index in 0..<10_000 {
            #expect(memo.value(Self.key(index)) { made += 1; return index } == index)
            #expect(memo.count == min(index + 1, 50))
        }
        #expect(made == 10_000)
    }

    @Test("une clé relue entre deux nouvelles reste gardée ; une clé lue une fois s'en va")
    func aValueReadAgainStays() {
        let memo = WordingMemo<Int>(capacity: 8)
        var made: [Int] = []
        func look(_ index: Int) -> Int { memo.value(Self.key(index)) { made.append(index); return index * 10 } }
        for index in 1...1_000 {
            #expect(look(0) == 0)
            #expect(look(index) == index * 10)
        }
        // The key read between every two new ones was made once; every other key, once each.
        #expect(made.filter { $0 == 0 } == [0])
        #expect(made.count == 1_001)
        #expect(memo.count == 8)
        // The first new keys gave their place long ago: made again when read.
        #expect(look(1) == 10)
        #expect(made.last == 1)
    }
}
