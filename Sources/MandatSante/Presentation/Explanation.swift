import RuleKit

/// Why one recommendation was or was not selected for a profile, as text lines: every sub-condition with its
/// value, the boosts, the conflicts, the phase.
public struct Explanation: Sendable {
    public let lines: [String]

    public init(recommendationID id: String, roadmap: Roadmap, document: RoadmapDocument, ruleBase: RuleBase) {
        guard let recommendation = ruleBase.recommendation(id) else {
            lines = []
            return
        }
        let explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
        let facts = roadmap.profile.facts
        let statement = FactStatement(profile: roadmap.profile, labels: ruleBase.factLabels)
        var out: [String] = []
        out.append("Recommandation [\(id)] : \(recommendation.title(for: facts))")
        out.append("Profil : \(roadmap.profile.file) (\(roadmap.profile.name))")
        out.append("Définie dans : \(recommendation.location)")
        out.append("")
        let trace = recommendation.condition.trace(facts)
        out.append("Condition → \(Self.word(trace.truth))")
        out += Self.tree(trace, explainer: explainer, depth: 1)
        out.append("")
        out.append("En clair : " + explainer.reasons(trace).joined(separator: " ; "))
        out.append("")
        let evaluation = roadmap.evaluations[id]
        if recommendation.boosts.isEmpty {
            out.append("Bonus : aucun")
        } else {
            out.append("Bonus :")
            for (offset, boost) in recommendation.boosts.enumerated() {
                let truth = boost.condition.evaluate(facts)
                // True but not counted: it supports an action the roadmap does not keep (`Planner.plan`).
                let uncounted = truth == .true && evaluation.map { !$0.score.applies(boost: offset) } ?? false
                let note = uncounted ? ", non compté : l'action qu'il appuie, [\(boost.supports?.text ?? "")], n'est pas retenue" : ""
                out.append("  \(Self.mark(truth)) \(boost.points > 0 ? "+" : "")\(boost.points) si \(boost.condition.source) → \(Self.word(truth))\(note) (\(truth == .true ? statement.reason(of: boost) : boost.reason))")
            }
        }
        if let evaluation {
            let terms = evaluation.terms.map { RoadmapDocument.ScoreTerm(points: $0.points, reason: statement.filledValues($0.reason, names: $0.reasonValues)) }
            out.append("Score : \(RoadmapPresenter.Context.scoreLine(terms, total: evaluation.score.total))")
        }
        out.append("")
        out.append("Résultat : " + Self.outcome(id, document: document))
        lines = out
    }

    /// Where the recommendation ended, in the document's own words.
    static func outcome(_ id: String, document: RoadmapDocument) -> String {
        if let card = document.card(id) {
            var text = "retenue au rang \(card.rank), phase « \(card.phaseTitle) » (\(card.period))"
            if let placement = card.placement { text += " ; \(placement)" }
            if let selection = card.selection { text += " ; \(selection)" }
            if let deadline = card.metDeadline { text += " ; échéance : \(deadline)" }
            for relation in card.relations { text += " ; \(relation)" }
            return text + "."
        }
        guard let entry = document.entry(id) else { return "inconnue." }
        let list = document.considerLater.contains { $0.id == id } ? " — à envisager ensuite" : ""
        return "non retenue\(list) : \(entry.reason)."
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

/// The scoring table of every recommendation for one profile, in the document's words.
public struct ScoringTable: Sendable {
    public let lines: [String]

    public init(document: RoadmapDocument, profileFile: String) {
        var out = ["Tableau de score — \(document.header.title) (\(profileFile))", ""]
        out.append("Rang  Phase             Score  Recommandation")
        for card in document.cards {
            out.append("\(Self.pad(String(card.rank), 4))  \(Self.padRight(card.phaseID, 16))  \(Self.pad(String(card.score), 5))  \(card.id)")
        }
        out.append("")
        out.append("Non retenues :")
        for entry in document.considerLater + document.leftOut.flatMap(\.entries) {
            out.append("   -  \(Self.padRight("", 16))  \(Self.pad(String(entry.score), 5))  \(entry.id) — \(entry.reasonCode)")
        }
        lines = out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
