import RuleKit

// The values of the header block of a recommendation file: `priorité: 80`, `bonus:` lists, `échéance`, relations.
extension RecommendationReader {
    /// The value written after the colon of `field`; a missing required value or a list is reported.
    func value(_ field: Field, _ file: inout FileReading) -> LocatedText? {
        guard let written = file.document.field(field.rawValue) else { return nil }
        guard let value = written.value else {
            file.report("regles.valeur-manquante", ["field": field.rawValue, "reason": written.items.isEmpty ? "vide" : "liste"], at: written.location)
            return nil
        }
        return value
    }

    /// The elements of a list field: its `- ` lines, or its value split at commas when `splitInline`
    /// (`après: a, b`), or its value as the one element.
    func list(_ field: Field, _ file: inout FileReading, splitInline: Bool = true) -> [LocatedText] {
        guard let written = file.document.field(field.rawValue) else { return [] }
        guard let value = written.value else { return written.items }
        guard splitInline else { return [value] }
        let scalars = Array(value.text.unicodeScalars)
        var result: [LocatedText] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "," {
            let part = value.slice(start..<index).trimmed()
            if part.text.isEmpty {
                file.report("regles.element-vide", ["field": field.rawValue], at: value.location(atOffset: start))
            } else {
                result.append(part)
            }
            start = index + 1
        }
        return result
    }

