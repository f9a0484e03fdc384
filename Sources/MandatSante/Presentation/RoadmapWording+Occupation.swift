import RuleKit

/// What holds the room an action wanted: the actions that took it, each with its cause (a founding decision, a
/// deadline, a team priority, a better score, a link to one of those, or a lighter action that took the rest), said
/// for a deferred card's brief line, a detailed reason or a left-out line.
extension RoadmapWording {
    /// Why the actions that fill a phase went there before `item`, each cause said once, in the planner's order
    /// of claims: « décision fondatrice, échéance, meilleurs scores ».
    /// `asList`: as the holders of a left-out action's room (« les décisions fondatrices, des actions tenues par une échéance
    /// et l'action 11, qui a pris le reste, trop court pour un effort moyen »).
    /// `occupants`: positions in `roadmap.items`; `occupancy`: `Occupancy(roadmap)`, made once for the roadmap.
    /// `short`: a card's brief line, the holders numbered and grouped by what holds each there (« les actions 7
    /// (tenue par une échéance) et 8 (plus légère, elle tenait dans le temps restant) »): a list of causes after a list of numbers
    /// left the élu to guess which was which.
    /// `setHalves`: the half-units the action needs with its companions in one phase, when it has some: a weaker
    /// occupant lighter than the set took a rest too short for it.
    /// `waitingWith`: a companion that waits too (« « X », qui va avec elle et reste à envisager ensuite »): the
    /// lower-scored actions kept are then named as freeing too little room for the two together.
    /// `forDeadline`: the action claimed that room for a deadline it then missed: each cause is kept, never said
    /// together.
    /// What holds an occupant is its own (`hold`), the same wherever the document names it; only an action kept for
    /// its score is said against this one's: better scored, its prerequisite (« à faire avant elle »), gone first for
    /// another (« liée à l'action 10 »), or lighter.
    static func occupation(_ occupants: [Int], of recommendation: Recommendation, score: Int, in roadmap: Roadmap, occupancy: Occupancy,
                           asList: Bool = false, short: Bool = false, waitingWith: String? = nil, setHalves: Int? = nil,
                           forDeadline: Bool = false) -> String {
        enum Cause: Int, CaseIterable {
            case foundation, deadline, priority, betterScored, equallyScored, linked, earlier, prerequisite
            func holders(_ count: Int) -> String {
                switch self {
                case .prerequisite: return count > 1 ? "des actions à faire avant elle" : "une action à faire avant elle"
                case .foundation: return count > 1 ? "les décisions fondatrices" : "une décision fondatrice"
                case .deadline: return count > 1 ? "des actions tenues par une échéance" : "une action tenue par une échéance"
                case .priority: return count > 1 ? "les actions des priorités de l'équipe" : "l'action d'une priorité de l'équipe"
                case .betterScored: return count > 1 ? "des actions mieux classées" : "une action mieux classée"
                case .equallyScored: return count > 1 ? "des actions aussi bien notées" : "une action aussi bien notée"
                case .linked: return count > 1 ? "des actions liées à une action prioritaire" : "une action liée à une action prioritaire"
                case .earlier: return count > 1 ? "des actions placées avant elle" : "une action placée avant elle"
                }
            }
            /// What holds the numbered actions of a card's brief line (« actions 4 et 5 (tenues par une échéance) »):
            /// « à échéance » read as « échue », already past (read40b).
            func brief(_ count: Int) -> String {
                let plural = count > 1 ? "s" : ""
                switch self {
                case .prerequisite: return "à faire avant elle"
                case .foundation: return "décision\(plural) fondatrice\(plural)"
                case .deadline: return "tenue\(plural) par une échéance"
                case .priority: return "priorité\(plural) de l'équipe"
                case .betterScored: return "mieux classée\(plural)"
                case .equallyScored: return "aussi bien notée\(plural)"
                case .linked: return "liée\(plural) à une action prioritaire"
                case .earlier: return "placée\(plural) avant"
                }
            }
            func words(_ count: Int) -> String {
                let plural = count > 1 ? "s" : ""
                switch self {
                case .prerequisite: return "préalable\(plural)"
                case .foundation: return "décision\(plural) fondatrice\(plural)"
                case .deadline: return "échéance\(plural)"
                case .priority: return "priorité\(plural) de l'équipe"
                case .betterScored: return "meilleur\(plural) score\(plural)"
                case .equallyScored: return count > 1 ? "scores égaux" : "score égal"
                case .linked: return "lien\(plural) avec une action prioritaire"
                case .earlier: return "ordre de placement"
                }
            }
        }
        let items = roadmap.items, linkers = occupancy.linkers
        var ranks = [[Int]](repeating: [], count: Cause.allCases.count)
        var lighter: [Int] = []
        var weaker: [Int] = []
        var linkedTo: Set<Int> = []
        // The occupant read in place (`items[position]`), not bound to a copy: a left-out line of a JSON roadmap
        // classes some ten occupants, and copying each item cost more than classing it.
        /// The action that the one at `position` goes first for, directly or through another, when that action is
        /// scored as well as this one or better or held by a cause of its own in a later phase (a prerequisite of a priority's
        /// action of 2028, in 2027).
        func betterLinked(_ position: Int) -> Int? {
            var seen: Set<Int> = [position]
            var next = [position]
            while let current = next.popLast() {
                for other in linkers[current] where seen.insert(other).inserted {
                    guard items[other].recommendation.id != recommendation.id else { continue }
                    if items[other].score.total >= score || occupancy.holds[other] != .merit { return other }
                    next.append(other)
                }
            }
            return nil
        }
        // What this action itself waits for, directly or through another (the CLS after its diagnostic): a weaker
        // holder it needs first is said as such (« 6 (à faire avant elle) »), never « placée avant ».
        var needed: Set<String> = []
        var pending = recommendation.after
        while let id = pending.popLast() {
            guard needed.insert(id).inserted else { continue }
            pending += roadmap.item(id)?.prerequisites ?? []
        }
        for position in occupants {
            let rank = items[position].rank
            // What holds an occupant is its own (`hold`), the same on every line that names it; only an action kept for
            // its merit is said against this one's score.
            var own: Cause?
            switch occupancy.holds[position] {
            case .foundation: own = .foundation
            case .deadline: own = .deadline
            case .priority: own = .priority
            case .linked(let link):
                own = .linked
                linkedTo.insert(items[link].rank)
            case .merit:
                let other = items[position].score.total
                own = other > score ? .betterScored : other == score ? .equallyScored : nil
                // A weaker one that goes first for a better scored action, or for one held by its own cause, kept its
                // turn for it (« 9 (liée à l'action 10) »), never « placée avant ».
                if own == nil, needed.contains(items[position].recommendation.id) {
                    own = .prerequisite
                } else if own == nil, let link = betterLinked(position) {
                    own = .linked
                    linkedTo.insert(items[link].rank)
                }
            }
            if let cause = own {
                ranks[cause.rawValue].append(rank)
            } else if asList, waitingWith != nil {
                weaker.append(rank)
            } else if items[position].halfUnits < setHalves ?? Capacity.halfUnits(of: recommendation, inPhase: items[position].phaseIndex) {
                lighter.append(rank)
            } else {
                ranks[Cause.earlier.rawValue].append(rank)
            }
        }
        // A closure, not the key path `\.count`: here the key path is read through the runtime (`swift_getAtKeyPath`,
        // some 700 instructions a count).
        let counts = ranks.map { $0.count }
        let present = Cause.allCases.filter { counts[$0.rawValue] > 0 }
        if short {
            // One group per cause, in the order of their numbers: « les actions 3 (décision fondatrice), 4 et 7 (à
            // échéance) et 12 (plus légère, elle tenait dans le temps restant) » — a lighter action of lower
            // score claimed after this one, in what was left, too little for this one's effort: said as the
            // territory's reason (the team's time left was enough for it), not as the planner's mechanics.
            // An action linked to another says to which (« liée à l'action 6 »): « liée à une action prioritaire »
            // left the élu asking which one (reader30b).
            var groups = present.map { cause -> (ranks: [Int], cause: String) in
                let plural = counts[cause.rawValue] > 1 ? "s" : ""
                let said = cause == .linked && !linkedTo.isEmpty
                    ? "liée\(plural) " + (linkedTo.count > 1 ? "aux actions\(Typography.noBreakSpace)\(Typography.numbers(linkedTo.sorted()))"
                                                      : "à l'action\(Typography.noBreakSpace)\(Typography.numbers(Array(linkedTo)))")
                    : cause.brief(counts[cause.rawValue])
                return (ranks[cause.rawValue].sorted(), said)
            }
            // Many actions that cannot wait, for many causes, are named as such: « les actions 3 et 10 (liées aux
            // actions 4 et 11), 4 (décision fondatrice), 5 et 11 (tenues par une échéance) et 7 et 8 (priorités de l'équipe) » was
            // more than a card's line can carry (reader31b); each of their cards says its own cause.
            // Three causes or more among what cannot wait and what is better scored are said together, after the
            // numbers: « les actions 5 à 8, qui passent avant elle » (each of their cards says its own cause), then
            // any weaker action kept for its score by its number and cause (« et 9 et 10 (plus légères, elles
            // tenaient dans le temps restant) »). A period then reads the same on every card that names it
            // (« l'action 6 (liée à l'action 7) » on one card and « les actions 5 à 8 » on another, for the same 2027,
            // read as if action 6 alone held it, read40b).
            let pressing: Set<Cause> = [.foundation, .deadline, .priority, .linked, .prerequisite]
            let held = present.filter { pressing.contains($0) || $0 == .betterScored || $0 == .equallyScored }
            // A missed deadline keeps each cause: the executive weighs which one to delay (page 1, « sauf à retarder
            // une autre action »).
            if !forDeadline, held.count >= 3 {
                let numbers = held.flatMap { ranks[$0.rawValue] }.sorted()
                // One relation true of each of them, whatever its cause: « qui ne peuvent attendre » was untrue of a
                // diagnostic or a partnership, and « ne peuvent attendre ou sont mieux classées » did not say which
                // (read41).
                let said = "les actions\(Typography.noBreakSpace)\(Typography.span(numbers)), qui passent avant elle"
                var rest = counts[Cause.earlier.rawValue] > 0 ? [(ranks: ranks[Cause.earlier.rawValue].sorted(), cause: Cause.earlier.brief(counts[Cause.earlier.rawValue]))] : []
                if !lighter.isEmpty { rest.append((lighter.sorted(), lighter.count > 1 ? "plus légères, elles tenaient dans le temps restant" : "plus légère, elle tenait dans le temps restant")) }
                return rest.isEmpty ? said : said + ", et " + Typography.list(rest.sorted { $0.ranks[0] < $1.ranks[0] }.map { "\(Typography.numbers($0.ranks)) (\($0.cause))" })
            }
            if !lighter.isEmpty { groups.append((lighter.sorted(), lighter.count > 1 ? "plus légères, elles tenaient dans le temps restant" : "plus légère, elle tenait dans le temps restant")) }
            groups.sort { $0.ranks[0] < $1.ranks[0] }
            guard groups.count > 1 else {
                return groups.first.map { "\(Typography.actions($0.ranks)) (\($0.cause))" } ?? "les actions déjà retenues"
            }
            let parts = groups.map { "\(Typography.numbers($0.ranks)) (\($0.cause))" }
            // A last group of several numbers has its own « et »: a comma before it, « 8 (priorité de l'équipe), 10 et
            // 11 (tenue par une échéance) », not « 8 (…) et 10 et 11 (…) » (reader40a).
            let last = (groups.last?.ranks.count ?? 0) > 1 ? ", " : " et "
            return "les actions\(Typography.noBreakSpace)" + parts.dropLast().joined(separator: ", ") + last + (parts.last ?? "")
        }
        // A lighter action of lower score is no cause: it claimed after this one, in what was left, too little for
        // this one's effort; said with its number (« l'action 11 a pris le reste, trop court pour un effort moyen »).
        let tookRestWords = "\(lighter.count > 1 ? "ont" : "a") pris le reste, trop court pour un effort \(recommendation.effort.rawValue)"
        let tookRest = lighter.isEmpty ? nil : "\(Typography.actions(lighter.sorted())) \(tookRestWords)"
        guard asList else {
            let causes = present.map { $0.words(counts[$0.rawValue]) }.joined(separator: ", ")
            guard let tookRest else { return causes }
            return causes.isEmpty ? tookRest : "\(causes) ; \(tookRest)"
        }
        var parts = present.map { $0.holders(counts[$0.rawValue]) }
        if !lighter.isEmpty {
            parts.append("\(Typography.actions(lighter.sorted())), qui \(tookRestWords)")
        }
        if let waitingWith, !weaker.isEmpty {
            let plural = weaker.count > 1
            parts.append("\(Typography.actions(weaker.sorted())), moins bien notée\(plural ? "s" : ""), qui ne libère\(plural ? "nt" : "") pas dans une même phase "
                         + "la place que demandent ensemble elle et \(waitingWith)")
        }
        guard let last = parts.last else { return "les actions déjà retenues" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " et " + last
    }

    /// What holds an action in its phase: one property of the action wherever the document names it as holding
    /// room — a deferred card, page 1's heavy phases, « À envisager ensuite », `explain` — never worked out again
    /// against the action whose room it is (read40a: page 1 said « les actions 5 et 6 (tenues par une échéance) » and a card
    /// « l'action 5 (liée à l'action 6) » for the same action).
    enum Hold: Equatable, Sendable {
        /// A founding decision, a deadline that does not let it wait a phase, a team priority's action.
        case foundation, deadline, priority
        /// What goes first for one of those (its prerequisite or its companion, directly or through another): the
        /// position of that action.
        case linked(Int)
        /// Kept for its score alone.
        case merit
    }

    /// What holds the item at `position` (`Hold`): its own cause first — a founding decision, a deadline it cannot
    /// miss by waiting a phase, a team priority —, then a link to an action of its phase held by one of those (the MSP's
    /// consolidation, due by the mid-mandate review, in 2027 with the junior doctors due by December 2027: « liée à
    /// l'action 6 », reader36), then a deadline that lets it wait, then its score.
    /// `linkers`: `Occupancy.linkers(roadmap)`.
    static func hold(_ position: Int, in roadmap: Roadmap, linkers: [[Int]]) -> Hold {
        let items = roadmap.items
        func own(_ item: RoadmapItem) -> Hold? {
            if item.selection == .foundation { return .foundation }
            if let deadline = item.deadline, !deadline.letsWait(inPhase: item.phaseIndex, of: roadmap.calendar) { return .deadline }
            if case .priority = item.selection { return .priority }
            return nil
        }
        if let cause = own(items[position]) { return cause }
        // Through what names it as a prerequisite or a companion, and what it names as a companion.
        var seen: Set<Int> = [position]
        var next = [position]
        while let current = next.popLast() {
            let companions = items[current].together.compactMap { id in items.firstIndex { $0.recommendation.id == id } }
            for other in linkers[current] + companions where seen.insert(other).inserted {
                // In its own phase: what a later action needs first is done before it, not in this phase (a
                // dated action due by the review, placed in 2027, with a priority's action of 2028 that starts from it).
                if own(items[other]) != nil, items[other].phaseIndex == items[position].phaseIndex { return .linked(other) }
                next.append(other)
            }
        }
        return items[position].deadline == nil ? .merit : .deadline
    }

    /// What the wording of a roadmap's full phases reads of it, worked out once for the roadmap rather than for each
    /// of the two dozen actions a territory leaves out for want of room.
    struct Occupancy: Sendable {
        /// For each item (by position), the positions of the items that name it as a prerequisite or a companion.
        let linkers: [[Int]]
        /// What holds each item in its phase (`hold`), worked out once: every line that names an item as holding room
        /// reads it here.
        let holds: [Hold]

        init(_ roadmap: Roadmap) {
            let linkers = Self.linkers(roadmap)
            self.linkers = linkers
            holds = roadmap.items.indices.map { RoadmapWording.hold($0, in: roadmap, linkers: linkers) }
        }

        static func linkers(_ roadmap: Roadmap) -> [[Int]] {
            let items = roadmap.items
            var linkers = [[Int]](repeating: [], count: items.count)
            for (position, item) in items.enumerated() {
                for other in items.indices where items[other].prerequisites.contains(item.recommendation.id)
                    || items[other].together.contains(item.recommendation.id) {
                    linkers[position].append(other)
                }
            }
            return linkers
        }
    }
}
