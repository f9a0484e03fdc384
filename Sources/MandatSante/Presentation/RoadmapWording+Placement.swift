import RuleKit

/// Why an action sits in a later phase than it was meant for, and why a recommendation that applies found no room:
/// the placement and capacity reasons of a roadmap, each worded once for every output.
extension RoadmapWording {
    /// Why an item sits in a later phase than its horizon and its relations ask, nil otherwise: when it starts
    /// (`from`, « à partir de janv. 2028, car »), the actions that took the place before, then why those went first. A prerequisite or a companion
    /// that set the phase is already named by the card's relations (« après « X » (rang 2) »).
    /// `brief`: what the default card says. Over one phase it names the actions that took the place, each of whose
    /// cards says why it goes first (a team priority, a deadline, a founding decision). Over several it names none:
    /// when actions scored lower than this one hold the place, it says what holds them there — « la capacité est
    /// engagée » alone would read as if better actions held it (the médicobus of a ZIP village, 107, after the
    /// village's priorities and the welcome of professionals, 72, due before the expected departures of doctors:
    /// « à partir d'avr. 2029, car jusque-là la place est prise par les actions 5 et 8 (échéance, priorités de l'équipe) »). The better scored holders need no
    /// word: that is what a later start means; the detailed edition lists every cause.
    /// `full`: the detailed edition's (and the JSON's), with every cause (« … déjà pris — décision fondatrice, meilleurs
    /// scores »); where the brief names the weaker holders, the same as the brief.
    /// An action that could not meet its deadline for want of room says so first: « prévue d'ici déc. 2027, avant
    /// les départs de médecins attendus ; elle ne peut commencer qu'en janv. 2028, car jusque-là la place est prise par … » (the
    /// planner gave it the earliest phase after its deadline where the team had room).
    static func placement(_ item: RoadmapItem, in roadmap: Roadmap) -> (brief: String, full: String)? {
        guard let said = deferral(item, in: roadmap) else { return nil }
        // An action that entered in the place of lighter ones (`Roadmap.tradedPlaces`) says so: that is why it is in
        // the roadmap at all, in that phase (the transport to care of a village, in the place of the SAMU
        // correspondents), never that a lighter action « tenait dans le temps restant ».
        // Every edition then says the brief reason and the trade: the detailed card starts with the short one.
        guard let taken = tookPlace(item, in: roadmap) else { return said }
        return (said.brief + taken, said.brief + taken)
    }

    /// « ; elle prend alors la place de « X », plus légère et moins bien notée, à envisager ensuite »: the clause of an
    /// action that took the place of lighter ones at the end of placement (`Roadmap.tradedPlaces`), nil otherwise.
    static func tookPlace(_ item: RoadmapItem, in roadmap: Roadmap) -> String? {
        guard let trade = roadmap.tradedPlaces.first(where: { $0.taker == item.recommendation.id }) else { return nil }
        let given = trade.given.compactMap { roadmap.notPlaced($0) }
        guard !given.isEmpty else { return nil }
        let facts = roadmap.profile.facts
        let titles = Typography.list(given.map { "« \($0.recommendation.title(for: facts)) »" })
        let plural = given.count > 1
        let lower = given.allSatisfy { $0.score.total < item.score.total }
        let what = (plural ? "plus légères" : "plus légère") + (lower ? (plural ? " et moins bien notées" : " et moins bien notée") : "")
        return " ; elle prend alors la place de \(titles), \(what), à envisager ensuite"
    }

