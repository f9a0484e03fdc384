import RuleKit

/// The rule base for people: recommendations by lever, each condition read in French.
public struct RuleCatalogue: Sendable {
    /// The catalogue is read in a terminal or pasted into a document.
    public enum Format: String, CaseIterable, Sendable {
        case text = "texte"
        case markdown = "markdown"
    }

    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var condition: String
        public var source: String
        public var boosts: [String]
        public var details: String
        public var relations: [String]
    }

    public var groups: [(lever: Lever, entries: [Entry])]

    /// A boost's reason as the catalogue shows it, for no territory: each value it prints named by its fact's
    /// label (« pauvreté marquée (taux de pauvreté) »).
    static func reason(_ boost: Boost, vocabulary: Vocabulary) -> String {
        boost.reasonValues.reduce(boost.reason) { reason, name in
            reason.replacingOccurrences(of: "{\(name)}", with: vocabulary.fact(named: name)?.label ?? name)
        }
    }

    public init(ruleBase: RuleBase, lever: String? = nil) {
        let describer = ConditionDescriber(vocabulary: ruleBase.vocabulary)
        groups = ruleBase.levers.filter { lever == nil || $0.id == lever }.map { lever in
            let entries = ruleBase.recommendations.filter { $0.lever == lever.id }.map { recommendation in
                Entry(
                    id: recommendation.id, title: recommendation.title,
                    condition: describer.describe(recommendation.condition.expression),
                    source: recommendation.condition.source,
                    boosts: recommendation.boosts.map { "+\($0.points) si \(describer.describe($0.condition.expression)) (\(Self.reason($0, vocabulary: ruleBase.vocabulary)))" },
                    details: Self.details(recommendation)
                        + (recommendation.isFoundation ? " · fondation" : ""),
                    relations: recommendation.after.map { "après \($0)" } + recommendation.together.map { "avec \($0)" }
                        + recommendation.replaces.map { "remplace \($0)" } + recommendation.excludes.map { "exclut \($0)" })
            }
            return (lever, entries)
        }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        }
    }

    public func text() -> String {
        var out: [String] = []
        let count = groups.reduce(0) { $0 + $1.entries.count }
        out.append("CATALOGUE DES RECOMMANDATIONS (\(count))")
        for (lever, entries) in groups {
            out.append("")
            out.append("== \(lever.title) [\(lever.id)] — \(entries.count) recommandation\(entries.count > 1 ? "s" : "")")
            for entry in entries {
                out.append("")
                out += TextWrapper.wrap("\(entry.title) [\(entry.id)]", indent: "    ", firstIndent: "  • ")
                out += TextWrapper.wrap("Quand : \(entry.condition)", indent: "      ", firstIndent: "    ")
                out += TextWrapper.wrap("Condition : \(entry.source)", indent: "      ", firstIndent: "    ")
                for boost in entry.boosts { out += TextWrapper.wrap("Bonus : \(boost)", indent: "      ", firstIndent: "    ") }
                out += TextWrapper.wrap(([entry.details] + entry.relations).joined(separator: " · "), indent: "      ", firstIndent: "    ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        let escape = MarkdownRoadmapRenderer().inline
        var out = ["# Catalogue des recommandations", ""]
        for (lever, entries) in groups {
            out.append("## \(escape(lever.title)) (`\(lever.id)`)")
            out.append("")
            out.append(escape(lever.description))
            out.append("")
            for entry in entries {
                out.append("- **\(escape(entry.title))** (`\(entry.id)`) — quand \(escape(entry.condition)) — *\(escape(([entry.details] + entry.relations).joined(separator: " · ")))*")
                for boost in entry.boosts { out.append("  - bonus : \(escape(boost))") }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// « priorité 72 · première année · effort faible · porteur partenaire · coût faible · preuve : avis d'experts · inégalités : effet inconnu »
    static func details(_ recommendation: Recommendation) -> String {
        var parts = ["priorité \(recommendation.priority)", recommendation.horizon.label, "effort \(recommendation.effort.rawValue)",
                     "porteur \(recommendation.carrier.rawValue)"]
        if let cost = recommendation.costRange { parts.append("coût \(cost.shortLabel)") }
        if let level = recommendation.evidenceLevel { parts.append("preuve : \(WeighingWording.evidence(level))") }
        if let effect = recommendation.inequalityEffect { parts.append("inégalités : \(WeighingWording.inequality(effect))") }
        return parts.joined(separator: " · ")
    }
}
