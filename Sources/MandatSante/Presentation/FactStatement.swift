import Foundation
import RuleKit

/// A fact of the profile said as a finding, in plain French and positively: « aucune CPTS ne couvre le
/// territoire », « zonage médical de l'ARS : zone d'intervention prioritaire (ZIP) », « commune de
/// 420 habitants » — never a test (« autre que hors zonage ») or a double negative.
struct FactStatement {
    let profile: Profile
    /// « commune de 420 habitants », « communauté de communes de 18 500 habitants »
    let size: String
    /// Facts that make the size of the territory: stated once, as « commune de 420 habitants ».
    let sizeFacts: Set<String>

    /// Facts stated through a placeholder rather than their value (`WordingPlaceholder`): the wording is kept for
    /// territories whose values differ. A placeheld population puts the whole size in one placeholder.
    let placeheld: Set<String>

    /// The labels that depend on the territory, compiled with the rule base.
    let labels: FactLabels

    init(profile: Profile, labels: FactLabels, placeheld: Set<String> = []) {
        self.profile = profile
        self.labels = labels
        self.placeheld = placeheld
        let vocabulary = profile.vocabulary
        let kind = vocabulary.factName(.kind)
        let population = vocabulary.factName(.population)
        sizeFacts = [kind, population]
        if placeheld.contains(population) {
            size = WordingPlaceholder.size
        } else {
            size = profile.value(population) == nil ? profile.display(kind) : "\(profile.display(kind)) de \(profile.display(population))"
        }
    }

    /// A placeholder of a statement made with `placeheld` facts, said for this profile: the size, or the fact's
    /// statement.
    func filling(_ placeholder: String) -> String {
        if placeholder.isEmpty { return size }
        if placeholder.first == Self.valueMark { return profileValue(String(placeholder.dropFirst())) ?? "" }
        return statement(placeholder) ?? ""
    }

    /// Marks a placeholder that stands for a fact's bare value (« 18 % »), not its statement.
    private static let valueMark: Character = "#"

    /// `boost`'s reason with each value it prints (`Boost.reasonValues`) given for this profile: « au moins
    /// {withoutGpShare} des habitants » reads « 18 % des habitants » (a placeholder when the fact is placeheld).
    func reason(of boost: Boost) -> String {
        filledValues(boost.reason, names: boost.reasonValues)
    }

    /// `text` with `{name}` replaced by the value of each of `names`.
    func filledValues(_ text: String, names: [String]) -> String {
        var filled = text
        for name in names {
            let value = placeheld.contains(name) ? WordingPlaceholder.marker("\(Self.valueMark)\(name)") : profileValue(name)
            filled = filled.replacingOccurrences(of: "{\(name)}", with: value ?? name)
        }
        return filled
    }

    private func profileValue(_ name: String) -> String? {
        guard let fact = vocabulary.fact(named: name), let value = profile.value(name) else { return nil }
        return ValueFormatter.value(value, of: fact)
    }

    var vocabulary: Vocabulary { profile.vocabulary }

    /// The choice by which a team answers « je ne sais pas » (`medicalZoning`, `specialistShortage`…): it says
    /// nothing about the territory, so it is never stated as a finding.
    static let unknownChoice = "inconnu"

    /// One finding: its text, and for members of a set fact the fact's label and the members' labels, so that
    /// findings of one set can be joined (« documents d'urbanisme : PLU et SCoT ») without re-reading the text.
    struct Finding: Equatable {
        let text: String
        /// The set fact's label and the members stated, when the finding names members of a set positively.
        let members: (label: String, values: [String])?

        init(_ text: String) {
            self.text = text
            members = nil
        }

        /// `oneMemberLabel`: the label when one member is named (« priorité de l'équipe »); the members keep `label`,
        /// which names several when findings are joined.
        init(label: String, oneMemberLabel: String? = nil, members values: [String]) {
            text = "\(values.count == 1 ? oneMemberLabel ?? label : label) : \(Typography.list(values))"
            members = (label, values)
        }

        static func == (a: Finding, b: Finding) -> Bool { a.text == b.text }
    }

    /// What the profile says of `name`; nil when it says nothing (unknown).
    func statement(_ name: String) -> String? { finding(name)?.text }

