import RuleKit

/// Page one of a roadmap, for the executive: the five to eight decisions to take first, the three findings about
/// the territory that drive the roadmap, the team's priorities and the size of the roadmap.
struct ExecutiveSynthesis {
    let value: RoadmapDocument.Synthesis

    /// At most this many steps of method or governance among the decisions (the pilotage, the ambition, training,
    /// a letter to the intercommunality): the rest are concrete actions.
    static let methodDecisions = 2
    /// The lever whose first months' acts are governance steps; its later actions (a CLSM, an ASV) are projects.
    static let governanceLever = PlanningIndex.governanceLever
    /// A method step: its lever is one of method, or it is a first months' governance act that serves none of
    /// the team's priorities (a letter to the intercommunality; not a seat on the hospital's board, which serves
    /// access to care).
    /// Where the intercommunality does not carry health (`provokes`), the governance act of the first months is the
    /// political decision that conditions the rest — asking it for a diagnostic, then a CLS — not a method step.
    static func isMethod(_ item: RoadmapItem, _ methodLevers: Set<String>, provokes: Bool = false) -> Bool {
        methodLevers.contains(item.recommendation.lever)
            || (!provokes && item.recommendation.lever == governanceLever && item.recommendation.horizon == .hundredDays
                && item.recommendation.serves.isEmpty)
    }

    /// Whether the profile says its intercommunality does not carry health: the commune's letter asking it to is
    /// then a decision of its own.
    static func provokesIntercommunality(_ roadmap: Roadmap) -> Bool {
        let vocabulary = roadmap.profile.vocabulary
        return roadmap.profile.value(vocabulary.factName(.intercommunalHealth)) == .bool(false)
    }
    /// Facts never stated as findings: the size and the team's own choices are stated elsewhere.
    /// Nor who carries health (the intercommunality or not): each card says who carries it.
    static let notFindings: [FactRole] = [.kind, .population, .priorities, .staff, .name, .density, .departement, .region, .inseeCode, .intercommunalHealth]
    static let findingCount = 3
    /// Page 1 when the profile states no situation that drives an action (only defaults and what already exists).
    static let noFinding = "Le profil ne signale pas de situation particulière : les actions suivent les priorités de l'équipe et ce qui existe déjà."

    /// `decisions` and `findings`: chosen by the presenter before it numbered the sources of `cards` (`decisions`,
    /// `findings`), which the findings' lines cite.
    init(roadmap: Roadmap, cards: [RoadmapDocument.Card], decisions: [RoadmapDocument.Decision], findings: [FindingLine],
         context: RoadmapPresenter.Context, considerLater: Int) {
        let declared = Self.priorities(roadmap)
        let capacity = roadmap.capacity
        // The team in agents; its effort units per year, for whoever checks the arithmetic, are in the portrait —
        // except for a team without any agent, where page 1 says what the élus' own time still allows, as an élu
        // reads it (a light action takes a unit of effort a year): « le temps des élus suffit à environ une action
        // légère par an » rather than « environ 1 unité d'effort par an » (plan35).
        let units = capacity.staff == 0
            ? " : le temps des élus suffit à " + (capacity.yearlyTenths <= 10 ? "environ une action légère par an" : "un peu plus d'une action légère par an") : ""
        var size = "\(Typography.count(roadmap.items.count, "action")) à la mesure de l'équipe (\(TerritoryPortrait.team(capacity))\(units))"
        size += considerLater == 0 ? "." : " ; \(considerLater)\(Typography.noBreakSpace)autre\(considerLater > 1 ? "s" : "") s'appliqu\(considerLater > 1 ? "ent" : "e") et \(considerLater > 1 ? "sont" : "est") à envisager ensuite."
        let vocabulary = context.ruleBase.vocabulary
        let isCommune = roadmap.profile.value(vocabulary.factName(.kind)) == .text(vocabulary.communeKind)
        let methodLevers = Set(context.ruleBase.levers.filter(\.isMethod).map(\.id))
        // A team of ten agents or more is not told to hire one more: it puts off the rest or hands a part over.
        let large = capacity.staff >= Capacity.countedStaff
        // A village with one agent or none is not told to hire either.
        let small = isCommune && capacity.isSmallTeam && capacity.isVillage
        let relief = Relief.of(roadmap.profile, isCommune: isCommune, small: small, large: large)
        let heavyNote = Self.heavyPhases(roadmap, relief: relief, methodLevers: methodLevers)
        if let heavyNote { size += " " + heavyNote }
        if let missed = Self.missedDeadlines(roadmap) { size += " " + missed }
        // Page 1 gives the advice once: a heavy period's sentence already says « prévoir un renfort ».
        if let traded = Self.tradedPlaces(roadmap, vocabulary: vocabulary, relief: heavyNote == nil ? relief : nil) {
            size += " " + traded
        }
        if let quiet = Self.quietLastPhase(roadmap) { size += " " + quiet }
        value = RoadmapDocument.Synthesis(decisions: decisions, sharedCarrier: Self.sharedCarrier(decisions), alsoFirst: Self.alsoFirst(roadmap, decisions: decisions, context: context),
                                          findings: findings.map { $0.worded(cards: cards) },
                                          priorities: declared, sizeNote: size)
    }

