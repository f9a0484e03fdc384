import RuleKit

/// Words a planned roadmap for people, once: the document every output reads (`RoadmapDocument`).
public struct RoadmapPresenter: Sendable {
    public let ruleBase: RuleBase
    /// Whether the document's renderings show the annexes for specialists (scores, the whole left-out list).
    public let detail: Bool
    /// Whether the document words the whole left-out list (`leftOut`). Only `--detail` and JSON show it; a batch
    /// of text roadmaps need not explain, for every territory, the conditions of sixty recommendations.
    public let wordsLeftOut: Bool
    /// How many « à envisager ensuite » entries get their « pour vous » line (`Entry.line`): all by default. A batch
    /// whose format shows only the first ones (`RoadmapDocument.considerLaterShown`) or none words only those:
    /// wording the line is most of an entry's cost, and a territory has two dozen entries.
    public let considerLaterLines: Int
    /// Whether each « à envisager ensuite » entry gets the sentence of why it is left out (`Entry.reason`): only
    /// JSON prints it outside `--detail`; a batch in another format leaves it empty (the second dearest part of an
    /// entry, for two dozen entries per territory that it never prints).
    public let wordsConsiderLaterReasons: Bool
    /// Whether each card gets the parts only the detailed edition and JSON print: its
    /// score line and terms, its relations in full, its « Repères » with their numbers, the citations of the
    /// examples it does not tell. A batch in another format leaves them empty: no renderer outside `--detail` reads them.
    public let wordsSpecialistParts: Bool
    /// Whether the document words what only page 1 and the portrait print (`PageOneParts.swift`): the findings'
    /// lines, the size note, the priorities, the portrait's lines, the phases' milestones. A batch in CSV, or writing
    /// its syntheses only, leaves them empty: its rows print the cards, and of page 1 only which cards are decisions.
    public let wordsPageOne: Bool

    /// The wording of each recommendation that does not depend on the territory, made once (`cachesWording`).
    private let fixed: [String: FixedWording]

    /// `cachesWording`: words every recommendation's own texts once, up front — for a presenter that words
    /// thousands of roadmaps (a batch), not for one.
    public init(ruleBase: RuleBase, detail: Bool = false, wordsLeftOut: Bool = true, considerLaterLines: Int = .max,
                wordsConsiderLaterReasons: Bool = true, wordsSpecialistParts: Bool = true, wordsPageOne: Bool = true, cachesWording: Bool = false) {
        self.ruleBase = ruleBase
        self.detail = detail
        self.wordsLeftOut = wordsLeftOut
        self.considerLaterLines = considerLaterLines
        self.wordsConsiderLaterReasons = wordsConsiderLaterReasons
        self.wordsSpecialistParts = wordsSpecialistParts
        self.wordsPageOne = wordsPageOne
        var fixed: [String: FixedWording] = [:]
        if cachesWording {
            for recommendation in ruleBase.recommendations { fixed[recommendation.id] = FixedWording(recommendation, ruleBase: ruleBase) }
        }
        self.fixed = fixed
        memos = cachesWording ? Memos(vocabulary: ruleBase.vocabulary) : nil
        var titles: [String: String] = [:]
        var dates: [String: String] = [:]
        if cachesWording {
            for document in ruleBase.sources {
                titles[document.id] = Self.bibliographyTitle(document, detail: detail, asOf: ruleBase.version.date)
                dates[document.id] = Self.citationDate(document)
            }
        }
        bibliographyTitles = titles
        citationDates = dates
    }

    /// The date an example's citation gives of each document of the rule base (« , juillet 2026 »), made once
    /// (`cachesWording`) rather than looked up among hundreds by its id for each example of each territory.
    private let citationDates: [String: String]

    /// « , juillet 2026 », in no-break spaces.
    private static func citationDate(_ document: SourceDocument) -> String {
        ", " + noBreakSpaces(SourceWording.when(document))
    }

    /// The bibliography's title of each document of the rule base, made once (`cachesWording`): the same for every
    /// territory, and finding a document among hundreds by its id cost more than the rest of the list.
    private let bibliographyTitles: [String: String]

    /// « Titre court (éditeur, juillet 2026). Adresse », or the whole reference in the detailed edition.
    /// `asOf`: the date of the rule base, against which a document more than five years old says so.
    private static func bibliographyTitle(_ document: SourceDocument, detail: Bool, asOf: SourceDate?) -> String {
        Typography.french(detail ? SourceWording.reference(document, asOf: asOf) : SourceWording.compact(document))
    }

    /// What a presenter that words many roadmaps keeps from one to the next (`cachesWording`).
    private let memos: Memos?

