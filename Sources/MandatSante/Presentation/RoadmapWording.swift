import RuleKit

/// Every French wording of a roadmap's decisions that more than one output needs: who carries an action, why it
/// sits in its phase, why a recommendation is not in the roadmap. The presenter words the document with these;
/// `explain`, `compare` and the rule tests quote the document, so each wording exists once.
enum RoadmapWording {
    /// « la commune », « l'intercommunalité, à la demande de la commune », « la CPTS, avec l'appui de la commune »;
    /// « la collectivité » where one collectivity holds the powers of the commune, without communes or an
    /// intercommunality (Saint-Martin, Saint-Barthélemy: the overseas value whose vocabulary role says so).
    static func carrier(_ recommendation: Recommendation, facts: FactStatement) -> String {
        let (carrier, carriedBy) = recommendation.carrier(for: facts.profile.facts)
        let vocabulary = facts.profile.vocabulary
        let overseas = vocabulary.factName(.overseas)
        if case .text(let place)? = facts.profile.value(overseas),
           vocabulary.fact(named: overseas)?.choices.first(where: { $0.id == place })?.role == FactRole.collectivityWithoutCommunesChoice {
            guard carrier == .partner else { return "la collectivité" }
            return "\(partner(recommendation, carriedBy, facts: facts)), avec l'appui de la collectivité"
        }
        let kind = facts.profile.value(vocabulary.factName(.kind))
        let isCommune = kind == .text(vocabulary.communeKind)
        let own = isCommune ? "la commune" : intercommunality(kind, vocabulary: vocabulary)
        switch carrier {
        case .commune: return "la commune"
        case .intercommunality: return isCommune ? "l'intercommunalité, à la demande de la commune" : own
        case .territory: return own
        case .partner: return "\(partner(recommendation, carriedBy, facts: facts)), avec l'appui de \(own)"
        }
    }

    /// « la métropole », « la communauté de communes »: an intercommunality named by its kind, as its council and
    /// its élus name it (« l'intercommunalité » on a métropole's cards read as someone else).
    private static func intercommunality(_ kind: FactValue?, vocabulary: Vocabulary) -> String {
        guard case .text(let id)? = kind,
              let label = vocabulary.fact(named: vocabulary.factName(.kind))?.choices.first(where: { $0.id == id })?.label,
              let first = label.unicodeScalars.first, !"aeiouyhéèêàâîôû".unicodeScalars.contains(first) else { return "l'intercommunalité" }
        return "la " + label
    }

    /// The partner who carries `recommendation`: its `porté par` (`carriedBy`, for this territory), or its first partner.
    private static func partner(_ recommendation: Recommendation, _ carriedBy: String?, facts: FactStatement) -> String {
        carriedBy ?? recommendation.partners.texts(for: facts.profile.facts).first.map(shortName) ?? "les partenaires"
    }

    /// A partner's name without its explanation in parentheses.
    static func shortName(_ partner: String) -> String {
        guard let open = partner.firstIndex(of: "("), open > partner.startIndex else { return partner }
        var name = partner[..<open]
        while name.last == " " { name = name.dropLast() }
        return String(name)
    }

    /// Why an item was taken ahead of the order of merit, when it was.
    static func selection(_ reason: SelectionReason, vocabulary: Vocabulary) -> String? {
        switch reason {
        case .merit: return nil
        case .foundation: return DocumentLabels.foundationNote
        case .priority(let id): return "répond à la \(priority(id, vocabulary: vocabulary))"
        }
    }

    /// The label of the team's declared priority `id` (« accès aux soins »).
    static func priorityLabel(_ id: String, vocabulary: Vocabulary) -> String {
        vocabulary.fact(named: vocabulary.factName(.priorities))?.label(ofChoice: id) ?? id
    }

    /// « priorité « accès aux soins » de l'équipe »: a card says it after « répond à la », page 1 as a noun.
    static func priority(_ id: String, vocabulary: Vocabulary) -> String {
        "priorité « \(priorityLabel(id, vocabulary: vocabulary)) » de l'équipe"
    }

    /// « avant l'été 2027 (juin 2027) », « avant la saison d'hiver 2027-2028 (déc. 2027) », « avant le
    /// renouvellement du PRS (janv. 2028) », « d'ici mars 2029, avant l'arrêt du projet de PLU »
    static func deadline(_ deadline: ScheduledDeadline) -> String {
        switch deadline.kind {
        case .season(let season):
            return "avant \(season.named(startingIn: deadline.before)) (\(deadline.before.shortFrench))"
        case .underway(let season, let started):
            // « a commencé »: the same words whatever the gender of the season's name.
            return "\(season.named(startingIn: started)) a commencé\(Typography.noBreakSpace): premiers gestes dès maintenant, le reste avant \(deadline.before.shortFrench)"
        case .stated(let reason):
            return "\(reason) (avant \(deadline.before.shortFrench))"
        case .phaseEnd(let reason):
            // The month is the end of the phase the planner gives itself, not the date of the event the reason
            // names (« avant les départs de médecins attendus »): said first, so that it does not read as that date.
            return "d'ici \(deadline.before.shortFrench), \(reason)"
        }
    }

