import RuleKit

/// Words a planned roadmap for people, once: the document every output reads (`RoadmapDocument`).
public struct RoadmapPresenter: Sendable {
    public let ruleBase: RuleBase
    /// Whether the document's renderings show the annexes for specialists (scores, the whole left-out list).
    public let detail: Bool
    /// Whether the document words the whole left-out list (`leftOut`). Only `--detail` and JSON show it; a batch
    /// of text roadmaps need not explain, for every territory, the conditions of sixty recommendations.
    public let wordsLeftOut: Bool
    /// How many « à envisager ensuite » entries get their « pour vous » line (`Entry.line`): all by default. A batch
    /// whose format shows only the first ones (`RoadmapDocument.considerLaterShown`) or none words only those:
    /// wording the line is most of an entry's cost, and a territory has two dozen entries.
    public let considerLaterLines: Int

    /// The wording of each recommendation that does not depend on the territory, made once (`cachesWording`).
    private let fixed: [String: FixedWording]

    /// `cachesWording`: words every recommendation's own texts once, up front — for a presenter that words
    /// thousands of roadmaps (a batch), not for one.
    public init(ruleBase: RuleBase, detail: Bool = false, wordsLeftOut: Bool = true, considerLaterLines: Int = .max, cachesWording: Bool = false) {
        self.ruleBase = ruleBase
        self.detail = detail
        self.wordsLeftOut = wordsLeftOut
        self.considerLaterLines = considerLaterLines
        var fixed: [String: FixedWording] = [:]
        if cachesWording {
            for recommendation in ruleBase.recommendations { fixed[recommendation.id] = FixedWording(recommendation, ruleBase: ruleBase) }
        }
        self.fixed = fixed
        memos = cachesWording ? Memos() : nil
    }

    /// What a presenter that words many roadmaps keeps from one to the next (`cachesWording`).
    private let memos: Memos?

    final class Memos: Sendable {
        let territorial = WordingMemo<Territorial>()
        let leftOut = WordingMemo<LeftOutWording>()
    }

    /// What a planned recommendation's condition and boosts found in one territory, in words.
    struct Territorial: Sendable {
        /// The card's « Pour vous ».
        let forYou: [String]
        /// The facts of the profile its condition and its applying boosts rest on that the synthesis may state as
        /// findings (not the size, nor the team's own choices).
        let findingFacts: [String]
    }

    struct LeftOutWording: Sendable {
        let code: String
        let text: String
        let by: String?
    }

    /// A recommendation's texts in French typography: the same for every territory. A class: a card reads it
    /// several times per territory, and copying its dozen arrays and strings cost more than the reading.
    final class FixedWording: Sendable {
        let why: String
        let whyShort: String
        let steps: [String]
        let partners: [String]
        let funding: [String]
        let cautions: [String]
        let examples: [RoadmapDocument.Example]
        let evidence: String?
        let facts: [RoadmapDocument.Fact]
        let sources: [RoadmapDocument.Source]
        let indicators: [String]
        /// The facts its condition reads, and those its territorial wording reads (`Territorial`): the condition's
        /// and the boosts' facts, and the kind and the population when the condition reads one of them (they are
        /// stated together as the size).
        let conditionPlan: WordingKeyPlan
        let territorialPlan: WordingKeyPlan
        /// The funder each line of `funding` names (`ExecutiveSynthesis.funder`), in the same order.
        let funders: [String?]

