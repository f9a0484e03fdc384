import RuleKit

/// What holds the room an action wanted: the actions that took it, each with its cause (a founding decision, a
/// deadline, a team priority, a better score, a link to one of those, or a lighter action that took the rest), said
/// for a deferred card's brief line, a detailed reason or a left-out line.
extension RoadmapWording {
    /// Why the actions that fill a phase went there before `item`, each cause said once, in the planner's order
    /// of claims: « décision fondatrice, échéance, meilleurs scores ».
    /// `asList`: as the holders of a left-out action's room (« les décisions fondatrices, des actions à échéance
    /// et l'action 11, qui a pris le reste, trop court pour un effort moyen »).
    /// `occupants`: positions in `roadmap.items`; `linkers`: `Occupancy.linkers(roadmap)`.
    /// `short`: a card's brief line, the holders numbered and grouped by what holds each there (« les actions 7
    /// (à échéance) et 8 (plus légère, elle tenait dans le temps restant) »): a list of causes after a list of numbers
    /// left the élu to guess which was which.
    /// `setHalves`: the half-units the action needs with its companions in one phase, when it has some: a weaker
    /// occupant lighter than the set took a rest too short for it.
    /// `waitingWith`: a companion that waits too (« « X », qui va avec elle et reste à envisager ensuite »): the
    /// lower-scored actions kept are then named as freeing too little room for the two together.
    /// `forDeadline`: the action claimed that room for a deadline it then missed. A dated action goes ahead of the
    /// lower-scored actions kept for their score alone (`PhasePlacement.claimBeforeDeadlines`): what still holds the
    /// room is said by what kept its turn — a deadline of its own, a link to a priority's action — before a score.
    static func occupation(_ occupants: [Int], of recommendation: Recommendation, score: Int, in roadmap: Roadmap, linkers: [[Int]],
                           asList: Bool = false, short: Bool = false, waitingWith: String? = nil, setHalves: Int? = nil,
                           forDeadline: Bool = false) -> String {
        enum Cause: Int, CaseIterable {
            case foundation, deadline, priority, betterScored, equallyScored, linked, earlier
            func holders(_ count: Int) -> String {
                switch self {
                case .foundation: return count > 1 ? "les décisions fondatrices" : "une décision fondatrice"
                case .deadline: return count > 1 ? "des actions à échéance" : "une action à échéance"
                case .priority: return count > 1 ? "les actions des priorités de l'équipe" : "l'action d'une priorité de l'équipe"
                case .betterScored: return count > 1 ? "des actions mieux classées" : "une action mieux classée"
                case .equallyScored: return count > 1 ? "des actions aussi bien notées" : "une action aussi bien notée"
                case .linked: return count > 1 ? "des actions liées à une action prioritaire" : "une action liée à une action prioritaire"
                case .earlier: return count > 1 ? "des actions placées avant elle" : "une action placée avant elle"
                }
            }
            /// What holds the numbered actions of a card's brief line (« actions 4 et 5 (à échéance) »).
            func brief(_ count: Int) -> String {
                let plural = count > 1 ? "s" : ""
                switch self {
                case .foundation: return "décision\(plural) fondatrice\(plural)"
                case .deadline: return "à échéance"
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
        func ownCause(_ other: RoadmapItem) -> Cause? {
            if other.selection == .foundation { return .foundation }
            // A stated deadline bounds the phase; it sent the action ahead only of better scored ones.
            if let deadline = other.deadline {
                switch deadline.kind {
                case .season, .underway: return .deadline
                case .stated, .phaseEnd: break
                }
                if other.score.total < score { return .deadline }
            }
            if case .priority = other.selection { return .priority }
            // A better scored dated action keeps its turn for its deadline when this one claims for its own.
            if forDeadline, other.deadline != nil { return .deadline }
            // « mieux classée » only above: at equal score, what decided is said (« aussi bien notée »).
            if other.score.total > score { return .betterScored }
            if other.score.total == score { return .equallyScored }
            return nil
        }
        // An occupant of lower score may have come in with an action that goes first for its own cause: as its
        // prerequisite or its companion, directly or through another (the MSP, 70, with the junior doctors it shares
        // with the centre de santé, 95: one set, claiming at the centre's merit).
        let items = roadmap.items
        // `kept`: linked to what keeps its turn (a founding decision, a deadline, a priority), never to the action
        // whose room this is (the EIS waiting for its own prerequisite) nor to a mere score.
        // The position of the action it is linked to, named on a card's brief line (« 7 (liée à l'action 6) »).
        func linked(_ position: Int, kept: Bool = false) -> Int? {
            var seen: Set<Int> = [position]
            var next = [position]
            while let current = next.popLast() {
                for linker in linkers[current] where seen.insert(linker).inserted {
                    if kept, items[linker].recommendation.id == recommendation.id { continue }
                    if let cause = ownCause(items[linker]), !kept || [.foundation, .deadline, .priority].contains(cause) { return linker }
                    next.append(linker)
                }
            }
            return nil
        }
        /// Whether `other` cannot leave its phase: a founding decision, a team priority's action, or a deadline that
        /// does not let it wait a phase.
        func holdsItsPhase(_ other: RoadmapItem) -> Bool {
            if other.selection == .foundation { return true }
            if case .priority = other.selection { return true }
            return other.deadline.map { !$0.letsWait(inPhase: other.phaseIndex, of: roadmap.calendar) } ?? false
        }
        var ranks = [[Int]](repeating: [], count: Cause.allCases.count)
        var lighter: [Int] = []
        var weaker: [Int] = []
        var linkedTo: Set<Int> = []
        // The occupant read in place (`items[position]`), not bound to a copy: a left-out line of a JSON roadmap
        // classes some ten occupants, and copying each item cost more than classing it.
        for position in occupants {
            let rank = items[position].rank
            // Linked to a priority's action, an occupant kept its turn for that link before its score: said so for a
            // missed deadline, and at equal score.
            var own = ownCause(items[position])
            var link: Int?
            if own == .equallyScored || (forDeadline && own == .betterScored) {
                link = linked(position, kept: true)
                if link != nil { own = .linked }
            }
            if own == nil {
                link = linked(position)
                if link != nil { own = .linked }
            }
            // A deadline that lets the occupant wait a phase did not hold it there; what goes first with it did: the
            // MSP's consolidation, due by the mid-mandate review, in 2027 with the junior doctors due by December 2027
            // (« l'action 5 (liée à l'action 6) », not « (à échéance) », reader36).
            if own == .deadline, let deadline = items[position].deadline, deadline.letsWait(inPhase: items[position].phaseIndex, of: roadmap.calendar),
               let kept = linkers[position].first(where: { holdsItsPhase(items[$0]) && items[$0].recommendation.id != recommendation.id }) {
                own = .linked
                link = kept
            }
            if let cause = own {
                ranks[cause.rawValue].append(rank)
                if cause == .linked, let link { linkedTo.insert(items[link].rank) }
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
            // actions 4 et 11), 4 (décision fondatrice), 5 et 11 (à échéance) et 7 et 8 (priorités de l'équipe) » was
            // more than a card's line can carry (reader31b); each of their cards says its own cause.
            let pressing: Set<Cause> = [.foundation, .deadline, .priority, .linked]
            let total = counts.reduce(0, +)
            // A missed deadline keeps each cause: the executive weighs which one to delay (page 1, « sauf à retarder
            // une autre action »).
            if !forDeadline, lighter.isEmpty, present.allSatisfy(pressing.contains), groups.count >= 4 || (groups.count >= 3 && total >= 6) {
                return "les actions\(Typography.noBreakSpace)\(Typography.numbers(groups.flatMap(\.ranks).sorted())), qui ne peuvent attendre"
            }
            if !lighter.isEmpty { groups.append((lighter.sorted(), lighter.count > 1 ? "plus légères, elles tenaient dans le temps restant" : "plus légère, elle tenait dans le temps restant")) }
            groups.sort { $0.ranks[0] < $1.ranks[0] }
            guard groups.count > 1 else {
                return groups.first.map { "\(Typography.actions($0.ranks)) (\($0.cause))" } ?? "les actions déjà retenues"
            }
            let parts = groups.map { "\(Typography.numbers($0.ranks)) (\($0.cause))" }
            // A last group of several numbers has its own « et »: a comma before it, « 8 (priorité de l'équipe), 10 et
            // 11 (à échéance) », not « 8 (…) et 10 et 11 (…) » (reader40a).
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

    /// What the wording of a roadmap's full phases reads of it, worked out once for the roadmap rather than for each
    /// of the two dozen actions a territory leaves out for want of room.
    struct Occupancy: Sendable {
        /// For each item (by position), the positions of the items that name it as a prerequisite or a companion.
        let linkers: [[Int]]

        init(_ roadmap: Roadmap) {
            linkers = Self.linkers(roadmap)
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