    /// The carrier of more than half the decisions, when there are two or more (`Synthesis.sharedCarrier`).
    static func sharedCarrier(_ decisions: [RoadmapDocument.Decision]) -> String? {
        guard decisions.count > 1 else { return nil }
        let counts = Dictionary(decisions.map { ($0.carrier, 1) }, uniquingKeysWith: +)
        return counts.first { 2 * $0.value > decisions.count }?.key
    }

    /// What a method step of the first months listed among the decisions (to number them without holes) says.
    static let methodNote = "étape de méthode"
    /// How many decisions: half the roadmap, between five and eight (fewer if the roadmap is shorter).
    static func decisionCount(_ items: Int) -> Int { min(items, min(8, max(5, (items + 1) / 2))) }

    /// The first decisions, in rank order, eight at most: what cannot wait (the foundations and dated actions of the
    /// first two phases, the priorities' actions of the first); for each declared priority not yet served, its
    /// action if it comes by the mid-mandate review (one served later is not a first decision: the priorities line
    /// says why); then the rest of the first two phases, the priorities' first, then the best scored, with at most
    /// two method steps besides the foundations — up to half the roadmap (five to eight), and at least one.
    static func decisions(_ roadmap: Roadmap, cards: [RoadmapDocument.Card], context: RoadmapPresenter.Context) -> [RoadmapDocument.Decision] {
        let methodLevers = Set(context.ruleBase.levers.filter(\.isMethod).map(\.id))
        let provokes = provokesIntercommunality(roadmap)
        func isMethod(_ item: RoadmapItem, _ levers: Set<String>) -> Bool { Self.isMethod(item, levers, provokes: provokes) }
        let wanted = decisionCount(roadmap.items.count)
        var chosen: [RoadmapItem] = []
        func isChosen(_ item: RoadmapItem) -> Bool { chosen.contains { $0.rank == item.rank } }
        // Actions that belong together (the MSP and the junior doctors it hosts) are decided together: one
        // chosen brings the others of its phase, right after it — or none is chosen, if the group would pass `limit`.
        func choose(_ item: RoadmapItem, limit: Int = 8) {
            guard !isChosen(item) else { return }
            let group = [item] + roadmap.items.filter { partner in
                item.together.contains(partner.recommendation.id) && partner.phaseIndex == item.phaseIndex && !isChosen(partner)
            }
            if chosen.count + group.count <= limit { chosen += group }
        }
        var methods = 0
        func isPriority(_ item: RoadmapItem) -> Bool { if case .priority = item.selection { return true } else { return false } }
        // What cannot wait: the foundations, the dated actions and the team's priorities of the first phase, the
        // foundations (the CLS) and dated actions of the next — decided now or they miss their date.
        // The first two phases — only the first when the next one starts after the mid-mandate review (a late start).
        let early = min(1, roadmap.calendar.reviewPhase)
        for item in roadmap.items where item.phaseIndex <= early {
            let pressing = item.recommendation.isFoundation || item.deadline != nil
            guard pressing || (item.phaseIndex == 0 && isPriority(item)) else { continue }
            if isMethod(item, methodLevers) { methods += 1 }
            choose(item)
        }
        // Each declared priority has its decision, if one of its actions comes by the mid-mandate review: the one
        // chosen for it, else the first that serves it — the priorities served soonest first.
        let byReview = roadmap.items.filter { $0.phaseIndex <= roadmap.calendar.reviewPhase }
        let firsts = declaredPriorities(roadmap).compactMap { priority in
            (byReview.first { if case .priority(priority) = $0.selection { return true } else { return false } }
                ?? byReview.first { $0.recommendation.serves.contains(priority) }).map { (priority, $0) }
        }
        for (priority, first) in firsts.sorted(by: { $0.1.rank < $1.1.rank })
        where !chosen.contains(where: { $0.recommendation.serves.contains(priority) }) {
            choose(first)
        }
        // Then the rest of the first two phases, those chosen for a priority first, then the best scored, with at
        // most two method steps besides the foundations: up to half the roadmap, and at least one.
        let rest = roadmap.items.filter { $0.phaseIndex <= early && !isChosen($0) }
        var taken = 0
        for item in rest.sorted(by: { (isPriority($0) ? 0 : 1, -$0.score.total, $0.rank) < (isPriority($1) ? 0 : 1, -$1.score.total, $1.rank) }) {
            if isMethod(item, methodLevers) {
                if methods >= methodDecisions { continue }
                methods += 1
            }
            let before = chosen.count
            choose(item, limit: taken == 0 || isPriority(item) ? 8 : wanted)
            if chosen.count > before { taken += 1 }
        }
        // Numbered as the actions, without a hole in the first months: an act of the first months before a decision
        // is listed with the decisions (a method step says it is one), eight at most; beyond, the line « Aussi dans
        // les trois prochains mois » names it.
        var ranks = Set(chosen.map(\.rank))
        let holes = roadmap.items.filter { $0.phaseIndex == 0 && !ranks.contains($0.rank) && $0.rank < (ranks.max() ?? 0) }.map(\.rank)
        if ranks.count + holes.count <= 8 { ranks.formUnion(holes) }
        let kept = roadmap.items.filter { ranks.contains($0.rank) }
        return kept.compactMap { item in
            guard let card = cards.first(where: { $0.rank == item.rank }) else { return nil }
            let chosenHere = chosen.contains { $0.rank == item.rank }
            let phase = roadmap.calendar.phases[item.phaseIndex]
            let when = item.deadline.map { RoadmapWording.deadline($0) } ?? RoadmapWording.startNow(item, in: roadmap, reason: false)
                ?? RoadmapWording.by(phase)
            // A decision that comes after an action not among the decisions says so, lest page 1 read as skipping
            // the act it rests on (the CLS signed after the diagnosis, action 5, decided in the same months).
            let waitsFor = roadmap.items.filter { item.prerequisites.contains($0.recommendation.id) && !ranks.contains($0.rank) }
            // Named in a few words when its rule gives them (`titre court`): page 1 does not show its card.
            let after: String? = if waitsFor.isEmpty { nil }
                else if waitsFor.allSatisfy({ $0.recommendation.shortTitle == nil }) { "après \(Typography.actions(waitsFor.map(\.rank)))" }
                else { "après " + Typography.list(waitsFor.map { other in
                    other.recommendation.shortTitle.map { "\($0) (action\(Typography.noBreakSpace)\(other.rank))" } ?? Typography.actions([other.rank])
                }) }
            // Said as a noun, as « décision fondatrice du mandat » and « étape de méthode » are: « priorité « accès aux
            // soins » de l'équipe » (the card says « répond à la priorité … »); page 1 has no room for the verb.
            let chosenFor: String? = if case .priority(let id) = item.selection {
                RoadmapWording.priority(id, vocabulary: context.ruleBase.vocabulary)
            } else { card.selection }
            let selection = chosenFor ?? (!chosenHere && isMethod(item, methodLevers) ? Self.methodNote : nil)
            return RoadmapDocument.Decision(
                rank: card.rank, id: card.id, title: card.title, carrier: card.carrier, when: when, effort: card.effort,
                costRange: card.costRange,
                evidenceLevel: card.evidenceLevel,
                inequalityEffect: card.inequalityEffect,
                // A step that costs only the team's time names no funder on page 1: beside « temps d'élus et
                // d'agents », « ANCT et Banque des Territoires » (the engineering of a programme's project manager)
                // read as a grant (read40a). Its card says what that partner brings.
                inequalityEffectID: card.inequalityEffectID, funder: card.costRangeID == CostRange.none.rawValue ? nil : context.funder(card),
                note: selection.map { note in after.map { "\(note), \($0)" } ?? note } ?? after)
        }
    }