    final class Memos: Sendable {
        /// A card's wording weighs a few kilobytes (its « pour vous », its findings): 2,000 of them are kept, a ceiling
        /// met within the first 2,000 territories of a batch, after which memory stays flat. Counted on 20,000 generated
        /// communes (batch38): over the 8,000 rows after the first 2,000, some 1,300 keys were looked up, new or met
        /// again; 2,000 places hold what is read again.
        let territorial = WordingMemo<Territorial>(capacity: 2_000)
        /// Why the condition of a left-out recommendation does not hold, and the next memory: JSON's resident memory
        /// grew with them until about 13,000 rows when they were kept 10,000 entries each (88 MB at 7,600, 115 from
        /// 13,000 on); 2,000 each, a ceiling met within the first few thousand rows.
        let reasons = WordingMemo<[String]>(capacity: 2_000)
        /// The sentence of a condition not met, numbers as placeholders (`Context.keptConditionWording`).
        let conditionWordings = WordingMemo<Wording>(capacity: 2_000)
        /// A source page 1's findings add to a card (a document and the section it is cited for), by its document and
        /// section (`Context.source(document:section:)`): a few dozen in a rule base, worded once rather than for
        /// each territory (its reference read and put in French typography).
        let sources = WordingMemo<RoadmapDocument.Source>(capacity: 1_000)
        /// The figures each text of the rule base a card prints states (`StatedFigures`), by text: a few thousand
        /// texts, read once rather than for each territory.
        let figures = WordingMemo<StatedFigures>(capacity: 8_000)
        /// The number facts as placeholders, for `reasons` (`ConditionReasonProgram.numberPlaceholders`).
        let numberPlaceholders: [String?]

        struct Wording: Sendable {
            let code: String
            let text: String
            /// `text` cut at its placeholders to fill (`WordingPlaceholder.Cut`), once when it is kept rather than by
            /// looking through the sentence for each territory; nil when it has none.
            let cut: WordingPlaceholder.Cut?

            init(code: String, text: String) {
                self.code = code
                self.text = text
                cut = WordingPlaceholder.Cut(text)
            }
        }

        init(vocabulary: Vocabulary) {
            numberPlaceholders = ConditionReasonProgram.numberPlaceholders(vocabulary)
        }
    }

    /// What a planned recommendation's condition and boosts found in one territory, in words.
    struct Territorial: Sendable {
        /// The card's « Pour vous ».
        let forYou: [String]
        /// The facts of the profile its condition and its applying boosts rest on that the synthesis may state as
        /// findings (not the size, nor the team's own choices).
        let findingFacts: [String]
        /// The same, from its condition alone: what makes it apply here, without what only weighs it up.
        let conditionFindingFacts: [String]
        /// Of `findingFacts`, those an applying boost rests on, with the points those boosts added: what raised the
        /// action's score here, the first candidates for a finding.
        var raisingFacts: [String: Int] = [:]
        /// Of `findingFacts`, the set facts read only through held member tests (« 'ecole' in plannedProjects »),
        /// with those members: the action answers the school renovation, not every planned project.
        var findingMembers: [String: Set<String>] = [:]
    }

