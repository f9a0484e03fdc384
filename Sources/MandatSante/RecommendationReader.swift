import RuleKit

/// Reads the recommendation files of the rule base — one Markdown file per recommendation, in the subset
/// `MarkdownReader` reads — compiling their conditions and reporting every problem at its line and column in
/// the `.md` file, inside a condition too.
///
/// A file is a header of fields (the logic: `identifiant`, `levier`, `condition`, `priorité`, `bonus`…), a title
/// (`# …`) and sections with French headings for the prose (`## Pourquoi`, `## Premiers pas`…); `Rules/README.md`
/// documents it for authors.
struct RecommendationReader {
    static let idPattern = "lettres minuscules sans accent, chiffres et tirets"

    let vocabulary: Vocabulary
    let leverIDs: [String]
    let sourceIDs: [String]
    /// The ids of the register of facts (`facts.json`) `## Repères` may cite.
    let factIDs: [String]
    let definitions: RuleDefinitions
    private(set) var diagnostics: [Diagnostic] = []
    /// Every relation written (`après`, `avec`, `remplace`, `écarte`), with its position, for the checks
    /// between recommendations.
    private(set) var references: [RelationReference] = []

    init(vocabulary: Vocabulary, leverIDs: [String], sourceIDs: [String], factIDs: [String] = [], definitions: RuleDefinitions = RuleDefinitions()) {
        self.vocabulary = vocabulary
        self.leverIDs = leverIDs
        self.sourceIDs = sourceIDs
        self.factIDs = factIDs
        self.definitions = definitions
    }

    /// The fields of the header, as authors write them.
    enum Field: String, CaseIterable {
        case id = "identifiant"
        case lever = "levier"
        case condition
        case priority = "priorité"
        case boosts = "bonus"
        case horizon
        case effort
        case carrier = "porteur"
        case carriedBy = "porté par"
        case cost = "coût"
        case evidenceLevel = "niveau de preuve"
        case inequalityEffect = "effet sur les inégalités"
        case deadline = "échéance"
        case foundation = "fondation"
        case serves = "sert"
        case after = "après"
        case together = "avec"
        case replaces = "remplace"
        case excludes = "écarte"

        static let required: [Field] = [.id, .lever, .condition, .priority, .horizon, .effort, .carrier]
    }

    /// The sections of the body, as authors write their headings.
    enum Section: String, CaseIterable {
        case why = "Pourquoi"
        case steps = "Premiers pas"
        case partners = "Partenaires"
        case funding = "Financements"
        case cautions = "Mises en garde"
        case examples = "Exemple"
        case evidence = "Repères"
        case indicators = "Indicateurs"
        case sources = "Sources"

        static let required: [Section] = [.why, .steps, .partners, .indicators, .sources]

        /// The section a heading names; « Exemples » is « Exemple » with several examples.
        init?(heading: String) {
            if heading == "Exemples" { self = .examples; return }
            self.init(rawValue: heading)
        }
    }

    /// Reads one `.md` file; nil when it holds an error (every error is in `diagnostics`).
    mutating func readFile(_ bytes: [UInt8], file: String) -> Recommendation? {
        let (parsed, problems) = MarkdownReader.read(bytes, file: file)
        diagnostics += problems
        guard let document = parsed, document.headerLocation != nil else { return nil }
        var file = FileReading(file: file, document: document)
        let recommendation = read(&file)
        diagnostics += file.diagnostics
        return problems.hasErrors ? nil : recommendation
    }

    /// The state of reading one file: its document and what was found wrong in it.
    struct FileReading {
        let file: String
        let document: MarkdownDocument
        var diagnostics: [Diagnostic] = []

        mutating func report(_ code: String, _ message: String, at location: SourceLocation, severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(severity, code: code, message: message, file: file, location: location))
        }