    /// What the profile says of the set fact `name`, naming only `members` of it when some of them are in the
    /// profile (« projets structurants prévus : rénovation d'une école », not the mobility plan no action
    /// answers); the whole statement otherwise.
    func statement(_ name: String, members: Set<String>?) -> String? {
        guard let members, let fact = vocabulary.fact(named: name), case .set(let declared)? = profile.value(name),
              !placeheld.contains(name) else { return statement(name) }
        let labels = fact.choices.filter { declared.contains($0.id) && members.contains($0.id) }.map(\.label)
        guard !labels.isEmpty else { return statement(name) }
        return Finding(label: label(of: fact), oneMemberLabel: fact.oneMemberLabel, members: labels).text
    }

    /// Whether the profile says something of `name` (`statement(name) != nil`), without wording it.
    func states(_ name: String) -> Bool {
        // The fact read in place by its slot, not copied whole (`fact(named:)`): asked of every fact each « Pour
        // vous » of a batch might state.
        guard let slot = vocabulary.slot(of: name), let value = profile.value(name) else { return false }
        if value == .text(Self.unknownChoice) { return false }
        if placeheld.contains(name) { return true }
        if case .set(let members) = value { return vocabulary.facts[slot].choices.contains { members.contains($0.id) } }
        return true
    }

    private func finding(_ name: String, completing depth: Int = 0) -> Finding? {
        guard let fact = vocabulary.fact(named: name), let value = profile.value(name) else { return nil }
        if value == .text(Self.unknownChoice) { return nil }
        if placeheld.contains(name) { return Finding(WordingPlaceholder.marker(name)) }
        let label = label(of: fact)
        switch value {
        case .text(let id) where fact.choice(id)?.statement != nil:
            // « {cls}, porté par l'intercommunalité »: what the profile says of the fact it completes (its label when
            // it says nothing of it), one level deep — a statement never completes a completion.
            let choice = fact.choice(id)
            let statement = choice?.statement ?? ""
            let filled = (choice?.statementFacts ?? []).reduce(statement) { text, other in
                let said = depth == 0 ? finding(other, completing: 1)?.text : nil
                return text.replacingOccurrences(of: "{\(other)}", with: said ?? vocabulary.fact(named: other).map(self.label(of:)) ?? other)
            }
            return Finding(filled)
        case .bool(let flag):
            return Finding(flag ? label : labels.falseLabel(of: fact, for: profile.facts) ?? "non : \(label)")
        case .set(let members):
            let labels = fact.choices.filter { members.contains($0.id) }.map(\.label)
            return labels.isEmpty ? nil : Finding(label: label, oneMemberLabel: fact.oneMemberLabel, members: labels)
        case .text(let id) where labels.choiceNamesItsFact(id, of: fact):
            return Finding(fact.label(ofChoice: id))
        case .text(let id) where name == vocabulary.factName(.overseas):
            return Finding("\(label) : \(overseasPlace(fact.label(ofChoice: id)))")
        case .number, .text:
            return Finding("\(label) : \(ValueFormatter.value(value, of: fact))")
        }
    }

    /// The fact's label for this profile (`FactLabels`).
    func label(of fact: Fact) -> String {
        labels.label(of: fact, for: profile.facts)
    }

    /// The figure the fact's value is read against for this profile (`FactLabels`).
    func reference(of fact: Fact) -> String? {
        labels.reference(of: fact, for: profile.facts)
    }

    /// The documents that reference cites (`FactLabels`).
    func referenceSources(of fact: Fact) -> [String] {
        labels.referenceSources(of: fact, for: profile.facts)
    }

    /// A choice whose label already names its fact is stated alone: « contrat local de santé (CLS) : CLS signé
    /// et en vigueur » or « évolution de la population : population en croissance » says the same thing twice. The
    /// choice names its fact by the abbreviation in parentheses that ends the fact's label (« CLS »), or by
    /// starting with the label's last word (« population »): « établissement support du groupement hospitalier de
    /// territoire » does not name « hôpital implanté sur le territoire » and keeps its label. A choice that repeats
    /// the label's last two words also names it: « manque de médecins spécialistes : des médecins spécialistes
    /// manquent » and « situation du centre de santé : centre de santé en déficit » say their fact twice.
    static func choiceNamesItsFact(_ choice: String, fact: Fact) -> Bool {
        let label = fact.label
        let tail = label.split(separator: " ").suffix(2)
        if tail.count == 2, tail.contains(where: { $0.count >= 5 }), (" " + choice + " ").contains(" " + tail.joined(separator: " ") + " ") { return true }
        let word: Substring
        let hasAbbreviation = label.hasSuffix(")")
        if hasAbbreviation, let open = label.lastIndex(of: "(") {
            word = label[label.index(after: open)..<label.index(before: label.endIndex)]
        } else {
            word = label.split(separator: " ").last ?? ""
        }
        let words = choice.split(separator: " ")
        return !word.isEmpty && (hasAbbreviation ? words.contains(word) : words.first == word)
    }

