/// An output format of the roadmap. Each format is one renderer over the same document.
public protocol RoadmapRenderer: Sendable {
    func render(_ document: RoadmapDocument) -> String
    /// The same document as UTF-8 bytes, for a file: the renderers that build bytes hand them over as they are.
    func renderBytes(_ document: RoadmapDocument) -> [UInt8]
}

extension RoadmapRenderer {
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] { Array(render(document).utf8) }
}

extension Array where Element == UInt8 {
    /// A copy holding these bytes and little more, for a rendered roadmap that waits in a batch on its way to the
    /// disk. `Array(bytes[...])` would not do: a slice of a whole array gives back the same buffer, spare capacity
    /// included (a JSON writer's buffer grows to 256 or 512 KB for a roadmap of 130 KB).
    func rightSized() -> [UInt8] {
        withUnsafeBufferPointer { [UInt8]($0) }
    }
}

/// The formats the command line offers, by their French names.
public enum RoadmapFormat: String, CaseIterable, Sendable {
    case text = "texte"
    case markdown = "markdown"
    case html = "html"
    case json = "json"
    case csv = "csv"

    public var renderer: any RoadmapRenderer {
        switch self {
        case .text: return TextRoadmapRenderer()
        case .markdown: return MarkdownRoadmapRenderer()
        case .html: return HTMLRoadmapRenderer()
        case .json: return JSONRoadmapRenderer()
        case .csv: return CSVRoadmapRenderer()
        }
    }

    /// How many « à envisager ensuite » entries a rendering without `--detail` prints with their line: JSON all,
    /// the CSV of actions none, the others the first `RoadmapDocument.considerLaterShown`.
    public var considerLaterLines: Int {
        switch self {
        case .json: return .max
        case .csv: return 0
        case .text, .markdown, .html: return RoadmapDocument.considerLaterShown
        }
    }

    /// Whether a rendering prints page 1 and the portrait (`RoadmapPresenter.wordsPageOne`): every format but the
    /// CSV, whose rows print the cards and, of page 1, only which of them are decisions.
    public var printsPageOne: Bool { self != .csv }

    /// Whether the rendered document holds no control character but line feeds, whatever the words it renders:
    /// JSON, whose writer escapes every C0, DEL and C1 control in a string (`\u007f`), and puts nothing else
    /// between them but its own punctuation and layout. `batch` does not scan these for control characters.
    public var escapesControlCharacters: Bool { self == .json }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .csv: return "csv"
        }
    }
}

/// Headings and labels every renderer uses, so that formats say the same thing in the same words.
enum DocumentLabels {
    static let documentTitle = "Feuille de route santé du mandat"
    static let synthesis = "Synthèse pour l'exécutif"
    static let findings = "Ce qui oriente la feuille de route"
    static let decisions = "Les décisions à prendre d'abord"
    /// « numérotées comme les actions, portées par la commune sauf mention »
    static func decisionsNote(_ synthesis: RoadmapDocument.Synthesis) -> String {
        "numérotées comme les actions" + (synthesis.sharedCarrier.map { ", portées par \($0) sauf mention" } ?? "")
    }
    static let calendar = "Le calendrier"
    static let actions = "Les actions"
    static let portrait = "Portrait du territoire"
    static let considerLater = "À envisager ensuite"
    static let considerLaterIntro = "Elles s'appliquent aussi au territoire, mais l'équipe ne peut pas tout porter : à reprendre si des moyens se libèrent."
    static let leftOut = "Annexe : recommandations non retenues, et pourquoi"
    static let scoring = "Annexe : le score de chaque action"
    static let priorities = "Priorités de l'équipe"
    static let milestones = "repères"

    // Card sections.
    static let when = "période"
    static let effort = "effort"
    static let evidenceLevel = "preuve"
    static let inequalityEffect = "inégalités"
    static let lever = "levier"
    static let forYou = "Pourquoi"
    static let selection = "Priorité"
    static let cautions = "Attention"
    static let relations = "Enchaînement"
    static let placement = "Calendrier"
    static let why = "Enjeu"
    static let steps = "Premiers pas"
    static let partners = "Partenaires"
    static let funding = "Financements"
    static let example = "Exemple"
    static let evidence = "Repères"
    static let indicators = "Indicateurs de suivi"
    static let sources = "Sources"
    static let bibliography = "Sources citées"
    static let bibliographyIntro = "Chaque action renvoie à ces documents publics par leur numéro."

    /// « [1], [4] »; in full, each with the section it cites: « [1] section ; [4] section ».
    static func sourceNumbers(_ card: RoadmapDocument.Card, edition: CardEdition) -> String {
        guard edition == .full else { return Array(Set(card.sourceNumbers)).sorted().map { "[\($0)]" }.joined(separator: ", ") }
        return zip(card.sourceNumbers, card.sources).map { "[\($0)] \($1.section)" }.joined(separator: " ; ")
    }

    /// How much of the cards of `phase` a rendering of `document` shows.
    static func edition(of phase: RoadmapDocument.Phase, in document: RoadmapDocument) -> CardEdition {
        CardEdition(detail: document.detail, outlined: phase.outlined)
    }