    /// The code and the sentence of why a recommendation is not in the roadmap; `reasons` says why its condition
    /// does not hold (`ConditionExplainer.reasons`), asked only when that is the reason.
    /// `elsewhere`: its condition fails on where the territory lies (`PlaceConjuncts`). `absent`: what the absence
    /// of the facts that leave its condition undecided means, when each says it (`Fact.absentLabel`).
    static func leftOut(_ entry: LeftOutRecommendation, in roadmap: Roadmap, isMethod: Bool, elsewhere: Bool = false, absent: [String]? = nil,
                        reasons: () -> [String],
                        title: (String) -> String, occupancy: Occupancy? = nil) -> (code: String, text: String, by: String?) {
        switch entry.reason {
        case .noCapacity:
            return ("faute-de-capacite", noCapacity(entry, in: roadmap, isMethod: isMethod, occupancy: occupancy), nil)
        case .methodLimit(let limit):
            return ("limite-methode", "s'applique, mais la feuille de route compte déjà \(Typography.count(limit, "action")) de méthode, le maximum pour cette capacité", nil)
        case .replaced(var by):
            // A replacement that is itself replaced names the action that stands: the ARS funding calendar goes
            // with the contract, and where the contract is renewed rather than engaged, with its renewal.
            var seen: Set<String> = [entry.recommendation.id]
            while seen.insert(by).inserted, case .replaced(let further)? = roadmap.notPlaced(by)?.reason { by = further }
            return ("remplacee", "remplacée par « \(title(by)) », plus adaptée à ce territoire", by)
        case .excluded(let by):
            return ("exclue", "écartée au profit de « \(title(by)) », mieux classée : les deux ne vont pas ensemble", by)
        case .deadlineMissed(let month):
            let passed = month <= roadmap.calendar.start
            return ("echeance", passed ? "son échéance (\(month.shortFrench)) est passée" : "son échéance (\(month.shortFrench)) ne peut pas être tenue : aucune phase avant elle n'a de place", nil)
        case .beyondTop(let top):
            return ("au-dela-du-top", "au-delà des \(top) premières actions demandées", nil)
        case .wrongLevel(.communalInstrument):
            return ("autre-niveau", "instrument communal : il revient aux communes membres", nil)
        case .wrongLevel(.carriedByIntercommunality):
            return ("autre-niveau", "portée par l'intercommunalité, qui conduit déjà une démarche de santé : la commune y contribue", nil)
        case .conditionNotMet where elsewhere:
            return ("autre-territoire", "propre à d'autres territoires : \(Typography.inline(reasons()))", nil)
        case .conditionNotMet(.unknown) where absent != nil:
            return ("condition-non-remplie", "ne s'applique pas ici : \(Typography.inline(reasons()))", nil)
        case .conditionNotMet(let truth):
            let reasons = reasons()
            let code = truth == .unknown ? "condition-indeterminee" : "condition-non-remplie"
            let lead = truth == .unknown ? "ne peut pas être établie, un fait n'étant pas renseigné" : "ne s'applique pas ici"
            return (code, "\(lead) : \(Typography.inline(reasons))", nil)
        }
    }

    /// The short form of the phase ends in the synthesis: « d'ici févr. 2027 ».
    static func by(_ phase: MandatePhase) -> String {
        "d'ici \(phase.end.adding(months: -1).shortFrench)"
    }

    /// Whether `item` starts in the first months with its first step, the rest in its own later phase: its rule says
    /// the situation that makes it pressing now (`dès maintenant`) and it holds here — a centre in deficit, a seat to
    /// take in an intercommunal contract in force. The first step (a request, a seat taken) is part of the action's
    /// effort, counted in its phase; it is not one of the first months' four decisions.
    static func startsNow(_ item: RoadmapItem, in roadmap: Roadmap) -> Bool {
        guard item.phaseIndex > 0, let startNow = item.recommendation.startNow else { return false }
        return startNow.holds(for: roadmap.profile.facts, startingIn: roadmap.calendar.start)
    }

    /// « premier pas dès maintenant, le reste d'ici déc. 2027 », and why when `reason`: what a card, the first
    /// decisions and the JSON say of an action that starts now (`startsNow`). An action with a deadline says only
    /// « premier pas dès maintenant »: its card already names one date, the deadline's (« d'ici mars 2029, avant les
    /// départs de médecins attendus »), and its phase's title says when the rest is planned — a second date on the
    /// same card would read as a second deadline.
    /// `rest`: whether to say when the rest is due (not when the card's placement says when it starts).
    static func startNow(_ item: RoadmapItem, in roadmap: Roadmap, reason: Bool, rest: Bool = true) -> String? {
        guard startsNow(item, in: roadmap), let startNow = item.recommendation.startNow else { return nil }
        let when = item.deadline != nil || !rest ? "premier pas dès maintenant"
            : "premier pas dès maintenant, le reste \(by(roadmap.calendar.phases[item.phaseIndex]))"
        // « , car » rather than a second colon on the same line (« premier pas dès maintenant, le reste d'ici déc. 2027 :
        // … », reader30a).
        return reason ? "\(when), car \(startNow.reason)" : when
    }
}