    /// The actions of the first phase left out of the decisions, so that page 1 does not skip one silently: a
    /// method step (the letter to the intercommunality after the pilotage and the ambition) says it is one. Then the
    /// first steps of later actions that start now (`RoadmapWording.startsNow`) and are not among the decisions nor
    /// said by the priorities line: « le premier pas de l'action 11 ».
    private static func alsoFirst(_ roadmap: Roadmap, decisions: [RoadmapDocument.Decision], context: RoadmapPresenter.Context) -> String? {
        let methodLevers = Set(context.ruleBase.levers.filter(\.isMethod).map(\.id))
        let others = roadmap.items.filter { item in item.phaseIndex == 0 && !decisions.contains { $0.rank == item.rank } }
        // A first step the priorities line already says (« avec un premier pas de l'action 11 dès maintenant ») is not
        // said twice on the same page.
        let saidByPriorities = firstStepsSaidByPriorities(roadmap)
        let starting = roadmap.items.filter { item in
            RoadmapWording.startsNow(item, in: roadmap) && !decisions.contains { $0.rank == item.rank } && !saidByPriorities.contains(item.rank)
        }
        // Each action is named in a few words when its rule gives them: page 1 does not show its card (« le premier
        // pas des actions 6 (le cabinet médical avec logement) et 7 (…) », not bare numbers the executive must look up).
        let named = numberedWithShortTitles(starting)
        let firstSteps = starting.isEmpty ? [] : [(starting.count == 1 ? "le premier pas de l'action" : "le premier pas des actions")
                                                    + "\(Typography.noBreakSpace)\(named)"]
        guard let phase = roadmap.calendar.phases.first, !others.isEmpty || !firstSteps.isEmpty else { return nil }
        guard !others.isEmpty else {
            return "À lancer aussi dans \(phase.title.prefix(1).lowercased() + phase.title.dropFirst()) : \(firstSteps[0])."
        }
        let provokes = provokesIntercommunality(roadmap)
        func isMethod(_ item: RoadmapItem, _ levers: Set<String>) -> Bool { Self.isMethod(item, levers, provokes: provokes) }
        let methods = others.filter { isMethod($0, methodLevers) }
        let list: String
        if methods.count == others.count {
            list = Typography.actions(others.map(\.rank)) + (others.count == 1 ? ", une étape de méthode" : ", des étapes de méthode")
                + firstSteps.map { " ; \($0)" }.joined()
        } else {
            // An action that is no method step is named in a few words when its rule gives them (« l'action 4 (le
            // relais du programme Jafa) »), not a bare number (reader30a).
            list = Typography.list(others.map { item in
                isMethod(item, methodLevers) ? Typography.actions([item.rank]) + " (étape de méthode)"
                    : "l'action\(Typography.noBreakSpace)" + numberedWithShortTitles([item])
            } + firstSteps)
        }
        // « À lancer aussi dans … » rather than « Aussi dans …, sans décision à part », which read awkwardly (read41).
        return "À lancer aussi dans \(phase.title.prefix(1).lowercased() + phase.title.dropFirst()) : \(list)."
    }

    /// « 6 (le cabinet médical avec logement) et 7 »: actions by number, each with the few words its rule gives
    /// (`shortTitle`), for page 1, which shows no card. After « l'action » or « les actions » and a no-break space.
    static func numberedWithShortTitles(_ items: [RoadmapItem]) -> String {
        Typography.list(items.map { item in "\(item.rank)" + (item.recommendation.shortTitle.map { " (\($0))" } ?? "") })
    }
}
