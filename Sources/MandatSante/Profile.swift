import RuleKit

/// A territory as its team describes it: the facts of the vocabulary, validated.
public struct Profile: Sendable {
    public var facts: FactValues
    public var vocabulary: Vocabulary
    /// The file it came from, as the user named it.
    public var file: String
    /// The département or région the profile did not state but its other place implies (Guadeloupe, Martinique,
    /// Guyane, La Réunion, Mayotte are both): filled in, and refilled when `--set` changes the stated one.
    public internal(set) var impliedFact: String?
    /// The team's staff when the profile did not state it: the estimate from the population
    /// (`Capacity.estimatedStaff`), filled in so that every condition on the staff (a step for a commune without an
    /// agent, an EIS a team of two can carry) reads the figure the capacity uses instead of staying undecided —
    /// which printed neither version of such a step. The roadmap says it is an estimate; its facts list leaves it
    /// unstated.
    public internal(set) var estimatedFact: String?

    /// A profile of `facts`, with the département or région that the other implies filled in
    /// (`OverseasCoherence.fillingImpliedPlace`) and the staff estimated when not stated.
    public init(facts: FactValues, vocabulary: Vocabulary, file: String) {
        (self.facts, impliedFact) = OverseasCoherence.fillingImpliedPlace(facts, in: vocabulary)
        self.vocabulary = vocabulary
        self.file = file
        let staff = vocabulary.factName(.staff)
        if !staff.isEmpty, self.facts.value(of: staff, in: vocabulary) == nil,
           case .number(let population)? = self.facts.value(of: vocabulary.factName(.population), in: vocabulary) {
            self.facts.set(staff, to: .number(Double(Capacity.estimatedStaff(population: population))), in: vocabulary)
            estimatedFact = staff
        }
    }

    /// The value the team stated for `fact`: nil for a fact the tool filled in (implied place, estimated staff).
    public func statedValue(_ fact: String) -> FactValue? {
        fact == estimatedFact ? nil : value(fact)
    }

    public var name: String {
        if case .text(let name)? = facts.value(of: vocabulary.factName(.name), in: vocabulary) { return name }
        return file
    }

    public func value(_ fact: String) -> FactValue? {
        facts.value(of: fact, in: vocabulary)
    }

    public func number(_ fact: String) -> Double? {
        if case .number(let value)? = value(fact) { return value }
        return nil
    }

    /// The value of `fact` written for people (labels, French numbers).
    public func display(_ fact: String) -> String {
        ValueFormatter.value(value(fact), of: vocabulary.fact(named: fact))
    }
}

/// Reads a profile document: a JSON object whose keys are facts of the vocabulary.
public enum ProfileLoader {
    /// Keys a profile may carry besides facts: an editor's schema link and a free description.
    public static let metadataKeys: Set<String> = ["$schema", "description"]

    public static func load(_ bytes: [UInt8], file: String, vocabulary: Vocabulary) -> (Profile?, [Diagnostic]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return (nil, [error.diagnostic(file: file)])
        }
        let (facts, readDiagnostics) = FactsReader.read(root, file: file, vocabulary: vocabulary, ignoredKeys: metadataKeys)
        var diagnostics = readDiagnostics
        if case .string = root["description"]?.value.value {} else if let member = root["description"] {
            diagnostics.append(.error("faits.type", ["reason": "texte", "key": "description", "found": member.value.kindName],
                                      at: member.value.location.placed(in: file)))
        }
        if diagnostics.hasErrors { return (nil, diagnostics.sorted()) }
        let profile = Profile(facts: facts, vocabulary: vocabulary, file: file)
        diagnostics += OverseasCoherence.diagnostics(profile, stated: { root[$0] != nil }) { name in
            (root[name]?.value.location ?? SourceLocation(line: 1, column: 1)).placed(in: file)
        }
        if diagnostics.hasErrors { return (nil, diagnostics.sorted()) }
        return (profile, diagnostics)
    }

    /// Where each fact of a profile document is written, for a diagnostic about the whole profile (the start of
    /// the file for a fact it does not write, such as one set by `--set`).
    public static func locations(_ bytes: [UInt8], file: String) -> (String) -> SourceLocation {
        let root = try? JSONParser.parse(bytes)
        return { name in (root?[name]?.value.location ?? SourceLocation(line: 1, column: 1)).placed(in: file) }
    }

    /// Applies `fact=value` overrides (from `--set`), read by `TypedValueReader` like every value typed by a person;
    /// an empty value (`--set inseeCode=`) makes an optional fact not stated.
    public static func override(_ profile: Profile, with assignments: [String]) -> Result<Profile, FactValueError> {
        var result = profile
        // An estimate stands only while the staff is not stated: cleared, then made anew from what the profile now
        // says (a changed population) by the profile built below.
        if let estimated = result.estimatedFact { result.facts.set(estimated, to: nil, in: profile.vocabulary) }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                return .failure(FactValueError("\(QuotedText.quote(assignment)) : la forme fait=valeur était attendue, par exemple cls=en-vigueur"))
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let fact = profile.vocabulary.fact(named: name) else {
                let hint = Suggestion.hint(for: name, among: profile.vocabulary.factNames)
                return .failure(FactValueError("fait inconnu \(QuotedText.quote(name))\(hint)"))
            }
            switch TypedValueReader.read(text, for: fact) {
            case .success(let value): result.facts.set(name, to: value ?? fact.defaultValue, in: profile.vocabulary)
            case .failure(let error): return .failure(FactValueError("\(name) : \(error.message)"))
            }
            // A place filled in from the other one was never the team's: it follows what the profile now says (set
            // as stated when it is the fact assigned, cleared and implied anew below otherwise).
            if let implied = result.impliedFact {
                if implied != name { result.facts.set(implied, to: nil, in: profile.vocabulary) }
                result.impliedFact = nil
            }
        }
        return .success(Profile(facts: result.facts, vocabulary: result.vocabulary, file: result.file))
    }
}
