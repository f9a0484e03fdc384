import RuleKit

/// The lines of page 1 that say how the team's load spreads over the mandate: a phase that asks more than its
/// capacity, and why; a last period that opens few new actions.
extension ExecutiveSynthesis {
    /// A phase that asks more of the team than its capacity — what cannot wait overfills it — says so in one plain
    /// line, with what cannot wait and what the executive can do about it: « D'ici fin 2027, l'équipe ne peut pas
    /// tout porter : la décision fondatrice (action 3) et les actions tenues par une échéance (5 et 6) passent d'abord ;
    /// prévoir un renfort. » — « ne peuvent attendre » when all of them are held by a deadline.
    /// The period opens the sentence as the time it is (« D'ici fin 2027, … »), not as a quoted title inside a
    /// sentence. Several such periods are named together, with what cannot wait in all of them: one sentence, as
    /// page 1 has room for; consecutive ones by the last (« D'ici le bilan de mi-mandat, … »). The relief named is the
    /// territory's (`Relief`): a commune is not told to hire where its CLS's coordinator or its intercommunality's
    /// health service can carry part of the load, nor a village with one agent or none. Nil when no phase is
    /// overfilled.
    static func heavyPhases(_ roadmap: Roadmap, relief: Relief = .reinforcement, methodLevers: Set<String> = []) -> String? {
        let used = roadmap.halfUnitsUsed, capacity = roadmap.capacity.unitsPerPhase
        var overfilled: [Int] = []
        // What cannot wait, by cause: the ranks of the founding decisions, the dated actions, the priorities' actions
        // and what goes with one of those.
        var waiting: [(cause: Int, rank: Int)] = []
        // The partners (ranks) of what goes with one of those, as its cards name them (`RoadmapWording.hold`).
        var partners: Set<Int> = []
        let occupancy = RoadmapWording.Occupancy(roadmap)
        for phase in roadmap.calendar.phases.indices where phase < capacity.count && used[phase] > 2 * capacity[phase] {
            let pressing: [(cause: Int, rank: Int)] = roadmap.items.indices.filter { roadmap.items[$0].phaseIndex == phase }.compactMap { position in
                let item = roadmap.items[position]
                // An action that took the place of lighter ones is said apart (`tradedPlaces`): it could have waited.
                if roadmap.tradedPlaces.contains(where: { $0.taker == item.recommendation.id }) { return nil }
                // What holds it, as every line of the document that names it says (`RoadmapWording.hold`).
                switch occupancy.holds[position] {
                case .foundation: return (0, item.rank)
                case .deadline: return (1, item.rank)
                case .priority: return (2, item.rank)
                case .linked(let link):
                    partners.insert(roadmap.items[link].rank)
                    return (3, item.rank)
                case .merit: return nil
                }
            }
            guard !pressing.isEmpty else { continue }
            overfilled.append(phase)
            waiting += pressing
        }
        guard !overfilled.isEmpty else { return nil }
        // Consecutive periods are named by the last, which contains them as a time (« d'ici le bilan de mi-mandat »,
        // not « d'ici fin 2027 et d'ici le bilan de mi-mandat »).
        let titles = overfilled.indices.filter { $0 == overfilled.count - 1 || overfilled[$0 + 1] != overfilled[$0] + 1 }
            .map { Self.during(roadmap.calendar.phases[overfilled[$0]]) }
        // Named by number, each group with its cause, as a deferred card names what holds its room: the executive
        // sees which ones. One cause, or one number per cause: « les actions 4 et 5 (tenues par une échéance) », « les actions 4
        // (tenue par une échéance) et 5 (priorité de l'équipe) ». Otherwise each cause first, then its numbers (« les décisions
        // fondatrices (actions 5 et 11), les actions tenues par une échéance (6, 8 et 9) et la priorité de l'équipe (7) »), not
        // « les actions 5 et 11 (…), 6, 8 et 9 (…) et 7 (…) », whose numbers run together (reader30a).
        // What goes with one of those names the actions it goes with (« 8 (liée à l'action 7) »), as a deferred
        // card does: « l'action qui va avec l'une d'elles » left the executive asking which (reader30a).
        // What one of them starts from names it too (« 4 (liée à l'action 5) »).
        let linkedRanks = partners.sorted()
        let linked = linkedRanks.count > 1 ? "aux actions\(Typography.noBreakSpace)\(Typography.numbers(linkedRanks))"
            : "à l'action\(Typography.noBreakSpace)\(Typography.numbers(linkedRanks))"
        let names = [("décision fondatrice", "décisions fondatrices"), ("tenue par une échéance", "tenues par une échéance"),
                     ("priorité de l'équipe", "priorités de l'équipe"), ("liée \(linked)", "liées \(linked)")]
        let nouns = [("la décision fondatrice", "les décisions fondatrices"), ("l'action tenue par une échéance", "les actions tenues par une échéance"),
                     ("la priorité de l'équipe", "les priorités de l'équipe")]
        let groups = names.indices.compactMap { cause -> (cause: Int, ranks: [Int])? in
            let ranks = waiting.filter { $0.cause == cause }.map(\.rank).sorted()
            return ranks.isEmpty ? nil : (cause, ranks)
        }.sorted { $0.ranks[0] < $1.ranks[0] }
        let total = waiting.count
        let causes: String
        if groups.allSatisfy({ $0.ranks.count == 1 }) || groups.count == 1 {
            // One number per cause, or one cause: the numbers then their causes read at once.
            causes = (total > 1 ? "les actions\(Typography.noBreakSpace)" : "l'action\(Typography.noBreakSpace)") + Typography.list(groups.map { group in
                "\(Typography.numbers(group.ranks)) (\(group.ranks.count > 1 ? names[group.cause].1 : names[group.cause].0))"
            })
        } else {
            // « action(s) » once, in the first group's numbers: the others read as numbers of actions too.
            causes = Typography.list(groups.enumerated().map { index, group in
                let several = group.ranks.count > 1
                if group.cause == 3 {
                    // Its link said after its numbers, as in the other form: « l'action 8 (liée à l'action 7) ».
                    return "\(Typography.actions(group.ranks)) (\(several ? names[3].1 : names[3].0))"
                }
                // « les actions tenues par une échéance (4, 5 et 6) » already says « actions » (read39g: « (actions 4, 5 et 6) »).
                let named = index > 0 || group.cause == 1
                let numbers = (named ? "" : several ? "actions\(Typography.noBreakSpace)" : "action\(Typography.noBreakSpace)") + Typography.numbers(group.ranks)
                return "\(several ? nouns[group.cause].1 : nouns[group.cause].0) (\(numbers))"
            })
        }
        let periods = Typography.list(titles)
        // The reinforcement the roadmap itself recruits by then (a health coordinator for the CLS) carries part of the
        // load (« … portera une part de la charge », not « en portera une part », whose « en » read41 could not place):
        // « prévoir un renfort » beside the recruitment of action 5 read as if the tool had not seen it (reader31a).
        let remedy: String
        if let coordinator = recruitedCoordinator(roadmap, by: overfilled.last ?? 0, methodLevers: methodLevers) {
            let name = coordinator.recommendation.shortTitle ?? "le poste de coordination santé"
            // Its number only when the sentence has not just named it among the actions that cannot wait.
            let named = waiting.contains { $0.rank == coordinator.rank }
            remedy = name + (named ? "" : " (action\(Typography.noBreakSpace)\(coordinator.rank))") + " portera une part de la charge."
        } else {
            remedy = relief.remedy
        }
        // Only a deadline cannot wait: a founding decision, a priority's action and what goes with one come first by
        // the team's choice, and « ne peuvent attendre » said of them was untrue (read41).
        let verb = groups.allSatisfy { $0.cause == 1 } ? "ne peu\(total > 1 ? "vent" : "t") attendre" : "passe\(total > 1 ? "nt" : "") d'abord"
        return periods.prefix(1).uppercased() + periods.dropFirst()
            + ", l'équipe ne peut pas tout porter : \(causes) \(verb) ; " + remedy
    }