        /// Where the file starts, for problems of the whole file.
        var start: SourceLocation { document.headerLocation ?? SourceLocation(file: file, line: 1, column: 1) }
    }

    private mutating func read(_ file: inout FileReading) -> Recommendation? {
        let document = file.document
        // Header fields: known, and the required ones present.
        // A mistyped field is reported once, as unknown with its suggestion, not also as missing.
        var suggested: Set<String> = []
        for field in document.header where Field(rawValue: field.key.text) == nil {
            let names = Field.allCases.map(\.rawValue)
            if let closest = Suggestion.closest(to: field.key.text, among: names) { suggested.insert(closest) }
            file.report("regles.champ-inconnu", "champ inconnu « \(field.key.text) » dans l'en-tête\(Suggestion.hint(for: field.key.text, among: names)) (champs permis : \(names.joined(separator: ", ")))", at: field.location)
        }
        for field in Field.required where document.field(field.rawValue) == nil && !suggested.contains(field.rawValue) {
            file.report("regles.champ-manquant", "champ obligatoire « \(field.rawValue) » manquant dans l'en-tête", at: file.start)
        }
        // Sections: known, once each, the required ones present.
        var sections: [Section: MarkdownDocument.Section] = [:]
        for section in document.sections {
            guard let kind = Section(heading: section.heading.text) else {
                let names = Section.allCases.map(\.rawValue)
                if let closest = Suggestion.closest(to: section.heading.text, among: names) { suggested.insert(closest) }
                file.report("regles.section-inconnue", "partie inconnue « \(section.heading.text) »\(Suggestion.hint(for: section.heading.text, among: names)) (parties permises : \(names.joined(separator: ", ")))", at: section.location)
                continue
            }
            if let first = sections[kind] {
                file.diagnostics.append(Diagnostic(.error, code: "regles.section-en-double", message: "la partie « \(kind.rawValue) » apparaît deux fois",
                                                   file: file.file, location: section.location, notes: ["première occurrence : \(first.location)"]))
                continue
            }
            sections[kind] = section
            if kind != .examples, let subsection = section.subsections.first {
                file.report("regles.sous-partie", "« ### » dans la partie « \(kind.rawValue) » : seule la partie « Exemple » a des sous-parties (une par territoire)", at: subsection.location)
            }
        }
        let lastLine = SourceLocation(file: file.file, line: max(1, (document.sections.last?.location.line ?? document.title?.location.line ?? 1)), column: 1)
        for kind in Section.required where sections[kind] == nil && !suggested.contains(kind.rawValue) {
            file.report("regles.section-manquante", "partie obligatoire « ## \(kind.rawValue) » manquante", at: document.title?.location ?? lastLine)
        }

        let idText = value(.id, &file)
        let id = idText?.text
        if let idText, !Self.isValidID(idText.text) {
            file.report("regles.identifiant", "identifiant « \(idText.text) » invalide : \(Self.idPattern)", at: idText.location)
        } else if let idText, Self.baseName(file.file) != idText.text + ".md" {
            file.report("regles.nom-de-fichier", "le fichier s'appelle « \(Self.baseName(file.file)) » mais la recommandation « \(idText.text) » : nommez-le « \(idText.text).md »", at: idText.location)
        }
        let leverText = value(.lever, &file)
        if let leverText, !leverIDs.contains(leverText.text) {
            file.report("regles.levier-inconnu", "levier inconnu « \(leverText.text) »\(Suggestion.hint(for: leverText.text, among: leverIDs))", at: leverText.location)
        }
        let conditionText = value(.condition, &file)
        let condition = conditionText.flatMap { compile($0, &file) }
        let priority = value(.priority, &file).flatMap { integer($0, field: .priority, in: 0...100, &file) }
        let boostItems = list(.boosts, &file, splitInline: false)
        if boostItems.count > Score.maximumBoosts, let field = document.field(Field.boosts.rawValue) {
            file.report("regles.trop-de-bonus", "\(boostItems.count) bonus ; \(Score.maximumBoosts) au plus sont permis", at: field.location)
        }
        let boosts = boostItems.compactMap { readBoost($0, &file) }
        let horizon = value(.horizon, &file).flatMap { enumValue(Horizon.self, $0, field: .horizon, &file) }
        let effort = value(.effort, &file).flatMap { enumValue(Effort.self, $0, field: .effort, &file) }
        let carrier = value(.carrier, &file).flatMap { enumValue(Carrier.self, $0, field: .carrier, &file) }
        let carriedBy = value(.carriedBy, &file)?.text
        let costText = value(.cost, &file)
        let cost = costText.flatMap { enumValue(CostRange.self, $0, field: .cost, &file) }
        let evidenceText = value(.evidenceLevel, &file)
        let evidenceLevel = evidenceText.flatMap { enumValue(EvidenceLevel.self, $0, field: .evidenceLevel, &file) }
        let inequalityText = value(.inequalityEffect, &file)
        let inequalityEffect = inequalityText.flatMap { enumValue(InequalityEffect.self, $0, field: .inequalityEffect, &file) }
        let deadlineText = value(.deadline, &file)
        let deadline = deadlineText.flatMap { readDeadline($0, &file) }
        let foundationText = value(.foundation, &file)
        let isFoundation = foundationText.flatMap { yesNo($0, &file) }
        let serves = readServes(list(.serves, &file), &file)
        let after = relation(.after, &file)
        let together = relation(.together, &file)
        let replaces = relation(.replaces, &file)
        let excludes = relation(.excludes, &file)

        let why = sections[.why].flatMap { paragraph($0, &file) }
        let steps = sections[.steps].flatMap { conditionalTexts($0, kind: .numberedList, count: 2...6, &file) }
        let partners = sections[.partners].flatMap { conditionalTexts($0, kind: .bulletList, count: 1...Int.max, &file) }
        let funding = sections[.funding].map { conditionalTexts($0, kind: .bulletList, count: 1...Int.max, &file) } ?? []
        let cautionItems = sections[.cautions].flatMap { items($0, kind: .bulletList, count: 1...Int.max, &file) } ?? []
        let cautions = cautionItems.compactMap { readCaution($0, &file) }
        let examples = sections[.examples].map { readExamples($0, &file) } ?? []
        let evidence = sections[.evidence].flatMap { readEvidence($0, &file) }
        let indicators = sections[.indicators].flatMap { items($0, kind: .bulletList, count: 1...3, &file) }?.map(\.text)
        let sources = sections[.sources].flatMap { items($0, kind: .bulletList, count: 1...Int.max, &file) }?.map { readSource($0, &file) }

        guard !file.diagnostics.hasErrors, let id, let title = document.title?.text, let leverText, let conditionText, let condition,
              let priority, boosts.count == boostItems.count, let horizon, let effort, let carrier, costText == nil || cost != nil,
              evidenceText == nil || evidenceLevel != nil, inequalityText == nil || inequalityEffect != nil,
              foundationText == nil || isFoundation != nil, let why, let steps, let partners, let funding,
              cautions.count == cautionItems.count, let examples, let indicators, let sources,
              case let sourceReferences = sources.compactMap({ $0 }), sourceReferences.count == sources.count,
              deadlineText == nil || deadline != nil
        else { return nil }
        references += (after + together + replaces + excludes).map { RelationReference(from: id, field: $0.field, to: $0.id, location: $0.location) }
        return Recommendation(
            id: id, title: title, lever: leverText.text, condition: condition, conditionText: conditionText, priority: priority, boosts: boosts,
            horizon: horizon, effort: effort, carrier: carrier, carriedBy: carriedBy, costRange: cost,
            evidenceLevel: evidenceLevel, inequalityEffect: inequalityEffect, deadline: deadline,
            isFoundation: isFoundation ?? false, serves: serves, after: after.map(\.id), together: together.map(\.id),
            replaces: replaces.map(\.id), excludes: excludes.map(\.id), cautions: cautions, why: why, steps: steps,
            partners: partners, funding: funding, examples: examples, evidence: evidence, sources: sourceReferences,
            indicators: indicators, file: file.file, location: document.field(Field.id.rawValue)?.location ?? file.start)
    }

    // MARK: Header values

    /// The value written after the colon of `field`; a missing required value or a list is reported.
    private func value(_ field: Field, _ file: inout FileReading) -> LocatedText? {
        guard let written = file.document.field(field.rawValue) else { return nil }
        guard let value = written.value else {
            file.report("regles.valeur-manquante", written.items.isEmpty
                        ? "le champ « \(field.rawValue) » n'a pas de valeur : écrivez-la après « : »"
                        : "le champ « \(field.rawValue) » prend une seule valeur, sur sa ligne, pas une liste", at: written.location)
            return nil
        }
        return value
    }

    /// The elements of a list field: its `- ` lines, or its value split at commas when `splitInline`
    /// (`après: a, b`), or its value as the one element.
    private func list(_ field: Field, _ file: inout FileReading, splitInline: Bool = true) -> [LocatedText] {
        guard let written = file.document.field(field.rawValue) else { return [] }
        guard let value = written.value else { return written.items }
        guard splitInline else { return [value] }
        let scalars = Array(value.text.unicodeScalars)
        var result: [LocatedText] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "," {
            let part = value.slice(start..<index).trimmed()
            if part.text.isEmpty {
                file.report("regles.element-vide", "élément vide dans la liste « \(field.rawValue) » (deux virgules, ou une virgule au bout)", at: value.location(atOffset: start))
            } else {
                result.append(part)
            }
            start = index + 1
        }
        return result
    }

    private func integer(_ text: LocatedText, field: Field, in range: ClosedRange<Int>, _ file: inout FileReading) -> Int? {
        guard !text.text.isEmpty, text.text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), text.text.count <= 6, let number = Int(text.text) else {
            file.report("regles.nombre", "« \(field.rawValue) » vaut « \(text.text) » ; un nombre entier entre \(range.lowerBound) et \(range.upperBound) était attendu", at: text.location)
            return nil
        }
        guard range.contains(number) else {
            file.report("regles.nombre", "« \(field.rawValue) » vaut \(number) ; une valeur entre \(range.lowerBound) et \(range.upperBound) était attendue", at: text.location)
            return nil
        }
        return number
    }

    private func yesNo(_ text: LocatedText, _ file: inout FileReading) -> Bool? {
        switch text.text {
        case "oui": return true
        case "non": return false
        default:
            file.report("regles.valeur-inconnue", "« \(Field.foundation.rawValue) » vaut « \(text.text) » ; « oui » ou « non » était attendu", at: text.location)
            return nil
        }
    }

    private func enumValue<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: LocatedText, field: Field, _ file: inout FileReading) -> T? where T.RawValue == String {
        if let value = T(rawValue: text.text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        file.report("regles.valeur-inconnue", "« \(field.rawValue) » vaut « \(text.text) »\(Suggestion.hint(for: text.text, among: allowed)) (valeurs permises : \(allowed.joined(separator: ", ")))", at: text.location)
        return nil
    }

    /// The ids of a relation field, each with its position for the cross-checks.
    private func relation(_ field: Field, _ file: inout FileReading) -> [(field: String, id: String, location: SourceLocation)] {
        list(field, &file).map { (field: field.rawValue, id: $0.text, location: $0.location) }
    }

    /// `sert`: values of the team priorities fact.
    private func readServes(_ items: [LocatedText], _ file: inout FileReading) -> [String] {
        let prioritiesFact = vocabulary.factName(.priorities)
        let allowed = vocabulary.fact(named: prioritiesFact)?.choiceIDs ?? []
        var result: [String] = []
        for item in items {
            guard allowed.contains(item.text) else {
                file.report("regles.priorite-inconnue", "« \(Field.serves.rawValue) » cite « \(item.text) », qui n'est pas une valeur de « \(prioritiesFact) »\(Suggestion.hint(for: item.text, among: allowed))", at: item.location)
                continue
            }
            if result.contains(item.text) {
                file.report("regles.doublon", "« \(Field.serves.rawValue) » cite « \(item.text) » deux fois", at: item.location)
                continue
            }
            result.append(item.text)
        }
        return result
    }


    /// `échéance`: « avant-saison-chaude », or « AAAA-MM : raison ». Nil when invalid (reported).
    private func readDeadline(_ text: LocatedText, _ file: inout FileReading) -> Deadline? {
        if text.text == Deadline.hotSeasonKeyword { return .beforeHotSeason }
        let expected = "« \(Deadline.hotSeasonKeyword) » ou « AAAA-MM : raison » (par exemple « 2028-01 : avant l'arrêt du PLU ») était attendu"
        guard let colon = Self.firstColon(in: text) else {
            file.report("regles.echeance", "« \(Field.deadline.rawValue) » vaut « \(text.text) » ; \(expected)", at: text.location)
            return nil
        }
        let monthText = text.slice(0..<colon).trimmed()
        let reason = text.slice(colon + 1..<text.text.unicodeScalars.count).trimmed()
        guard let month = YearMonth(parsing: monthText.text) else {
            file.report("regles.echeance", "« \(monthText.text) » n'est pas un mois au format AAAA-MM ; \(expected)", at: monthText.location)
            return nil
        }
        guard !reason.text.isEmpty else {
            file.report("regles.echeance", "l'échéance « \(monthText.text) » n'a pas de raison : écrivez-la après « : »", at: text.location)
            return nil
        }
        return .before(month, reason: reason.text)
    }

    /// `+15 si 'acces-aux-soins' in priorities : l'accès aux soins est une priorité de l'équipe`, or the name of a
    /// boost of `definitions.json` (`priorite-acces-aux-soins`), optionally with other points for this
    /// recommendation (`priorite-bien-vieillir (+15)`).
    private func readBoost(_ item: LocatedText, _ file: inout FileReading) -> Boost? {
        let scalars = Array(item.text.unicodeScalars)
        if let first = scalars.first, ("a"..."z").contains(first) {
            return namedBoost(item, &file)
        }
        let expected = "un bonus s'écrit « +10 si condition : raison » (par exemple « +10 si medicalZoning == 'zip' : zone d'intervention prioritaire »)"
        let signed = scalars.first == "+" || scalars.first == "-"
        let digits = scalars.dropFirst(signed ? 1 : 0).prefix(while: { ("0"..."9").contains($0) }).count
        let afterNumber = (signed ? 1 : 0) + digits
        guard signed, (1...3).contains(digits), Array(scalars.dropFirst(afterNumber).prefix(4)) == [" ", "s", "i", " "] else {
            file.report("regles.bonus", "bonus illisible « \(item.text) » : \(expected)", at: item.location)
            return nil
        }
        let number = Int(String(String.UnicodeScalarView(scalars[1..<afterNumber]))) ?? 0
        let points = scalars[0] == "-" ? -number : number
        guard (-100...100).contains(points) else {
            file.report("regles.bonus", "bonus de \(points) points ; une valeur entre -100 et 100 était attendue", at: item.location)
            return nil
        }
        let rest = item.slice(afterNumber + 4..<scalars.count)
        guard let colon = Self.firstColon(in: rest) else {
            file.report("regles.bonus", "la raison du bonus manque : \(expected)", at: item.location(atOffset: scalars.count))
            return nil
        }
        let conditionText = rest.slice(0..<colon).trimmed()
        let reason = rest.slice(colon + 1..<rest.text.unicodeScalars.count).trimmed()
        guard !reason.text.isEmpty else {
            file.report("regles.bonus", "la raison du bonus est vide : \(expected)", at: rest.location(atOffset: colon))
            return nil
        }
        guard let condition = compile(conditionText, &file) else { return nil }
        return Boost(condition: condition, conditionText: conditionText, points: points, reason: reason.text)
    }

    /// `nom` or `nom (+15)`: a boost of `definitions.json`, with its own points or those given here.
    private func namedBoost(_ item: LocatedText, _ file: inout FileReading) -> Boost? {
        let scalars = Array(item.text.unicodeScalars)
        let nameEnd = scalars.firstIndex(of: " ") ?? scalars.count
        let name = item.slice(0..<nameEnd)
        let names = definitions.boosts.map(\.name)
        guard let definition = definitions.boost(name.text) else {
            file.report("regles.bonus-inconnu", "bonus nommé inconnu « \(name.text) »\(Suggestion.hint(for: name.text, among: names)) (voir Rules/definitions.json ; un bonus écrit sur place prend la forme « +10 si condition : raison »)", at: name.location)
            return nil
        }
        var points = definition.points
        let rest = item.slice(nameEnd..<scalars.count).trimmed()
        if !rest.text.isEmpty {
            let inner = Array(rest.text.unicodeScalars)
            let digits = inner.dropFirst(2).prefix(while: { ("0"..."9").contains($0) }).count
            guard inner.count == digits + 3, inner.first == "(", inner.last == ")", inner[1] == "+" || inner[1] == "-", (1...3).contains(digits),
                  let number = Int(String(String.UnicodeScalarView(inner[2..<(2 + digits)]))), number <= 100 else {
                file.report("regles.bonus", "après le nom d'un bonus, seuls ses points pour cette recommandation peuvent suivre, entre parenthèses : « \(name.text) (+15) »", at: rest.location)
                return nil
            }
            points = inner[1] == "-" ? -number : number
        }
        return Boost(condition: definition.condition, conditionText: definition.conditionText, points: points, reason: definition.reason, name: definition.name)
    }

    /// The offset of the first `:` outside quotes.
    private static func firstColon(in text: LocatedText) -> Int? {
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

    // MARK: Sections

    /// The one paragraph of a prose section.
    private func paragraph(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> String? {
        guard let first = section.blocks.first else {
            file.report("regles.partie-vide", "la partie « \(section.heading.text) » est vide : un paragraphe était attendu", at: section.location)
            return nil
        }
        guard first.kind == .paragraph else {
            file.report("regles.forme", "la partie « \(section.heading.text) » attend un paragraphe de texte, pas une liste", at: first.location)
            return nil
        }
        if section.blocks.count > 1 {
            file.report("regles.forme", "la partie « \(section.heading.text) » tient en un seul paragraphe : retirez la ligne vide qui le coupe", at: section.blocks[1].location)
            return nil
        }
        return first.items.first?.text
    }

    /// The items of a list section: one list of `kind`, with a number of items in `count`.
    private func items(_ section: MarkdownDocument.Section, kind: MarkdownDocument.Block.Kind, count: ClosedRange<Int>, _ file: inout FileReading) -> [LocatedText]? {
        let marker = kind == .numberedList ? "une liste numérotée « 1. », « 2. »…" : "une liste à puces « - »"
        guard let first = section.blocks.first else {
            file.report("regles.partie-vide", "la partie « \(section.heading.text) » est vide : \(marker) était attendue", at: section.location)
            return nil
        }
        guard first.kind == kind, section.blocks.count == 1 else {
            let wrong = section.blocks.first { $0.kind != kind } ?? section.blocks[1]
            file.report("regles.forme", "la partie « \(section.heading.text) » attend \(marker) et rien d'autre", at: wrong.location)
            return nil
        }
        if !count.contains(first.items.count) {
            let expected = count.upperBound == Int.max ? "au moins \(count.lowerBound)" : "de \(count.lowerBound) à \(count.upperBound)"
            file.report("regles.nombre-elements", "la partie « \(section.heading.text) » compte \(first.items.count) élément(s) ; \(expected) étaient attendus", at: first.location)
            return nil
        }
        return first.items
    }

    /// A list whose items may start with `[si condition]` for lines that hold only for some territories.
    private func conditionalTexts(_ section: MarkdownDocument.Section, kind: MarkdownDocument.Block.Kind, count: ClosedRange<Int>, _ file: inout FileReading) -> [ConditionalText]? {
        guard let items = items(section, kind: kind, count: count, &file) else { return nil }
        let result = items.compactMap { item -> ConditionalText? in
            guard let (condition, text) = splitCondition(item, required: false, &file) else { return nil }
            guard let condition else { return ConditionalText(text.text) }
            return compile(condition, &file).map { ConditionalText(text.text, condition: $0) }
        }
        return result.count == items.count ? result : nil
    }

    /// `[si condition] text` → the condition (nil when the item has none) and the text. Nil when malformed.
    private func splitCondition(_ item: LocatedText, required: Bool, _ file: inout FileReading) -> (LocatedText?, LocatedText)? {
        let scalars = Array(item.text.unicodeScalars)
        guard scalars.starts(with: ["[", "s", "i", " "]) else {
            if required {
                file.report("regles.mise-en-garde", "une mise en garde commence par sa condition : « [si condition] texte »", at: item.location)
                return nil
            }
            return (nil, item)
        }
        var quote: Unicode.Scalar?
        var depth = 0
        for (offset, scalar) in scalars.enumerated().dropFirst(4) {
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            switch scalar {
            case "'", "\"": quote = scalar
            case "[": depth += 1
            case "]" where depth > 0: depth -= 1
            case "]":
                let text = item.slice(offset + 1..<scalars.count).trimmed()
                guard !text.text.isEmpty else {
                    file.report("regles.condition-de-ligne", "texte manquant après « [si …] »", at: item.location(atOffset: offset))
                    return nil
                }
                return (item.slice(4..<offset).trimmed(), text)
            default: break
            }
        }
        file.report("regles.condition-de-ligne", "« [si » n'est pas fermé : une ligne réservée à certains territoires s'écrit « [si condition] texte »", at: item.location)
        return nil
    }

    private func readCaution(_ item: LocatedText, _ file: inout FileReading) -> Caution? {
        guard let (conditionText, text) = splitCondition(item, required: true, &file), let conditionText,
              let condition = compile(conditionText, &file) else { return nil }
        return Caution(condition: condition, text: text.text)
    }

    /// `## Exemple`: one `### Territoire` per example, its paragraph, then « Source : document : section » (without it, a
    /// warning).
    private func readExamples(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> [Example]? {
        if let block = section.blocks.first {
            file.report("regles.forme", "la partie « \(section.heading.text) » se compose de sous-parties « ### Territoire », une par exemple", at: block.location)
            return nil
        }
        if section.subsections.isEmpty {
            file.report("regles.partie-vide", "la partie « \(section.heading.text) » est vide : une sous-partie « ### Territoire » par exemple était attendue", at: section.location)
            return nil
        }
        var examples: [Example] = []
        for subsection in section.subsections {
            let blocks = subsection.blocks
            guard let what = blocks.first, what.kind == .paragraph, let whatText = what.items.first,
                  blocks.count <= 2, blocks.allSatisfy({ $0.kind == .paragraph }) else {
                file.report("regles.forme", "l'exemple « \(subsection.heading.text) » tient en un paragraphe, suivi au besoin d'un paragraphe « Source : document : section »", at: blocks.first?.location ?? subsection.location)
                continue
            }
            var source: SourceReference?
            if blocks.count == 2, let line = blocks[1].items.first {
                let prefix = "Source :"
                guard line.text.hasPrefix(prefix) else {
                    file.report("regles.forme", "le second paragraphe d'un exemple commence par « Source : » suivi de « document : section »", at: line.location)
                    continue
                }
                guard let reference = readSource(line.slice(prefix.unicodeScalars.count..<line.text.unicodeScalars.count).trimmed(), &file) else { continue }
                source = reference
            } else {
                // Loaded all the same, but a roadmap could print no document or date for it.
                file.report("regles.exemple-sans-source", "l'exemple « \(subsection.heading.text) » ne dit pas d'où il vient : ajoutez un paragraphe « Source : document : section » pour que la feuille de route imprime son document et sa date", at: subsection.location, severity: .warning)
            }
            examples.append(Example(territory: subsection.heading.text, what: whatText.text, source: source))
        }
        return examples.count == section.subsections.count ? examples : nil
    }

    /// `## Repères`: a list of facts of the register, `- identifiant` each; a paragraph, the older form, is read
    /// with a warning, its figures having no source of their own.
    private func readEvidence(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> Evidence? {
        if section.blocks.first?.kind == .paragraph {
            guard let text = paragraph(section, &file) else { return nil }
            file.report("regles.reperes-hors-registre", "repères écrits en paragraphe : leurs chiffres ne renvoient à aucune source ; écrivez chaque fait dans le registre Rules/facts.json avec sa source, et citez-le ici par son identifiant, une ligne « - identifiant » par fait", at: section.location, severity: .warning)
            return .paragraph(text)
        }
        guard let items = items(section, kind: .bulletList, count: 1...Int.max, &file) else { return nil }
        var ids: [String] = []
        for item in items {
            guard factIDs.contains(item.text) else {
                file.report("regles.fait-inconnu", "fait « \(item.text) » absent du registre Rules/facts.json\(Suggestion.hint(for: item.text, among: factIDs)) : chaque repère est l'identifiant d'un fait du registre", at: item.location)
                continue
            }
            if ids.contains(item.text) {
                file.report("regles.doublon", "fait « \(item.text) » déjà cité dans ces repères", at: item.location)
                continue
            }
            ids.append(item.text)
        }
        return ids.count == items.count ? .facts(ids) : nil
    }

    /// `document : section`, the document being an id of `Rules/sources.json`.
    private func readSource(_ item: LocatedText, _ file: inout FileReading) -> SourceReference? {
        guard let colon = Self.firstColon(in: item) else {
            file.report("regles.source", "source illisible « \(item.text) » : « document : section » était attendu (par exemple « livre-blanc-2026 : L'offre de soins »)", at: item.location)
            return nil
        }
        let document = item.slice(0..<colon).trimmed()
        let section = item.slice(colon + 1..<item.text.unicodeScalars.count).trimmed()
        guard sourceIDs.contains(document.text) else {
            file.report("regles.source-inconnue", "document source inconnu « \(document.text) »\(Suggestion.hint(for: document.text, among: sourceIDs)) (voir Rules/sources.json)", at: document.location)
            return nil
        }
        guard !section.text.isEmpty else {
            file.report("regles.source", "la section de « \(document.text) » manque après « : »", at: item.location(atOffset: colon))
            return nil
        }
        return SourceReference(document: document.text, section: section.text)
    }

    /// Compiles a condition; each problem is reported at its exact position in the file.
    private func compile(_ text: LocatedText, _ file: inout FileReading) -> Condition? {
        switch Condition.compile(text.text, vocabulary: vocabulary, definitions: definitions.conditions) {
        case .success(let condition):
            return condition
        case .failure(let failure):
            file.diagnostics += failure.errors.map { $0.diagnostic(in: text) }
            if failure.errors.isEmpty { file.report("regles.condition", "condition invalide", at: text.location) }
            return nil
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 80 && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !id.hasPrefix("-") && !id.hasSuffix("-")
    }

    /// The last component of a path.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}

/// One id named in a relation field of a recommendation, where it is written.
struct RelationReference: Sendable {
    var from: String
    var field: String
    var to: String
    var location: SourceLocation
}
