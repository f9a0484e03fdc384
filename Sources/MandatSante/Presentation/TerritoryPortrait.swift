import RuleKit

/// The short portrait of the territory that opens a roadmap: what it has, what it lacks, what it wants.
public struct TerritoryPortrait: Sendable {
    public var title: String
    /// « commune · 420 habitants · rural à habitat dispersé · Haute-Loire »
    public var summary: String
    /// Labelled lines, e.g. (« Accès aux soins », « zone d'intervention prioritaire (ZIP) ; aucune CPTS … »).
    public var lines: [(label: String, text: String)]

    /// The sections of `layout` in order, each with the facts it states for this profile (a section with none is
    /// left out), then the team's capacity — with its arithmetic in the detailed edition (`detail`).
    public init(profile: Profile, capacity: Capacity, layout: PortraitLayout, detail: Bool = true) {
        title = profile.name
        summary = Self.summary(profile)
        var lines: [(String, String)] = []
        for section in layout.sections {
            let stated = section.lines.compactMap { Self.statement($0, profile: profile) }
            if !stated.isEmpty { lines.append((section.label, FactStatement.absorbing(stated).joined(separator: " ; "))) }
        }
        lines.append(("Capacité", Self.capacity(capacity, detail: detail)))
        // Typography too: no line of the portrait starts with « ; ».
        self.lines = lines.map { ($0.0, Typography.french($0.1)) }
    }

    /// What one line of the layout says of the profile, or nil when it says nothing here.
    static func statement(_ line: PortraitLayout.Line, profile: Profile) -> String? {
        if let condition = line.condition, condition.evaluate(profile.facts) != .true { return nil }
        // The fact found once in the vocabulary: `profile.display` would look it up again.
        let slot = profile.vocabulary.slot(of: line.fact)
        let definition = slot.map { profile.vocabulary.facts[$0] }
        let value = slot.flatMap { profile.facts[$0] }
        let isDefault = value == nil || value == definition?.defaultValue
        // The overseas territory the profile names (« Guadeloupe »), not the choice that groups it with another.
        let overseas = line.fact == profile.vocabulary.factName(.overseas)
        func text() -> String {
            let text = ValueFormatter.value(value, of: definition)
            return overseas ? FactStatement.overseasPlace(text, profile: profile) : text
        }
        func labelled() -> String {
            // A choice said as a finding (« territoire en zone d'intervention prioritaire (ZIP) », « CLS signé et en
            // vigueur, porté par l'intercommunalité ») rather than « label : value ».
            if case .text(let id)? = value, let choice = definition?.choice(id), let statement = choice.statement {
                return choice.statementFacts.reduce(statement) { text, other in
                    text.replacingOccurrences(of: "{\(other)}", with: profile.value(other) == nil ? other : profile.display(other))
                }
            }
            return "\(definition?.label ?? line.fact) : \(text())"
        }
        func flag() -> String? {
            guard let definition, case .bool(let holds)? = value else { return nil }
            return holds ? definition.label : (definition.falseLabel ?? "non : \(definition.label)")
        }
        var isEmptySet: Bool {
            if case .set(let members)? = value { return members.isEmpty }
            return true
        }
        switch line.show {
        case .value: return text()
        case .valueUnlessDefault: return isDefault ? nil : text()
        case .labelledUnlessDefault: return isDefault ? nil : labelled()
        case .labelledWhenSet: return value == nil ? nil : labelled()
        case .flag: return flag()
        case .flagWhenTrue: return value == .bool(true) ? flag() : nil
        case .list: return isEmptySet ? line.none : text()
        case .noneOnly: return isEmptySet ? line.none : nil
        }
    }

    /// « commune · 420 habitants · rural à habitat dispersé · Haute-Loire »
    static func summary(_ profile: Profile) -> String {
        let vocabulary = profile.vocabulary
        var parts = [FactRole.kind, .population, .density].map { profile.display(vocabulary.factName($0)) }
        // A single-département region overseas (La Réunion, Guyane…) is named once.
        // A place name is not cut at the end of a line (« Centre-Val de / Loire », reader40b): its spaces do not break.
        for optional in [FactRole.departement, .region].map(vocabulary.factName) where profile.value(optional) != nil {
            let text = profile.display(optional).replacingOccurrences(of: " ", with: String(Typography.noBreakSpace))
            if parts.last != text { parts.append(text) }
        }
        return parts.joined(separator: " · ")
    }

    /// « 1 agent pour porter des projets : environ 1,6 unité d'effort par an, 12 sur le reste du mandat » (every
    /// declared agent counts: `Capacity`). The detailed edition, read by whoever checks the
    /// arithmetic, adds the weighting of the months — the total is not the yearly figure times the years (4,2 ×
    /// (15 × 2 + 15 + 33 / 2) / 12 ≈ 21) — and what each effort takes; the élus' edition spares them the jargon.
    static func capacity(_ capacity: Capacity, detail: Bool = true) -> String {
        let weighting = detail ? ", les quinze premiers mois comptant double, les quinze suivants une fois, les autres pour moitié" : ""
        let efforts = detail ? " (une action rapide des premiers mois en prend une demi-unité, une légère une, une moyenne deux, une lourde trois)" : ""
        return "\(team(capacity))\(capacity.isStaffEstimated ? " ;" : " :") environ\(Typography.noBreakSpace)\(capacity.yearlyUnitsText)\(Typography.noBreakSpace)unité\(capacity.yearlyTenths >= 20 ? "s" : "") d'effort par an, \(capacity.totalUnits) sur le reste du mandat\(weighting)\(efforts)"
    }

    /// « 2 agents pour porter des projets », or, when the profile does not say, « effectif non renseigné, estimé
    /// à 3 agents pour un territoire de cette taille » (a comma: the portrait's line already follows a colon) —
    /// « aucun agent supposé » under 1,000 inhabitants, where « estimé à aucun agent » would read oddly.
    static func team(_ capacity: Capacity) -> String {
        guard capacity.isStaffEstimated else { return "\(staff(capacity.staff)) pour porter des projets" }
        return capacity.staff == 0
            ? "effectif non renseigné, aucun agent supposé pour un territoire de cette taille"
            : "effectif non renseigné, estimé à \(staff(capacity.staff)) pour un territoire de cette taille"
    }

    /// « aucun agent », « 1 agent », « 3 agents » (with a no-break space): « 0 agent » reads like a form left blank.
    static func staff(_ staff: Int) -> String {
        staff == 0 ? "aucun agent" : Typography.count(staff, "agent")
    }
}