    /// The overseas territory itself where the choice groups several (« Guadeloupe ou Martinique ») and the
    /// profile's département or région names one of them: a finding about Guadeloupe does not say « ou
    /// Martinique ».
    private func overseasPlace(_ choice: String) -> String { Self.overseasPlace(choice, profile: profile) }

    /// `overseasPlace(_:)` for any profile: the portrait says « Guadeloupe » too.
    static func overseasPlace(_ choice: String, profile: Profile) -> String {
        let vocabulary = profile.vocabulary
        let parts = choice.replacingOccurrences(of: " ou ", with: ", ").components(separatedBy: ", ")
        guard parts.count > 1 else { return choice }
        let named = [FactRole.departement, .region].compactMap { role -> String? in
            guard case .text(let text)? = profile.value(vocabulary.factName(role)) else { return nil }
            return text.trimmingCharacters(in: .whitespaces)
        }
        let same: (String, String) -> Bool = { $0.compare($1, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }
        return parts.first { part in named.contains { same($0, part) } } ?? choice
    }

    /// `texts` with each statement that another one completes (« CLS signé et en vigueur » before « CLS signé et en
    /// vigueur, porté par l'intercommunalité ») said once, by the completing one in the place of the first: two
    /// facts read as one sentence, not as two labels glued by a semicolon.
    /// Compared on UTF-8 bytes (the rule base's texts are NFC): counting characters and `hasPrefix` on accented
    /// text, for each pair, had made this a tenth of wording a text roadmap (batch38, bench/README.md).
    static func absorbing(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts }
        var result: [String] = []
        result.reserveCapacity(texts.count)
        for text in texts {
            let said = texts.first { completes($0, text) } ?? text
            if !result.contains(said) { result.append(said) }
        }
        return result
    }

    /// Whether `longer` is `text`, a comma, a space and more.
    private static func completes(_ longer: String, _ text: String) -> Bool {
        let count = text.utf8.count
        guard longer.utf8.count >= count + 2 else { return false }
        var longer = longer, text = text
        return longer.withUTF8 { whole in
            text.withUTF8 { start in
                whole[count] == UInt8(ascii: ",") && whole[count + 1] == UInt8(ascii: " ")
                    && (count == 0 || memcmp(whole.baseAddress!, start.baseAddress!, count) == 0)
            }
        }
    }

    /// What a condition's leaf that held says of the profile (nothing for a part that failed under a `not`). Size
    /// facts (kind, population) are one finding; a set read through `'v' in set` states that member only, and
    /// `'v' not in set` nothing.
    func statements(heldIn leaf: HeldLeafProgram.Leaf) -> [Finding] {
        guard leaf.held else { return [] }
        if let finding = leaf.part.finding { return [Finding(finding)] }
        let facts = leaf.factNames
        if facts.isEmpty { return [] }
        if case .comparison(let op, let left, let right) = leaf.expression.kind, case .fact(let name) = right.kind,
           case .string(let member) = left.kind, let fact = vocabulary.fact(named: name), fact.type == .set {
            // A member the territory lacks (`'espt' not in networks`) is the gate of the action that would add it,
            // or a branch taken, never a reason: « pourquoi : réseaux rejoints, pas « ESPT » » told nothing.
            guard op == .in else { return [] }
            return [Finding(label: self.label(of: fact), oneMemberLabel: fact.oneMemberLabel, members: [fact.label(ofChoice: member)])]
        }
        var result: [Finding] = []
        // A test that leaves some overseas territories out (`not saint-pierre-et-miquelon`) holds in every other
        // one as it holds on the mainland: « situation outre-mer : Mayotte » is no reason for it.
        let overseas = leaf.part.rulesOut ? vocabulary.factName(.overseas) : nil
        for name in leaf.part.orderedFactNames where !isMainlandDefault(name) && name != overseas {
            let finding = sizeFacts.contains(name) ? Finding(size) : finding(name)
            if let finding, !result.contains(finding) { result.append(finding) }
        }
        return result
    }

    /// « situation outre-mer : Hexagone ou Corse » is no reason to a mainland team, nor a finding of its page 1:
    /// a condition that leaves out the overseas territories (or the Pacific) holds there because nothing is
    /// overseas.
    func isMainlandDefault(_ name: String) -> Bool {
        // The default read in place by its slot (see `states`).
        name == vocabulary.factName(.overseas) && profile.value(name) == vocabulary.slot(of: name).flatMap { vocabulary.facts[$0].defaultValue }
    }

}
