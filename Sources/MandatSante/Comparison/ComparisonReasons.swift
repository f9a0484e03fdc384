import RuleKit

/// Words why an action's place differs between two roadmaps: the conditions that now hold or fail (with the
/// values), the replacement, the capacity, the placement, the score terms gained or lost.
struct ComparisonReasons {
    let before: Roadmap
    let after: Roadmap
    /// The two roadmaps in words: placements and reasons are quoted from them, not worded again.
    let beforeDocument: RoadmapDocument
    let afterDocument: RoadmapDocument
    let explainer: ConditionExplainer

    init(before: Roadmap, after: Roadmap, presenter: RoadmapPresenter) {
        self.before = before
        self.after = after
        beforeDocument = presenter.document(before)
        afterDocument = presenter.document(after)
        explainer = ConditionExplainer(vocabulary: after.profile.vocabulary)
    }

    func added(_ item: RoadmapItem) -> [String] {
        let id = item.recommendation.id
        var lines: [String] = []
        switch before.notPlaced(id)?.reason {
        case .conditionNotMet?, nil:
            let reasons = conditionReasons(item.recommendation, in: after)
            lines.append("sa condition est désormais remplie : " + reasons)
            lines += changedFacts(item.recommendation, besides: reasons)
        case .replaced(let by)?:
            lines.append("\(title(by)), qui la remplaçait, n'est plus retenue")
        case .excluded(let by)?:
            lines.append("n'est plus écartée au profit de \(title(by))")
        case .noCapacity?, .methodLimit?:
            lines.append(capacityNote.isEmpty ? "de la place s'est libérée dans le calendrier (actions retirées ou déplacées) : elle peut désormais être placée"
                                               : "la capacité permet désormais de la placer" + capacityNote)
        case .deadlineMissed?:
            lines.append("son échéance peut désormais être tenue")
        case .wrongLevel?:
            lines.append("relève désormais de ce niveau de collectivité")
        case .beyondTop(let top)?:
            lines.append("entre désormais dans les \(top) premières actions")
        }
        lines += scoreChange(id).map { [$0] } ?? []
        return lines
    }

    func removed(_ item: RoadmapItem) -> [String] {
        let id = item.recommendation.id
        guard let entry = after.notPlaced(id), let worded = afterDocument.entry(id) else {
            return ["n'existe pas dans la seconde base de règles"]
        }
        switch entry.reason {
        case .conditionNotMet:
            let lead = entry.reason == .conditionNotMet(.unknown) ? "sa condition ne peut plus être établie (fait non renseigné)" : "sa condition n'est plus remplie"
            let reasons = conditionReasons(item.recommendation, in: after)
            return ["\(lead) : " + reasons] + changedFacts(item.recommendation, besides: reasons)
        case .replaced(let by):
            return ["remplacée par \(title(by))\(isAdded(by) ? ", désormais retenue" : "")"]
        case .noCapacity, .methodLimit:
            // More capacity, yet out: what now takes the room is what the team gained room for — name it.
            let overtaking = after.items.filter { isAdded($0.recommendation.id) && $0.score.total > item.score.total }
            let by = overtaking.isEmpty ? [] : ["sa place va désormais à " + names(overtaking.map(\.recommendation.id)) + ", mieux notée\(overtaking.count > 1 ? "s" : "")"]
            return [worded.reason + capacityNote] + by + (scoreChange(id).map { [$0] } ?? [])
        case .excluded, .deadlineMissed, .wrongLevel, .beyondTop:
            return [worded.reason]
        }
    }

    func movedPhase(_ old: RoadmapItem, _ new: RoadmapItem) -> [String] {
        var lines = (scoreChange(new.recommendation.id).map { [$0] } ?? [])
        lines.append("avant : \(placement(old, beforeDocument)) ; désormais : \(placement(new, afterDocument))")
        // Later without a lower score: what now goes ahead of it took its room (a school project moved earlier).
        if new.phaseIndex > old.phaseIndex, new.score.total >= old.score.total {
            let newlyAhead = newlyAhead(old, new)
            if !newlyAhead.isEmpty { lines.append("passe désormais après " + names(newlyAhead)) }
        }
        return lines
    }

    /// The actions ahead of `new` that were not ahead of `old`.
    private func newlyAhead(_ old: RoadmapItem, _ new: RoadmapItem) -> [String] {
        let aheadBefore = Set(before.items.prefix(old.rank - 1).map(\.recommendation.id))
        return after.items.prefix(new.rank - 1).map(\.recommendation.id).filter { !aheadBefore.contains($0) }
    }

