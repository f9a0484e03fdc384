import RuleKit

/// Why one recommendation was or was not selected for a profile, as text lines: every sub-condition with its
/// value, the boosts, the conflicts, the phase.
public struct Explanation: Sendable {
    public let lines: [String]

    public init(recommendationID id: String, roadmap: Roadmap, ruleBase: RuleBase) {
        guard let recommendation = ruleBase.recommendation(id) else {
            lines = []
            return
        }
        let explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
        let facts = roadmap.profile.facts
        var out: [String] = []
        out.append("Recommandation [\(id)] : \(recommendation.title)")
        out.append("Profil : \(roadmap.profile.file) (\(roadmap.profile.name))")
        out.append("Définie dans : \(recommendation.file):\(recommendation.location)")
        out.append("")
        let trace = recommendation.condition.trace(facts)
        out.append("Condition « when » → \(Self.word(trace.truth))")
        out += Self.tree(trace, explainer: explainer, depth: 1)
        out.append("")
        out.append("En clair : " + explainer.reasons(trace).joined(separator: " ; "))
        out.append("")
        let evaluation = roadmap.evaluations[id]
        if recommendation.boosts.isEmpty {
            out.append("Bonus : aucun")
        } else {
            out.append("Bonus :")
            for boost in recommendation.boosts {
                let truth = boost.condition.evaluate(facts)
                out.append("  \(Self.mark(truth)) \(boost.points > 0 ? "+" : "")\(boost.points) si \(boost.condition.source) → \(Self.word(truth)) (\(boost.reason))")
            }
        }
        if let score = evaluation?.score {
            out.append("Score : \(ItemPresentation.scoreLine(score, of: recommendation))")
        }
        out.append("")
        out.append("Résultat : " + Self.outcome(id, roadmap: roadmap, ruleBase: ruleBase))
        lines = out
    }

    static func outcome(_ id: String, roadmap: Roadmap, ruleBase: RuleBase) -> String {
        func title(_ other: String) -> String { "« \(ruleBase.recommendation(other)?.title ?? other) » [\(other)]" }
        if let item = roadmap.items.first(where: { $0.recommendation.id == id }) {
            let phase = roadmap.calendar.phases[item.phaseIndex]
            var text = "retenue au rang \(item.rank), phase « \(phase.title) » (\(phase.period))"
            switch item.placement {
            case .horizon: text += ", la phase de son horizon (\(item.recommendation.horizon.label))"
            case .prerequisite(let other): text += ", pour venir après son préalable \(title(other))"
            case .capacity(let wanted): text += " ; prévue pour « \(roadmap.calendar.phases[wanted].title) » mais cette phase était pleine"
            }
            for other in item.supersedes { text += " ; elle écarte \(title(other))" }
            return text + "."
        }
        guard let entry = roadmap.leftOut.first(where: { $0.recommendation.id == id }) else { return "inconnue." }
        switch entry.reason {
        case .conditionNotMet(.unknown): return "non retenue : la condition ne peut pas être établie, un fait facultatif n'est pas renseigné."
        case .conditionNotMet: return "non retenue : la condition n'est pas remplie pour ce territoire."
        case .replaced(let by): return "non retenue : remplacée par \(title(by)), plus adaptée à ce territoire."
        case .excluded(let by): return "non retenue : écartée au profit de \(title(by)), mieux classée (les deux s'excluent)."
        case .noCapacity: return "non retenue : la condition est remplie, mais les phases restantes du mandat sont pleines pour la capacité de ce territoire."
        case .prerequisiteLeftOut(let other): return "non retenue : son préalable \(title(other)) n'a pas pu être placé."
        case .beyondTop(let top): return "non retenue : au-delà des \(top) premières actions demandées (--top)."
        }
    }

    static func tree(_ trace: ConditionTrace, explainer: ConditionExplainer, depth: Int) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        var lines: [String] = []
        switch trace.expression.kind {
        case .and, .or, .not:
            let word = trace.expression.kind.connective
            lines.append("\(pad)\(mark(trace.truth)) \(word) → \(Self.word(trace.truth))")
            for child in trace.children { lines += tree(child, explainer: explainer, depth: depth + 1) }
        default:
            let values = explainer.factValues(in: trace).map { "\($0.name) = \($0.text)" }.joined(separator: ", ")
            lines.append("\(pad)\(mark(trace.truth)) \(trace.text) → \(word(trace.truth))\(values.isEmpty ? "" : " (\(values))")")
        }
        return lines
    }

    static func mark(_ truth: Truth) -> String {
        switch truth {
        case .true: return "✓"
        case .false: return "✗"
        case .unknown: return "?"
        }
    }

    static func word(_ truth: Truth) -> String {
        switch truth {
        case .true: return "vrai"
        case .false: return "faux"
        case .unknown: return "inconnu"
        }
    }
}

extension Expression.Kind {
    var connective: String {
        switch self {
        case .and: return "toutes ces conditions (and)"
        case .or: return "l'une de ces conditions (or)"
        case .not: return "le contraire de (not)"
        default: return ""
        }
    }
}

/// The scoring table of every recommendation for one profile.
public struct ScoringTable: Sendable {
    public let lines: [String]

    public init(roadmap: Roadmap, ruleBase: RuleBase) {
        var out = ["Tableau de score — \(roadmap.profile.name) (\(roadmap.profile.file))", ""]
        out.append("Rang  Phase        Score  Recommandation")
        for item in roadmap.items {
            let phase = roadmap.calendar.phases[item.phaseIndex].horizon.rawValue
            out.append("\(Self.pad(String(item.rank), 4))  \(Self.pad(phase, 11))  \(Self.pad(String(item.score.total), 5))  \(item.recommendation.id)")
        }
        out.append("")
        out.append("Non retenues :")
        for entry in roadmap.leftOut {
            let reason: String
            switch entry.reason {
            case .conditionNotMet(let truth): reason = truth == .unknown ? "condition indéterminée" : "condition fausse"
            case .replaced(let by): reason = "remplacée par \(by)"
            case .excluded(let by): reason = "écartée par \(by)"
            case .noCapacity: reason = "capacité atteinte"
            case .prerequisiteLeftOut(let id): reason = "préalable \(id) non placé"
            case .beyondTop(let top): reason = "au-delà de --top \(top)"
            }
            out.append("   -  \(Self.pad("", 11))  \(Self.pad(String(entry.score.total), 5))  \(entry.recommendation.id) — \(reason)")
        }
        out.append("")
        out.append("Détail d'une ligne : mandat-sante explain \(roadmap.profile.file) IDENTIFIANT")
        lines = out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
