import RuleKit

/// Guadeloupe, Martinique, Guyane, La Réunion and Mayotte are each a département and a région of one name: a
/// profile that names one of them as its département (or région) has named its région (or département) too.
/// Conditions read either fact (`departement in […] or region in […]`); an unstated one is unknown, and under a
/// `not` the whole line would stay unknown and vanish (the steering committee of the diagnostic, the conseil
/// départemental of Guadeloupe). Filling the implied fact when the profile is made gives every reader one answer.
extension OverseasCoherence {
    /// `facts` with the département or région a single-département overseas région implies, when the profile
    /// leaves it unstated and states the overseas situation that place calls for (a conflict stays for the
    /// diagnostics to report, on the fact the team wrote).
    static func fillingImpliedPlace(_ facts: FactValues, in vocabulary: Vocabulary) -> (facts: FactValues, filled: String?) {
        let overseas = vocabulary.factName(.overseas)
        guard case .text(let stated)? = facts.value(of: overseas, in: vocabulary) else { return (facts, nil) }
        let departement = vocabulary.factName(.departement), region = vocabulary.factName(.region)
        guard vocabulary.fact(named: departement) != nil, vocabulary.fact(named: region) != nil else { return (facts, nil) }
        for (named, missing) in [(departement, region), (region, departement)] {
            guard facts.value(of: missing, in: vocabulary) == nil,
                  case .text(let text)? = facts.value(of: named, in: vocabulary),
                  let place = singleDepartementRegions[key(text)], place.situation == stated else { continue }
            var result = facts
            result.set(missing, to: .text(place.name), in: vocabulary)
            return (result, missing)
        }
        return (facts, nil)
    }

    /// The overseas régions of one département, by `key` of their names and INSEE codes: the name the implied
    /// fact takes and the overseas situation they call for.
    private static let singleDepartementRegions: [String: (name: String, situation: String)] = {
        var table: [String: (name: String, situation: String)] = [:]
        for (names, place) in [
            (["Guadeloupe", "971"], ("Guadeloupe", "antilles")), (["Martinique", "972"], ("Martinique", "antilles")),
            (["Guyane", "Guyane française", "973"], ("Guyane", "guyane")), (["La Réunion", "974"], ("La Réunion", "reunion")),
            (["Mayotte", "976"], ("Mayotte", "mayotte")),
        ] {
            for name in names { table[key(name)] = place }
        }
        return table
    }()
}
