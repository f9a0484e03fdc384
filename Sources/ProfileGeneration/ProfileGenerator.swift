import MandatSante
import RuleKit

/// Generates valid profiles from the vocabulary with a fixed seed: the same seed and count always give the
/// same profiles. Every profile goes through `ProfileLoader`, the path a real profile takes, so that the
/// benchmark never plans a profile the tool itself would reject.
public struct ProfileGenerator {
    public var vocabulary: Vocabulary
    public var seed: UInt64
    /// Only communes (the 35,000-communes goal); otherwise communes and intercommunalities in French proportions.
    public var communesOnly = false

    /// Probability that a fact with a default is not stated at all (so its default applies).
    static let unstated = 0.3
    /// Probability that an optional fact without default is absent (unknown to the conditions).
    static let absent = 0.3

    public struct InvalidProfile: Error, CustomStringConvertible {
        var index: Int
        var messages: [String]
        public var description: String { "profil généré n° \(index) refusé : " + messages.joined(separator: " ; ") }
    }

    public init(vocabulary: Vocabulary, seed: UInt64, communesOnly: Bool = false) {
        self.vocabulary = vocabulary
        self.seed = seed
        self.communesOnly = communesOnly
    }

    public func profiles(count: Int) throws -> [Profile] {
        var random = SplitMix64(seed: seed)
        var result: [Profile] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let facts = draw(index: index, &random)
            result.append(try load(facts, index: index))
        }
        return result
    }

    /// One profile's facts, in vocabulary order so that each fact consumes the random stream deterministically.
    public func draw(index: Int, _ random: inout SplitMix64) -> FactValues {
        let territory = TerritoryModel.draw(&random, communesOnly: communesOnly)
        var facts = FactValues(defaultsOf: vocabulary)
        for (slot, fact) in vocabulary.facts.enumerated() {
            if fact.name == "name" {
                facts[slot] = .text("\(territory.kind == "commune" ? "Commune" : "Intercommunalité") générée n° \(index + 1)")
                continue
            }
            if let value = territory.value(for: fact, &random) {
                facts[slot] = value
                continue
            }
            if Self.ownStream.contains(fact.name) {
                var own = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15) ^ Self.fnv1a(fact.name))
                drawGeneric(fact, slot: slot, index: index, into: &facts, &own)
            } else {
                drawGeneric(fact, slot: slot, index: index, into: &facts, &random)
            }
        }
        return facts
    }

    /// Facts added to the vocabulary after tests pinned generated territories by their number (Plan23Tests and
    /// others): each draws from a stream of its own, seeded by the profile's number and the fact's name, so that
    /// adding it leaves every other draw — and every pinned territory — as it was.
    static let ownStream: Set<String> = ["clsEnd", "ehpad", "dentistShortage", "pharmacy"]

    /// A fact with no territorial model: unstated, absent or any valid value.
    private func drawGeneric(_ fact: Fact, slot: Int, index: Int, into facts: inout FactValues, _ random: inout SplitMix64) {
        if !fact.required {
            if fact.defaultValue != nil, random.chance(Self.unstated) { return }
            if fact.defaultValue == nil, random.chance(Self.absent) { facts[slot] = nil; return }
        }
        facts[slot] = Self.genericValue(fact, index: index, &random)
    }

    /// FNV-1a of the name's bytes: a seed that is the same in every run (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// A valid value of any fact, from its type, bounds and choices alone.
    static func genericValue(_ fact: Fact, index: Int, _ random: inout SplitMix64) -> FactValue {
        switch fact.type {
        case .bool:
            return .bool(random.chance(0.35))
        case .int:
            let low = Int(fact.minimum ?? 0), high = Int(fact.maximum ?? 1_000)
            // Log-uniform: small values are the common case for counts.
            let offset = Int(random.logUniform(1, Double(high - low + 1)).rounded(.down)) - 1
            return .number(Double(min(high, low + max(0, offset))))
        case .number:
            let low = fact.minimum ?? 0, high = fact.maximum ?? 100
            return .number(min(high, ((low + (high - low) * random.unit()) * 10).rounded() / 10))
        case .text:
            return .text("\(fact.name)-\(index + 1)")
        case .enum:
            return .text(fact.choices[random.int(in: 0...(fact.choices.count - 1))].id)
        case .set:
            return .set(Set(fact.choices.filter { _ in random.chance(0.25) }.map(\.id)))
        }
    }

    /// Writes the facts as a profile document and reads it back exactly as `mandat-sante roadmap` would.
    private func load(_ facts: FactValues, index: Int) throws -> Profile {
        var members: [(String, JSONOutput)] = []
        for (slot, fact) in vocabulary.facts.enumerated() {
            if let value = facts[slot] { members.append((fact.name, VocabularySchema.output(value))) }
        }
        let file = "genere-\(index + 1).json"
        let (profile, diagnostics) = ProfileLoader.load(Array(JSONOutput.object(members).rendered().utf8), file: file, vocabulary: vocabulary)
        guard let profile, !diagnostics.hasErrors, profile.facts == facts else {
            throw InvalidProfile(index: index + 1, messages: diagnostics.map(\.message) + (profile == nil ? [] : ["valeurs relues différentes"]))
        }
        return profile
    }
}
