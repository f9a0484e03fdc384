import RuleKit

/// The entries of a roadmap that are not in it (to consider later, left out) and why, in words: the sentence kept
/// across the territories of a batch where it can be.
extension RoadmapPresenter.Context {
    /// `line`: whether to word the « pour vous » line of an entry to consider later; `reason`: whether to word
    /// the sentence of why an entry to consider later is not in the roadmap (`Entry.reason`, left empty
    /// otherwise; its code is always given).
    func entry(_ entry: LeftOutRecommendation, line wordsLine: Bool = true, reason wordsReason: Bool = true) -> RoadmapDocument.Entry {
        let wording: (code: String, text: String, by: String?)
        switch entry.reason {
        case .noCapacity where !wordsReason: wording = ("faute-de-capacite", "", nil)
        case .methodLimit where !wordsReason: wording = ("limite-methode", "", nil)
        default: wording = leftOutWording(entry)
        }
        var line: String?
        if entry.reason.isConsiderLater, wordsLine {
            // The territory's size alone is no reason worth a line: most actions apply from some size on.
            // The reason comes in French typography already (`forYou`), which a second pass would leave as it is:
            // only the colon after « pourquoi » takes its no-break space here (a reason never opens on « : ; ? ! % »).
            line = firstReason(entry.recommendation, score: entry.score, besides: frenchSize).map { "pourquoi\u{00A0}: " + Typography.inline([$0]) }
                ?? stake(entry.recommendation)
            // It gave its place to a better action: the line says so, as its true cause (« sa place va à l'action 7,
            // mieux notée »).
            if let (taker, why) = RoadmapWording.gaveWay(entry, in: roadmap, vocabulary: ruleBase.vocabulary) {
                let gave = "sa place va à l'action\(Typography.noBreakSpace)\(taker.rank), \(why)"
                line = line.map { "\($0) ; \(gave)" } ?? gave
            }
        }
        return RoadmapDocument.Entry(id: entry.recommendation.id, title: entry.recommendation.title(for: roadmap.profile.facts), reasonCode: wording.code,
                                     reason: wording.text, by: wording.by, score: entry.score.total, line: line,
                                     effort: entry.recommendation.effort.rawValue)
    }

    /// The line of an entry to consider later whose territory gives no reason of its own (no boost applies, no
    /// condition says something of it): what the action is for, from the opening of its stakes as its card prints
    /// them (« enjeu : presque partout, des actions de prévention existent déjà, … mais elles restent dispersées »),
    /// never a reason made up for the territory; an empty line left the council with a title and no word (issue 12:
    /// « title and one line »).
    private func stake(_ recommendation: Recommendation) -> String? {
        let opening = fixed[recommendation.id]?.whyShort ?? Typography.french(Typography.opening(recommendation.why))
        guard var sentence = Typography.sentences(opening).first, !sentence.isEmpty else { return nil }
        sentence = Typography.withoutFinalPeriod(sentence)
        // Its first clause before a semicolon; what follows a colon in parentheses (a second colon after « enjeu »
        // would nest), or alone after a short enumeration (« Alcool, tabac, cannabis, écrans, jeux d'argent : le
        // maire voit… »), or left off when it holds parentheses of its own.
        if let semicolon = sentence.firstUTF8Range(of: "\u{00A0}; ") ?? sentence.firstUTF8Range(of: " ; ") {
            sentence = String(sentence[..<semicolon.lowerBound])
        }
        if let colon = sentence.firstUTF8Range(of: "\u{00A0}: ") ?? sentence.firstUTF8Range(of: " : ") {
            let before = String(sentence[..<colon.lowerBound]), after = String(sentence[colon.upperBound...])
            sentence = before.split(separator: " ").count < 7 ? after : after.contains("(") ? before : "\(before) (\(after))"
        }
        // A sentence that opens on a function word reads in lower case after « enjeu : »; a name (« Petites Villes de
        // Demain ») keeps its capital.
        let firstWord = sentence.prefix { $0.isLetter || $0 == "-" }
        if Self.lowerOpeners.contains(String(firstWord)) { sentence = firstWord.lowercased() + sentence.dropFirst(firstWord.count) }
        return "enjeu\u{00A0}: " + sentence
    }

    /// Words that open a sentence without being a name: a stake said after « enjeu : » starts with them in lower case.
    private static let lowerOpeners: Set<String> = [
        "La", "Le", "Les", "L", "Un", "Une", "Des", "Du", "De", "Dans", "Quand", "Depuis", "Sans", "Loin", "En", "À", "Au", "Aux",
        "Presque", "Pour", "Plutôt", "Face", "Faute", "Avec", "Aucune", "Aucun", "Chaque", "Au-delà", "Ici", "Là", "Faire", "Si",
        "Ce", "Cette", "Ces", "Sur", "Entre", "Par", "Parmi", "Tout", "Tous", "Toute", "Toutes", "Plus", "Moins", "Lorsque", "Alors",
    ]

