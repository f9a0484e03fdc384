import RuleKit

/// The whole roadmap as JSON, for other tools: the words of the document beside ids and raw values, keys in a
/// fixed order, every key always present (`null` or `[]` when empty). `Rules/schema/roadmap.schema.json`
/// documents each key; `schemaVersion` changes when a key is renamed or removed.
public struct JSONRoadmapRenderer: RoadmapRenderer {
    public static let schemaVersion = 3

    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        output(document).rendered()
    }

    func output(_ document: RoadmapDocument) -> JSONOutput {
        let data = document.data
        return .object([
            ("schemaVersion", .integer(Self.schemaVersion)),
            ("edition", .object([
                ("text", .string(document.header.edition)), ("month", .string(data.editionMonth)),
                ("toolVersion", .string(data.toolVersion)), ("ruleBaseVersion", .string(data.ruleBaseVersion)),
                ("ruleBaseFingerprint", .string(data.ruleBaseFingerprint)),
            ])),
            ("profile", .object([
                ("name", .string(document.header.title)),
                ("summary", .string(document.header.summary)),
                ("portrait", .array(document.portrait.lines.map { .object([("label", .string($0.label)), ("text", .string($0.text))]) })),
                ("facts", .object(data.facts.map { ($0.name, $0.value.map(VocabularySchema.output) ?? .null) })),
            ])),
            ("synthesis", .object([
                ("findings", strings(document.synthesis.findings)),
                ("priorities", optional(document.synthesis.priorities)),
                ("decisions", .array(document.synthesis.decisions.map { decision in
                    .object([
                        ("rank", .integer(decision.rank)), ("id", .string(decision.id)), ("title", .string(decision.title)),
                        ("carrier", .string(decision.carrier)), ("when", .string(decision.when)), ("effort", .string(decision.effort)),
                        ("costRange", optional(decision.costRange)),
                        ("evidenceLevel", optional(decision.evidenceLevel)), ("inequalityEffect", optional(decision.inequalityEffect)), ("funder", optional(decision.funder)), ("note", optional(decision.note)),
                    ])
                })),
                ("sizeNote", .string(document.synthesis.sizeNote)),
            ])),
            ("start", .string(data.start)),
            ("end", .string(data.end)),
            ("capacity", .object([
                ("staff", .integer(data.staff)), ("yearlyUnits", .string(data.yearlyUnits)),
                ("totalUnits", .integer(data.totalUnits)), ("methodLimit", .integer(data.methodLimit)),
            ])),
            ("phases", .array(document.phases.map { phase in
                .object([
                    ("id", .string(phase.id)), ("horizons", strings(phase.horizons)), ("title", .string(phase.title)),
                    ("period", .string(phase.period)), ("start", .string(phase.start)), ("end", .string(phase.end)),
                    ("months", .integer(phase.months)), ("capacity", .integer(phase.capacity)), ("used", .integer(phase.used)),
                    ("milestones", strings(phase.milestones)), ("items", .array(phase.cards.map { .integer($0.rank) })),
                ])
            })),
            ("items", .array(document.cards.map(item))),
            ("considerLater", .array(document.considerLater.map(entry))),
            ("leftOut", .array(document.leftOut.flatMap(\.entries).map(entry))),
            ("recommendationCount", .integer(data.recommendationCount)),
        ])
    }

    private func item(_ card: RoadmapDocument.Card) -> JSONOutput {
        .object([
            ("rank", .integer(card.rank)),
            ("id", .string(card.id)),
            ("title", .string(card.title)),
            ("lever", .string(card.lever)),
            ("leverTitle", .string(card.leverTitle)),
            ("phase", .string(card.phaseID)),
            ("carrier", .object([("id", .string(card.carrierID)), ("text", .string(card.carrier))])),
            ("costRange", coded(card.costRangeID, card.costRange)),
            ("evidenceLevel", coded(card.evidenceLevelID, card.evidenceLevel)),
            ("inequalityEffect", coded(card.inequalityEffectID, card.inequalityEffect)),
            ("deadline", card.deadline.map { text in
                .object([("before", optional(card.deadlineMonth)), ("text", .string(text))])
            } ?? .null),
            ("effort", .string(card.effortID)),
            ("horizon", .string(card.horizonID)),
            ("score", .object([
                ("total", .integer(card.score)),
                ("terms", .array(card.scoreTerms.map { .object([("points", .integer($0.points)), ("reason", .string($0.reason))]) })),
            ])),
            ("forYou", strings(card.forYou)),
            ("selection", optional(card.selection)),
            ("cautions", strings(card.cautions)),
            ("placement", .object([("kind", .string(card.placementKind)), ("note", optional(card.placement))])),
            ("relations", strings(card.relations)),
            ("prerequisites", strings(card.prerequisites)),
            ("assumedPrerequisites", strings(card.assumedPrerequisites)),
            ("together", strings(card.together)),
            ("supersedes", strings(card.supersedes)),
            ("why", .string(card.why)),
            ("steps", strings(card.steps)),
            ("partners", strings(card.partners)),
            ("funding", strings(card.funding)),
            ("examples", .array(card.examples.map { example in
                .object([("territory", .string(example.territory)), ("what", .string(example.what)),
                         ("source", example.source.map(source) ?? .null)])
            })),
            ("evidence", optional(card.evidence)),
            ("facts", .array(card.facts.map { fact in
                .object([("id", .string(fact.id)), ("statement", .string(fact.statement)), ("source", source(fact.source))])
            })),
            ("sources", .array(card.sources.map(source))),
            ("indicators", strings(card.indicators)),
        ])
    }

    private func entry(_ entry: RoadmapDocument.Entry) -> JSONOutput {
        .object([
            ("id", .string(entry.id)),
            ("title", .string(entry.title)),
            ("reason", .string(entry.reasonCode)),
            ("reasonText", .string(entry.reason)),
            ("by", optional(entry.by)),
            ("score", .integer(entry.score)),
            ("line", optional(entry.line)),
        ])
    }

    /// The codes of `reason`, in the order of the left-out annex.
    static let reasonCodes = ["faute-de-capacite", "limite-methode", "remplacee", "exclue", "echeance", "au-dela-du-top",
                              "autre-niveau", "condition-non-remplie", "condition-indeterminee"]

    private func source(_ source: RoadmapDocument.Source) -> JSONOutput {
        .object([("document", .string(source.document)), ("title", .string(source.title)), ("section", .string(source.section)),
                 ("publisher", .string(source.publisher)), ("date", .string(source.date)), ("url", optional(source.url))])
    }

    private func strings(_ values: [String]) -> JSONOutput { .array(values.map { .string($0) }) }

    private func optional(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }

    /// `{ "id": …, "text": … }` for a value of the rule base and its wording, or null when the rule base says nothing.
    private func coded(_ id: String?, _ text: String?) -> JSONOutput {
        id.map { .object([("id", .string($0)), ("text", optional(text))]) } ?? .null
    }
}