    /// Under the heading of an outlined phase.
    /// The élus hold this edition only: it does not send them to one they do not have.
    static let outlineNote = "Actions à préciser au bilan de mi-mandat : ici l'essentiel de chacune."

    /// The stakes: in full, their opening, or in outline their first sentence.
    static func why(_ card: RoadmapDocument.Card, edition: CardEdition) -> String { edition.why(of: card) }

    static func partners(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        Array(card.partners.prefix(edition.partners))
    }

    static func funding(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] { edition.funding(of: card) }

    /// « Financement » over a single line, said like the partners (a list of one reads as if the others were lost);
    /// « Financements » over a list.
    static func funding(count: Int) -> String { count == 1 ? fundingOne : funding }
    static let fundingOne = "Financement"

    /// The examples the card tells in its edition, as the presenter chose them.
    static func examples(_ card: RoadmapDocument.Card) -> [RoadmapDocument.Example] {
        card.examples.filter(\.told)
    }

    static func steps(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] { edition.steps(of: card) }

    static func indicators(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        Array(card.indicators.prefix(edition.indicators))
    }

    /// « 12 autres actions, moins prioritaires, s'appliquent aussi au territoire : … », saying where to find them
    /// in words a council understands — the detailed edition (`--detail`) is a document someone has to produce.
    static func moreConsiderLater(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        let others = count == 1 ? "Une autre action, moins prioritaire, s'applique" : "\(count) autres actions, moins prioritaires, s'appliquent"
        return others + " aussi au territoire : la version détaillée du document, à demander à qui l'a préparé, les présente toutes."
    }

    /// Why the action is for this territory; a foundation of the mandate says so first (a priority served is
    /// already among the reasons, through its boost).
    static func forYou(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        var reasons = (card.selection == foundationNote ? [foundationNote] : []) + card.forYou
        // The size is in the header: a short edition does not say it again, even when it is the only reason — a
        // bare « commune de 6 500 habitants » is no reason (read35); the card then has no « Pourquoi », its stakes
        // say why the action matters. Left out before the edition keeps its first reasons, so that the reasons
        // after it take its place (the resort's seasonal housing said only its size). The detailed edition keeps it.
        if edition != .full, let size = card.sizeReason { reasons.removeAll { $0 == size } }
        return Array(reasons.prefix(edition.reasons))
    }

    /// How the card follows from others; outside the detailed edition, without the prerequisites of earlier phases.
    static func relations(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        edition == .full ? card.relations : card.briefRelations
    }

    /// Why the card is not earlier; outside the detailed edition, without why the other actions went first.
    static func placement(_ card: RoadmapDocument.Card, edition: CardEdition) -> String? {
        edition == .full ? card.placement : card.placementBrief
    }

    static let foundationNote = "décision fondatrice du mandat"
    static let score = "Score"

    /// « La commune · avant l'été 2027 (juin 2027) · effort faible · moins de 10 000 € · preuve : modérée ·
    /// inégalités : les réduit », in the words of the decision on page 1: who, when, how much need no label (a card
    /// repeating « Porteur : », « Effort : », « Coût : » fifteen times says them no better). In full, the period
    /// (otherwise the phase heading just above the card) and the lever, labelled.
    static func facts(_ card: RoadmapDocument.Card, edition: CardEdition) -> [(label: String?, text: String)] {
        var facts: [(label: String?, text: String)] = [(nil, Typography.capitalized(card.carrier))]
        if edition == .full { facts.append((when, card.period)) }
        if let deadline = card.metDeadline { facts.append((nil, deadline)) }
        facts.append((nil, "\(effort) \(card.effort)"))
        if let cost = card.costRange { facts.append((nil, cost)) }
        if let level = card.evidenceLevel { facts.append((evidenceLevel, level)) }
        // An effect the rule base knows; « effet inconnu », on most cards, tells the reader nothing to weigh: the
        // detailed edition, read by whoever checks the assessment, says it too (JSON and CSV carry it always).
        if let effect = card.inequalityEffect, edition == .full || card.inequalityEffectID != InequalityEffect.unknown.rawValue {
            facts.append((inequalityEffect, effect))
        }
        if edition == .full { facts.append((lever, card.leverTitle)) }
        return facts
    }

    /// « label : text », or the text alone.
    static func fact(_ fact: (label: String?, text: String)) -> String {
        fact.label.map { "\($0) : \(fact.text)" } ?? fact.text
    }

    /// « la commune · d'ici févr. 2027 · effort faible · moins de 10 000 € · ARS »: what an executive decides on —
    /// who, when, how much and who pays. The level of evidence and the effect on inequalities are on the action's
    /// card, a few pages on (and in the JSON decision).
    /// The carrier said once above the decisions (`sharedCarrier`) is left out.
    static func decisionLine(_ decision: RoadmapDocument.Decision, sharedCarrier: String?) -> String {
        var parts = (decision.carrier == sharedCarrier ? [] : [decision.carrier]) + [decision.when, "effort \(decision.effort)"]
        if let cost = decision.costRange { parts.append(cost) }
        if let funder = decision.funder { parts.append(funder) }
        return Typography.capitalized(parts.joined(separator: " · "))
    }
}