    private static func deferral(_ item: RoadmapItem, in roadmap: Roadmap) -> (brief: String, full: String)? {
        guard let (brief, causes) = placementAndCauses(item, in: roadmap) else { return nil }
        if let missed = item.missedDeadline, case .capacity(let wanted) = item.placement {
            let late = "prévue \(deadline(missed)) ; elle ne peut commencer qu'en \(roadmap.calendar.phases[item.phaseIndex].start.shortFrench)"
            // What held the room it was due in, by number and why, in every edition: a horizon printed, then missed,
            // must say what went first (« place prise jusqu'à mars 2029 par les actions 5 (décision fondatrice), 6 et 8
            // (tenue par une échéance), 7 (priorité de l'équipe) et 9, 10, 11 et 12 (mieux classées) »), each of whose cards says its own reason.
            let holders = roadmap.items.indices.filter { (wanted..<item.phaseIndex).contains(roadmap.items[$0].phaseIndex) }
            guard !holders.isEmpty else { return ("\(late), faute de place plus tôt", causes.map { "\(late), faute de place plus tôt — \($0)" } ?? "\(late), faute de place plus tôt") }
            // With what goes with it (`together`), it needs room for the set in one phase: a weaker action that
            // took what the set could not use left « reste trop court », never « ordre de placement ».
            let set = companionSet(item, inPhase: wanted, in: roadmap)
            let held = occupation(holders, of: item.recommendation, score: item.score.total, in: roadmap, occupancy: Occupancy(roadmap),
                                  short: true, setHalves: set?.halves, forDeadline: true)
            let named = "\(late), car jusque-là la place est prise par \(held)" + (set.map { " ; \($0.need)" } ?? "")
            return (named, named)
        }
        if case .capacity(let wanted) = item.placement, let overflow = overflow(item, wanted: wanted, in: roadmap) ?? roomKept(item, wanted: wanted, in: roadmap) {
            let said = from(item, in: roadmap) + overflow
            return (said, said)
        }
        let opened = from(item, in: roadmap) + brief
        let full = causes.map { "\(opened) — \($0)" } ?? opened
        guard case .capacity(let wanted) = item.placement, item.phaseIndex - wanted > 1 else { return (opened, full) }
        // A weaker holder kept for its score alone (nothing placed waits for it or goes with it) is named only where its
        // room, with what its phase has left, would have held this action: in a phase too short for its effort, it took
        // nothing this action could use (« plus légère, elle tenait dans le temps restant » was then untrue).
        // A weaker holder of an earlier phase than the one just before the card's is named only when it took the
        // card's place: without it, that phase would have held the card within the team's capacity. In a phase
        // loaded far beyond it (Valmont's 2027, seven units for three), or before the phase a prerequisite of the
        // card takes, it took nothing the card could use (reader36: Valmont's housing card named a survey due in
        // 2027 for a start in April 2029). Never in a period its own actions leave with room: that room went to an
        // earlier period's surplus (`ContentReading17Tests`).
        let occupancy = Occupancy(roadmap), linkers = occupancy.linkers
        let used = roadmap.halfUnitsUsed
        var opening = wanted
        for prerequisite in item.prerequisites {
            if let phase = roadmap.item(prerequisite)?.phaseIndex { opening = max(opening, phase) }
        }
        let weaker = roadmap.items.indices.filter {
            let holder = roadmap.items[$0]
            let phase = holder.phaseIndex
            let need = Capacity.halfUnits(of: item.recommendation, inPhase: phase)
            let capacity = 2 * roadmap.capacity.unitsPerPhase[phase]
            // A period whose own actions leave room lent it to an earlier period's surplus: its holders took nothing.
            return (opening..<item.phaseIndex).contains(phase) && holder.score.total < item.score.total && used[phase] >= capacity
                && (phase == item.phaseIndex - 1 || capacity - used[phase] + holder.halfUnits >= need)
                && (holder.selection != .merit || holder.deadline != nil || !linkers[$0].isEmpty
                    || holder.halfUnits + max(0, roadmap.halfUnitsLeft[phase]) >= need)
        }
        guard !weaker.isEmpty else { return (opened, full) }
        // The numbers of those weaker holders, each with what holds it there, so that the reader can check each
        // card's reason — phase by phase (`heldPhaseByPhase`): « jusque-là la place est prise par l'action 7 (à
        // échéance) » read as if action 7, due in Dec. 2027, held the team until April 2029 (reader34).
        // The detailed edition and the JSON say the same: one reason whatever the format (the causes of the better
        // scored holders would repeat those of the weaker ones: « actions à échéance… — échéances… »).
        let named = from(item, in: roadmap) + heldPhaseByPhase(item, weaker: weaker, from: opening, in: roadmap, occupancy: occupancy)
        return (named, named)
    }

