/// The one reader of values typed by a person — a CSV cell, `--set fait=valeur`, an answer to `init`, a field of
/// the web form — so that they all accept and refuse the same things, with the same messages. JSON profiles,
/// whose values are already typed by the format, go through the same checks (`text`, `number`, `members`).
///
/// What a typed text means, by type of fact:
/// - nothing, or only spaces: not stated (`.success(nil)`), refused for a required fact;
/// - `bool`: `oui`/`non`, `o`/`n`, `vrai`/`faux`, `true`/`false`, `yes`/`no`, `1`/`0`, in any case;
/// - `int`, `number`: French writing (`FrenchNumber`: « 12 400 », « 12,5 »), optionally followed by the fact's
///   unit (« 420 habitants », « 12,5 % »); no hexadecimal, no exponent; integral for `int`; within the bounds;
/// - `enum`: a choice's id or label, case and accents ignored (and its number in the list, with
///   `choiceNumbers`, for the questionnaire and the form, which show the choices numbered);
/// - `set`: choices separated by `|`, `,` or `;` (`aucun` or `-` for none); an empty item or a choice given twice
///   is refused;
/// - `text`: trimmed; no control character (escape, tabulation…) and no line break unless the fact is declared
///   `multiline`; at most `Fact.maximumLength` characters.
///
/// Errors carry a `kind` and arguments (the wording is the caller's), and for a text the `offset` of the faulty
/// character, so that a file reader can report its exact line and column.
public enum TypedValueReader {
    /// A printable ASCII byte other than the space: a character no trimming removes.
    private static func isASCIIVisible(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Words for « none » in a set.
    public static let noneWords: Set<String> = ["aucun", "aucune", "-"]

    ///
    /// `choices`: the fact's choices folded once (`FoldedChoices`), for a reader of many values of the same fact.
    public static func read(_ typed: String, for fact: Fact, choiceNumbers: Bool = false, choices: FoldedChoices? = nil) -> Result<FactValue?, FactValueError> {
        let text = trimmed(typed)
        if let problem = controlCharacter(in: typed, for: fact) { return .failure(problem) }
        if text.isEmpty {
            return fact.required ? .failure(missing(fact)) : .success(nil)
        }
        switch fact.type {
        case .bool:
            guard let flag = boolean(text) else {
                return .failure(FactValueError(.notABoolean, ["subject": text], subject: text))
            }
            return .success(.bool(flag))
        case .int, .number:
            return number(typed: text, for: fact).map { .number($0) }
        case .text:
            return self.text(typed, for: fact).map { .text($0) }
        case .enum:
            guard let index = choice(text, of: fact, choiceNumbers: choiceNumbers, folded: choices) else {
                return .failure(unknownChoice(text, of: fact, choiceNumbers: choiceNumbers, labelsAccepted: true))
            }
            return .success(.text(fact.choices[index].id))
        case .set:
            return members(typedList: text, for: fact, choiceNumbers: choiceNumbers, folded: choices).map { .set($0) }
        }
    }

    // MARK: Checks shared with JSON

    /// A text value: trimmed, refused when empty, too long, or holding a control character (the `offset` of the
    /// error points into `raw`).
    public static func text(_ raw: String, for fact: Fact) -> Result<String, FactValueError> {
        if let problem = controlCharacter(in: raw, for: fact) { return .failure(problem) }
        var text = trimmed(raw)
        if fact.multiline { text = text.replacing("\r\n", with: "\n") }
        if text.isEmpty {
            return .failure(FactValueError(.missing, ["emptyText": "true", "required": String(fact.required), "label": fact.label]))
        }
        if text.count > fact.maximumLength {
            return .failure(FactValueError(.tooLong, ["length": String(text.count), "maximum": String(fact.maximumLength)]))
        }
        return .success(text)
    }

    /// A number already read (from JSON, or from `FactValueReader`): integral for `int`, within the bounds.
    /// `written` is how it was written, to quote it back.
    public static func number(_ number: Double, written: String, for fact: Fact) -> Result<Double, FactValueError> {
        if fact.type == .int && number.rounded() != number {
            return .failure(FactValueError(.notAnInteger, FactsReader.expectation(for: fact).merging(["subject": written]) { $1 }, subject: written))
        }
        if let minimum = fact.minimum, number < minimum { return .failure(outOfRange(written, fact)) }
        if let maximum = fact.maximum, number > maximum { return .failure(outOfRange(written, fact)) }
        return .success(number)
    }

    /// The members of a set given as a list of ids (a JSON array): each a known id, none twice. Every problem is
    /// returned, each with the `element` index of the faulty member.
    public static func members(_ ids: [String], for fact: Fact) -> (members: Set<String>, problems: [FactValueError]) {
        var members: Set<String> = []
        var problems: [FactValueError] = []
        for (index, id) in ids.enumerated() {
            guard fact.choice(id) != nil else {
                var error = unknownChoice(id, of: fact, choiceNumbers: false, labelsAccepted: false)
                error.element = index
                problems.append(error)
                continue
            }
            if !members.insert(id).inserted {
                problems.append(FactValueError(.duplicate, ["subject": id], element: index))
            }
        }
        return (members, problems)
    }

    // MARK: Pieces

    /// `o`/`oui`/`n`/`non` and the other spellings of a boolean.
    public static func boolean(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "o", "oui", "y", "yes", "vrai", "true", "1": return true
        case "n", "non", "no", "faux", "false", "0": return false
        default: return nil
        }
    }