    func moved(_ old: RoadmapItem, _ new: RoadmapItem) -> [String] {
        // Its own score explains the move when it went the same way (a better score, a better rank); otherwise, what
        // was added, removed or moved ahead of it — a coordinator whose score rose but that an added first-quarter
        // step now precedes goes down for that step, not for its score.
        let scoreChange = scoreChange(new.recommendation.id)
        if let scoreChange, (new.score.total > old.score.total) == (new.rank < old.rank) { return [scoreChange] }
        var lines = [scoreChange ?? "score inchangé"]
        let aheadAfter = Set(after.items.prefix(new.rank - 1).map(\.recommendation.id))
        let newlyAhead = newlyAhead(old, new)
        let noLongerAhead = before.items.prefix(old.rank - 1).map(\.recommendation.id).filter { !aheadAfter.contains($0) }
        if !newlyAhead.isEmpty { lines.append("passe désormais après " + names(newlyAhead)) }
        if !noLongerAhead.isEmpty { lines.append("ne vient plus après " + names(noLongerAhead)) }
        return lines
    }

    /// « a [x] (ajoutée), b [y] (change de phase) et 3 autres »
    private func names(_ ids: [String]) -> String {
        let shown = ids.prefix(3).map { id -> String in
            if isAdded(id) { return "[\(id)] (ajoutée)" }
            if isRemoved(id) { return "[\(id)] (retirée)" }
            if let old = before.items.first(where: { $0.recommendation.id == id }),
               let new = after.items.first(where: { $0.recommendation.id == id }), old.phaseIndex != new.phaseIndex {
                return "[\(id)] (change de phase)"
            }
            return "[\(id)]"
        }
        let rest = ids.count - shown.count
        let list = shown.count > 1 ? shown.dropLast().joined(separator: ", ") + " et " + shown[shown.count - 1] : shown.joined()
        return rest > 0 ? "\(shown.joined(separator: ", ")) et \(rest) autre\(rest > 1 ? "s" : "")" : list
    }

    /// Where an item is, in its document's words: its phase, and why there when it is not its horizon's.
    private func placement(_ item: RoadmapItem, _ document: RoadmapDocument) -> String {
        guard let card = document.card(item.recommendation.id) else { return "" }
        return "« \(card.phaseTitle) »" + (card.placement.map { " (\($0))" } ?? "")
    }

    /// « score 90 → 75 : ne bénéficie plus de « CLS en préparation » (+10) »
    private func scoreChange(_ id: String) -> String? {
        guard let old = before.evaluations[id], let new = after.evaluations[id], old.score.total != new.score.total else { return nil }
        let (oldTerms, newTerms) = (old.terms, new.terms)
        var parts: [String] = []
        for term in newTerms where !oldTerms.contains(term) {
            parts.append("bénéficie désormais de « \(term.reason) » (\(signed(term.points)))")
        }
        for term in oldTerms where !newTerms.contains(term) {
            parts.append("ne bénéficie plus de « \(term.reason) » (\(signed(term.points)))")
        }
        return "score \(old.score.total) → \(new.score.total)" + (parts.isEmpty ? "" : " : " + parts.joined(separator: " ; "))
    }

    /// « ce qui a changé : contrat local de santé (CLS) : aucun CLS → CLS signé et en vigueur », for the facts
    /// the condition reads that differ between the two profiles — but a yes-or-no fact that `reasons` already
    /// states (« un conseil local de santé mentale (CLSM) existe »): its « non → oui » would only say it again.
    private func changedFacts(_ recommendation: Recommendation, besides reasons: String) -> [String] {
        let vocabulary = after.profile.vocabulary
        let read = recommendation.condition.expression.factNames
        let changes = vocabulary.facts.filter { read.contains($0.name) }.compactMap { fact -> String? in
            let (old, new) = (before.profile.value(fact.name), after.profile.value(fact.name))
            guard old != new else { return nil }
            if fact.type == .bool, [fact.label, fact.falseLabel].contains(where: { $0.map(reasons.contains) ?? false }) { return nil }
            return "\(fact.label) : \(RoadmapComparison.text(old, fact)) → \(RoadmapComparison.text(new, fact))"
        }
        return changes.isEmpty ? [] : ["ce qui a changé : " + changes.joined(separator: ", ")]
    }

    private var capacityNote: String {
        let (old, new) = (before.capacity.yearlyUnitsText, after.capacity.yearlyUnitsText)
        return old == new ? "" : " (capacité : \(old) → \(new) unités d'effort par an)"
    }

    private func conditionReasons(_ recommendation: Recommendation, in roadmap: Roadmap) -> String {
        explainer.reasons(recommendation.condition.trace(roadmap.profile.facts)).joined(separator: " ; ")
    }

    private func title(_ id: String) -> String {
        let recommendation = (after.items.map(\.recommendation) + after.leftOut.map(\.recommendation)).first { $0.id == id }
        return "« \(recommendation?.title ?? id) » [\(id)]"
    }

    private func isAdded(_ id: String) -> Bool {
        after.items.contains { $0.recommendation.id == id } && !before.items.contains { $0.recommendation.id == id }
    }

    private func isRemoved(_ id: String) -> Bool {
        before.items.contains { $0.recommendation.id == id } && !after.items.contains { $0.recommendation.id == id }
    }

    private func signed(_ points: Int) -> String {
        points >= 0 ? "+\(points)" : "−\(-points)"
    }
}
