/// A fact that an input may state: its name, type, allowed values and how to present it to people.
public struct Fact: Hashable, Sendable {
    /// One allowed value of an `enum` or `set` fact.
    public struct Choice: Hashable, Sendable {
        public var id: String
        public var label: String
        /// What the application reads this value as, when it reads it (`commune`): see `Fact.role`.
        public var role: String?
        /// Whether this value says that something exists (« CLS signé et en vigueur »): see `Fact.asset`.
        public var asset: Bool
        /// What a profile says when this is its value, as a finding an élu would write (« territoire en zone
        /// d'intervention prioritaire (ZIP) »), where « label of the fact : label of the choice » would read as a
        /// form. `{fact}` stands for what the profile says of that other fact: « {cls}, porté par l'intercommunalité »
        /// completes the statement of the CLS (`statementFacts`), and is said in its place.
        public var statement: String? {
            didSet { statementFacts = statement.map(Self.placeholders) ?? [] }
        }
        /// Where `statement` is written, for diagnostics about it.
        public var statementLocation: SourceLocation?

        public init(id: String, label: String, role: String? = nil, asset: Bool = false, statement: String? = nil) {
            self.id = id
            self.label = label
            self.role = role
            self.asset = asset
            self.statement = statement
            statementFacts = statement.map(Self.placeholders) ?? []
        }

        /// The facts `statement` names between braces, in order: read once, when the vocabulary is loaded (`check`
        /// reads them, and every finding that fills them).
        public private(set) var statementFacts: [String] = []

        /// The names between braces in `text`: « {cls}, porté par … » names `cls`.
        public static func placeholders(_ text: String) -> [String] {
            var names: [String] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            return names
        }
    }

    /// A wording for some territories (`labels`, `references` in the vocabulary): where `when` holds for a profile,
    /// `text` replaces the fact's own in what the roadmap says of that profile (« zonage médical de l'administration
    /// territoriale de santé (ATS) » at Saint-Pierre-et-Miquelon, where no ARS zones the doctors; the poverty rate
    /// of La Réunion read against the island's, not the mainland's).
    public struct Variant: Hashable, Sendable {
        public var when: String
        public var text: String
        /// For a reference: the ids of the documents it cites (`source`), each where it is written; the engine gives
        /// them no meaning, the application checks them against its register of sources.
        public var sources: [LocatedText] = []
        /// Where the variant is written, for diagnostics about it.
        public var location: SourceLocation?

        public init(when: String, text: String, sources: [LocatedText] = [], location: SourceLocation? = nil) {
            self.when = when
            self.text = text
            self.sources = sources
            self.location = location
        }
    }

    public var name: String
    public var type: FactType
    public var label: String
    /// Labels for some territories, the first whose condition holds replacing `label` (see `Variant`).
    public var labelVariants: [Variant] = []
    /// For an optional fact that a profile gives only when it has something to say (the population at the seasonal
    /// peak, given only where it clearly exceeds the residents): what its absence means, said as a reason
    /// (« pas de pointe de fréquentation saisonnière déclarée »). A condition left undecided only by such absent facts
    /// does not apply, rather than waiting for an answer.
    public var absentLabel: String?
    /// How a `bool` fact reads when it is false (« pas de CLSM »), for explanations.
    public var falseLabel: String?
    /// `falseLabel` for some territories, the first whose condition holds replacing it (see `Variant`): « aucun poste de
    /// coordination santé à la commune » where the CLS and its coordinator are the intercommunality's or the pays's.
    public var falseLabelVariants: [Variant] = []
    /// How a `set` fact reads when it holds one member, if not `label` (« priorité de l'équipe : accès aux soins »).
    public var oneMemberLabel: String?
    public var help: String
    /// For a number: the figure it is read against, with its source and date (« France : 10,4 % début 2024,
    /// Insee »), so that a reader can tell a territory's value from the usual one.
    public var reference: String?
    /// The ids of the documents `reference` cites (`source`), each where it is written (see `Variant.sources`).
    public var referenceSources: [LocatedText] = []
    /// Where `reference` is written, for diagnostics about it.
    public var referenceLocation: SourceLocation?
    /// References for some territories, the first whose condition holds replacing `reference` (see `Variant`).
    public var referenceVariants: [Variant] = []
    public var choices: [Choice]
    public var required: Bool
    public var defaultValue: FactValue?
    public var minimum: Double?
    public var maximum: Double?
    public var unit: String?
    /// A condition (source text) under which a questionnaire asks for this fact.
    public var askWhen: String?
    /// For a `text` fact: whether its value may hold line breaks. A one-line text refuses them, so that a name
    /// cannot break the structure of a document (a Markdown heading, a list) it is printed in.
    public var multiline: Bool
    /// Where the fact was declared, for diagnostics about it.
    public var location: SourceLocation?
    /// What the application reads this fact as (its population, its name…), so that code finds it by role
    /// rather than by a name written in code; the engine gives roles no meaning.
    public var role: String?
    /// Whether the fact, when true (or, for a set, when it has members), says that something already exists — an MSP,
    /// a CPTS, a council — rather than a situation to answer: a resource the roadmap builds on, never one of the
    /// findings on its first page.
    public var asset: Bool = false

    /// Whether `value` of this fact says that something exists (`asset`, or a choice marked so).
    public func isAsset(_ value: FactValue) -> Bool {
        switch value {
        case .bool(let flag): return asset && flag
        case .set(let members): return asset && !members.isEmpty
        case .text(let id): return asset || (choice(id)?.asset ?? false)
        case .number: return asset
        }
    }

    public init(
        name: String, type: FactType, label: String, falseLabel: String? = nil, help: String = "",
        choices: [Choice] = [], required: Bool = false, defaultValue: FactValue? = nil,
        minimum: Double? = nil, maximum: Double? = nil, unit: String? = nil, askWhen: String? = nil,
        multiline: Bool = false, location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.label = label
        self.falseLabel = falseLabel
        self.help = help
        self.choices = choices
        self.required = required
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
        self.askWhen = askWhen
        self.multiline = multiline
        self.location = location
    }

    public var choiceIDs: [String] { choices.map(\.id) }

    /// The longest text value accepted, in characters.
    public var maximumLength: Int { multiline ? 2_000 : 200 }

    public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }

    /// The label of a choice, or the id itself when unknown.
    public func label(ofChoice id: String) -> String { choice(id)?.label ?? id }
}