    public func document(_ roadmap: Roadmap) -> RoadmapDocument {
        let context = Context(roadmap: roadmap, ruleBase: ruleBase, fixed: fixed, memos: memos, wordsSpecialistParts: wordsSpecialistParts)
        // Worded once per action: its card and the synthesis's findings both read it.
        let territorials = roadmap.items.map { context.territorial($0.recommendation, score: $0.score) }
        var cards = zip(roadmap.items, territorials).map { context.card($0, territorial: $1) }
        // The actions after the mid-mandate review are given in outline, unless they are all there is.
        let outlined = roadmap.calendar.phases.enumerated().map { index, phase in
            !detail && index > 0 && phase.start >= MandateCalendar.midMandateReview
        }
        // The examples each card tells, chosen before numbering the bibliography so that it lists only the
        // documents of what is printed: every example in the detailed edition; otherwise a territory once in the
        // document, on the first card that tells it, and no more examples than the edition's budget, on the first
        // cards (the actions to start first are those a team wants to see done elsewhere).
        var toldTerritories: Set<String> = []
        var toldInDocument = 0
        for (index, item) in roadmap.items.enumerated() {
            let edition = CardEdition(detail: detail, outlined: outlined[item.phaseIndex])
            var count = 0
            for example in cards[index].examples.indices where count < edition.examples && toldInDocument < edition.examplesInDocument {
                let territory = cards[index].examples[example].territory
                guard edition == .full || !toldTerritories.contains(territory) else { continue }
                cards[index].examples[example].told = true
                toldTerritories.insert(territory)
                count += 1
                toldInDocument += 1
            }
        }
        var bibliography: [RoadmapDocument.BibliographyEntry] = []
        // The document of a situation page 1 states (dengue at every rainy season) joins the sources of the first
        // action answering it, so that page 1 cites it by a number the list gives.
        let methodLevers = Set(ruleBase.levers.filter(\.isMethod).map(\.id))
        let situations = ExecutiveSynthesis.answeredFindings(roadmap, methodLevers: methodLevers, findings: ruleBase.definitions.findings)
        for (finding, ranks) in situations {
            guard let source = finding.source, let index = cards.firstIndex(where: { $0.rank == ranks[0] }),
                  !cards[index].sources.contains(where: { $0.document == source }) else { continue }
            // Its section says what the document is cited for: the situation page 1 states.
            cards[index].sources.append(context.source(document: source, section: finding.text))
        }
        // Likewise the documents of the references page 1 gives after a territory's figure (« France : 10,4 % début
        // 2024, Insee »): they join the sources of the first action answering the finding. Page 1's decisions and
        // findings are chosen here, once: neither reads what numbering the sources changes on the cards (their
        // sources, numbers, examples and evidence); the findings' lines cite the numbers once they are given.
        let decisions = ExecutiveSynthesis.decisions(roadmap, cards: cards, context: context)
        // Without page 1, the findings are chosen only for the documents they may bring to the cards.
        let findings = wordsPageOne || context.mayCiteFindingReferences(territorials)
            ? ExecutiveSynthesis.findings(roadmap, territorials: territorials, decisions: decisions, context: context, situations: situations)
            : (lines: [], referenced: [])
        for (name, ranks) in findings.referenced {
            guard let fact = ruleBase.vocabulary.fact(named: name), let index = cards.firstIndex(where: { $0.rank == ranks[0] }) else { continue }
            let section = context.facts.reference(of: fact) ?? fact.label
            for source in context.facts.referenceSources(of: fact) where !cards[index].sources.contains(where: { $0.document == source }) {
                cards[index].sources.append(context.source(document: source, section: section))
            }
        }
        for (index, item) in roadmap.items.enumerated() where !cards[index].facts.isEmpty {
            // The facts are printed in the detailed edition only; there their sources join the action's own, so
            // that the reader finds each figure's document in the list. Elsewhere a fact's document joins when a
            // printed line repeats one of its figures (a step's « 151 intercommunalités », « depuis septembre
            // 2025 »): the figure is then traceable without the Repères.
            let edition = CardEdition(detail: detail, outlined: outlined[item.phaseIndex])
            let figures = memos?.figures
            let printed = edition == .full ? nil : StatedFigures.of(edition.statedText(of: cards[index]), keptIn: figures)
            for fact in cards[index].facts where !cards[index].sources.contains(where: { $0.isSameCitation(as: fact.source) }) {
                if let printed, !printed.shares(StatedFigures.of([fact.statement], keptIn: figures)) { continue }
                cards[index].sources.append(fact.source)
            }
        }
        for index in cards.indices {
            // A told example's document joins the action's sources too: the reader finds it in the list by its number.
            for source in cards[index].examples.filter(\.told).compactMap(\.source) where !cards[index].sources.contains(where: { $0.isSameCitation(as: source) }) {
                cards[index].sources.append(source)
            }
            cards[index].sourceNumbers = cards[index].sources.map { source in
                if let known = bibliography.firstIndex(where: { $0.document == source.document }) { return known + 1 }
                let title = bibliographyTitles[source.document]
                    ?? ruleBase.source(source.document).map { Self.bibliographyTitle($0, detail: detail, asOf: ruleBase.version.date) } ?? Typography.french(source.title)
                bibliography.append(RoadmapDocument.BibliographyEntry(document: source.document, title: title))
                return bibliography.count
            }
            cards[index].examples = cards[index].examples.map { example in
                // An example the card does not tell is printed by JSON and `--detail` only (`wordsSpecialistParts`).
                guard wordsSpecialistParts || example.told, let source = example.source, let known = bibliography.firstIndex(where: { $0.document == source.document }) else { return example }
                return citing(example, number: known + 1)
            }
            let facts = cards[index].facts
            // The « Repères » are printed by JSON and `--detail` only; their documents joined the sources above.
            if wordsSpecialistParts && !facts.isEmpty {
                cards[index].evidence = facts.map { fact in
                    let number = bibliography.firstIndex { $0.document == fact.source.document }.map { Self.citedNumber($0 + 1) } ?? ""
                    return Self.beforeFinalPeriod(fact.statement, number)
                }.joined(separator: " ")
            }
        }
        let seasons = wordsPageOne ? Milestones.seasons(of: roadmap) : []
        // Worked out once for the four phases (`unitsUsed` sums the items again on each read); each card copied once,
        // into its phase.
        let used = roadmap.unitsUsed
        var phaseCards = [[RoadmapDocument.Card]](repeating: [], count: roadmap.calendar.phases.count)
        for (item, card) in zip(roadmap.items, cards) { phaseCards[item.phaseIndex].append(card) }
        let phases = roadmap.calendar.phases.enumerated().map { index, phase in
            RoadmapDocument.Phase(
                id: phase.id, horizons: Horizon.allCases.filter(phase.horizons.contains).map(\.rawValue), title: phase.title,
                period: phase.period, start: phase.start.description, end: phase.end.description, months: phase.months,
                capacity: roadmap.capacity.unitsPerPhase[index], used: used[index],
                milestones: wordsPageOne ? Milestones.of(phase, seasons: seasons) : [],
                outlined: outlined[index],
                cards: phaseCards[index])
        }
        let considerLater = roadmap.considerLater.enumerated().map { context.entry($1, line: $0 < considerLaterLines, reason: wordsConsiderLaterReasons) }
        let synthesis = wordsPageOne
            ? ExecutiveSynthesis(roadmap: roadmap, cards: cards, decisions: decisions, findings: findings.lines, context: context,
                                 considerLater: considerLater.count).value
            : .decisionsOnly(decisions)
        let capacity = roadmap.capacity
        // Its summary is the header's too: worked out once.
        let portrait = wordsPageOne
            ? TerritoryPortrait(profile: roadmap.profile, capacity: capacity, layout: context.ruleBase.portrait, detail: detail)
            : TerritoryPortrait(summaryOf: roadmap.profile)
        let version = ruleBase.version
        let editionName = "Édition de \(roadmap.calendar.start.longFrench) · MandatSanté \(ToolVersion.current) · base de règles \(version.label)"
        return RoadmapDocument(
            header: RoadmapDocument.Header(
                title: roadmap.profile.name, summary: portrait.summary,
                period: "De \(roadmap.calendar.start.longFrench) aux élections de mars \(MandateCalendar.mandateEnd.year)",
                edition: "\(editionName) (empreinte \(version.fingerprint))", editionName: editionName),
            synthesis: synthesis,
            portrait: portrait,
            phases: phases, considerLater: considerLater, bibliography: bibliography,
            leftOut: wordsLeftOut ? LeftOutGroups.groups(roadmap.leftOut.map { context.entry($0) }) : [],
            detail: detail,
            data: DocumentData(
                facts: ruleBase.vocabulary.facts.map { (name: $0.name, value: roadmap.profile.statedValue($0.name)) },
                start: roadmap.calendar.start.description, end: roadmap.calendar.end.description,
                editionMonth: roadmap.calendar.start.description, toolVersion: ToolVersion.current,
                ruleBaseVersion: version.label, ruleBaseFingerprint: version.fingerprint,
                yearlyTenths: capacity.yearlyTenths, staff: capacity.staff,
                staffEstimated: capacity.isStaffEstimated, totalUnits: capacity.totalUnits,
                methodLimit: capacity.methodLimit, recommendationCount: ruleBase.recommendations.count))
    }

