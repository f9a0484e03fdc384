import RuleKit

/// A roadmap as people read it: every sentence already worded in French by `RoadmapPresenter`, every datum kept
/// for the formats that carry data. Every renderer, `explain`, `compare`, the rule-test messages and the batch
/// syntheses read this one model, so they never disagree.
public struct RoadmapDocument: Sendable {
    /// The title block.
    public struct Header: Sendable {
        /// The territory's name.
        public var title: String
        /// « commune · 420 habitants · rural à habitat dispersé · Haute-Loire »
        public var summary: String
        /// « De décembre 2026 aux élections de mars 2032 »
        public var period: String
        /// « Édition de décembre 2026 · MandatSanté 0.2.0 · base de règles 2026.12 (empreinte 3f9a1c2e) »
        public var edition: String
        /// The edition without the rule base's fingerprint, « Édition de décembre 2026 · MandatSanté 0.2.0 · base de
        /// règles 2026.12 »: what dates a file once shared (the CSV's « Édition » column).
        public var editionName: String
    }

    /// Page one: what to decide first, what drives the roadmap, and the calendar.
    public struct Synthesis: Sendable {
        /// The five to eight decisions to take first, in rank order.
        public var decisions: [Decision]
        /// Who carries most of the decisions (« la communauté de communes »), said once above them rather than on
        /// each line, which then names only another carrier (« les professionnels de santé du bassin de vie, avec
        /// l'appui de la commune »): page 1 of a large territory held its calendar only without the repetition.
        /// Nil when no carrier holds more than half of them, or only one decision.
        public var sharedCarrier: String?
        /// The actions of the first phase that are not decisions, and why: « À lancer aussi dans les trois prochains
        /// mois : l'action 3, une étape de méthode. » Nil when every one is a decision.
        public var alsoFirst: String?
        /// The three findings about the territory that drive the roadmap.
        public var findings: [String]
        /// « accès aux soins, bien vieillir et autonomie », or nil when the team declared none.
        public var priorities: String?
        /// « 7 actions pour la capacité de l'équipe (1 agent) ; 4 autres à envisager ensuite. »
        public var sizeNote: String
    }

    /// One of the decisions to take first.
    public struct Decision: Sendable {
        public var rank: Int
        public var id: String
        public var title: String
        /// « la commune », « l'intercommunalité, à la demande de la commune »…
        public var carrier: String
        /// « d'ici févr. 2027 », « avant l'été 2027 »
        public var when: String
        /// « faible », « moyen », « fort »
        public var effort: String
        /// « moins de 10 000 € », when known.
        public var costRange: String?
        /// « avis d'experts », when known.
        public var evidenceLevel: String?
        /// Its effect on health inequalities, « les réduit », when the rule base says, and its identifier
        /// (`reduit`, `neutre`, `risque-d-accroitre`, `inconnu`).
        public var inequalityEffect: String?
        public var inequalityEffectID: String?

        /// The effect on inequalities worth a place on page one: an effect the rule base knows.
        public var knownInequalityEffect: String? {
            inequalityEffectID == InequalityEffect.unknown.rawValue ? nil : inequalityEffect
        }
        /// « ARS (fonds d'intervention régional) », when known.
        public var funder: String?
        /// « priorité « accès aux soins » de l'équipe », « décision fondatrice du mandat », when it applies.
        public var note: String?
    }

    /// One phase of the calendar.
    public struct Phase: Sendable {
        /// « premiers-mois », « fin-d-annee », « mi-mandat » or « fin-mandat ».
        public var id: String
        /// The horizons (identifiers) that start in this phase at the earliest.
        public var horizons: [String]
        public var title: String
        /// « déc. 2026 – févr. 2027 »
        public var period: String
        /// `AAAA-MM`, the first month, and the month after the last.
        public var start: String
        public var end: String
        public var months: Int
        public var capacity: Int
        public var used: Int
        /// « été 2027 », « bilan de mi-mandat (mars 2029) »…
        public var milestones: [String]
        /// Whether the cards are given in outline (outside detail): the actions after the mid-mandate review,
        /// which the team will plan in detail at the review, when an earlier phase comes first.
        public var outlined: Bool
        public var cards: [Card]
    }