    func integer(_ text: LocatedText, field: Field, in range: ClosedRange<Int>, _ file: inout FileReading) -> Int? {
        guard !text.text.isEmpty, text.text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), text.text.count <= 6, let number = Int(text.text) else {
            file.report("regles.nombre", ["field": field.rawValue, "value": text.text, "reason": "illisible",
                                          "minimum": String(range.lowerBound), "maximum": String(range.upperBound)], at: text.location)
            return nil
        }
        guard range.contains(number) else {
            file.report("regles.nombre", ["field": field.rawValue, "value": String(number), "reason": "hors-limites",
                                          "minimum": String(range.lowerBound), "maximum": String(range.upperBound)], at: text.location)
            return nil
        }
        return number
    }

    func yesNo(_ text: LocatedText, _ file: inout FileReading) -> Bool? {
        switch text.text {
        case "oui": return true
        case "non": return false
        default:
            file.report("regles.valeur-inconnue", ["field": Field.foundation.rawValue, "value": text.text, "allowed": "oui, non", "reason": "oui-non"], at: text.location)
            return nil
        }
    }

    func enumValue<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: LocatedText, field: Field, _ file: inout FileReading) -> T? where T.RawValue == String {
        if let value = T(rawValue: text.text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        file.report("regles.valeur-inconnue", Suggestion.arguments("value", text.text, among: allowed).merging(["field": field.rawValue]) { $1 }, at: text.location)
        return nil
    }

    /// The ids of a relation field, each with its position for the cross-checks.
    func relation(_ field: Field, _ file: inout FileReading) -> [(field: String, id: String, location: SourceLocation)] {
        list(field, &file).map { (field: field.rawValue, id: $0.text, location: $0.location) }
    }

    /// `sert`: values of the team priorities fact.
    func readServes(_ items: [LocatedText], _ file: inout FileReading) -> [String] {
        let prioritiesFact = vocabulary.factName(.priorities)
        let allowed = vocabulary.fact(named: prioritiesFact)?.choiceIDs ?? []
        var result: [String] = []
        for item in items {
            guard allowed.contains(item.text) else {
                file.report("regles.priorite-inconnue", Suggestion.arguments("value", item.text, among: allowed).merging(["field": Field.serves.rawValue, "fact": prioritiesFact]) { $1 },
                            at: item.location)
                continue
            }
            if result.contains(item.text) {
                file.report("regles.doublon", ["field": Field.serves.rawValue, "value": item.text], at: item.location)
                continue
            }
            result.append(item.text)
        }
        return result
    }


    /// `échéance`, optionally after `[si condition]` (the situation in which it holds: « [si gpDepartures]
    /// mi-mandat : avant les départs de médecins attendus »). Nil when invalid (reported).
    func readConditionalDeadline(_ text: LocatedText, _ file: inout FileReading) -> (deadline: Deadline, condition: Condition?, conditionText: LocatedText?)? {
        guard let (conditionText, rest) = splitCondition(text, required: false, &file) else { return nil }
        guard let conditionText else { return readDeadline(text, &file).map { ($0, nil, nil) } }
        // Read both, so that a bad condition and a bad deadline are reported together.
        let condition = compile(conditionText, &file)
        guard let deadline = readDeadline(rest, &file), let condition else { return nil }
        return (deadline, condition, conditionText)
    }

    /// `échéance`: « avant-saison-chaude », « avant-saison-des-pluies », « avant-saison-touristique », « pendant-saison-touristique », « AAAA-MM : raison » or « horizon :
    /// raison ». Nil when invalid (reported).
    func readDeadline(_ text: LocatedText, _ file: inout FileReading) -> Deadline? {
        if text.text == Deadline.hotSeasonKeyword { return .beforeHotSeason }
        if text.text == Deadline.rainySeasonKeyword { return .beforeRainySeason }
        if text.text == Deadline.peakSeasonKeyword { return .beforePeakSeason }
        if text.text == Deadline.underwaySeasonKeyword { return .duringPeakSeason }
        guard let colon = Self.firstColon(in: text) else {
            file.report("regles.echeance", ["reason": "illisible", "field": Field.deadline.rawValue, "value": text.text, "keyword": Deadline.hotSeasonKeyword, "rainyKeyword": Deadline.rainySeasonKeyword, "peakKeyword": Deadline.peakSeasonKeyword, "underwayKeyword": Deadline.underwaySeasonKeyword], at: text.location)
            return nil
        }
        let monthText = text.slice(0..<colon).trimmed()
        let reason = text.slice(colon + 1..<text.text.unicodeScalars.count).trimmed()
        if let horizon = Horizon(rawValue: monthText.text) {
            guard !reason.text.isEmpty else {
                file.report("regles.echeance", ["reason": "sans-raison", "value": monthText.text], at: text.location)
                return nil
            }
            return .byHorizon(horizon, reason: reason.text)
        }
        guard let month = YearMonth(parsing: monthText.text) else {
            file.report("regles.echeance", ["reason": "mois", "value": monthText.text, "keyword": Deadline.hotSeasonKeyword, "rainyKeyword": Deadline.rainySeasonKeyword, "peakKeyword": Deadline.peakSeasonKeyword, "underwayKeyword": Deadline.underwaySeasonKeyword], at: monthText.location)
            return nil
        }
        guard !reason.text.isEmpty else {
            file.report("regles.echeance", ["reason": "sans-raison", "value": monthText.text], at: text.location)
            return nil
        }
        return .before(month, reason: reason.text)
    }

    /// `+15 si 'acces-aux-soins' in priorities : l'accès aux soins est une priorité de l'équipe`, or the name of a
    /// boost of `definitions.json` (`priorite-acces-aux-soins`), optionally with other points for this
    /// recommendation (`priorite-bien-vieillir (+15)`).
    func readBoost(_ item: LocatedText, _ file: inout FileReading) -> Boost? {
        let scalars = Array(item.text.unicodeScalars)
        if let first = scalars.first, ("a"..."z").contains(first) {
            return namedBoost(item, &file)
        }
        let signed = scalars.first == "+" || scalars.first == "-"
        let digits = scalars.dropFirst(signed ? 1 : 0).prefix(while: { ("0"..."9").contains($0) }).count
        let afterNumber = (signed ? 1 : 0) + digits
        guard signed, (1...3).contains(digits), Array(scalars.dropFirst(afterNumber).prefix(4)) == [" ", "s", "i", " "] else {
            file.report("regles.bonus", ["reason": "illisible", "value": item.text], at: item.location)
            return nil
        }
        let number = Int(String(String.UnicodeScalarView(scalars[1..<afterNumber]))) ?? 0
        let points = scalars[0] == "-" ? -number : number
        guard (-100...100).contains(points) else {
            file.report("regles.bonus", ["reason": "points", "points": String(points)], at: item.location)
            return nil
        }
        let rest = item.slice(afterNumber + 4..<scalars.count)
        guard let colon = Self.firstColon(in: rest) else {
            file.report("regles.bonus", ["reason": "sans-raison"], at: item.location(atOffset: scalars.count))
            return nil
        }
        var conditionText = rest.slice(0..<colon).trimmed()
        // `… (appuie identifiant)` after the condition: the action the boost argues from.
        var supports: LocatedText?
        let marker = Array(" (appuie ".unicodeScalars)
        let written = Array(conditionText.text.unicodeScalars)
        if written.last == ")", let start = (0...max(0, written.count - marker.count)).last(where: { Array(written[$0..<min(written.count, $0 + marker.count)]) == marker }) {
            let id = conditionText.slice(start + marker.count..<written.count - 1).trimmed()
            guard !id.text.isEmpty, !id.text.contains(" ") else {
                file.report("regles.bonus", ["reason": "appuie"], at: conditionText.location(atOffset: start + 1))
                return nil
            }
            supports = id
            conditionText = conditionText.slice(0..<start).trimmed()
        }
        let reason = rest.slice(colon + 1..<rest.text.unicodeScalars.count).trimmed()
        guard !reason.text.isEmpty else {
            file.report("regles.bonus", ["reason": "raison-vide"], at: rest.location(atOffset: colon))
            return nil
        }
        guard let condition = compile(conditionText, &file) else { return nil }
        if let unread = Boost.unreadValues(in: reason.text, condition: condition, vocabulary: vocabulary).first {
            file.report("regles.bonus", ["reason": "valeur", "fact": unread], at: reason.location)
            return nil
        }
        return Boost(condition: condition, conditionText: conditionText, points: points, reason: reason.text, supports: supports)
    }

    /// `nom` or `nom (+15)`: a boost of `definitions.json`, with its own points or those given here.
    func namedBoost(_ item: LocatedText, _ file: inout FileReading) -> Boost? {
        let scalars = Array(item.text.unicodeScalars)
        let nameEnd = scalars.firstIndex(of: " ") ?? scalars.count
        let name = item.slice(0..<nameEnd)
        let names = definitions.boosts.map(\.name)
        guard let definition = definitions.boost(name.text) else {
            file.report("regles.bonus-inconnu", Suggestion.arguments("name", name.text, among: names), at: name.location)
            return nil
        }
        var points = definition.points
        let rest = item.slice(nameEnd..<scalars.count).trimmed()
        if !rest.text.isEmpty {
            let inner = Array(rest.text.unicodeScalars)
            let digits = inner.dropFirst(2).prefix(while: { ("0"..."9").contains($0) }).count
            guard inner.count == digits + 3, inner.first == "(", inner.last == ")", inner[1] == "+" || inner[1] == "-", (1...3).contains(digits),
                  let number = Int(String(String.UnicodeScalarView(inner[2..<(2 + digits)]))), number <= 100 else {
                file.report("regles.bonus", ["reason": "apres-le-nom", "name": name.text], at: rest.location)
                return nil
            }
            points = inner[1] == "-" ? -number : number
        }
        return Boost(condition: definition.condition, conditionText: definition.conditionText, points: points, reason: definition.reason, name: definition.name)
    }

    /// The offset of the first `:` outside quotes.
    static func firstColon(in text: LocatedText) -> Int? {
        var quote: Unicode.Scalar?
        for (offset, scalar) in text.text.unicodeScalars.enumerated() {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if scalar == ":" {
                return offset
            }
        }
        return nil
    }
}