    /// Why a recommendation is not in the roadmap. A condition not met is explained by the values of the facts
    /// it reads: in a batch, by its compiled program (`ConditionReasonProgram`), otherwise by its trace.
    private func leftOutWording(_ entry: LeftOutRecommendation) -> (code: String, text: String, by: String?) {
        let recommendation = entry.recommendation
        let facts = roadmap.profile.facts
        // Looked up once: some eighty entries per JSON roadmap.
        let wording = fixed[recommendation.id]
        let program = wording?.conditionReasons
        // A condition that fails on where the territory lies belongs to another part of the world: set apart.
        let elsewhere: Bool
        if case .conditionNotMet = entry.reason {
            let places = wording.map(\.placeConjuncts) ?? PlaceConjuncts.program(recommendation, vocabulary: ruleBase.vocabulary)
            elsewhere = PlaceConjuncts.fails(places, facts)
        } else {
            elsewhere = false
        }
        // Undecided only because a fact the profile gives when it has something to say is absent: it does not apply.
        var absent: [(label: String, absent: String)]?
        if case .conditionNotMet(.unknown) = entry.reason {
            let missing = recommendation.condition.expression.factNames.sorted().filter { roadmap.profile.value($0) == nil }
            let labels = missing.compactMap { name in
                ruleBase.vocabulary.fact(named: name).flatMap { fact in fact.absentLabel.map { (label: fact.label, absent: $0) } }
            }
            if !missing.isEmpty && labels.count == missing.count { absent = labels }
        }
        if case .conditionNotMet(let truth) = entry.reason, absent == nil, let program, let memos, let fills {
            return keptConditionWording(entry, truth: truth, elsewhere: elsewhere, program: program, memos: memos, fills: fills)
        }
        return RoadmapWording.leftOut(entry, in: roadmap, isMethod: ruleBase.lever(recommendation.lever)?.isMethod == true, elsewhere: elsewhere,
                                      absent: absent.map { $0.map(\.absent) }, reasons: {
            // The part that waits for an absent fact says what its absence means (« pas de pointe … déclarée »;
            // after « ni », « pointe … déclarée »); the other parts keep their reason.
            let said = Self.conditionReasons(recommendation, facts: facts, program: program, explainer: explainer, fills: fills, memos: memos)
            guard let absent else { return said }
            return said.map { reason in
                reason.utf8Components(separatedBy: " ; ").map { part in
                    guard let match = absent.first(where: { part.containsUTF8($0.label) }) else { return part }
                    guard part.hasPrefix("ni ") else { return match.absent }
                    let bare = match.absent.hasPrefix("pas de ") ? String(match.absent.dropFirst("pas de ".count)) : match.absent
                    return "ni " + bare
                }.joined(separator: " ; ")
            }
        }, title: { ruleBase.recommendation($0)?.title(for: facts) ?? $0 }, occupancy: occupancy)
    }

    /// The whole sentence of a condition not met (« ne s'applique pas ici : … »), kept across territories with
    /// its numbers as placeholders, filled for this one: a JSON roadmap says it for some eighty recommendations,
    /// and joining the reasons into a sentence again for each territory cost more than finding them.
    private func keptConditionWording(_ entry: LeftOutRecommendation, truth: Truth, elsewhere: Bool, program: ConditionReasonProgram,
                                      memos: RoadmapPresenter.Memos, fills: Fills) -> (code: String, text: String, by: String?) {
        let facts = roadmap.profile.facts
        let truths = program.evaluate(facts)
        var values = program.key(truths: truths, facts, numbersPlaceheld: true, room: 2)
        // What the sentence's lead depends on besides the parts: the outcome, and whether it fails on the place.
        values.append(.number(truth == .true ? 0 : truth == .false ? 1 : 2))
        values.append(.bool(elsewhere))
        let key = WordingKey(recommendation: entry.recommendation.id, score: nil, values: values)
        let kept = memos.conditionWordings.value(key) {
            let isMethod = ruleBase.lever(entry.recommendation.lever)?.isMethod == true
            let wording = RoadmapWording.leftOut(entry, in: roadmap, isMethod: isMethod, elsewhere: elsewhere, absent: nil, reasons: {
                program.reasons(truths: truths, facts, numbers: memos.numberPlaceholders)
            }, title: { $0 })
            return RoadmapPresenter.Memos.Wording(code: wording.code, text: wording.text)
        }
        return (kept.code, kept.cut.map { ConditionReasonProgram.fillNumbers($0, numbers: fills.values) } ?? kept.text, nil)
    }

    /// Why a condition does not hold, in words: by its compiled program in a batch (kept across territories),
    /// otherwise by its trace.
    private static func conditionReasons(_ recommendation: Recommendation, facts: FactValues, program: ConditionReasonProgram?,
                                         explainer: ConditionExplainer, fills: Fills?, memos: RoadmapPresenter.Memos?) -> [String] {
        guard let program else { return explainer.reasons(recommendation.condition.trace(facts)) }
        let truths = program.evaluate(facts)
        guard let memos else { return program.reasons(truths: truths, facts, numbers: fills?.values) }
        // Kept across territories: most share the values a condition names where it fails.
        // The numbers as placeholders, filled after: the key then holds no number, and a few hundred keys serve
        // every territory.
        guard let fills else {
            let key = WordingKey(recommendation: recommendation.id, score: nil, values: program.key(truths: truths, facts))
            return memos.reasons.value(key) { program.reasons(truths: truths, facts, numbers: nil) }
        }
        let key = WordingKey(recommendation: recommendation.id, score: nil, values: program.key(truths: truths, facts, numbersPlaceheld: true))
        let kept = memos.reasons.value(key) { program.reasons(truths: truths, facts, numbers: memos.numberPlaceholders) }
        return ConditionReasonProgram.fillNumbers(kept, numbers: fills.values)
    }
}
