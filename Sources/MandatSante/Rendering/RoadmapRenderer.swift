/// An output format of the roadmap. Each format is one renderer over the same document.
public protocol RoadmapRenderer: Sendable {
    func render(_ document: RoadmapDocument) -> String
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
    static let decisionsNote = "Numérotées comme les actions de la feuille de route."
    static let calendar = "Le calendrier"
    static let actions = "Les actions"
    static let portrait = "Portrait du territoire"
    static let considerLater = "À envisager ensuite"
    static let considerLaterIntro = "Ces actions s'appliquent aussi au territoire, mais ne tiennent pas dans la capacité de l'équipe sur le mandat : à reprendre si des moyens se libèrent ou au prochain point d'étape."
    static let leftOut = "Annexe : recommandations non retenues, et pourquoi"
    static let scoring = "Annexe : le score de chaque action"
    static let priorities = "Priorités de l'équipe"
    static let milestones = "repères"

    // Card sections.
    static let carrier = "Porteur"
    static let when = "Quand"
    static let deadline = "Échéance"
    static let effort = "Effort"
    static let cost = "Coût"
    static let lever = "Levier"
    static let forYou = "Pour vous"
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

    /// « [1], [4] »; in detail, each with the section it cites: « [1] section ; [4] section ».
    static func sourceNumbers(_ card: RoadmapDocument.Card, detail: Bool) -> String {
        guard detail else { return Array(Set(card.sourceNumbers)).sorted().map { "[\($0)]" }.joined(separator: ", ") }
        return zip(card.sourceNumbers, card.sources).map { "[\($0)] \($1.section)" }.joined(separator: " ; ")
    }

    /// What a card shows outside detail: the opening of its stakes, three first steps, three partners, one
    /// funding line, one example and one indicator; `--detail` shows everything.
    static let stepsShown = 3
    static let indicatorsShown = 1
    static let partnersShown = 3
    static let fundingShown = 1
    static let examplesShown = 1

    static func why(_ card: RoadmapDocument.Card, detail: Bool) -> String { detail ? card.why : card.whyShort }

    static func partners(_ card: RoadmapDocument.Card, detail: Bool) -> [String] {
        detail ? card.partners : Array(card.partners.prefix(partnersShown))
    }

    static func funding(_ card: RoadmapDocument.Card, detail: Bool) -> [String] {
        detail ? card.funding : Array(card.funding.prefix(fundingShown))
    }

    static func examples(_ card: RoadmapDocument.Card, detail: Bool) -> [RoadmapDocument.Example] {
        detail ? card.examples : Array(card.examples.prefix(examplesShown))
    }

    static func steps(_ card: RoadmapDocument.Card, detail: Bool) -> [String] {
        detail ? card.steps : Array(card.steps.prefix(stepsShown))
    }

    static func indicators(_ card: RoadmapDocument.Card, detail: Bool) -> [String] {
        detail ? card.indicators : Array(card.indicators.prefix(indicatorsShown))
    }

    /// « 12 autres, moins prioritaires, figurent dans l'édition détaillée. »
    static func moreConsiderLater(_ count: Int) -> String? {
        count == 0 ? nil : "\(count == 1 ? "Une autre, moins prioritaire, figure" : "\(count) autres, moins prioritaires, figurent") dans l'édition détaillée."
    }

    /// The reasons a card shows outside detail: the first two.
    static let forYouShown = 2

    /// Why the action is for this territory; a foundation of the mandate says so first (a priority served is
    /// already among the reasons, through its boost).
    static func forYou(_ card: RoadmapDocument.Card, detail: Bool) -> [String] {
        let reasons = (card.selection == foundationNote ? [Typography.capitalized(foundationNote)] : []) + card.forYou
        return detail ? reasons : Array(reasons.prefix(forYouShown))
    }

    static let foundationNote = "décision fondatrice du mandat"
    static let score = "Score"

    /// « Porteur : la commune · Quand : … · Effort : faible · Coût : … »
    static func facts(_ card: RoadmapDocument.Card) -> [(label: String, text: String)] {
        var facts = [(carrier, card.carrier), (when, card.period)]
        if let deadline = card.deadline { facts.append((self.deadline, deadline)) }
        facts.append((effort, card.effort))
        if let cost = card.cost { facts.append((self.cost, cost)) }
        facts.append((lever, card.leverTitle))
        return facts
    }

    /// « la commune · d'ici févr. 2027 · effort faible · moins de 10 000 € · financement : ARS »
    static func decisionLine(_ decision: RoadmapDocument.Decision) -> String {
        var parts = [decision.carrier, decision.when, "effort \(decision.effort)"]
        if let cost = decision.cost { parts.append(cost) }
        if let funder = decision.funder { parts.append(funder) }
        return Typography.capitalized(parts.joined(separator: " · "))
    }
}