    /// What held each phase from `wanted` up to the item's own, said in the order of time. A phase with a weaker
    /// holder that took the card's place, and each phase after it, is named by all its actions, each with what holds
    /// it (`occupation`, `hold`), as every card of the roadmap names that phase: « d'ici fin 2027 la place est prise
    /// par les actions 5 à 8, qui passent avant elle, puis d'ici le bilan de mi-mandat par les actions 9 et 11
    /// (tenues par une échéance) et 10 (mieux classée) » (La Réunion's prevention project, 96, deferred to April
    /// 2029). Naming only the weaker holders (« par l'action 6 (liée à l'action 7) ») read as if action 6 alone held
    /// 2027, which another card named « les actions 5 à 8 » (read40b). Consecutive phases of better scored holders are
    /// said once, with the period of the last; those before the first weaker holder go unsaid: that is what a later
    /// start means.
    private static func heldPhaseByPhase(_ item: RoadmapItem, weaker: [Int], from wanted: Int, in roadmap: Roadmap, occupancy: Occupancy) -> String {
        let phases = roadmap.calendar.phases
        // Groups of consecutive phases: a phase with weaker holders alone, phases of better scored holders together.
        var groups: [(phases: [Int], weaker: [Int])] = []
        for phase in wanted..<item.phaseIndex {
            let own = weaker.filter { roadmap.items[$0].phaseIndex == phase }
            if own.isEmpty, let last = groups.last, last.weaker.isEmpty {
                groups[groups.count - 1].phases.append(phase)
            } else {
                groups.append(([phase], own))
            }
        }
        // Phases held by better scored actions before the first weaker holder need no word: that is what a later
        // start means (« dans les trois prochains mois la place est prise par des actions mieux classées, puis … » only
        // lengthened the line); after it, they say why the card waits past that holder's phase.
        if let first = groups.firstIndex(where: { !$0.weaker.isEmpty }) { groups.removeFirst(first) }
        // Each period named by all its actions, each with what holds it (`hold`), as every card that names that period
        // names it: « par l'action 6 (liée à l'action 7) » on one card and « par les actions 5 à 8 » on another, for
        // the same 2027, read as if action 6 alone held it (read40b).
        let parts = groups.enumerated().map { number, group -> String in
            let positions = roadmap.items.indices.filter { group.phases.contains(roadmap.items[$0].phaseIndex) }
            // With what goes with it, the card needs room for the set: a weaker action lighter than the set took a
            // rest too short for it (the junior doctors with the MSP they join), never « placée avant ».
            let set = companionSet(item, inPhase: group.phases[0], in: roadmap)
            let holders = positions.isEmpty ? "des actions déjà retenues"
                : occupation(positions, of: item.recommendation, score: item.score.total, in: roadmap, occupancy: occupancy, short: true, setHalves: set?.halves)
            let during = group.phases.map { ExecutiveSynthesis.during(phases[$0]) }
            // « d'ici fin 2027 » says up to when: a group of several phases is said by its last.
            let until = during[during.count - 1]
            if number == 0 { return "\(until) la place est prise par \(holders)" }
            // The last group says its period too: « puis par l'action 9 » left the council asking until when (reader39g).
            return "puis \(until) par \(holders)"
        }
        return parts.joined(separator: ", ")
    }

    /// How a deferred card's « Calendrier » line opens: when the action starts, then why not before (« à partir de
    /// janv. 2028, car d'ici fin 2027 la place est prise par les actions 5 à 8 ») — a time, as a council reads a
    /// calendar, rather than « reportée de « D'ici fin 2027 » », the phase's title quoted in a sentence.
    static func from(_ item: RoadmapItem, in roadmap: Roadmap) -> String {
        let month = roadmap.calendar.phases[item.phaseIndex].start.shortFrench
        // « à partir d'avr. 2029 », « d'août 2028 »: elided before a vowel.
        return (month.first.map { "aeiouâéè".contains($0) } == true ? "à partir d'" : "à partir de ") + month + ", car "
    }

    /// Whether a « Calendrier » line opens with when the action starts (`from`).
    static func opensWithStart(_ line: String) -> Bool {
        line.hasPrefix("à partir de ") || line.hasPrefix("à partir d'")
    }