    /// What relieves a team that cannot carry everything, as page 1 names it: for a commune in a CLS carried by its
    /// intercommunality or a pays, the CLS's coordinator, who runs the contract's actions with its communes (reader36:
    /// « prévoir un renfort » told a one-agent bourg to recruit); for a commune whose intercommunality carries a health
    /// approach, its health mission; for a village with one agent or none, a request to the intercommunality or the
    /// neighbouring communes (read39b: « en confier une part à l'intercommunalité » presumed an intercommunality
    /// that carries no health approach would take it); for a team of
    /// `Capacity.countedStaff` agents or more, the rest put off or a part handed to a partner (plan38: a
    /// métropole of 25 agents is not told to hire one more); otherwise a reinforcement.
    enum Relief {
        case clsCoordinator, intercommunalHealth, intercommunality, largeTeam, reinforcement

        var remedy: String {
            switch self {
            case .clsCoordinator: "s'appuyer sur la coordinatrice ou le coordinateur du CLS."
            case .intercommunalHealth: "en confier une part à la mission santé de l'intercommunalité."
            case .intercommunality: "demander à l'intercommunalité ou aux communes voisines d'en porter une part."
            case .largeTeam: "reporter le reste ou en confier une part à un partenaire."
            case .reinforcement: "prévoir un renfort."
            }
        }

