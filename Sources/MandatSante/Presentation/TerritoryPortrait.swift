import RuleKit

/// The short portrait of the territory that opens a roadmap: what it has, what it lacks, what it wants.
public struct TerritoryPortrait: Sendable {
    public var title: String
    /// « commune · 420 habitants · rural à habitat dispersé · Haute-Loire »
    public var summary: String
    /// Labelled lines, e.g. (« Accès aux soins », « zone d'intervention prioritaire (ZIP) ; aucune CPTS … »).
    public var lines: [(label: String, text: String)]

    public init(profile: Profile, capacity: Capacity) {
        func text(_ fact: String) -> String { profile.display(fact) }
        func flag(_ fact: String) -> String? {
            guard let definition = profile.vocabulary.fact(named: fact), case .bool(let value)? = profile.value(fact) else { return nil }
            return value ? definition.label : (definition.falseLabel ?? "non : \(definition.label)")
        }
        title = profile.name
        var summary = [text("kind"), text("population"), text("density")]
        for optional in ["departement", "region"] where profile.value(optional) != nil {
            summary.append(text(optional))
        }
        self.summary = summary.joined(separator: " · ")

        var lines: [(String, String)] = []
        lines.append(("Accès aux soins", [text("medicalZoning"), flag("cpts"), flag("msp"), flag("centreSante"), flag("hospital"), flag("gpDepartures")]
            .compactMap { $0 }.joined(separator: " ; ")))
        var coordination = [text("cls"), flag("clsm"), flag("healthCoordinator"), flag("healthReferent")]
        if case .bool(true)? = profile.value("qpv") { coordination.insert(flag("asv"), at: 2) }
        if case .text("commune")? = profile.value("kind") { coordination.append(flag("intercommunalHealth")) }
        lines.append(("Coordination", coordination.compactMap { $0 }.joined(separator: " ; ")))
        var population = [flag("qpv")]
        for optional in ["share75Plus", "povertyRate"] where profile.value(optional) != nil {
            population.append("\(profile.vocabulary.fact(named: optional)?.label ?? optional) : \(text(optional))")
        }
        population += [flag("heatExposure"), flag("ambroisie"), flag("pat")]
        lines.append(("Population et cadre de vie", population.compactMap { $0 }.joined(separator: " ; ")))
        lines.append(("Priorités de l'équipe", Self.listOrNone(profile, "priorities", none: "aucune priorité déclarée")))
        lines.append(("Projets prévus", Self.listOrNone(profile, "plannedProjects", none: "aucun projet structurant déclaré")))
        for (fact, label) in [("councils", "Instances de participation"), ("networks", "Réseaux"), ("programmes", "Programmes")] {
            if case .set(let members)? = profile.value(fact), !members.isEmpty {
                lines.append((label, text(fact)))
            }
        }
        let staff = capacity.staff
        lines.append(("Capacité", "\(staff) agent\(staff > 1 ? "s" : "") pour porter des projets : \(capacity.yearlyUnits) unités d'effort par an (\(capacity.sizeUnits) liées à la taille, \(capacity.staffUnits) à l'équipe)"))
        self.lines = lines
    }

    private static func listOrNone(_ profile: Profile, _ fact: String, none: String) -> String {
        if case .set(let members)? = profile.value(fact), !members.isEmpty { return profile.display(fact) }
        return none
    }
}