    /// The reason of an action deferred although a phase on its way had room enough of its own for it: that room
    /// went to what an earlier phase carries beyond the team's capacity (`Capacity.halfUnitsLeft`). Naming the
    /// actions of the phases between would be untrue — the reader who adds up that phase finds a free unit (La
    /// Réunion's junior doctors, « place prise jusqu'à mars 2029 par l'action 5 », while the mid-mandate phase
    /// used four units of five): « jusque-là l'équipe achève le travail prévu d'ici fin 2027, qui dépasse ce qu'elle
    /// peut porter dans ce délai » (after `from`; « le surplus de travail … occupe l'équipe jusque-là » and « … déborde
    /// jusque-là » read as jargon, reader39a, read40a). Nil when no phase had that room.
    static func overflow(_ item: RoadmapItem, wanted: Int, in roadmap: Roadmap) -> String? {
        let used = roadmap.halfUnitsUsed
        let capacity = roadmap.capacity.unitsPerPhase.map { 2 * $0 }
        // The first phase on its way that had the room, and the phases before it that carry more than theirs.
        guard let roomy = (wanted..<item.phaseIndex).first(where: {
            capacity[$0] - used[$0] >= Capacity.halfUnits(of: item.recommendation, inPhase: $0)
        }) else { return nil }
        let overfilled = (0..<roomy).filter { used[$0] > capacity[$0] }
        guard !overfilled.isEmpty else { return nil }
        let phases = roadmap.calendar.phases
        // What fills the team until then, said plainly: « déborde jusque-là » read as jargon (read40a).
        return "jusque-là l'équipe achève le travail prévu \(Typography.list(overfilled.map { ExecutiveSynthesis.during(phases[$0]) })), qui dépasse ce qu'elle peut porter dans ce délai"
    }

    /// The reason of an action deferred past a phase that kept room enough of its own for it, with no earlier surplus
    /// to take that room: what really held it there, never « place prise » or « le temps de l'équipe est déjà pris », which the
    /// reader who adds up that phase finds false. Three causes, in the planner's order:
    /// - the first phase holds at most four actions whatever their cost (`Capacity.firstPhaseActions`): « dans les
    ///   trois prochains mois la place est limitée à quatre actions, déjà retenues (actions 1 à 4) » (a
    ///   late start's first phase of five months, « Jusqu'au bilan de mi-mandat », holding six half-units of ten);
    /// - it goes with other actions (`together`) and the set needs more than that room in one phase: « avec l'action
    ///   8, qui va avec elle, elle demande 3 unités dans une même phase, et aucune n'en a autant jusque-là »;
    /// - a later phase carries more than the team's capacity and takes its surplus from that room
    ///   (`Capacity.halfUnitsLeft`): « le travail prévu d'ici le bilan de mi-mandat dépasse ce que l'équipe peut porter et prend la place restante
    ///   d'ici fin 2027 ».
    /// Each said after `from`, which the caller adds.
    /// Nil when no phase had that room, when an earlier phase's surplus took it (`overflow`), or for another cause.
    static func roomKept(_ item: RoadmapItem, wanted: Int, in roadmap: Roadmap) -> String? {
        let used = roadmap.halfUnitsUsed
        let capacity = roadmap.capacity.unitsPerPhase.map { 2 * $0 }
        guard let roomy = (wanted..<item.phaseIndex).first(where: {
            capacity[$0] - used[$0] >= Capacity.halfUnits(of: item.recommendation, inPhase: $0)
        }), !(0..<roomy).contains(where: { used[$0] > capacity[$0] }) else { return nil }
        let phases = roadmap.calendar.phases
        let nb = Typography.noBreakSpace
        let first = roadmap.items.filter { $0.phaseIndex == 0 }.map(\.rank)
        if roomy == 0, first.count >= Capacity.firstPhaseActions {
            let most = Capacity.firstPhaseActions == 4 ? "quatre" : "\(Capacity.firstPhaseActions)"
            // « actions 1 à 4 » when they follow each other (ranks are by phase, so they usually do).
            let contiguous = first.count > 2 && first[first.count - 1] - first[0] + 1 == first.count
            let ranks = contiguous ? "actions\(nb)\(first[0])\(nb)à\(nb)\(first[first.count - 1])" : "actions\(nb)\(Typography.numbers(first))"
            let limited = "\(ExecutiveSynthesis.during(phases[0])) la place est limitée à \(most) actions, déjà retenues (\(ranks))"
            guard item.phaseIndex > 1 else { return limited }
            // Past the first phase, what held the next ones, said as for any action deferred from there.
            var rest = item
            rest.placement = .capacity(wanted: 1)
            let opening = from(item, in: roadmap)
            guard let next = placement(rest, in: roadmap)?.brief, next.hasPrefix(opening) else { return limited }
            return limited + " ; puis " + next.dropFirst(opening.count)
        }
        let mostRoom = (wanted..<item.phaseIndex).map { capacity[$0] - used[$0] }.max() ?? 0
        if let set = companionSet(item, inPhase: roomy, in: roadmap), set.halves > mostRoom {
            return "\(set.need), et aucune n'en a autant jusque-là"
        }
        let later = ((roomy + 1)..<phases.count).filter { used[$0] > capacity[$0] }
        guard roadmap.halfUnitsLeft[roomy] < Capacity.halfUnits(of: item.recommendation, inPhase: roomy), !later.isEmpty else { return nil }
        let times = Typography.list(later.map { ExecutiveSynthesis.during(phases[$0]) })
        return "le travail prévu \(times) dépasse ce que l'équipe peut porter et prend la place restante \(ExecutiveSynthesis.during(phases[roomy]))"
    }