        init(_ recommendation: Recommendation, ruleBase: RuleBase) {
            let french = Typography.french
            why = french(recommendation.why)
            whyShort = french(Typography.opening(recommendation.why))
            steps = recommendation.steps.map { french($0.text) }
            partners = recommendation.partners.map { french($0.text) }
            funding = recommendation.funding.map { french($0.text) }
            funders = funding.map(ExecutiveSynthesis.funder)
            cautions = recommendation.cautions.map { french($0.text) }
            examples = recommendation.examples.map { Context.example($0, ruleBase: ruleBase) }
            let registered = recommendation.evidence?.factIDs.compactMap(ruleBase.fact) ?? []
            facts = registered.map { RoadmapDocument.Fact(id: $0.id, statement: french($0.statement), source: Context.source($0.source, ruleBase: ruleBase)) }
            if case .paragraph(let text)? = recommendation.evidence { evidence = french(text) } else { evidence = nil }
            sources = recommendation.sources.map { Context.source($0, ruleBase: ruleBase) }
            indicators = recommendation.indicators.map(french)
            let vocabulary = ruleBase.vocabulary
            let conditionFacts = recommendation.condition.expression.factNames
            var read = conditionFacts
            for boost in recommendation.boosts { read.formUnion(boost.condition.expression.factNames) }
            let size: Set = [vocabulary.factName(.kind), vocabulary.factName(.population)]
            if !conditionFacts.isDisjoint(with: size) { read.formUnion(size) }
            conditionPlan = WordingKeyPlan(facts: conditionFacts, expressions: [recommendation.condition.expression], vocabulary: vocabulary)
            territorialPlan = WordingKeyPlan(facts: read, expressions: [recommendation.condition.expression] + recommendation.boosts.map(\.condition.expression),
                                             vocabulary: vocabulary)
        }
    }

    public func document(_ roadmap: Roadmap) -> RoadmapDocument {
        let context = Context(roadmap: roadmap, ruleBase: ruleBase, fixed: fixed, memos: memos)
        var cards = roadmap.items.map { context.card($0) }
        var bibliography: [RoadmapDocument.BibliographyEntry] = []
        for index in cards.indices where detail {
            // The facts are printed in the detailed edition only; there their sources join the action's own, so
            // that the reader finds each figure's document in the list.
            for fact in cards[index].facts where !cards[index].sources.contains(fact.source) { cards[index].sources.append(fact.source) }
        }
        for index in cards.indices {
            // An example's document joins the action's sources too: the reader finds it in the list by its number.
            for source in cards[index].examples.compactMap(\.source) where !cards[index].sources.contains(source) {
                cards[index].sources.append(source)
            }
            cards[index].sourceNumbers = cards[index].sources.map { source in
                if let known = bibliography.firstIndex(where: { $0.document == source.document }) { return known + 1 }
                let title = detail ? source.title : ruleBase.source(source.document).map(SourceWording.compact) ?? source.title
                bibliography.append(RoadmapDocument.BibliographyEntry(document: source.document, title: Typography.french(title)))
                return bibliography.count
            }
            cards[index].examples = cards[index].examples.map { example in
                guard let source = example.source, let known = bibliography.firstIndex(where: { $0.document == source.document }) else { return example }
                return citing(example, number: known + 1)
            }
            let facts = cards[index].facts
            if !facts.isEmpty {
                cards[index].evidence = facts.map { fact in
                    let number = bibliography.firstIndex { $0.document == fact.source.document }.map { Self.citedNumber($0 + 1) } ?? ""
                    return Self.beforeFinalPeriod(fact.statement, number)
                }.joined(separator: " ")
            }
        }
        // An example is told once per document: a later card that cites the same territory points back to it.
        var told: [String: Int] = [:]
        for index in cards.indices {
            for example in cards[index].examples.indices {
                let territory = cards[index].examples[example].territory
                if let rank = told[territory] { cards[index].examples[example].toldAtRank = rank } else { told[territory] = cards[index].rank }
            }
        }
        let seasons = Milestones.seasons(of: roadmap)
        let phases = roadmap.calendar.phases.enumerated().map { index, phase in
            RoadmapDocument.Phase(
                id: phase.id, horizons: Horizon.allCases.filter(phase.horizons.contains).map(\.rawValue), title: phase.title,
                period: phase.period, start: phase.start.description, end: phase.end.description, months: phase.months,
                capacity: roadmap.capacity.unitsPerPhase[index], used: roadmap.unitsUsed[index],
                milestones: Milestones.of(phase, seasons: seasons),
                outlined: !detail && index > 0 && phase.start >= MandateCalendar.midMandateReview,
                cards: zip(roadmap.items, cards).filter { $0.0.phaseIndex == index }.map(\.1))
        }
        let considerLater = roadmap.considerLater.enumerated().map { context.entry($1, line: $0 < considerLaterLines) }
        let synthesis = ExecutiveSynthesis(roadmap: roadmap, cards: cards, context: context, considerLater: considerLater.count)
        let capacity = roadmap.capacity
        let version = ruleBase.version
        let edition = "Édition de \(roadmap.calendar.start.longFrench) · MandatSanté \(ToolVersion.current) · base de règles \(version.label) (empreinte \(version.fingerprint))"
        return RoadmapDocument(
            header: RoadmapDocument.Header(
                title: roadmap.profile.name, summary: TerritoryPortrait.summary(roadmap.profile),
                period: "De \(roadmap.calendar.start.longFrench) aux élections de mars \(MandateCalendar.mandateEnd.year)",
                edition: edition),
            synthesis: synthesis.value,
            portrait: TerritoryPortrait(profile: roadmap.profile, capacity: capacity, layout: context.ruleBase.portrait),
            phases: phases, considerLater: considerLater, bibliography: bibliography,
            leftOut: wordsLeftOut ? LeftOutGroups.groups(roadmap.leftOut.map { context.entry($0) }) : [],
            detail: detail,
            data: DocumentData(
                facts: ruleBase.vocabulary.facts.map { (name: $0.name, value: roadmap.profile.value($0.name)) },
                start: roadmap.calendar.start.description, end: roadmap.calendar.end.description,
                editionMonth: roadmap.calendar.start.description, toolVersion: ToolVersion.current,
                ruleBaseVersion: version.label, ruleBaseFingerprint: version.fingerprint,
                yearlyUnits: capacity.yearlyUnitsText, staff: capacity.staff, totalUnits: capacity.totalUnits,
                methodLimit: capacity.methodLimit, recommendationCount: ruleBase.recommendations.count))
    }

