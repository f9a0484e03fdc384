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

    /// The wording of each recommendation that does not depend on the territory, made once (`cachesWording`).
    private let fixed: [String: FixedWording]

    /// `cachesWording`: words every recommendation's own texts once, up front — for a presenter that words
    /// thousands of roadmaps (a batch), not for one.
    public init(ruleBase: RuleBase, detail: Bool = false, wordsLeftOut: Bool = true, considerLaterLines: Int = .max, cachesWording: Bool = false) {
        self.ruleBase = ruleBase
        self.detail = detail
        self.wordsLeftOut = wordsLeftOut
        self.considerLaterLines = considerLaterLines
        var fixed: [String: FixedWording] = [:]
        if cachesWording {
            for recommendation in ruleBase.recommendations { fixed[recommendation.id] = FixedWording(recommendation, ruleBase: ruleBase) }
        }
        self.fixed = fixed
        memos = cachesWording ? Memos() : nil
        var titles: [String: String] = [:]
        if cachesWording {
            for document in ruleBase.sources {
                titles[document.id] = Typography.french(detail ? SourceWording.reference(document) : SourceWording.compact(document))
            }
        }
        bibliographyTitles = titles
    }

    /// Each registered document's entry in the list of sources, by id, worded once (`cachesWording`).
    private let bibliographyTitles: [String: String]

    /// What a presenter that words many roadmaps keeps from one to the next (`cachesWording`).
    private let memos: Memos?

    final class Memos: Sendable {
        let territorial = WordingMemo<WordingKey, Territorial>()
        let leftOut = WordingMemo<WordingKey, LeftOutWording>()
        let cards = WordingMemo<CardKey, RoadmapDocument.Card>()
    }

    /// What a planned recommendation's condition and boosts found in one territory, in words.
    struct Territorial: Sendable {
        /// The card's « Pour vous ».
        let forYou: [String]
        /// The facts of the profile its condition and its applying boosts rest on that the synthesis may state as
        /// findings (not the size, nor the team's own choices).
        let findingFacts: [String]
    }

    struct LeftOutWording: Sendable {
        let code: String
        let text: String
        let by: String?
    }

    public func document(_ roadmap: Roadmap) -> RoadmapDocument {
        let context = Context(roadmap: roadmap, ruleBase: ruleBase, fixed: fixed, memos: memos)
        var numbering = Numbering()
        let cards = roadmap.items.map { card($0, context: context, numbering: &numbering) }
        let bibliography = numbering.bibliography
        let seasons = Milestones.seasons(of: roadmap)
        let phases = roadmap.calendar.phases.enumerated().map { index, phase in
            RoadmapDocument.Phase(
                id: phase.id, horizons: Horizon.allCases.filter(phase.horizons.contains).map(\.rawValue), title: phase.title,
                period: phase.period, start: phase.start.description, end: phase.end.description, months: phase.months,
                capacity: roadmap.capacity.unitsPerPhase[index], used: roadmap.unitsUsed[index],
                milestones: Milestones.of(phase, seasons: seasons),
                outlined: !detail && index > 0 && phase.start >= MandateCalendar.midMandateReview,
                cards: zip(roadmap.items, cards).filter { $0.0.phaseIndex == index }.map(\.1))
        }
        let considerLater = roadmap.considerLater.enumerated().map { context.entry($1, line: $0 < considerLaterLines) }
        let synthesis = ExecutiveSynthesis(roadmap: roadmap, cards: cards, context: context, considerLater: considerLater.count)
        let capacity = roadmap.capacity
        let version = ruleBase.version
        let edition = "Édition de \(roadmap.calendar.start.longFrench) · MandatSanté \(ToolVersion.current) · base de règles \(version.label) (empreinte \(version.fingerprint))"
        return RoadmapDocument(
            header: RoadmapDocument.Header(
                title: roadmap.profile.name, summary: TerritoryPortrait.summary(roadmap.profile),
                period: "De \(roadmap.calendar.start.longFrench) aux élections de mars \(MandateCalendar.mandateEnd.year)",
                edition: edition),
            synthesis: synthesis.value,
            portrait: TerritoryPortrait(profile: roadmap.profile, capacity: capacity, layout: context.ruleBase.portrait),
            phases: phases, considerLater: considerLater, bibliography: bibliography,
            leftOut: wordsLeftOut ? LeftOutGroups.groups(roadmap.leftOut.map { context.entry($0) }) : [],
            detail: detail,
            data: DocumentData(
                facts: ruleBase.vocabulary.facts.map { (name: $0.name, value: roadmap.profile.value($0.name)) },
                start: roadmap.calendar.start.description, end: roadmap.calendar.end.description,
                editionMonth: roadmap.calendar.start.description, toolVersion: ToolVersion.current,
                ruleBaseVersion: version.label, ruleBaseFingerprint: version.fingerprint,
                yearlyUnits: capacity.yearlyUnitsText, staff: capacity.staff, totalUnits: capacity.totalUnits,
                methodLimit: capacity.methodLimit, recommendationCount: ruleBase.recommendations.count))
    }

    /// Where a document's numbering stands while its cards are made in rank order.
    struct Numbering {
        /// Every document cited so far, numbered from 1 in order of first citation.
        var bibliography: [RoadmapDocument.BibliographyEntry] = []
        /// The rank of the card that first told each territory's example.
        var told: [String: Int] = [:]

        func number(of document: String) -> Int? { bibliography.firstIndex { $0.document == document }.map { $0 + 1 } }
    }

    /// The card of `item`, numbered in the document: its sources — with, in the detailed edition, its printed
    /// facts' documents, and always its examples' — get their number in the bibliography, and an example that an
    /// earlier card told points back to it. A batch keeps finished cards across territories under everything they
    /// read (`CardKey`).
    func card(_ item: RoadmapItem, context: Context, numbering: inout Numbering) -> RoadmapDocument.Card {
        let recommendation = item.recommendation
        let roadmap = context.roadmap
        let profileFacts = roadmap.profile.facts
        let kept = fixed[recommendation.id]
        let wording = kept ?? FixedWording(recommendation, ruleBase: ruleBase)
        let printed = wording.facts.map { recommendation.prints(fact: $0.id, for: profileFacts) }
        let facts = zip(wording.facts, printed).filter(\.1).map(\.0)
        var sources = wording.sources
        // The facts are printed in the detailed edition only; there their sources join the action's own, so that
        // the reader finds each figure's document in the list.
        if detail { for fact in facts where !sources.contains(fact.source) { sources.append(fact.source) } }
        // An example's document joins the action's sources too: the reader finds it in the list by its number.
        for source in wording.examples.compactMap(\.source) where !sources.contains(source) { sources.append(source) }
        let sourceNumbers = sources.map { source in
            if let known = numbering.number(of: source.document) { return known }
            numbering.bibliography.append(RoadmapDocument.BibliographyEntry(document: source.document, title: bibliographyTitle(source)))
            return numbering.bibliography.count
        }
        let exampleNumbers = wording.examples.map { example in example.source.flatMap { numbering.number(of: $0.document) } }
        let factNumbers = facts.map { numbering.number(of: $0.source.document) }
        // An example is told once per document: a later card that cites the same territory points back to it.
        let toldAtRanks = wording.examples.map { example -> Int? in
            if let rank = numbering.told[example.territory] { return rank }
            numbering.told[example.territory] = item.rank
            return nil
        }
        let forYou = context.territorial(recommendation, score: item.score).forYou
        let placement = RoadmapWording.placement(item, in: roadmap)
        func make() -> RoadmapDocument.Card {
            var card = context.card(item, wording: wording, printing: facts, forYou: forYou, placement: placement)
            card.sources = sources
            card.sourceNumbers = sourceNumbers
            for index in card.examples.indices {
                if let number = exampleNumbers[index] { card.examples[index] = citing(card.examples[index], number: number) }
                card.examples[index].toldAtRank = toldAtRanks[index]
            }
            if !facts.isEmpty {
                card.evidence = zip(facts, factNumbers).map { fact, number in
                    Self.beforeFinalPeriod(fact.statement, number.map(Self.citedNumber) ?? "")
                }.joined(separator: " ")
            }
            return card
        }
        guard let memos, kept != nil else { return make() }
        var related = item.prerequisites.map { context.rank($0) ?? 0 } + item.together.map { context.rank($0) ?? 0 }
        related += item.prerequisites.map { id in roadmap.item(id).map { $0.phaseIndex < item.phaseIndex ? 1 : 0 } ?? 0 }
        related += item.assumedPrerequisites.map { context.isToDoFirst($0) ? 1 : 0 }
        var holds = recommendation.cautions.map { $0.condition.evaluate(profileFacts) == .true }
        for lines in [recommendation.steps, recommendation.partners, recommendation.funding] { holds += lines.map { $0.holds(for: profileFacts) } }
        holds += printed
        let key = CardKey(
            recommendation: recommendation.id, start: roadmap.calendar.start, rank: item.rank, phaseIndex: item.phaseIndex,
            score: item.score, selection: item.selection, deadline: item.deadline, placement: item.placement,
            placementBrief: placement?.brief, placementCauses: placement?.causes,
            prerequisites: item.prerequisites, assumedPrerequisites: item.assumedPrerequisites, together: item.together,
            supersedes: item.supersedes, related: related, isCommune: context.isCommune, forYou: forYou,
            sizeReason: forYou.contains(context.frenchSize) ? context.frenchSize : nil, holds: holds,
            sourceNumbers: sourceNumbers, factNumbers: factNumbers.map { $0 ?? 0 }, toldAtRanks: toldAtRanks.map { $0 ?? 0 })
        return memos.cards.value(key) {
            var card = make()
            card.serial = CardSerial.next()
            return card
        }
    }

    /// A document's entry in the list of sources: the full reference in the detailed edition, a compact one
    /// otherwise.
    private func bibliographyTitle(_ source: RoadmapDocument.Source) -> String {
        if let title = bibliographyTitles[source.document] { return title }
        let title = detail ? source.title : ruleBase.source(source.document).map(SourceWording.compact) ?? source.title
        return Typography.french(title)
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
        return statement.dropLast() + insert + "."
    }

    /// « [3] » after a fact, joined to it by a no-break space.
    static func citedNumber(_ number: Int) -> String { "\u{00A0}[\(number)]" }

    /// « Albi (Tarn) : ce que la ville a fait (source [3], juillet 2026). »: the number and the date of the
    /// example's document, before the final period.
    func citing(_ example: RoadmapDocument.Example, number: Int) -> RoadmapDocument.Example {
        var cited = example
        cited.sourceNumber = number
        let date = example.source.flatMap { ruleBase.source($0.document) }.map { ", " + SourceWording.date($0.date).replacingOccurrences(of: " ", with: "\u{00A0}") } ?? ""
        let reference = Typography.french(" (source\u{00A0}[\(number)]\(date))")
        cited.text = example.text.hasSuffix(".") ? example.text.dropLast() + reference + "." : example.text + reference
        return cited
    }
}