    /// What an item needs with the placed actions that go with it (`together`) in one phase `phase`, and that need
    /// said: « avec l'action 8, qui va avec elle, elle demande 3 unités dans une même phase ». Nil when it has none.
    private static func companionSet(_ item: RoadmapItem, inPhase phase: Int, in roadmap: Roadmap) -> (halves: Int, need: String)? {
        let companions = roadmap.items.filter { item.together.contains($0.recommendation.id) }
        guard !companions.isEmpty else { return nil }
        let halves = companions.reduce(Capacity.halfUnits(of: item.recommendation, inPhase: phase)) {
            $0 + Capacity.halfUnits(of: $1.recommendation, inPhase: phase)
        }
        let goes = companions.count > 1 ? "qui vont" : "qui va"
        return (halves, "avec \(Typography.actions(companions.map(\.rank))), \(goes) avec elle, elle demande "
            + "\(Typography.count((halves + 1) / 2, "unité")) dans une même phase")
    }

    private static func placementAndCauses(_ item: RoadmapItem, in roadmap: Roadmap) -> (brief: String, causes: String?)? {
        let phases = roadmap.calendar.phases
        switch item.placement {
        case .horizon, .prerequisite, .together: return nil
        case .smoothed(let from):
            // One reason, the same on the short card, the detailed card and in the JSON.
            // « déjà au complet » would read as « nobody is missing » (reader30a): it is the team's time that is taken.
            return ("\(ExecutiveSynthesis.during(phases[from])) le temps de l'équipe est déjà pris", nil)
        case .yielded(let from, let to, let priority):
            // The action it made room for, by its number, and the team's priority that action answers.
            let rank = roadmap.items.first { $0.recommendation.id == to }?.rank
            let vocabulary = roadmap.profile.vocabulary
            let action = rank.map { "l'action\(Typography.noBreakSpace)\($0)" } ?? "une action"
            guard let priority else {
                return ("\(ExecutiveSynthesis.during(phases[from])) la place va à \(action), elle-même décalée pour une priorité de l'équipe", nil)
            }
            let chosen = RoadmapWording.priority(priority, vocabulary: vocabulary)
            // Moved on past the next phase too: the phases between had no room either, said lest the reader look for it.
            // « puis, d'ici le bilan de mi-mandat, le temps de l'équipe est déjà pris »: the phase between named
            // (« puis jusque-là la capacité de l'équipe est engagée » did not say until when, reader30b).
            let then = item.phaseIndex - from > 1
                ? ", puis, \(ExecutiveSynthesis.during(phases[item.phaseIndex - 1])), le temps de l'équipe est déjà pris" : ""
            return ("\(ExecutiveSynthesis.during(phases[from])) la place va à \(action), réponse à la \(chosen)" + then, nil)
        case .capacity(let wanted):
            // Every phase from the one it was meant for up to its own was full. Over one phase, its actions are
            // named; over several, the numbers would run into phases it never asked for: the date says it.
            let positions = roadmap.items.indices.filter { (wanted..<item.phaseIndex).contains(roadmap.items[$0].phaseIndex) }
            guard !positions.isEmpty else {
                return ("aucune phase plus tôt n'a de place pour un effort \(item.recommendation.effort.rawValue)", nil)
            }
            let occupancy = Occupancy(roadmap)
            let causes = occupation(positions, of: item.recommendation, score: item.score.total, in: roadmap, occupancy: occupancy)
            // Over one phase whose own actions leave room, the room went to what earlier phases started beyond
            // theirs: naming that phase's actions would be untrue (« place prise par l'action 12 » in a phase using
            // two units of six).
            let ownRoomLeft = roadmap.halfUnitsUsed[wanted] < 2 * roadmap.capacity.unitsPerPhase[wanted]
            guard item.phaseIndex - wanted == 1, !ownRoomLeft else {
                // The team's time, as the other reasons say it (« la capacité … est engagée » is the planner's word).
                return ("jusque-là le temps de l'équipe est déjà pris", causes)
            }
            // Named as every card names that period's holders, each with what holds it (`hold`).
            let actions = occupation(positions, of: item.recommendation, score: item.score.total, in: roadmap, occupancy: occupancy, short: true,
                                     setHalves: companionSet(item, inPhase: wanted, in: roadmap)?.halves)
            // Each holder says its cause already: the detailed edition and the JSON say the same line, not « … —
            // priorités de l'équipe » after « (priorités de l'équipe) ».
            return ("\(ExecutiveSynthesis.during(phases[wanted])) la place est prise par \(actions)", nil)
        }
    }