    /// « … 80 % de l'état de santé [1]. » : `insert` (the number) before the final period of `statement`, held to
    /// its last word. Decided on the bytes when the period follows an ASCII character (then it is a character of
    /// its own); otherwise by characters.
    static func beforeFinalPeriod(_ statement: String, _ insert: String) -> String {
        let bytes = statement.utf8
        if let last = bytes.last, last == 0x2E, bytes.count >= 2, bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80 {
            return String(Substring(bytes.dropLast())) + insert + "."
        }
        guard statement.hasSuffix(".") else { return statement + insert }
        return statement.dropLast() + insert + "."
    }

    /// « [3] » after a fact, joined to it by a no-break space.
    static func citedNumber(_ number: Int) -> String { "\u{00A0}[\(number)]" }

    /// « Albi (Tarn) : ce que la ville a fait (source [3], juillet 2026). »: the number and the date of the
    /// example's document, before the final period.
    func citing(_ example: RoadmapDocument.Example, number: Int) -> RoadmapDocument.Example {
        var cited = example
        cited.sourceNumber = number
        let date = example.source.flatMap { ruleBase.source($0.document) }.map { ", " + SourceWording.date($0.date).replacingOccurrences(of: " ", with: "\u{00A0}") } ?? ""
        let reference = Typography.french(" (source\u{00A0}[\(number)]\(date))")
        cited.text = example.text.hasSuffix(".") ? example.text.dropLast() + reference + "." : example.text + reference
        return cited
    }

    /// What wording one roadmap needs at hand.
    struct Context {
        let roadmap: Roadmap
        let ruleBase: RuleBase
        let facts: FactStatement
        let explainer: ConditionExplainer
        let fixed: [String: FixedWording]
        let memos: Memos?

