import RuleKit

/// The whole roadmap as JSON, for other tools: ids and raw values beside the French wording, keys in a fixed
/// order, every key always present (`null` or `[]` when empty). `Rules/schema/roadmap.schema.json` documents
/// each key; `schemaVersion` changes when a key is renamed or removed.
public struct JSONRoadmapRenderer: RoadmapRenderer {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ presentation: RoadmapPresentation) -> String {
        document(presentation).rendered()
    }

    func document(_ presentation: RoadmapPresentation) -> JSONOutput {
        let roadmap = presentation.roadmap
        let calendar = roadmap.calendar
        let capacity = roadmap.capacity
        let wording = Dictionary(presentation.phases.flatMap(\.items).map { ($0.rank, $0) }, uniquingKeysWith: { first, _ in first })
        return .object([
            ("schemaVersion", .integer(Self.schemaVersion)),
            ("profile", profile(presentation)),
            ("drivers", .array(presentation.drivers.map { .object([("text", .string($0.text)), ("count", .integer($0.count))]) })),
            ("start", .string(calendar.start.description)),
            ("end", .string(MandateCalendar.mandateEnd.description)),
            ("capacity", .object([
                ("staff", .integer(capacity.staff)), ("sizeUnits", .integer(capacity.sizeUnits)),
                ("staffUnits", .integer(capacity.staffUnits)), ("yearlyUnits", .integer(capacity.yearlyUnits)),
            ])),
            ("phases", .array(zip(calendar.phases, presentation.phases).map { phase, summary in
                .object([
                    ("id", .string(phase.horizon.rawValue)), ("title", .string(summary.title)),
                    ("period", .string(summary.period)), ("start", .string(phase.start.description)),
                    ("end", .string(phase.end.description)), ("months", .integer(phase.months)),
                    ("capacity", .integer(summary.capacity)), ("used", .integer(summary.used)),
                    ("items", .array(summary.items.map { .integer($0.rank) })),
                ])
            })),
            ("items", .array(roadmap.items.compactMap { item in wording[item.rank].map { self.item(item, $0, presentation) } })),
            ("leftOut", .array(roadmap.leftOut.map { leftOut($0, presentation) })),
            ("recommendationCount", .integer(presentation.recommendationCount)),
        ])
    }

    private func profile(_ presentation: RoadmapPresentation) -> JSONOutput {
        let profile = presentation.roadmap.profile
        let facts = profile.vocabulary.facts.map { fact in
            (fact.name, profile.value(fact.name).map(VocabularySchema.output) ?? .null)
        }
        return .object([
            ("name", .string(profile.name)),
            ("summary", .string(presentation.portrait.summary)),
            ("portrait", .array(presentation.portrait.lines.map { .object([("label", .string($0.label)), ("text", .string($0.text))]) })),
            ("facts", .object(facts)),
        ])
    }

    private func item(_ item: RoadmapItem, _ wording: ItemPresentation, _ presentation: RoadmapPresentation) -> JSONOutput {
        let recommendation = item.recommendation
        let phases = presentation.roadmap.calendar.phases
        let ruleBase = presentation.ruleBase
        let placement: (kind: String, prerequisite: String?, wanted: String?) = switch item.placement {
        case .horizon: ("horizon", nil, nil)
        case .prerequisite(let id): ("apres-prealable", id, nil)
        case .capacity(let wanted): ("capacite", nil, phases[wanted].horizon.rawValue)
        }
        return .object([
            ("rank", .integer(item.rank)),
            ("id", .string(recommendation.id)),
            ("title", .string(recommendation.title)),
            ("lever", .string(recommendation.lever)),
            ("leverTitle", .string(wording.leverTitle)),
            ("phase", .string(phases[item.phaseIndex].horizon.rawValue)),
            ("effort", .string(recommendation.effort.rawValue)),
            ("horizon", .string(recommendation.horizon.rawValue)),
            ("score", .object([
                ("total", .integer(item.score.total)),
                ("terms", .array(item.scoreTerms.map { .object([("points", .integer($0.points)), ("reason", .string($0.reason))]) })),
            ])),
            ("reasons", strings(wording.reasons)),
            ("placement", .object([
                ("kind", .string(placement.kind)),
                ("prerequisite", optional(placement.prerequisite)),
                ("wantedPhase", optional(placement.wanted)),
                ("note", optional(wording.placementNote)),
            ])),
            ("prerequisites", strings(item.prerequisites)),
            ("supersedes", strings(item.supersedes)),
            ("why", .string(recommendation.why)),
            ("steps", strings(recommendation.steps)),
            ("partners", strings(recommendation.partners)),
            ("funding", strings(recommendation.funding)),
            ("examples", .array(recommendation.examples.map { example in
                .object([
                    ("territory", .string(example.territory)), ("what", .string(example.what)),
                    ("source", example.source.map { source($0, ruleBase) } ?? .null),
                ])
            })),
            ("evidence", optional(recommendation.evidence)),
            ("sources", .array(recommendation.sources.map { source($0, ruleBase) })),
            ("indicators", strings(recommendation.indicators)),
        ])
    }

    private func leftOut(_ entry: LeftOutRecommendation, _ presentation: RoadmapPresentation) -> JSONOutput {
        let id = entry.recommendation.id
        let text = presentation.leftOut.lazy.flatMap(\.entries).first { $0.id == id }?.reason ?? ""
        return .object([
            ("id", .string(id)),
            ("title", .string(entry.recommendation.title)),
            ("reason", .string(Self.code(entry.reason))),
            ("reasonText", .string(text)),
            ("by", optional(Self.other(entry.reason))),
            ("score", .integer(entry.score.total)),
        ])
    }

    /// The stable code of a reason for leaving a recommendation out.
    static func code(_ reason: LeftOutRecommendation.Reason) -> String {
        switch reason {
        case .replaced: return "remplacee"
        case .excluded: return "exclue"
        case .noCapacity: return "faute-de-capacite"
        case .prerequisiteLeftOut: return "prealable-non-place"
        case .beyondTop: return "au-dela-du-top"
        case .conditionNotMet(.unknown): return "condition-indeterminee"
        case .conditionNotMet: return "condition-non-remplie"
        }
    }

    static let reasonCodes = ["remplacee", "exclue", "faute-de-capacite", "prealable-non-place", "au-dela-du-top",
                              "condition-non-remplie", "condition-indeterminee"]

    /// The recommendation a reason names: what replaced or excluded it, or the prerequisite left out.
    static func other(_ reason: LeftOutRecommendation.Reason) -> String? {
        switch reason {
        case .replaced(let by), .excluded(let by): return by
        case .prerequisiteLeftOut(let id): return id
        case .noCapacity, .beyondTop, .conditionNotMet: return nil
        }
    }

    private func source(_ reference: SourceReference, _ ruleBase: RuleBase) -> JSONOutput {
        .object([
            ("document", .string(reference.document)),
            ("title", .string(ruleBase.source(reference.document)?.title ?? reference.document)),
            ("section", .string(reference.section)),
        ])
    }

    private func strings(_ values: [String]) -> JSONOutput { .array(values.map { .string($0) }) }

    private func optional(_ value: String?) -> JSONOutput { value.map { .string($0) } ?? .null }
}