        /// The relief of `profile`, a commune when `isCommune`, a village with one agent or none when `small`, a team
        /// of `Capacity.countedStaff` agents or more when `large`.
        static func of(_ profile: Profile, isCommune: Bool, small: Bool, large: Bool = false) -> Relief {
            let vocabulary = profile.vocabulary
            if isCommune, [.text("en-vigueur"), .text("a-renouveler")].contains(profile.value(clsFact)),
               [.text("intercommunalite"), .text("pays")].contains(profile.value(clsCarrierFact)) {
                return .clsCoordinator
            }
            if isCommune, profile.value(vocabulary.factName(.intercommunalHealth)) == .bool(true) { return .intercommunalHealth }
            return small ? .intercommunality : large ? .largeTeam : .reinforcement
        }
    }

    /// The facts that say where the territory's CLS stands and who carries it.
    static let clsFact = "cls", clsCarrierFact = "clsCarrier"

    /// The fact that says the territory already has a health coordinator.
    static let coordinatorFact = "healthCoordinator"

    /// The founding decision that recruits a health coordinator, placed by `phase` (the last overfilled one), if any:
    /// one that applies here, where the territory has none, and would not with a coordinator in post; not a method step
    /// (the elected referent's technical support, `methodLevers`, is an agent's time, not a recruitment).
    static func recruitedCoordinator(_ roadmap: Roadmap, by phase: Int, methodLevers: Set<String>) -> RoadmapItem? {
        let vocabulary = roadmap.profile.vocabulary
        guard roadmap.profile.facts.value(of: coordinatorFact, in: vocabulary) == .bool(false) else { return nil }
        var staffed = roadmap.profile.facts
        staffed.set(coordinatorFact, to: .bool(true), in: vocabulary)
        return roadmap.items.first {
            $0.selection == .foundation && $0.phaseIndex <= phase && !methodLevers.contains($0.recommendation.lever)
                && $0.recommendation.condition.expression.factNames.contains(coordinatorFact)
                && $0.recommendation.condition.evaluate(staffed) == .false
        }
    }

    /// A phase as the time a sentence opens with, from its title: « Les trois prochains mois » → « dans les trois
    /// prochains mois », « D'ici fin 2027 » → « d'ici fin 2027 », « Jusqu'au bilan de mi-mandat » → « d'ici le bilan
    /// de mi-mandat », « Jusqu'à la fin du mandat » → « d'ici la fin du mandat ». Lower case: the caller capitalizes
    /// the first.
    static func during(_ phase: MandatePhase) -> String {
        let title = phase.title
        if title.hasPrefix("Jusqu'au ") { return "d'ici le " + title.dropFirst("Jusqu'au ".count) }
        if title.hasPrefix("Jusqu'à ") { return "d'ici " + title.dropFirst("Jusqu'à ".count) }
        if title.hasPrefix("Les ") { return "dans les " + title.dropFirst("Les ".count) }
        return title.prefix(1).lowercased() + title.dropFirst()
    }

    /// A deadline the roadmap prints and then misses for want of room (`RoadmapItem.missedDeadline`; its card says
    /// what held the place) is said on page 1 too, where the executive can still decide otherwise: « Faute de place
    /// plus tôt, l'action 10 (la cour « oasis » de l'école) manquera son échéance, sauf à retarder une autre action. »
    /// Each named by its short title when its rule gives one. Nil when every printed deadline is met.
    static func missedDeadlines(_ roadmap: Roadmap) -> String? {
        let missed = roadmap.items.filter { $0.deadline == nil && $0.missedDeadline != nil }
        guard !missed.isEmpty else { return nil }
        let nb = Typography.noBreakSpace
        let named = numberedWithShortTitles(missed)
        return missed.count == 1
            ? "Faute de place plus tôt, l'action\(nb)\(named) manquera son échéance, sauf à retarder une autre action."
            : "Faute de place plus tôt, les actions\(nb)\(named) manqueront leur échéance, sauf à en retarder d'autres."
    }