        init(roadmap: Roadmap, ruleBase: RuleBase, fixed: [String: FixedWording] = [:], memos: Memos? = nil) {
            self.roadmap = roadmap
            self.ruleBase = ruleBase
            self.fixed = fixed
            self.memos = memos
            facts = FactStatement(profile: roadmap.profile)
            explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
            notFindings = Set(ExecutiveSynthesis.notFindings.map(ruleBase.vocabulary.factName))
            frenchSize = Typography.french(facts.size)
            fills = memos == nil ? nil : Fills(profile: roadmap.profile, facts: facts, size: frenchSize)
        }

        /// What the placeholders of kept wording stand for in this territory (`WordingPlaceholder`), worded once per
        /// roadmap rather than once per placeholder: a batch roadmap fills hundreds. Only numbers are held by
        /// placeholders (`WordingKeyPlan`), and the size.
        private let fills: Fills?

        struct Fills {
            /// In « Pour vous » lines: the statement of the fact, or the size for the empty name.
            let statements: [String: String]
            /// In the reasons of left-out recommendations: the value of the fact.
            let values: [String: String]

            init(profile: Profile, facts: FactStatement, size: String) {
                var statements = ["": size]
                var values: [String: String] = [:]
                for fact in profile.vocabulary.facts where fact.type.isNumeric {
                    statements[fact.name] = Typography.french(facts.filling(fact.name))
                    values[fact.name] = ValueFormatter.value(profile.value(fact.name), of: fact)
                }
                self.statements = statements
                self.values = values
            }
        }

        /// The territory's size as « Pour vous » states it (« commune de 420 habitants »).
        private let frenchSize: String

        /// The facts never stated as findings, by name.
        private let notFindings: Set<String>

        func title(_ id: String) -> String { ruleBase.recommendation(id)?.title ?? id }

        /// Who funds `card`, from its first funding line.
        func funder(_ card: RoadmapDocument.Card) -> String? {
            guard let line = card.funding.first else { return nil }
            if let wording = fixed[card.id], let index = wording.funding.firstIndex(of: line) { return wording.funders[index] }
            return ExecutiveSynthesis.funder(line)
        }

        func rank(_ id: String) -> Int? { roadmap.item(id)?.rank }

        /// The plan of `recommendation`'s wording kept across territories, and its key here (nil: nothing is kept).
        private func key(_ recommendation: Recommendation, score: Score?, plan: KeyPath<FixedWording, WordingKeyPlan>) -> (WordingKeyPlan, WordingKey)? {
            guard memos != nil, let wording = fixed[recommendation.id] else { return nil }
            let plan = wording[keyPath: plan]
            return (plan, WordingKey(recommendation: recommendation.id, score: score, values: plan.values(roadmap.profile.facts)))
        }

        /// What `recommendation`'s condition and boosts found in this territory: kept across territories that
        /// share what they read (the numbers it states filled in for each).
        func territorial(_ recommendation: Recommendation, score: Score) -> Territorial {
            guard let memos, let (plan, key) = key(recommendation, score: score, plan: \.territorialPlan) else {
                return wordTerritorial(recommendation, score: score, facts: facts)
            }
            let kept = memos.territorial.value(key) {
                wordTerritorial(recommendation, score: score, facts: FactStatement(profile: roadmap.profile, placeheld: plan.placeheld))
            }
            guard !plan.placeheld.isEmpty else { return kept }
            // Each placeholder is a whole line: a statement.
            let forYou = kept.forYou.map { line in WordingPlaceholder.fill(line) { fills?.statements[$0] ?? Typography.french(facts.filling($0)) } }
            return Territorial(forYou: forYou, findingFacts: kept.findingFacts)
        }