    /// The index of the choice `text` names: its id or label (case and accents ignored), or its 1-based number
    /// when `choiceNumbers` is set. `folded`: the fact's choices already folded.
    public static func choice(_ text: String, of fact: Fact, choiceNumbers: Bool, folded known: FoldedChoices? = nil) -> Int? {
        if let exact = fact.choices.firstIndex(where: { $0.id == text }) { return exact }
        if choiceNumbers, let number = Int(text) {
            return fact.choices.indices.contains(number - 1) ? number - 1 : nil
        }
        let key = folded(text)
        if let known { return known.index[key] }
        return fact.choices.firstIndex { folded($0.id) == key || folded($0.label) == key }
    }

    /// Without the spaces (of any kind) around the value.
    public static func trimmed(_ text: some StringProtocol) -> String {
        // The usual cell: ASCII letters or digits at both ends, nothing to trim.
        let whole = String(text)
        if let first = whole.utf8.first, let last = whole.utf8.last, isASCIIVisible(first), isASCIIVisible(last) { return whole }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func number(typed text: String, for fact: Fact) -> Result<Double, FactValueError> {
        var digits = text
        for unit in units(of: fact) where digits.hasSuffix(unit) && digits.count > unit.count {
            digits = trimmed(digits.dropLast(unit.count))
            break
        }
        switch FrenchNumber.parse(digits) {
        case .success(let value):
            return number(value, written: text, for: fact)
        case .failure(let problem):
            var arguments = FactsReader.expectation(for: fact).merging(["subject": text]) { $1 }
            if problem == .exponent { arguments["exponent"] = "true" }
            return .failure(FactValueError(.notANumber, arguments, subject: text))
        }
    }

    /// The unit a number may be followed by: the fact's (« habitants », or its singular « habitant »), `%`.
    private static func units(of fact: Fact) -> [String] {
        guard let unit = fact.unit, !unit.isEmpty else { return [] }
        var units = [unit]
        if unit.hasSuffix("s"), unit.count > 2 { units.append(String(unit.dropLast())) }
        return units
    }

    private static func members(typedList text: String, for fact: Fact, choiceNumbers: Bool, folded: FoldedChoices?) -> Result<Set<String>, FactValueError> {
        if noneWords.contains(text.lowercased()) { return .success([]) }
        if let whole = choice(text, of: fact, choiceNumbers: choiceNumbers, folded: folded) { return .success([fact.choices[whole].id]) }
        var pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "," || $0 == ";" }).map { trimmed($0) }
        // « 1 3 5 »: numbers separated by spaces only, for the questionnaire.
        if choiceNumbers, pieces.count == 1 {
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count > 1, words.allSatisfy({ Int($0) != nil }) { pieces = words }
        }
        var members: Set<String> = []
        for (index, piece) in pieces.enumerated() {
            guard !piece.isEmpty else {
                let example = fact.choiceIDs.prefix(2).joined(separator: "|")
                return .failure(FactValueError(.emptyItem, ["subject": text, "example": example], element: index))
            }
            guard let choice = choice(piece, of: fact, choiceNumbers: choiceNumbers, folded: folded) else {
                var error = unknownChoice(piece, of: fact, choiceNumbers: choiceNumbers, labelsAccepted: true)
                error.element = index
                return .failure(error)
            }
            guard members.insert(fact.choices[choice].id).inserted else {
                return .failure(FactValueError(.duplicate, ["subject": fact.choices[choice].id], element: index))
            }
        }
        return .success(members)
    }

    /// The first control character of `text` (spaces, tabulations and line breaks around it do not count), unless
    /// it is a line break in a multi-line text; its offset counts from the start of `text`.
    private static func controlCharacter(in text: String, for fact: Fact) -> FactValueError? {
        // No byte below 0x20, no DEL, no C1 or other multi-byte scalar: nothing to look at closer.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        for offset in first...last where TerminalText.isForbiddenInText(scalars[offset]) {
            let scalar = scalars[offset]
            if fact.multiline && (scalar == "\n" || scalar == "\r") { continue }
            let isLineBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
            return FactValueError(.controlCharacter, ["character": TerminalText.codePoint(scalar), "position": String(offset + 1),
                                                      "lineBreak": String(isLineBreak)], offset: offset)
        }
        return nil
    }

    private static func missing(_ fact: Fact) -> FactValueError {
        let expected = fact.type == .text ? [:] : FactsReader.expectation(for: fact)
        return FactValueError(.missing, expected.merging(["label": fact.label]) { $1 })
    }

    private static func outOfRange(_ written: String, _ fact: Fact) -> FactValueError {
        // `written` was read as a number: digits, separators and the unit only, safe to print unquoted.
        FactValueError(.outOfRange, FactsReader.expectation(for: fact).merging(["subject": written]) { $1 }, subject: written)
    }

    /// A value that names no choice. Typed by a person (`labelsAccepted`), the error offers the labels as well as
    /// the ids (`allowedLabels`, separated by « | » as the batch template writes them) and suggests the closest
    /// label or id, in the form the person used; in a JSON profile, which holds ids only, it offers and suggests ids.
    static func unknownChoice(_ text: String, of fact: Fact, choiceNumbers: Bool, labelsAccepted: Bool) -> FactValueError {
        if choiceNumbers, Int(text) != nil {
            return FactValueError(.unknownChoice, ["subject": text, "choiceCount": String(fact.choices.count)], subject: text)
        }
        var arguments = ["subject": text, "allowed": fact.choiceIDs.joined(separator: ", ")]
        // A slip in an id (« rural-dispers ») or in a label (« rurale à habitat dispersé ») finds its choice.
        let labels = fact.choices.map(\.label)
        let closest = Suggestion.closest(to: text, among: labels + fact.choiceIDs)
        if labelsAccepted {
            arguments["allowedLabels"] = labels.joined(separator: " | ")
            arguments["suggestion"] = closest
        } else {
            arguments["suggestion"] = closest.map { match in fact.choices.first { $0.label == match }?.id ?? match }
        }
        return FactValueError(.unknownChoice, arguments, subject: text)
    }

    /// Lower case, without accents, with a straight apostrophe: « Accès aux soins » and « acces aux soins » match.
    public static func folded(_ text: String) -> String {
        // Ids and most labels are ASCII: lower case is all there is to do.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var result = ""
        for character in text.lowercased() {
            result += accentless[character] ?? String(character)
        }
        return result
    }

    private static let accentless: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
        "í": "i", "ô": "o", "ö": "o", "ó": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u", "ÿ": "y", "ñ": "n",
        "œ": "oe", "æ": "ae", "’": "'",
    ]
}

/// The choices of an `enum` or `set` fact by their ids and labels folded (`TypedValueReader.folded`): what
/// `TypedValueReader.choice` finds by folding every label again, found in one look-up — for a reader of
/// thousands of values of the same fact (a batch). The first choice whose id or label folds to a key wins, as in
/// `choice`.
public struct FoldedChoices: Sendable {
    let index: [String: Int]

    public init(_ fact: Fact) {
        var index: [String: Int] = [:]
        for (offset, choice) in fact.choices.enumerated() {
            for key in [TypedValueReader.folded(choice.id), TypedValueReader.folded(choice.label)] where index[key] == nil {
                index[key] = offset
            }
        }
        self.index = index
    }
}
