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