        /// `facts`: the statements of this territory, possibly with placeholders.
        private func wordTerritorial(_ recommendation: Recommendation, score: Score, facts: FactStatement) -> Territorial {
            let profileFacts = roadmap.profile.facts
            let trace = recommendation.condition.trace(profileFacts)
            var read: Set<String> = []
            for leaf in FactStatement.heldLeaves(trace) { read.formUnion(leaf.expression.factNames) }
            for (offset, boost) in recommendation.boosts.enumerated() where score.applies(boost: offset) && boost.points > 0 {
                // The parts of the boost that held, not every fact it reads (« aucun CLS » does not drive a boost
                // that applies because the intercommunality carries health).
                for leaf in FactStatement.heldLeaves(boost.condition.trace(profileFacts)) { read.formUnion(leaf.expression.factNames) }
            }
            let vocabulary = ruleBase.vocabulary
            let findingFacts = read.subtracting(notFindings).filter { facts.statement($0) != nil }
                .sorted { (vocabulary.slot(of: $0) ?? .max) < (vocabulary.slot(of: $1) ?? .max) }
            return Territorial(forYou: forYou(recommendation, score: score, trace: trace, facts: facts), findingFacts: findingFacts)
        }

        /// Why a recommendation is for this territory: what its condition found in the profile, then each boost
        /// that applies, the weightiest first (its reason replaces the bare finding it rests on), then the size
        /// and staff the condition asked for — they say where an action applies more than why it matters here
        /// (a heat-wave plan is for « territoire exposé aux vagues de chaleur » before « commune de 8 200
        /// habitants »), and the edition that keeps two reasons drops them first.
        private func forYou(_ recommendation: Recommendation, score: Score, trace: ConditionTrace, facts: FactStatement) -> [String] {
            let boosts = recommendation.boosts.enumerated().filter { score.applies(boost: $0.offset) }.map(\.element)
            let boosted = boosts.reduce(into: Set<String>()) { $0.formUnion($1.condition.expression.factNames) }
            let held = FactStatement.heldLeaves(trace).filter { $0.expression.factNames.isDisjoint(with: boosted) || $0.expression.factNames.isSubset(of: facts.sizeFacts) }
            let scale = facts.sizeFacts.union([ruleBase.vocabulary.factName(.staff)])
            var lines: [String] = []
            var sizes: [String] = []
            // Members of one set that held one by one (« PLU », « SCoT ») make one line naming them all.
            var members: [(label: String, line: Int, values: [String])] = []
            for leaf in held {
                let isScale = leaf.expression.factNames.isSubset(of: scale)
                for statement in facts.statements(heldIn: leaf) where !lines.contains(statement) && !sizes.contains(statement) {
                    if isScale { sizes.append(statement); continue }
                    if let name = leaf.expression.factNames.first, leaf.expression.factNames.count == 1,
                       ruleBase.vocabulary.fact(named: name)?.type == .set, !statement.contains("pas « "),
                       let colon = statement.firstRange(of: " : ") {
                        let label = String(statement[..<colon.lowerBound]), value = String(statement[colon.upperBound...])
                        if let index = members.firstIndex(where: { $0.label == label }) {
                            members[index].values.append(value)
                            continue
                        }
                        members.append((label, lines.count, [value]))
                    }
                    lines.append(statement)
                }
            }
            for member in members where member.values.count > 1 { lines[member.line] = "\(member.label) : \(Typography.list(member.values))" }
            // Stable: boosts of equal weight keep the order the recommendation gives them.
            let weighed = boosts.enumerated().filter { $0.element.points > 0 }
                .sorted { ($0.element.points, $1.offset) > ($1.element.points, $0.offset) }.map(\.element)
            for boost in weighed where !lines.contains(boost.reason) { lines.append(boost.reason) }
            lines += sizes.filter { !lines.contains($0) }
            return lines.map(Typography.french)
        }