    /// One action of the roadmap.
    public struct Card: Sendable {
        public var rank: Int
        public var id: String
        public var title: String
        public var lever: String
        public var leverTitle: String
        public var phaseID: String
        public var phaseTitle: String
        public var period: String
        /// The month its phase starts (« avr. 2029 »): when a missed deadline's action can begin.
        public var phaseStart: String
        /// The carrier's identifier (`commune`, `intercommunalite`, `territoire`, `partenaire`) and its wording.
        public var carrierID: String
        public var carrier: String
        /// « avant l'été 2027 (juin 2027) », when the action has a deadline.
        public var deadline: String?
        /// `AAAA-MM`: ready before this month.
        public var deadlineMonth: String?
        /// Whether the action was due by `deadline` and could not meet it for want of room: then `deadline` and
        /// `deadlineMonth` say the horizon it was due by (the JSON keeps it, with `missed`), and the card's
        /// placement says what held the room. Text renderings print such a deadline only in that placement line.
        public var deadlineMissed = false
        /// The deadline the action meets, as the cards, the CSV and `explain` print it (nil when missed).
        public var metDeadline: String? { deadlineMissed ? nil : deadline }
        /// The deadline as a table's cell prints it: the one met, or the one missed as the card's placement line
        /// begins (« prévue d'ici mars 2029, pour compter dans les contrats de ville 2024-2030 ; elle ne peut
        /// commencer qu'en avr. 2029, faute de place plus tôt ») — the JSON's `deadline {before, text, missed}` in words.
        public var deadlineCell: String? {
            guard deadlineMissed, let deadline else { return deadline }
            return Typography.french("prévue \(deadline) ; elle ne peut commencer qu'en \(phaseStart), faute de place plus tôt")
        }
        public var effortID: String
        public var effort: String
        public var horizonID: String
        public var horizon: String
        /// The cost order of magnitude's identifier (`temps`, `faible`…) and its wording, when known.
        public var costRangeID: String?
        public var costRange: String?
        /// The level of evidence's identifier (`demontre`, `probable`, `avis-d-experts`…) and its wording, when known.
        public var evidenceLevelID: String?
        public var evidenceLevel: String?
        /// The expected effect on health inequalities' identifier (`reduit`, `neutre`…) and its wording, when known.
        public var inequalityEffectID: String?
        public var inequalityEffect: String?
        /// Why it is for this territory: facts of the profile and the boosts that apply, in plain French.
        public var forYou: [String]
        /// The territory's size (« commune de 420 habitants ») when it is among `forYou`: already in the header,
        /// a short edition does not say it again.
        public var sizeReason: String?
        /// Why it was taken ahead of the order of merit, when it was.
        public var selection: String?
        /// Warnings for this territory.
        public var cautions: [String]
        /// « après « … » (rang 2) », « avec « … » », « suppose « … » déjà fait ou à faire d'abord », « remplace « … » ».
        public var relations: [String]
        /// The relations a short edition shows: without the prerequisites placed in an earlier phase, which the
        /// order already shows, nor what the action replaces.
        public var briefRelations: [String]
        /// Why it is not earlier, when it is not simply its horizon: « reportée de « D'ici fin 2027 » : place prise
        /// par les actions 3 à 7 — décision fondatrice, échéance, meilleurs scores ».
        public var placement: String?
        /// The same without why the other actions went first (« reportée de … : place prise par les actions 3 à 7 »),
        /// for cards in outline.
        public var placementBrief: String?
        public var placementKind: String
        public var why: String
        /// The opening of `why`, for the short edition: its first sentence, or two when the first is brief.
        public var whyShort: String
        public var steps: [String]
        public var partners: [String]
        public var funding: [String]
        public var examples: [Example]
        /// The facts of `## Repères`, each followed by the number of its document in the bibliography.
        public var evidence: String?
        /// The registered facts behind `evidence`, each with its source.
        public var facts: [Fact]
        /// The sources of the action and of its facts.
        public var sources: [Source]
        /// The number of each source's document in the document's bibliography.
        public var sourceNumbers: [Int]
        public var indicators: [String]
        public var score: Int
        /// « 82 (priorité de base) + 10 (zone d'intervention prioritaire…) = 92 »
        public var scoreLine: String
        public var scoreTerms: [ScoreTerm]
        public var prerequisites: [String]
        public var assumedPrerequisites: [String]
        public var together: [String]
        public var supersedes: [String]
    }

    public struct ScoreTerm: Sendable {
        public var points: Int
        public var reason: String
    }

    /// A document of the bibliography.
    public struct BibliographyEntry: Sendable {
        public var document: String
        /// The full title, with the publisher and the date.
        public var title: String
    }

