import RuleKit

/// The team's declared priorities on page 1, each with the actions that serve it.
extension ExecutiveSynthesis {
    /// The priorities the team declared, sorted.
    static func declaredPriorities(_ roadmap: Roadmap) -> [String] {
        let vocabulary = roadmap.profile.vocabulary
        guard case .set(let members)? = roadmap.profile.value(vocabulary.factName(.priorities)) else { return [] }
        return members.sorted()
    }

    /// The actions among `items` (those serving one priority) whose first step starts now (`RoadmapWording.startsNow`).
    static func firstStepsNow(_ items: [RoadmapItem], in roadmap: Roadmap) -> [Int] {
        items.filter { RoadmapWording.startsNow($0, in: roadmap) }.map(\.rank)
    }

    /// The actions whose first step now the priorities line says already (« à partir de janv. 2028, avec un premier
    /// pas de l'action 11 dès maintenant »): a priority served only after the first two phases.
    static func firstStepsSaidByPriorities(_ roadmap: Roadmap) -> Set<Int> {
        Set(declaredPriorities(roadmap).flatMap { id -> [Int] in
            let items = roadmap.items.filter { $0.recommendation.serves.contains(id) }
            guard let first = items.map(\.phaseIndex).min(), first > 1 else { return [] }
            return firstStepsNow(items, in: roadmap)
        })
    }

    /// The team's declared priorities, each with the actions that serve it, in the order the roadmap first serves
    /// them: « santé mentale (actions 4 et 9) ; accès aux soins (action 6) ». A priority whose actions all come
    /// after the first two phases says from when and, when room held it, why (« à partir de janv. 2028, faute de place
    /// plus tôt », « après le bilan de mi-mandat, faute de place plus tôt »: it is not among the first decisions) — or,
    /// when one of them takes its first step now,
    /// « à partir de janv. 2028, avec un premier pas de l'action 8 dès maintenant » —, and one served by no action of the roadmap
    /// while one that serves it waits for room says so: a priority is not printed bare when something applies.
    static func priorities(_ roadmap: Roadmap) -> String? {
        let members = declaredPriorities(roadmap)
        guard !members.isEmpty else { return nil }
        let definition = roadmap.profile.vocabulary.fact(named: roadmap.profile.vocabulary.factName(.priorities))
        let bound = roadmap.calendar.reviewPhase
        let served = members.map { id -> (label: String, ranks: [Int], late: String, waiting: Bool) in
            let items = roadmap.items.filter { $0.recommendation.serves.contains(id) }
            // No action of the roadmap serves it: one that applies and waits for room says why.
            let waiting = items.isEmpty && roadmap.considerLater.contains { $0.recommendation.serves.contains(id) }
            // Served only after the first two phases: from when, and why (the first years are taken).
            var late = ""
            if let first = items.map(\.phaseIndex).min(), first > 1 {
                let from = first > bound ? "après le bilan de mi-mandat" : "à partir de \(roadmap.calendar.phases[first].start.shortFrench)"
                // An action whose first step starts now serves the priority now: said, rather than « faute de place »
                // (the isolated seniors' register, relaunched before the summer, while the rest waits for 2028).
                let now = firstStepsNow(items, in: roadmap)
                // Held there by what it starts from, not by the room: « à partir de janv. 2028, après l'action 8 » (the
                // CPTS of a Guyane commune, which draws on the shared diagnostic of 2028).
                let after = items.first { $0.phaseIndex == first }.flatMap { item -> Int? in
                    guard case .prerequisite(let id) = item.placement else { return nil }
                    return roadmap.item(id)?.rank
                }
                if now.isEmpty, first <= bound, let after {
                    late = ", \(from), après l'action\(Typography.noBreakSpace)\(after)"
                } else if now.isEmpty {
                    // After the review too, a want of room is said (the bourg's transport, which gave its phase to the
                    // secondary office due before the departures): « après le bilan de mi-mandat » alone read as a choice.
                    let roomless = items.first { $0.phaseIndex == first }.map { if case .capacity = $0.placement { true } else { false } } ?? false
                    late = first > bound && !roomless ? ", \(from)" : ", \(from), faute de place plus tôt"
                } else if items.count == 1 {
                    late = " : premier pas dès maintenant, le reste \(from)"
                } else {
                    // « le reste » would read as the rest of the action that starts now, which may come later still
                    // (reader38c: action 8's rest is in April 2029 while the priority's first action starts in 2028).
                    late = ", \(from), avec un premier pas \(Typography.ofActions(now)) dès maintenant"
                }
            }
            return (definition?.label(ofChoice: id) ?? id, items.map(\.rank), late, waiting)
        }
        let ordered = served.enumerated().sorted { a, b in
            (a.element.ranks.first ?? Int.max, a.offset) < (b.element.ranks.first ?? Int.max, b.offset)
        }
        // Priorities served by the same actions are said together, once (« bien vieillir et autonomie, cohésion
        // sociale et isolement (action 4) »), rather than one after the other with the same number.
        var groups: [(label: String, ranks: [Int], late: String, waiting: Bool)] = []
        for (_, priority) in ordered {
            if !priority.ranks.isEmpty, let same = groups.firstIndex(where: { $0.ranks == priority.ranks && $0.late == priority.late }) {
                groups[same].label += ", " + priority.label
            } else {
                groups.append(priority)
            }
        }
        // Semicolons: a label may itself hold « et » (« enfance et jeunesse »).
        return Typography.french(groups.map { priority in
            let late = priority.late
            switch priority.ranks.count {
            // Served, if at all, through a condition rather than a declared link: no numbers to give. When an
            // action serving it applies but found no room, the line says so rather than print the priority bare.
            case 0: return priority.waiting ? "\(priority.label) (action à envisager ensuite, faute de place)" : priority.label
            case 1: return "\(priority.label) (action\(Typography.noBreakSpace)\(priority.ranks[0])\(late))"
            default: return "\(priority.label) (actions\(Typography.noBreakSpace)\(Typography.numbers(priority.ranks))\(late))"
            }
        }.joined(separator: " ; "))
    }
}