        func card(_ item: RoadmapItem) -> RoadmapDocument.Card {
            let recommendation = item.recommendation
            let phase = roadmap.calendar.phases[item.phaseIndex]
            let profileFacts = roadmap.profile.facts
            var relations: [String] = []
            // A prerequisite placed in an earlier phase is plain from the order: only the detailed edition names it.
            var earlier: [String] = []
            for id in item.prerequisites {
                let relation = "après « \(title(id)) »\(rank(id).map { " (rang \($0))" } ?? "")"
                relations.append(relation)
                if let other = roadmap.item(id), other.phaseIndex < item.phaseIndex { earlier.append(relation) }
            }
            for id in item.together { relations.append("avec « \(title(id)) »\(rank(id).map { " (rang \($0))" } ?? ""), dans la même phase") }
            for id in item.assumedPrerequisites { relations.append("suppose « \(title(id)) » déjà fait, ou à faire d'abord") }
            // One relation per verb, however many actions it names: « remplace « A », « B » et « C » ».
            for (verb, replaced) in [("remplace", true), ("écarte", false)] {
                let titles = item.supersedes.filter { recommendation.replaces.contains($0) == replaced }.map { "« \(title($0)) »" }
                if !titles.isEmpty { relations.append("\(verb) \(Typography.list(titles))") }
            }
            let terms = item.scoreTerms.map { RoadmapDocument.ScoreTerm(points: $0.points, reason: $0.reason) }
            let wording = fixed[recommendation.id] ?? FixedWording(recommendation, ruleBase: ruleBase)
            let placement = RoadmapWording.placement(item, in: roadmap)
            let forYou = territorial(recommendation, score: item.score).forYou
            let size = frenchSize
            func holding(_ lines: [ConditionalText], _ worded: [String]) -> [String] {
                zip(lines, worded).filter { $0.0.holds(for: profileFacts) }.map(\.1)
            }
            return RoadmapDocument.Card(
                rank: item.rank, id: recommendation.id, title: recommendation.title, lever: recommendation.lever,
                leverTitle: ruleBase.lever(recommendation.lever)?.title ?? recommendation.lever,
                phaseID: phase.id, phaseTitle: phase.title, period: phase.period,
                carrierID: recommendation.carrier.rawValue, carrier: RoadmapWording.carrier(recommendation, facts: facts),
                deadline: item.deadline.map(RoadmapWording.deadline), deadlineMonth: item.deadline?.before.description,
                effortID: recommendation.effort.rawValue, effort: recommendation.effort.rawValue,
                horizonID: recommendation.horizon.rawValue, horizon: recommendation.horizon.label,
                costRangeID: recommendation.costRange?.rawValue, costRange: recommendation.costRange?.label,
                evidenceLevelID: recommendation.evidenceLevel?.rawValue, evidenceLevel: recommendation.evidenceLevel.map(WeighingWording.evidence),
                inequalityEffectID: recommendation.inequalityEffect?.rawValue,
                inequalityEffect: recommendation.inequalityEffect.map(WeighingWording.inequality),
                forYou: forYou, sizeReason: forYou.contains(size) ? size : nil,
                selection: RoadmapWording.selection(item.selection, vocabulary: ruleBase.vocabulary),
                cautions: zip(recommendation.cautions, wording.cautions).filter { $0.0.condition.evaluate(profileFacts) == .true }.map(\.1),
                relations: relations, briefRelations: relations.filter { !earlier.contains($0) },
                placement: placement.map { brief, causes in causes.map { "\(brief) — \($0)" } ?? brief },
                placementBrief: placement?.brief,
                placementKind: Self.placementKind(item.placement),
                why: wording.why, whyShort: wording.whyShort,
                steps: holding(recommendation.steps, wording.steps),
                partners: holding(recommendation.partners, wording.partners),
                funding: holding(recommendation.funding, wording.funding),
                examples: wording.examples,
                evidence: wording.evidence, facts: wording.facts.filter { recommendation.prints(fact: $0.id, for: profileFacts) },
                sources: wording.sources, sourceNumbers: [],
                indicators: wording.indicators,
                score: item.score.total, scoreLine: Self.scoreLine(terms, total: item.score.total), scoreTerms: terms,
                prerequisites: item.prerequisites, assumedPrerequisites: item.assumedPrerequisites, together: item.together,
                supersedes: item.supersedes)
        }

