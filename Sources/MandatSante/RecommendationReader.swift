import RuleKit

/// Reads the recommendation files of the rule base — one Markdown file per recommendation, in the subset
/// `MarkdownReader` reads — compiling their conditions and reporting every problem at its line and column in
/// the `.md` file, inside a condition too.
///
/// A file is a header of fields (the logic: `identifiant`, `levier`, `condition`, `priorité`, `bonus`…), a title
/// (`# …`) and sections with French headings for the prose (`## Pourquoi`, `## Premiers pas`…); `Rules/README.md`
/// documents it for authors.
struct RecommendationReader {
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
        case startNow = "dès maintenant"
        case shortTitle = "titre court"
        case foundation = "fondation"
        case serves = "sert"
        case after = "après"
        case together = "avec"
        case replaces = "remplace"
        case excludes = "écarte"
        case titleVariants = "autres titres"
        case carrierVariants = "autres porteurs"
        case inequalityVariants = "autres effets sur les inégalités"
        case costVariants = "autres coûts"

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

        /// A problem with the arguments `FrenchDiagnostics` words it from.
        mutating func report(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation, severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(severity, code: code, arguments: arguments, at: location))
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
            file.report("regles.champ-inconnu", Suggestion.arguments("field", field.key.text, among: names), at: field.location)
        }
        for field in Field.required where document.field(field.rawValue) == nil && !suggested.contains(field.rawValue) {
            file.report("regles.champ-manquant", ["field": field.rawValue], at: file.start)
        }
        // Sections: known, once each, the required ones present.
        var sections: [Section: MarkdownDocument.Section] = [:]
        for section in document.sections {
            guard let kind = Section(heading: section.heading.text) else {
                let names = Section.allCases.map(\.rawValue)
                if let closest = Suggestion.closest(to: section.heading.text, among: names) { suggested.insert(closest) }
                file.report("regles.section-inconnue", Suggestion.arguments("section", section.heading.text, among: names), at: section.location)
                continue
            }
            if let first = sections[kind] {
                file.diagnostics.append(.error("regles.section-en-double", ["section": kind.rawValue], at: section.location,
                                               notes: [Diagnostic.Note("note.premiere-occurrence", at: first.location)]))
                continue
            }
            sections[kind] = section
            if kind != .examples, let subsection = section.subsections.first {
                file.report("regles.sous-partie", ["section": kind.rawValue], at: subsection.location)
            }
        }
        let lastLine = SourceLocation(file: file.file, line: max(1, (document.sections.last?.location.line ?? document.title?.location.line ?? 1)), column: 1)
        for kind in Section.required where sections[kind] == nil && !suggested.contains(kind.rawValue) {
            file.report("regles.section-manquante", ["section": kind.rawValue], at: document.title?.location ?? lastLine)
        }

        let idText = value(.id, &file)
        let id = idText?.text
        if let idText, !Identifier.isValid(idText.text) {
            file.report("regles.identifiant", ["id": idText.text], at: idText.location)
        } else if let idText, Self.baseName(file.file) != idText.text + ".md" {
            file.report("regles.nom-de-fichier", ["fileName": Self.baseName(file.file), "id": idText.text], at: idText.location)
        }
        let leverText = value(.lever, &file)
        if let leverText, !leverIDs.contains(leverText.text) {
            file.report("regles.levier-inconnu", Suggestion.arguments("lever", leverText.text, among: leverIDs), at: leverText.location)
        }
        let conditionText = value(.condition, &file)
        let condition = conditionText.flatMap { compile($0, &file) }
        let priority = value(.priority, &file).flatMap { integer($0, field: .priority, in: 0...100, &file) }
        let boostItems = list(.boosts, &file, splitInline: false)
        if boostItems.count > Score.maximumBoosts, let field = document.field(Field.boosts.rawValue) {
            file.report("regles.trop-de-bonus", ["count": String(boostItems.count), "maximum": String(Score.maximumBoosts)], at: field.location)
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
        let deadline = deadlineText.flatMap { readConditionalDeadline($0, &file) }
        let startNowText = value(.startNow, &file)
        let startNow = startNowText.flatMap { readStartNow($0, &file) }
        let shortTitle = value(.shortTitle, &file)?.text
        let foundationText = value(.foundation, &file)
        let isFoundation = foundationText.flatMap { yesNo($0, &file) }
        let serves = readServes(list(.serves, &file), &file)
        let after = relation(.after, &file)
        let together = relation(.together, &file)
        let replaces = relation(.replaces, &file)
        let excludes = relation(.excludes, &file)
        let titleItems = list(.titleVariants, &file, splitInline: false)
        let titleVariants = titleItems.compactMap { readTitleVariant($0, &file) }
        let carrierItems = list(.carrierVariants, &file, splitInline: false)
        let carrierVariants = carrierItems.compactMap { readCarrierVariant($0, &file) }
        let inequalityItems = list(.inequalityVariants, &file, splitInline: false)
        let inequalityVariants: [Conditional<InequalityEffect>] = inequalityItems.compactMap {
            readVariant($0, field: .inequalityEffect, missing: "regles.effet-sans-condition", &file)
        }
        let costItems = list(.costVariants, &file, splitInline: false)
        let costVariants: [Conditional<CostRange>] = costItems.compactMap {
            readVariant($0, field: .costVariants, missing: "regles.cout-sans-condition", &file)
        }

        let why = sections[.why].flatMap { paragraph($0, &file) }
        let steps = sections[.steps].flatMap { conditionalTexts($0, kind: .numberedList, count: 2...6, &file) }
        let partners = sections[.partners].flatMap { conditionalTexts($0, kind: .bulletList, count: 1...Int.max, &file) }
        let funding = sections[.funding].map { conditionalTexts($0, kind: .bulletList, count: 1...Int.max, &file) } ?? []
        let cautionItems = sections[.cautions].flatMap { items($0, kind: .bulletList, count: 1...Int.max, &file) } ?? []
        let cautions = cautionItems.compactMap { readCaution($0, &file) }
        let examples = sections[.examples].map { readExamples($0, &file) } ?? []
        let evidence = sections[.evidence].flatMap { readEvidence($0, &file) }
        let indicators = sections[.indicators].flatMap { items($0, kind: .bulletList, count: 1...3, &file) }?.map(\.text)
        let sourceItems = sections[.sources].flatMap { items($0, kind: .bulletList, count: 1...Int.max, &file) }
        let sources = sourceItems?.map { readConditionalSource($0, &file) }
        if let sources, let section = sections[.sources], !sources.isEmpty, sources.allSatisfy({ $0?.condition != nil }) {
            // Every territory the action reaches cites at least one document.
            file.report("regles.sources-toutes-conditionnelles", at: section.location)
        }

        guard !file.diagnostics.hasErrors, let id, let title = document.title?.text, let leverText, let conditionText, let condition,
              let priority, boosts.count == boostItems.count, let horizon, let effort, let carrier, costText == nil || cost != nil,
              evidenceText == nil || evidenceLevel != nil, inequalityText == nil || inequalityEffect != nil,
              foundationText == nil || isFoundation != nil, let why, let steps, let partners, let funding,
              cautions.count == cautionItems.count, let examples, let indicators, let sources,
              case let sourceLines = sources.compactMap({ $0 }), sourceLines.count == sources.count,
              deadlineText == nil || deadline != nil, startNowText == nil || startNow != nil, titleVariants.count == titleItems.count,
              inequalityVariants.count == inequalityItems.count, carrierVariants.count == carrierItems.count,
              costVariants.count == costItems.count
        else { return nil }
        references += (after + together + replaces + excludes).map { RelationReference(from: id, field: $0.field, to: $0.id, location: $0.location) }
        references += boosts.compactMap(\.supports).map { RelationReference(from: id, field: "bonus (appuie …)", to: $0.text, location: $0.location) }
        return Recommendation(
            id: id, title: title, lever: leverText.text, condition: condition, conditionText: conditionText, priority: priority, boosts: boosts,
            horizon: horizon, effort: effort, carrier: carrier, carriedBy: carriedBy, costRange: cost,
            evidenceLevel: evidenceLevel, inequalityEffect: inequalityEffect, deadline: deadline?.deadline,
            deadlineCondition: deadline?.condition, deadlineConditionText: deadline?.conditionText, startNow: startNow,
            shortTitle: shortTitle,
            isFoundation: isFoundation ?? false, serves: serves, after: after.map(\.id), together: together.map(\.id),
            replaces: replaces.map(\.id), excludes: excludes.map(\.id), cautions: cautions, why: why, steps: steps,
            partners: partners, funding: funding, examples: examples, evidence: evidence?.0, factConditions: evidence?.1 ?? [:],
            sources: sourceLines.map(\.reference),
            indicators: indicators, file: file.file, location: document.field(Field.id.rawValue)?.location ?? file.start,
            titleVariants: titleVariants, inequalityVariants: inequalityVariants, carrierVariants: carrierVariants,
            sourceConditions: sourceLines.contains { $0.condition != nil } ? sourceLines.map(\.condition) : [],
            costVariants: costVariants)
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

    /// What a diagnostic about this reference is worded from.
    var arguments: [String: String] { ["id": from, "field": field, "value": to] }
}