    /// Why an action better scored than a declared priority's, kept in its place, waits: the one wording of the
    /// exception to merit first (short text, detailed card and JSON).
    static let afterPrioritiesWords = "faute de place, après les actions retenues pour les priorités de l'équipe"

    /// Why an action that gave its place to an action that clearly outscores it, or answers a declared priority with no
    /// action of its own (`Roadmap.tradedPlaces`), is « à envisager ensuite »: « sa place va à l'action 7, mieux
    /// notée ». Nil for any other entry.
    static func gaveWay(_ entry: LeftOutRecommendation, in roadmap: Roadmap, vocabulary: Vocabulary) -> (taker: RoadmapItem, why: String)? {
        let id = entry.recommendation.id
        guard let trade = roadmap.tradedPlaces.first(where: { $0.given.contains(id) }), let taker = roadmap.item(trade.taker) else { return nil }
        if taker.score.total > entry.score.total { return (taker, "mieux notée") }
        return (taker, selection(taker.selection, vocabulary: vocabulary).map { "qui \($0)" } ?? "mieux placée")
    }

    /// Why an action that applies found no room: what holds the phases it could take, said as it is — never
    /// « mieux classées » when it is better scored than an action kept — and, when room is left there, that it
    /// is too little for its effort.
    /// `occupancy`: the roadmap's, when its caller words many entries of the same roadmap.
    static func noCapacity(_ entry: LeftOutRecommendation, in roadmap: Roadmap, isMethod: Bool, occupancy known: Occupancy? = nil) -> String {
        // It was in the roadmap, and gave its place to a heavier action that clearly outscores it: said as it is.
        if let (taker, why) = gaveWay(entry, in: roadmap, vocabulary: roadmap.profile.vocabulary) {
            let nb = Typography.noBreakSpace
            // Given from an earlier phase (a trade across phases), it gave the mandate's time, not that phase's place.
            let trade = roadmap.tradedPlaces.first { $0.given.contains(entry.recommendation.id) }
            let from = trade.flatMap { trade in trade.given.firstIndex(of: entry.recommendation.id).flatMap { trade.from.indices.contains($0) ? trade.from[$0] : nil } }
            let place = from.map { $0 != taker.phaseIndex } == true ? "" : " dans « \(roadmap.calendar.phases[taker.phaseIndex].title) »"
            return "s'applique, mais cède sa place\(place) à l'action\(nb)\(taker.rank), \(why)"
                + " (\(taker.score.total) contre \(entry.score.total)), d'un effort \(taker.recommendation.effort.rawValue) : l'équipe ne peut pas porter les deux"
        }
        let occupancy = known ?? Occupancy(roadmap)
        let phases = roadmap.calendar.phases
        var earliest = min(roadmap.calendar.phaseIndex(for: entry.recommendation.horizon), phases.count - 1)
        let latest = PlanningWindow.latestPhase(of: entry.recommendation, isMethod: isMethod, in: roadmap.calendar)
        // A weak action kept for its merit alone does not start in the first quarter (`Capacity.firstPhaseMerit`).
        if earliest == 0, latest > 0, Capacity.waitsPastFirstPhase(merit: entry.score.total, isFoundation: entry.recommendation.isFoundation,
                                                                   isDated: entry.recommendation.deadline != nil) { earliest = 1 }
        let positions = roadmap.items.indices.filter { (earliest...max(earliest, latest)).contains(roadmap.items[$0].phaseIndex) }
        // A companion (`together`) that waits too: the two claim one phase together, and the weaker actions kept
        // free less than the set asks (the junior doctors, 80, with the MSP they would join, 70, while the seniors'
        // council, 75, is kept): said as it is, never « placées avant elle ».
        let id = entry.recommendation.id
        let companion = roadmap.considerLater.first {
            $0.reason == .noCapacity && ($0.recommendation.together.contains(id) || entry.recommendation.together.contains($0.recommendation.id))
        }
        let set = companion.map { "« \($0.recommendation.title(for: roadmap.profile.facts)) », qui va avec elle et reste à envisager ensuite" }
        let holders = occupation(positions, of: entry.recommendation, score: entry.score.total, in: roadmap, occupancy: occupancy,
                                 asList: true, waitingWith: set)
        let span = latest >= phases.count - 1
            ? (earliest == latest ? "en fin de mandat" : "de « \(phases[earliest].title) » à la fin du mandat")
            : (earliest == latest ? "dans « \(phases[earliest].title) »" : "de « \(phases[earliest].title) » à « \(phases[latest].title) »")
        let leftOver = (earliest...max(earliest, latest)).contains { roadmap.halfUnitsLeft[$0] > 0 }
        // The stated exception to merit first: the action of a declared priority, less scored and of no smaller
        // effort, holds a phase it could have taken.
        let afterPriorities = positions.contains { position in
            let item = roadmap.items[position]
            guard case .priority = item.selection, item.score.total < entry.score.total else { return false }
            return item.halfUnits >= Capacity.halfUnits(of: entry.recommendation, inPhase: item.phaseIndex)
        }
        var text = afterPriorities
            ? "s'applique, mais est à envisager ensuite \(Self.afterPrioritiesWords) : \(span), elle est prise par \(holders)"
            : "s'applique, mais ne tient pas dans la capacité de l'équipe : \(span), elle est prise par \(holders)"
        if leftOver { text += " ; ce qui reste ne suffit pas pour un effort \(entry.recommendation.effort.rawValue)" }
        // Lower-scored actions kept outside its window (a quick step of the first months, where an action of the
        // coming year cannot start yet): the reader who sees them kept learns why they are no cause.
        // (A founding decision is its own cause, said on its card.)
        let outside = roadmap.items.filter {
            !(earliest...max(earliest, latest)).contains($0.phaseIndex) && $0.score.total < entry.score.total && $0.selection != .foundation
        }
        let before = outside.filter { $0.phaseIndex < earliest }, after = outside.filter { $0.phaseIndex > latest }
        let lower = { (items: [RoadmapItem]) in "\(Typography.actions(items.map(\.rank))), moins bien notée\(items.count > 1 ? "s" : "")" }
        if !before.isEmpty {
            let kept = before.count > 1 ? "sont retenues" : "est retenue"
            text += Set(before.map(\.phaseIndex)).count == 1
                ? " ; \(lower(before)), \(kept) dans « \(phases[before[0].phaseIndex].title) », où celle-ci ne peut pas encore commencer"
                : " ; \(lower(before)), \(kept) plus tôt, quand celle-ci ne peut pas encore commencer"
        }
        if !after.isEmpty, latest < phases.count - 1 {
            text += " ; \(lower(after)), \(after.count > 1 ? "viennent" : "vient") après « \(phases[latest].title) », quand celle-ci n'aurait plus lieu d'être"
        }
        return text
    }
}