        static func example(_ example: Example, ruleBase: RuleBase) -> RoadmapDocument.Example {
            RoadmapDocument.Example(territory: example.territory, what: example.what,
                                    text: Typography.french("\(example.territory) : \(example.what)"),
                                    source: example.source.map { source($0, ruleBase: ruleBase) })
        }

        static func source(_ reference: SourceReference, ruleBase: RuleBase) -> RoadmapDocument.Source {
            let document = ruleBase.source(reference.document)
            return RoadmapDocument.Source(
                document: reference.document, title: document.map(SourceWording.reference) ?? reference.document,
                citation: Typography.french("\(document.map(SourceWording.short) ?? reference.document) — \(reference.section)"), section: reference.section,
                publisher: document?.publisher ?? "", date: document?.date.description ?? "", url: document?.url)
        }

        /// `line`: whether to word the « pour vous » line of an entry to consider later.
        func entry(_ entry: LeftOutRecommendation, line wordsLine: Bool = true) -> RoadmapDocument.Entry {
            let wording = leftOutWording(entry)
            var line: String?
            if entry.reason.isConsiderLater, wordsLine {
                // The territory's size alone is no reason worth a line: most actions apply from some size on.
                let reasons = territorial(entry.recommendation, score: entry.score).forYou.filter { $0 != frenchSize }.prefix(1)
                line = reasons.isEmpty ? nil : Typography.french("pour vous : " + Typography.inline(Array(reasons)))
            }
            return RoadmapDocument.Entry(id: entry.recommendation.id, title: entry.recommendation.title, reasonCode: wording.code,
                                         reason: wording.text, by: wording.by, score: entry.score.total, line: line)
        }

        /// Why a recommendation is not in the roadmap; a condition not met is explained by the values of the
        /// facts it reads, so its wording is kept across territories that share them.
        private func leftOutWording(_ entry: LeftOutRecommendation) -> LeftOutWording {
            func word(_ explainer: ConditionExplainer) -> LeftOutWording {
                let wording = RoadmapWording.leftOut(entry, in: roadmap, explainer: explainer, title: title)
                return LeftOutWording(code: wording.code, text: wording.text, by: wording.by)
            }
            guard case .conditionNotMet = entry.reason, let memos, let (plan, key) = key(entry.recommendation, score: nil, plan: \.conditionPlan) else {
                return word(explainer)
            }
            let kept = memos.leftOut.value(key) { word(ConditionExplainer(vocabulary: ruleBase.vocabulary, placeheld: plan.placeheld)) }
            guard !plan.placeheld.isEmpty else { return kept }
            let vocabulary = ruleBase.vocabulary
            let text = WordingPlaceholder.fill(kept.text) { name in
                fills?.values[name] ?? ValueFormatter.value(roadmap.profile.value(name), of: vocabulary.fact(named: name))
            }
            return LeftOutWording(code: kept.code, text: text, by: kept.by)
        }

        static func placementKind(_ placement: Placement) -> String {
            switch placement {
            case .horizon: return "horizon"
            case .prerequisite: return "prealable"
            case .together: return "ensemble"
            case .capacity: return "capacite"
            }
        }

        /// « 70 (priorité de base) + 15 (l'accès aux soins est une priorité) = 85 »
        static func scoreLine(_ terms: [RoadmapDocument.ScoreTerm], total: Int) -> String {
            let parts = terms.map { "\($0.points) (\($0.reason))" }
            return parts.count == 1 ? parts[0] : parts.joined(separator: " + ") + " = \(total)"
        }
    }
}
