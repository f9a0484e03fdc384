import RuleKit

/// The rule base for other tools: a decision table of the weights to tune in a spreadsheet (`csv`), and the
/// whole base as the tool reads it (`json`): every recommendation with all its fields, conditions as written
/// and with their named conditions resolved, the definitions.
public enum RuleBaseExport {
    /// The columns of the decision table.
    public static let csvHeader = [
        "Identifiant", "Action", "Levier", "Priorité", "Horizon", "Effort", "Porteur", "Coût", "Niveau de preuve",
        "Effet sur les inégalités", "Fondation", "Bonus",
        "Score minimal", "Score maximal",
    ]

    /// One row per recommendation, in file order. The score range adds every negative, then every positive
    /// boost to the priority: boosts whose conditions exclude each other are not told apart.
    public static func csv(_ ruleBase: RuleBase, lever: String? = nil, separator: Character = ";") -> String {
        var writer = CSVWriter(separator: separator)
        writer.append(csvHeader)
        for recommendation in recommendations(ruleBase, lever: lever) {
            let range = scoreRange(recommendation)
            writer.append([
                recommendation.id, recommendation.title, recommendation.lever, String(recommendation.priority),
                recommendation.horizon.rawValue, recommendation.effort.rawValue, recommendation.carrier.rawValue,
                recommendation.costRange?.rawValue ?? "", recommendation.evidenceLevel?.rawValue ?? "",
                recommendation.inequalityEffect?.rawValue ?? "", recommendation.isFoundation ? "oui" : "non",
                recommendation.boosts.map(boostCell).joined(separator: CSVRoadmapRenderer.listSeparator),
                String(range.lowerBound), String(range.upperBound),
            ])
        }
        return writer.text
    }

    /// The lowest and highest score the boosts allow.
    public static func scoreRange(_ recommendation: Recommendation) -> ClosedRange<Int> {
        let points = recommendation.boosts.map(\.points)
        return (recommendation.priority + points.filter { $0 < 0 }.reduce(0, +))...(recommendation.priority + points.filter { $0 > 0 }.reduce(0, +))
    }

    /// `priorite-acces-aux-soins +15`, or `si gpDepartures : +10 (départs de médecins attendus)`: a cell that
    /// starts with a letter, which a spreadsheet shows as written (one that starts with « + » is defended
    /// against formula injection, with a quote).
    private static func boostCell(_ boost: Boost) -> String {
        let points = boost.points >= 0 ? "+\(boost.points)" : "\(boost.points)"
        if let name = boost.name { return "\(name) \(points)" }
        return "si \(boost.condition.source) : \(points) (\(boost.reason))"
    }

    private static func recommendations(_ ruleBase: RuleBase, lever: String?) -> [Recommendation] {
        ruleBase.recommendations.filter { lever == nil || $0.lever == lever }
    }

    // MARK: JSON

    /// The version of the JSON export's layout, for the tools that read it.
    public static let jsonFormatVersion = 2

    public static func json(_ ruleBase: RuleBase, lever: String? = nil) -> JSONOutput {
        .object([
            ("format", .integer(jsonFormatVersion)),
            ("ruleBase", .object([("version", .string(ruleBase.version.label)), ("fingerprint", .string(ruleBase.version.fingerprint))])),
            ("levers", .array(ruleBase.levers.filter { lever == nil || $0.id == lever }.map { lever in
                .object([("id", .string(lever.id)), ("title", .string(lever.title)), ("description", .string(lever.description)), ("method", .bool(lever.isMethod))])
            })),
            ("sources", .array(ruleBase.sources.map(document))),
            ("facts", .array(ruleBase.facts.map { fact in
                .object([("id", .string(fact.id)), ("statement", .string(fact.statement)), ("source", source(fact.source)),
                         ("usedBy", strings(ruleBase.users(of: fact.id)))])
            })),
            ("definitions", .object([
                ("conditions", .array(ruleBase.definitions.conditions.definitions.map { definition in
                    .object([("name", .string(definition.name.text)), ("when", .string(definition.text.text)),
                             ("resolved", .string(ConditionDefinitions.resolvedText(of: definition.expression, source: definition.text.text)))])
                })),
                ("boosts", .array(ruleBase.definitions.boosts.map { boost in
                    .object([("name", .string(boost.name)), ("when", condition(boost.condition)), ("points", .integer(boost.points)), ("reason", .string(boost.reason))])
                })),
            ])),
            ("recommendations", .array(recommendations(ruleBase, lever: lever).map(json))),
        ])
    }

    /// A condition as written and with its named conditions written out.
    private static func condition(_ condition: Condition) -> JSONOutput {
        .object([("written", .string(condition.source)), ("resolved", .string(condition.resolvedSource))])
    }

    private static func texts(_ lines: [ConditionalText]) -> JSONOutput {
        .array(lines.map { line in
            var members: [(String, JSONOutput)] = [("text", .string(line.text))]
            if let when = line.condition { members.append(("when", condition(when))) }
            return .object(members)
        })
    }

    private static func strings(_ values: [String]) -> JSONOutput { .array(values.map { .string($0) }) }

    private static func document(_ source: SourceDocument) -> JSONOutput {
        .object([("id", .string(source.id)), ("title", .string(source.title)), ("shortTitle", .string(source.shortTitle)),
                 ("publisher", .string(source.publisher)), ("date", source.date.map { .string($0.description) } ?? .null),
                 ("consulted", source.consulted.map { .string($0.description) } ?? .null),
                 ("url", source.url.map { .string($0) } ?? .null), ("access", source.access.map { .string($0) } ?? .null),
                 ("note", source.note.map { .string($0) } ?? .null)])
    }