    /// An action that took the place of lighter ones (`Roadmap.tradedPlaces`) while the mandate then carries more than
    /// the team's capacity says so on page 1, with how much, what gave its place and what to do about it: « L'action 7
    /// (…), mieux notée, prend la place d'une action plus légère, « Nouer un partenariat avec la CPTS », à envisager
    /// ensuite ; la charge du mandat dépasse alors un peu ce que l'équipe peut porter : prévoir un renfort. »
    /// Said as an élu reads it: « une demi-unité d'effort de plus que sa capacité » was the planner's arithmetic (the
    /// portrait keeps the units). « un peu » up to one unit (`Capacity.tradeOverrunHalves`). `relief`: the territory's
    /// (`Relief`), the same advice as a heavy period's; nil when a heavy period's sentence already says that the team
    /// cannot carry it all and what to do — the trade then ends with what gave its place, « …, à envisager
    /// ensuite. », rather than say the overload twice. Nil when no action took
    /// such a place, or when the mandate stays within the capacity.
    static func tradedPlaces(_ roadmap: Roadmap, vocabulary: Vocabulary, relief: Relief?) -> String? {
        guard roadmap.overCapacityHalves > 0 else { return nil }
        let takers = roadmap.tradedPlaces.compactMap { roadmap.item($0.taker) }.sorted { $0.rank < $1.rank }
        guard !takers.isEmpty else { return nil }
        let nb = Typography.noBreakSpace
        let given = roadmap.tradedPlaces.reduce(0) { $0 + $1.given.count }
        // Better scored than what gave its place, or the action of a declared priority that had none of its own.
        let better = roadmap.tradedPlaces.allSatisfy { trade in
            let score = roadmap.item(trade.taker)?.score.total ?? 0
            return trade.given.allSatisfy { given in roadmap.considerLater.first { $0.recommendation.id == given }.map { $0.score.total < score } ?? true }
        }
        let why: String
        if better {
            why = takers.count > 1 ? ", mieux notées," : ", mieux notée,"
        } else if takers.count == 1 {
            why = RoadmapWording.selection(takers[0].selection, vocabulary: vocabulary).map { ", qui \($0)," } ?? ""
        } else {
            why = ", qui répondent à des priorités de l'équipe,"
        }
        let taking = (takers.count > 1 ? "Les actions\(nb)" : "L'action\(nb)") + numberedWithShortTitles(takers) + why
            + (takers.count > 1 ? " prennent" : " prend") + (given > 1 ? " la place d'actions plus légères" : " la place d'une action plus légère")
        // What gave its place, named as « à envisager ensuite » lists it: its short title, or its title up to the
        // first comma or colon, quoted.
        let givenNames = roadmap.tradedPlaces.flatMap(\.given).compactMap { id in
            roadmap.considerLater.first { $0.recommendation.id == id }.map { entry in
                entry.recommendation.shortTitle ?? "«\(nb)\(headOfTitle(entry.recommendation.title))\(nb)»"
            }
        }
        let traded = taking + (givenNames.isEmpty ? "" : ", \(Typography.list(givenNames))") + ", à envisager ensuite"
        guard let relief else { return traded + "." }
        let beyond = roadmap.overCapacityHalves <= 2 ? "dépasse alors un peu" : "dépasse alors"
        return traded + " ; la charge du mandat \(beyond) ce que l'équipe peut porter : " + relief.remedy
    }

    /// A title up to its first comma or colon: « Rapprocher les médecins spécialistes des habitants avec l'hôpital »
    /// for « … avec l'hôpital : consultations avancées, téléexpertise, postes partagés ».
    private static func headOfTitle(_ title: String) -> String {
        let cut = [title.range(of: ", "), title.range(of: " :"), title.range(of: "\u{00A0}:")].compactMap { $0?.lowerBound }.min()
        return cut.map { String(title[..<$0]) } ?? title
    }

    /// A last period that opens at most one new action says why, lest the calendar read as a mandate that stops at
    /// the mid-mandate review: each action weighs most on the period it starts in, and the actions started before
    /// carry on to the end (`Capacity`: a month counts half after the first thirty). Nil when the last period opens
    /// two new actions or more, or when the calendar has fewer than three periods (a late start).
    static func quietLastPhase(_ roadmap: Roadmap) -> String? {
        let phases = roadmap.calendar.phases
        guard phases.count >= 3, !roadmap.items.isEmpty else { return nil }
        let opened = roadmap.items.filter { $0.phaseIndex == phases.count - 1 }.count
        guard opened <= 1 else { return nil }
        return "La dernière période achève surtout les actions engagées : "
            + (opened == 0 ? "aucune nouvelle action n'y commence." : "une seule nouvelle action y commence.")
    }
}
