/// The raw content of one rule file, as read by the command line (the domain never touches the disk).
public struct RuleFile: Sendable, Equatable {
    /// The path as shown in diagnostics, e.g. `Rules/recommendations/offre-de-soins.json`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The text for quoting lines under diagnostics (invalid UTF-8 is repaired for display only).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The files that make a rule base.
public struct RuleFiles: Sendable, Equatable {
    public var vocabulary: RuleFile
    public var levers: RuleFile
    public var sources: RuleFile
    /// `version.json`: the version the authors give the rule base; optional.
    public var version: RuleFile?
    /// `definitions.json`: named conditions and boosts; optional.
    public var definitions: RuleFile?
    /// `facts.json`: the register of facts; optional.
    public var facts: RuleFile?
    /// `portrait.json`: which facts the portrait of a territory states; optional (without it, only the capacity).
    public var portrait: RuleFile?
    public var recommendations: [RuleFile]

    public init(vocabulary: RuleFile, levers: RuleFile, sources: RuleFile, version: RuleFile? = nil, definitions: RuleFile? = nil,
                facts: RuleFile? = nil, portrait: RuleFile? = nil, recommendations: [RuleFile]) {
        self.vocabulary = vocabulary
        self.levers = levers
        self.sources = sources
        self.version = version
        self.definitions = definitions
        self.facts = facts
        self.portrait = portrait
        self.recommendations = recommendations
    }

    public var all: [RuleFile] { [vocabulary, levers, sources] + [version, definitions, facts, portrait].compactMap { $0 } + recommendations }
}