    /// `{"facts": [ids]}`, with `"when"`, the fact id → its condition, for the facts printed only for some territories.
    private static func evidence(_ recommendation: Recommendation) -> JSONOutput {
        switch recommendation.evidence {
        case nil: return .null
        case .paragraph(let text)?: return .string(text)
        case .facts(let ids)?:
            var members: [(String, JSONOutput)] = [("facts", strings(ids))]
            let conditional = ids.compactMap { id in recommendation.factConditions[id].map { (id, condition($0)) } }
            if !conditional.isEmpty { members.append(("when", .object(conditional))) }
            return .object(members)
        }
    }

    private static func source(_ reference: SourceReference) -> JSONOutput {
        .object([("document", .string(reference.document)), ("section", .string(reference.section))])
    }

    private static func json(_ recommendation: Recommendation) -> JSONOutput {
        let range = scoreRange(recommendation)
        var members: [(String, JSONOutput)] = [
            ("id", .string(recommendation.id)), ("title", .string(recommendation.title)),
            ("shortTitle", recommendation.shortTitle.map { .string($0) } ?? .null), ("titleVariants", texts(recommendation.titleVariants)),
            ("lever", .string(recommendation.lever)),
            ("when", condition(recommendation.condition)), ("priority", .integer(recommendation.priority)),
            ("boosts", .array(recommendation.boosts.map { boost in
                var boostMembers: [(String, JSONOutput)] = []
                if let name = boost.name { boostMembers.append(("name", .string(name))) }
                boostMembers += [("when", condition(boost.condition)), ("points", .integer(boost.points)), ("reason", .string(boost.reason))]
                return .object(boostMembers)
            })),
            ("scoreRange", .array([.integer(range.lowerBound), .integer(range.upperBound)])),
            ("horizon", .string(recommendation.horizon.rawValue)), ("effort", .string(recommendation.effort.rawValue)),
            ("carrier", .string(recommendation.carrier.rawValue)),
            ("carriedBy", recommendation.carriedBy.map { .string($0) } ?? .null),
            ("carrierVariants", .array(recommendation.carrierVariants.map { variant in
                .object([("when", condition(variant.condition)), ("carrier", .string(variant.carrier.rawValue)),
                         ("carriedBy", variant.carriedBy.map { .string($0) } ?? .null)])
            })),
            ("costRange", recommendation.costRange.map { .string($0.rawValue) } ?? .null),
            ("costVariants", .array(recommendation.costVariants.map { variant in
                .object([("when", condition(variant.condition)), ("costRange", .string(variant.value.rawValue))])
            })),
            ("evidenceLevel", recommendation.evidenceLevel.map { .string($0.rawValue) } ?? .null),
            ("inequalityEffect", recommendation.inequalityEffect.map { .string($0.rawValue) } ?? .null),
        ]
        var deadline: [(String, JSONOutput)]?
        switch recommendation.deadline {
        case nil: deadline = nil
        case .beforeHotSeason?: deadline = [("kind", .string(Deadline.hotSeasonKeyword))]
        case .beforeRainySeason?: deadline = [("kind", .string(Deadline.rainySeasonKeyword))]
        case .beforePeakSeason?: deadline = [("kind", .string(Deadline.peakSeasonKeyword))]
        case .duringPeakSeason?: deadline = [("kind", .string(Deadline.underwaySeasonKeyword))]
        case .before(let month, let reason)?:
            deadline = [("kind", .string("avant")), ("before", .string(month.description)), ("reason", .string(reason))]
        case .byHorizon(let horizon, let reason)?:
            deadline = [("kind", .string("horizon")), ("horizon", .string(horizon.rawValue)), ("reason", .string(reason))]
        }
        // A deadline that holds only in some situations says which, as written.
        if let condition = recommendation.deadlineConditionText { deadline?.append(("condition", .string(condition.text))) }
        members.append(("deadline", deadline.map { .object($0) } ?? .null))
        // `before` only for a window that closes (« AAAA-MM : raison »).
        members.append(("startNow", recommendation.startNow.map { startNow in
            .object([("when", .string(startNow.conditionText))] + (startNow.before.map { [("before", .string($0.description))] } ?? [])
                    + [("reason", .string(startNow.reason))])
        } ?? .null))
        members += [
            ("foundation", .bool(recommendation.isFoundation)), ("serves", strings(recommendation.serves)),
            ("after", strings(recommendation.after)), ("together", strings(recommendation.together)),
            ("replaces", strings(recommendation.replaces)), ("excludes", strings(recommendation.excludes)),
            ("cautions", .array(recommendation.cautions.map { .object([("when", condition($0.condition)), ("text", .string($0.text))]) })),
            ("why", .string(recommendation.why)), ("steps", texts(recommendation.steps)), ("partners", texts(recommendation.partners)),
            ("funding", texts(recommendation.funding)),
            ("examples", .array(recommendation.examples.map { example in
                var members: [(String, JSONOutput)] = [("territory", .string(example.territory)), ("what", .string(example.what)),
                                                       ("source", example.source.map(source) ?? .null)]
                if let when = example.condition { members.append(("when", condition(when))) }
                return .object(members)
            })),
            ("evidence", evidence(recommendation)),
            ("sources", .array(recommendation.sources.indices.map { index in
                // A source cited only where its condition holds says it, as the conditional steps do.
                let reference = recommendation.sources[index]
                var members: [(String, JSONOutput)] = [("document", .string(reference.document)), ("section", .string(reference.section))]
                if let when = recommendation.sourceCondition(at: index) { members.append(("when", condition(when))) }
                return .object(members)
            })), ("indicators", strings(recommendation.indicators)),
            ("file", .string(recommendation.file)),
        ]
        return .object(members)
    }
}