    /// « … 80 % de l'état de santé [1]. » : `insert` (the number) before the final period of `statement`, held to
    /// its last word. Decided on the bytes when the period follows an ASCII character (then it is a character of
    /// its own); otherwise by characters.
    static func beforeFinalPeriod(_ statement: String, _ insert: String) -> String {
        let bytes = statement.utf8
        if let last = bytes.last, last == 0x2E, bytes.count >= 2, bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80 {
            return String(Substring(bytes.dropLast())) + insert + "."
        }
        guard statement.hasSuffix(".") else { return statement + insert }
        // A `String` first: a `Substring` joined to strings went character by character.
        return String(statement.dropLast()) + insert + "."
    }

    /// Every space of `text` as a no-break space (a date, « juillet 2026 »), on its bytes: a space is ASCII, never
    /// part of a longer UTF-8 sequence.
    static func noBreakSpaces(_ text: String) -> String {
        guard text.utf8.contains(0x20) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if byte == 0x20 { bytes.append(0xC2); bytes.append(0xA0) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// « [3] » after a fact, joined to it by a no-break space.
    static func citedNumber(_ number: Int) -> String { "\u{00A0}[\(number)]" }

    /// « Albi (Tarn) : ce que la ville a fait (source [3], juillet 2026). »: the number and the date of the
    /// example's document, before the final period.
    func citing(_ example: RoadmapDocument.Example, number: Int) -> RoadmapDocument.Example {
        var cited = example
        cited.sourceNumber = number
        let date = example.source.map { citationDates[$0.document] ?? ruleBase.source($0.document).map(Self.citationDate) ?? "" } ?? ""
        let reference = Typography.french(" (source\u{00A0}[\(number)]\(date))")
        cited.text = Self.beforeFinalPeriod(example.text, reference)
        return cited
    }
}
