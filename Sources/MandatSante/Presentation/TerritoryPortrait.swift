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
        summary = Self.summary(profile)

        /// An enum fact stated only when it is not at its default value (« aucun hôpital sur le territoire » adds
        /// nothing to « pas d'hôpital à moins de 30 minutes »).
        func unlessDefault(_ fact: String) -> String? {
            guard let value = profile.value(fact), value != profile.vocabulary.fact(named: fact)?.defaultValue else { return nil }
            return "\(profile.vocabulary.fact(named: fact)?.label ?? fact) : \(text(fact))"
        }
        /// An enum fact whose value labels say it all (« population en croissance »), stated only when set.
        func valueUnlessDefault(_ fact: String) -> String? {
            guard let value = profile.value(fact), value != profile.vocabulary.fact(named: fact)?.defaultValue else { return nil }
            return text(fact)
        }
        /// A yes/no fact stated only when it holds (« pas de MSP voisine » adds nothing to « aucune MSP »).
        func flagWhenTrue(_ fact: String) -> String? {
            guard case .bool(true)? = profile.value(fact) else { return nil }
            return flag(fact)
        }
        var lines: [(String, String)] = []
        var territory: [String?] = [unlessDefault("outreMer")]
        if case .bool(true)? = profile.value("communeNouvelle") { territory.append(flag("communeNouvelle")) }
        if profile.value("seasonalPopulation") != nil { territory.append("\(profile.vocabulary.fact(named: "seasonalPopulation")?.label ?? "") : \(text("seasonalPopulation"))") }
        territory.append(valueUnlessDefault("populationTrend"))
        if !territory.compactMap({ $0 }).isEmpty { lines.append(("Territoire", territory.compactMap { $0 }.joined(separator: " ; "))) }
        var care = [text("medicalZoning"), flag("cpts"), flag("msp"), flagWhenTrue("mspNearby"), flag("centreSante")]
        if case .bool(true)? = profile.value("centreSante") {
            care += [flag("centreSanteMunicipal"), valueUnlessDefault("centreSanteSituation")]
        }
        care += [flag("hospital"), unlessDefault("hospitalRole"), flag("gpDepartures")]
        if profile.value("withoutGpShare") != nil {
            care.append("\(profile.vocabulary.fact(named: "withoutGpShare")?.label ?? "") : \(text("withoutGpShare"))")
        }
        care.append(valueUnlessDefault("specialistShortage"))
        lines.append(("Accès aux soins", care.compactMap { $0 }.joined(separator: " ; ")))
        var coordination = [text("cls"), flag("clsm"), flag("healthCoordinator"), flag("healthReferent")]
        if case .bool(true)? = profile.value("qpv") { coordination.insert(flag("asv"), at: 2) }
        if case .text(let state)? = profile.value("cls"), state != "aucun" { coordination.insert(unlessDefault("clsCarrier"), at: 1) }
        let vocabulary = profile.vocabulary
        // « l'intercommunalité ne porte pas de démarche de santé » would contradict a CLS it carries.
        var clsCarriedAbove = false
        if case .text(let state)? = profile.value("cls"), state != "aucun", case .text(let carrier)? = profile.value("clsCarrier") {
            clsCarriedAbove = ["intercommunalite", "pays"].contains(carrier)
        }
        if case .text(vocabulary.communeKind)? = profile.value(vocabulary.factName(.kind)) {
            let intercommunalHealth = vocabulary.factName(.intercommunalHealth)
            if case .bool(false)? = profile.value(intercommunalHealth), clsCarriedAbove {} else { coordination.append(flag(intercommunalHealth)) }
        }
        lines.append(("Coordination", coordination.compactMap { $0 }.joined(separator: " ; ")))
        var population = [flag("qpv")]
        for optional in ["share75Plus", "povertyRate"] where profile.value(optional) != nil {
            population.append("\(profile.vocabulary.fact(named: optional)?.label ?? optional) : \(text(optional))")
        }
        population += [flag("heatExposure"), flag("ambroisie"), flag("pat")]
        lines.append(("Population et cadre de vie", population.compactMap { $0 }.joined(separator: " ; ")))
        // Declared priorities are stated in the synthesis; the portrait says only that there are none.
        if case .set(let members)? = profile.value(vocabulary.factName(.priorities)), !members.isEmpty {} else {
            lines.append(("Priorités de l'équipe", "aucune priorité déclarée"))
        }
        lines.append(("Projets prévus", Self.listOrNone(profile, "plannedProjects", none: "aucun projet structurant déclaré")))
        for (fact, label) in [("councils", "Instances de participation"), ("networks", "Réseaux"), ("programmes", "Programmes")] {
            if case .set(let members)? = profile.value(fact), !members.isEmpty {
                lines.append((label, text(fact)))
            }
        }
        lines.append(("Capacité", Self.capacity(capacity)))
        // Typography too: no line of the portrait starts with « ; ».
        self.lines = lines.map { ($0.0, Typography.french($0.1)) }
    }

    /// « commune · 420 habitants · rural à habitat dispersé · Haute-Loire »
    static func summary(_ profile: Profile) -> String {
        let vocabulary = profile.vocabulary
        var parts = [FactRole.kind, .population, .density].map { profile.display(vocabulary.factName($0)) }
        for optional in [FactRole.departement, .region].map(vocabulary.factName) where profile.value(optional) != nil {
            parts.append(profile.display(optional))
        }
        return parts.joined(separator: " · ")
    }

    /// « 1 agent pour porter des projets : environ 1,6 unité d'effort par an, 12 sur le reste du mandat »
    static func capacity(_ capacity: Capacity) -> String {
        let staff = capacity.staff
        return "\(staff) agent\(staff > 1 ? "s" : "") pour porter des projets : environ \(capacity.yearlyUnitsText) unité\(capacity.yearlyTenths >= 20 ? "s" : "") d'effort par an, \(capacity.totalUnits) sur le reste du mandat (une action légère en prend 1, une lourde 3)"
    }

    private static func listOrNone(_ profile: Profile, _ fact: String, none: String) -> String {
        if case .set(let members)? = profile.value(fact), !members.isEmpty { return profile.display(fact) }
        return none
    }
}
