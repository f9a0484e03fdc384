/// How much of a card a rendering shows: chosen by the presenter for each phase (see `RoadmapDocument.Phase.outlined`),
/// so that the cards' sources and the bibliography list only the documents of what is printed.
enum CardEdition: Equatable {
    /// Everything (`--detail`).
    case full
    /// The default: the opening of the stakes, two reasons, three first steps, two partners, one funding line and
    /// one example (three in the document).
    case short
    /// The actions after the mid-mandate review, which the team will plan in detail then: the first sentence of
    /// the stakes, the main reason, the first step and one funding line.
    case outline

    /// The edition of the cards of a phase: outlined phases (see `RoadmapDocument.Phase.outlined`) in outline.
    init(detail: Bool, outlined: Bool) {
        self = detail ? .full : outlined ? .outline : .short
    }

    var reasons: Int { switch self { case .full: .max; case .short: 2; case .outline: 1 } }
    var steps: Int { switch self { case .full: .max; case .short: 3; case .outline: 1 } }
    var partners: Int { switch self { case .full: .max; case .short: 2; case .outline: 0 } }
    var funding: Int { self == .full ? .max : 1 }
    var examples: Int { switch self { case .full: .max; case .short: 1; case .outline: 0 } }
    /// Examples told in the whole document: in the default edition, those of the first cards that have one, so
    /// that a large territory's text stays well within the 5,000 words a council reads (each example, with its
    /// document in the list of sources, is some 80 words). Three show what other territories did on the first
    /// decisions; the detailed edition and the JSON tell every one.
    var examplesInDocument: Int { self == .full ? .max : Self.shortEditionExamples }
    static let shortEditionExamples = 3
    /// Indicators are for whoever steers the roadmap (the detailed edition, JSON and CSV carry them all).
    var indicators: Int { self == .full ? .max : 0 }
}

extension CardEdition {
    /// The stakes as this edition prints them: whole, their opening, or in outline their first sentence.
    func why(of card: RoadmapDocument.Card) -> String {
        switch self {
        case .full: return card.why
        case .short: return card.whyShort
        case .outline: return Typography.sentences(card.whyShort).first ?? card.whyShort
        }
    }

    func steps(of card: RoadmapDocument.Card) -> [String] { Array(card.steps.prefix(steps)) }
    func funding(of card: RoadmapDocument.Card) -> [String] { Array(card.funding.prefix(funding)) }

    /// What this edition prints of `card` that the rule base wrote and may state a figure: the stakes, the first
    /// steps, the funding and the examples told.
    func statedText(of card: RoadmapDocument.Card) -> [String] {
        [why(of: card)] + steps(of: card) + funding(of: card) + card.examples.filter(\.told).map(\.text)
    }
}