    /// A territory that already did it.
    public struct Example: Sendable {
        public var territory: String
        public var what: String
        /// « Territoire. Ce qu'il a fait (source [1], juillet 2026). »: the example names its own document and its
        /// date, so that a reader can check what a territory did without guessing which source says so.
        public var text: String
        public var source: Source?
        /// The number of `source` in the document's bibliography.
        public var sourceNumber: Int? = nil
        /// Whether the card's edition tells it: every example in the detailed edition; otherwise the first one whose
        /// territory no earlier card tells, and none in outline. Only a told example's document is cited.
        public var told: Bool = false
    }

    /// A source as cited under an action.
    public struct Source: Sendable, Equatable {
        public var document: String
        /// The document's full reference: title, publisher, date and where to find it.
        public var title: String
        /// « Livre blanc « Faites de la coopération un moteur de la santé » (SCET-HTC, juillet 2026) — section »
        public var citation: String
        public var section: String
        public var publisher: String
        /// ISO: `2021`, `2021-10` or `2021-10-13`; nil for a page that shows no date of publication.
        public var date: String?
        /// When such a page was read, ISO; nil for a dated document.
        public var consulted: String?
        public var url: String?
    }

    /// A fact of the register, as printed under `Repères`.
    public struct Fact: Sendable {
        public var id: String
        public var statement: String
        public var source: Source
    }

    /// A recommendation that is not in the roadmap.
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        /// `faute-de-capacite`, `limite-methode`, `remplacee`, `exclue`, `echeance`, `au-dela-du-top`,
        /// `autre-niveau`, `condition-non-remplie`, `condition-indeterminee`, `autre-territoire`.
        public var reasonCode: String
        /// The reason in a sentence, true to what happened.
        public var reason: String
        /// The recommendation that replaced or excluded it.
        public var by: String?
        public var score: Int
        /// For « à envisager ensuite »: one line on why it would matter here.
        public var line: String?
        /// `faible`, `moyen`, `fort`: what it would ask of the team, as for an item.
        public var effort: String = ""
    }

    /// A group of the left-out annex.
    public struct EntryGroup: Sendable {
        public var title: String
        public var entries: [Entry]
    }

    public var header: Header
    public var synthesis: Synthesis
    public var portrait: TerritoryPortrait
    public var phases: [Phase]
    /// What applies but does not fit: « à envisager ensuite », best first (renderings show the first
    /// `considerLaterShown` unless in detail).
    public var considerLater: [Entry]
    /// Every document the cards cite, once (its full title, publisher and date), numbered from 1 in order of
    /// first citation.
    public var bibliography: [BibliographyEntry]
    /// Everything else left out, grouped by reason (shown only with `--detail`).
    public var leftOut: [EntryGroup]
    /// Whether renderers show the annexes for specialists: scores, the full left-out list.
    public var detail: Bool
    /// Facts and figures for the data formats.
    public var data: DocumentData

    /// How many actions « à envisager ensuite » a rendering lists outside detail: a short list, not a catalogue.
    public static let considerLaterShown = 6

    /// The entries « à envisager ensuite » a rendering lists, and how many more there are.
    public var shownConsiderLater: (entries: ArraySlice<Entry>, more: Int) {
        let shown = detail ? considerLater.count : min(considerLater.count, Self.considerLaterShown)
        return (considerLater.prefix(shown), considerLater.count - shown)
    }

    /// Every card, in rank order.
    public var cards: [Card] { phases.flatMap(\.cards) }

    public func card(_ id: String) -> Card? { cards.first { $0.id == id } }

    /// The entry of a recommendation that is not in the roadmap.
    public func entry(_ id: String) -> Entry? {
        considerLater.first { $0.id == id } ?? leftOut.lazy.flatMap(\.entries).first { $0.id == id }
    }
}

/// What the data formats carry beyond the words: ids, raw values, figures.
public struct DocumentData: Sendable {
    /// Every fact of the vocabulary by name with its value (nil when unknown), in the vocabulary's order.
    public var facts: [(name: String, value: FactValue?)]
    /// `AAAA-MM`
    public var start: String
    public var end: String
    public var editionMonth: String
    public var toolVersion: String
    public var ruleBaseVersion: String
    public var ruleBaseFingerprint: String
    /// Effort units a year, in tenths (16 for 1.6).
    public var yearlyTenths: Int
    public var staff: Int
    /// The profile did not give `engineeringStaff`: `staff` is the estimate from the population.
    public var staffEstimated: Bool
    public var totalUnits: Int
    public var methodLimit: Int
    public var recommendationCount: Int
}
