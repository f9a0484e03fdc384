import RuleKit

extension RoadmapPresenter {
    /// What wording one roadmap needs at hand.
    struct Context {
        let roadmap: Roadmap
        let ruleBase: RuleBase
        let facts: FactStatement
        let explainer: ConditionExplainer
        let fixed: [String: FixedWording]
        let memos: Memos?
        /// Whether the cards get the parts only the detailed edition and JSON print (`RoadmapPresenter.wordsSpecialistParts`).
        let wordsSpecialistParts: Bool

        init(roadmap: Roadmap, ruleBase: RuleBase, fixed: [String: FixedWording] = [:], memos: Memos? = nil, wordsSpecialistParts: Bool = true) {
            self.roadmap = roadmap
            self.ruleBase = ruleBase
            self.fixed = fixed
            self.memos = memos
            self.wordsSpecialistParts = wordsSpecialistParts
            facts = FactStatement(profile: roadmap.profile, labels: ruleBase.factLabels)
            explainer = ConditionExplainer(vocabulary: ruleBase.vocabulary)
            var notFindings = [Bool](repeating: false, count: ruleBase.vocabulary.facts.count)
            for slot in ExecutiveSynthesis.notFindings.compactMap({ ruleBase.vocabulary.slot(of: ruleBase.vocabulary.factName($0)) }) {
                notFindings[slot] = true
            }
            self.notFindings = notFindings
            frenchSize = Typography.french(facts.size)
            fills = memos == nil ? nil : Fills(profile: roadmap.profile, facts: facts, size: frenchSize)
            occupancy = RoadmapWording.Occupancy(roadmap)
        }

        /// Read by the reason of every action left out for want of room: worked out once per roadmap.
        let occupancy: RoadmapWording.Occupancy

        /// What the placeholders of kept wording stand for in this territory (`WordingPlaceholder`), and the values
        /// of its numbers, worded once per roadmap rather than once per use (a batch roadmap fills hundreds), and
        /// only those a roadmap uses.
        let fills: Fills?

        /// Worded on first use and kept for the roadmap: one roadmap, one thread.
        final class Fills {
            private let profile: Profile
            private let facts: FactStatement
            /// In « Pour vous » lines: the statement of the fact, or the size for the empty name.
            private var statements: [String: String]
            private var numbers: [String?]?

            init(profile: Profile, facts: FactStatement, size: String) {
                self.profile = profile
                self.facts = facts
                statements = ["": size]
            }

            func statement(_ name: String) -> String {
                if let known = statements[name] { return known }
                let made = Typography.french(facts.filling(name))
                statements[name] = made
                return made
            }

            /// In the reasons of left-out recommendations: the value of each number fact, by slot.
            var values: [String?] {
                if let numbers { return numbers }
                let vocabulary = profile.vocabulary
                var values = [String?](repeating: nil, count: vocabulary.facts.count)
                for fact in vocabulary.facts where fact.type.isNumeric {
                    if let slot = vocabulary.slot(of: fact.name), slot < values.count {
                        values[slot] = ValueFormatter.value(profile.facts[slot], of: fact)
                    }
                }
                numbers = values
                return values
            }
        }

        /// The territory's size as « Pour vous » states it (« commune de 420 habitants »).
        let frenchSize: String

        /// The facts never stated as findings, by slot.
        private let notFindings: [Bool]

        /// The title `id` has for this territory (a variant where one holds).
        func title(_ id: String) -> String { ruleBase.recommendation(id)?.title(for: roadmap.profile.facts) ?? id }

        /// Who funds `card`, from its first funding line.
        func funder(_ card: RoadmapDocument.Card) -> String? {
            guard let line = card.funding.first else { return nil }
            if let wording = fixed[card.id], let index = wording.funding.firstIndex(of: line) { return wording.funders[index] }
            return ExecutiveSynthesis.funder(line)
        }

        /// « « Titre » (rang 2) » for an action the roadmap holds, « « Titre » » otherwise.
        func named(_ id: String) -> String {
            "« \(title(id)) »" + (roadmap.item(id).map { " (rang\(Typography.noBreakSpace)\($0.rank))" } ?? "")
        }

        /// « l'action 6 », « les actions 6 et 7 » for actions the roadmap holds; any other by its title, after them.
        func numbered(_ ids: [String]) -> String {
            let ranks = ids.compactMap { roadmap.item($0)?.rank }.sorted()
            let others = ids.filter { roadmap.item($0) == nil }.map { "« \(title($0)) »" }
            return Typography.list((ranks.isEmpty ? [] : [Typography.actions(ranks)]) + others)
        }

        /// Whether an absent prerequisite is for the team to have done: not when it does not apply here (no CLS to
        /// renew where one is in force, a diagnostic the rule base keeps for larger towns).
        func isToDoFirst(_ prerequisite: String) -> Bool {
            switch roadmap.notPlaced(prerequisite)?.reason {
            case .conditionNotMet, .wrongLevel: false
            default: true
            }
        }

        /// The plan of `recommendation`'s wording kept across territories, and its key here (nil: nothing is kept).
        private func key(_ recommendation: Recommendation, score: Score?, plan: KeyPath<FixedWording, WordingKeyPlan>) -> (WordingKeyPlan, WordingKey)? {
            guard memos != nil, let wording = fixed[recommendation.id] else { return nil }
            let plan = wording[keyPath: plan]
            return (plan, WordingKey(recommendation: recommendation.id, score: score, values: plan.values(roadmap.profile.facts)))
        }

        /// What `recommendation`'s condition and boosts found in this territory: kept across territories that
        /// share what they read (the numbers it states filled in for each). A boost that argues from an action
        /// the roadmap does not keep (`Boost.supports`) is not said.
        func territorial(_ recommendation: Recommendation, score full: Score) -> Territorial {
            let score = supportedScore(recommendation, full)
            guard let memos, let (plan, key) = key(recommendation, score: score, plan: \.territorialPlan) else {
                return wordTerritorial(recommendation, score: score, facts: facts)
            }
            let kept = memos.territorial.value(key) {
                wordTerritorial(recommendation, score: score, facts: FactStatement(profile: roadmap.profile, labels: ruleBase.factLabels, placeheld: plan.placeheld))
            }
            guard !plan.placeheld.isEmpty else { return kept }
            return Territorial(forYou: filled(kept.forYou), findingFacts: kept.findingFacts, conditionFindingFacts: kept.conditionFindingFacts,
                               raisingFacts: kept.raisingFacts, findingMembers: kept.findingMembers)
        }

        /// The « pour vous » line of an entry to consider later, worded directly: the reason of the weightiest boost
        /// that applies for what the territory is — what most raised the action here —, else the first reason
        /// `territorial(_:score:).forYou` gives other than `besides` (the territory's size alone). The condition's first
        /// finding said too little where a boost said why (« Créer un centre de santé — pourquoi : aucun centre de
        /// santé » beside an existing MSP, where the zone d'intervention prioritaire gave it 15 points; read39e). A
        /// boost for the team's priorities alone is no such reason: page 1 states them, and three lines of the list
        /// saying « le bien vieillir est une priorité de l'équipe » would hide the 14 % of residents aged 75 or more
        /// that one of them answers. A JSON roadmap words the line of
        /// two dozen entries; wording (or keeping across territories) every reason of each, for the first one, was
        /// a tenth of a JSON roadmap's work.
        func firstReason(_ recommendation: Recommendation, score full: Score, besides: String) -> String? {
            let score = supportedScore(recommendation, full)
            let boosts = recommendation.boosts
            // The first written among equals: the rule base writes them strongest first.
            let priorities = ruleBase.vocabulary.factName(.priorities)
            if let weightiest = boosts.indices.filter({ score.applies(boost: $0) && boosts[$0].points > 0 && boosts[$0].condition.expression.factNames != [priorities] })
                .max(by: { (boosts[$0].points, $1) < (boosts[$1].points, $0) }) {
                let reason = Typography.french(Typography.clause(facts.reason(of: boosts[weightiest]), joiner: ", "))
                if reason != besides { return reason }
            }
            return forYou(recommendation, score: score, leaves: heldLeaves(recommendation).conditionLeaves(roadmap.profile.facts), facts: facts,
                          firstBesides: besides).first
        }

        /// A boost that argues from an action the roadmap does not keep (`Boost.supports`) is not said.
        private func supportedScore(_ recommendation: Recommendation, _ full: Score) -> Score {
            let unsupported = recommendation.boosts.indices.filter { index in
                recommendation.boosts[index].supports.map { roadmap.item($0.text) == nil } ?? false
            }
            return unsupported.isEmpty ? full : full.without(boosts: unsupported, of: recommendation)
        }

        /// Kept « Pour vous » lines with this territory's statements: each placeholder is a whole line.
        private func filled(_ lines: [String]) -> [String] {
            lines.map { line in WordingPlaceholder.fill(line) { Typography.clause(fills?.statement($0) ?? Typography.french(facts.filling($0))) } }
        }

        /// The condition's leaves as `Territorial` reads them: compiled once per rule base when the presenter keeps
        /// them (`fixed`), else for this call.
        private func heldLeaves(_ recommendation: Recommendation) -> HeldLeafProgram {
            fixed[recommendation.id]?.heldLeaves ?? HeldLeafProgram(recommendation, vocabulary: ruleBase.vocabulary, findings: ruleBase.definitions.findingTexts)
        }

        /// `facts`: the statements of this territory, possibly with placeholders.
        private func wordTerritorial(_ recommendation: Recommendation, score: Score, facts: FactStatement) -> Territorial {
            let leaves = heldLeaves(recommendation).leaves(roadmap.profile.facts)
            let vocabulary = ruleBase.vocabulary
            var read = ReadFacts(count: vocabulary.facts.count)
            var members: [String: Set<String>] = [:]
            func note(_ leaf: HeldLeafProgram.Leaf, inCondition: Bool, points: Int = 0) {
                var whole = true
                if case .comparison(.in, let left, let right) = leaf.expression.kind, case .string(let member) = left.kind,
                   case .fact(let name) = right.kind {
                    whole = false
                    if leaf.held { members[name, default: []].insert(member) }
                }
                read.note(leaf.part.factSlots, inCondition: inCondition, whole: whole, points: points)
            }
            for leaf in leaves[0] { note(leaf, inCondition: true) }
            for (offset, boost) in recommendation.boosts.enumerated() where score.applies(boost: offset) && boost.points > 0 {
                // The parts of the boost that held, not every fact it reads (« aucun CLS » does not drive a boost
                // that applies because the intercommunality carries health).
                for leaf in leaves[offset + 1] { note(leaf, inCondition: false, points: boost.points) }
            }
            // The stated facts read, in vocabulary order (the order of the slots), decided once: those of the condition
            // and of the boosts are among them (`note` reads every leaf), and whether a fact is stated depends on the
            // fact alone.
            let statedSlots = read.readSlots.filter { slot in
                let name = vocabulary.facts[slot].name
                return !notFindings[slot] && !facts.isMainlandDefault(name) && facts.states(name)
            }
            let stated = statedSlots.map { vocabulary.facts[$0].name }
            var raising: [String: Int] = [:]
            for slot in statedSlots where read.raising[slot] > 0 { raising[vocabulary.facts[slot].name] = read.raising[slot] }
            return Territorial(forYou: forYou(recommendation, score: score, leaves: leaves[0], facts: facts), findingFacts: stated,
                               conditionFindingFacts: statedSlots.filter { read.isInCondition($0) }.map { vocabulary.facts[$0].name },
                               raisingFacts: raising,
                               findingMembers: members.filter { name, _ in !(vocabulary.slot(of: name).map { read.isReadWhole($0) } ?? false) })
        }

        /// Whether an item is in its phase because the earlier ones it wanted were full.
        static func isDeferredForRoom(_ placement: Placement) -> Bool {
            if case .capacity = placement { return true }
            return false
        }

        /// `territorial`: what the item's condition and boosts found here (`territorial(_:score:)`).
        func card(_ item: RoadmapItem, territorial: Territorial) -> RoadmapDocument.Card {
            let recommendation = item.recommendation
            let phase = roadmap.calendar.phases[item.phaseIndex]
            let profileFacts = roadmap.profile.facts
            var relations: [String] = []
            // The short edition names an action of the roadmap by its number (« après l'action 3 », « avec les
            // actions 6 et 7 »): its title is a few lines above or below. A prerequisite placed in an earlier phase
            // is plain from the order, and what an action replaces is planner bookkeeping (« remplace « Recueillir
            // la parole des habitants… » » on a village's ageing card reads as if it did away with it): only the
            // detailed edition names them.
            var briefRelations: [String] = []
            var samePhasePrerequisites: [String] = []
            // The relations in full name each action by its title: printed by JSON and `--detail` only.
            let full = wordsSpecialistParts
            for id in item.prerequisites {
                if full { relations.append("après \(named(id))") }
                if let other = roadmap.item(id), other.phaseIndex < item.phaseIndex { continue }
                samePhasePrerequisites.append(id)
            }
            // One « après » for all of them: « après les actions 4 et 5 », not « après l'action 4 ; après l'action 5 ».
            if !samePhasePrerequisites.isEmpty { briefRelations.append("après " + numbered(samePhasePrerequisites)) }
            // A founding decision that waits for this one in a later phase for want of room (the CLS and the diagnostic
            // its coordinator prepares, in 2028 behind a full 2027): said here, lest the sequence read as an
            // oversight (« avant les actions 10 et 11, qui suivent à partir de janv. 2028, faute de place plus tôt »).
            let waitingFoundations = roadmap.items.filter { dependent in
                dependent.phaseIndex > item.phaseIndex && dependent.prerequisites.contains(recommendation.id)
                    && dependent.recommendation.isFoundation && Self.isDeferredForRoom(dependent.placement)
            }
            if let first = waitingFoundations.min(by: { $0.phaseIndex < $1.phaseIndex }) {
                // The actions that come between, waiting for it too (the diagnostic before the CLS).
                let between = roadmap.items.filter { other in
                    other.phaseIndex > item.phaseIndex && other.phaseIndex <= first.phaseIndex && other.prerequisites.contains(recommendation.id)
                        && first.prerequisites.contains(other.recommendation.id)
                }
                let later: [String] = (between + [first]).map { $0.recommendation.id }
                let start = roadmap.calendar.phases[first.phaseIndex].start.shortFrench
                let from = (start.first.map { "aeiouâéè".contains($0) } == true ? "à partir d'" : "à partir de ") + start
                let text = "avant \(numbered(later)), qui \(later.count > 1 ? "suivent" : "suit") \(from), faute de place plus tôt"
                relations.append(text)
                briefRelations.append(text)
            }
            // Actions that belong together share one « avec » (the cards of a phase stand together already).
            // A companion that waited for a declared priority's action (`PhasePlacement.smoothOverfilledPhases`) is
            // with its set only as room allows: the card says so, not « avec » alone across two phases.
            let apart = item.together.filter { roadmap.item($0).map { $0.phaseIndex != item.phaseIndex } ?? false }
            let alongside = item.together.filter { !apart.contains($0) }
            if !alongside.isEmpty {
                if full { relations.append("avec " + Typography.list(alongside.map(named))) }
                briefRelations.append("avec " + numbered(alongside))
            }
            if !apart.isEmpty {
                if full { relations.append("avec " + Typography.list(apart.map(named)) + ", dès que la place le permet") }
                briefRelations.append("avec " + numbered(apart) + ", dès que la place le permet")
            }
            for id in item.assumedPrerequisites where isToDoFirst(id) {
                let relation = "suppose « \(title(id)) » déjà fait, ou à faire d'abord"
                if full { relations.append(relation) }
                briefRelations.append(relation)
            }
            // One relation per verb, however many actions it names: « remplace « A », « B » et « C » ».
            for (verb, replaced) in [("remplace", true), ("écarte", false)] {
                let titles = item.supersedes.filter { recommendation.replaces.contains($0) == replaced }.map { "« \(title($0)) »" }
                guard !titles.isEmpty else { continue }
                let relation = "\(verb) \(Typography.list(titles))"
                if full { relations.append(relation) }
                if !replaced { briefRelations.append(relation) }
            }
            // The score's terms and line: printed by JSON and `--detail` only.
            let terms = full ? item.scoreTerms.map { RoadmapDocument.ScoreTerm(points: $0.points, reason: facts.filledValues($0.reason, names: $0.reasonValues)) } : []
            let wording = fixed[recommendation.id] ?? FixedWording(recommendation, ruleBase: ruleBase)
            // An action that starts now with its first step says so first, on its « Calendrier » line.
            let placement = RoadmapWording.placement(item, in: roadmap)
            // « premier pas dès maintenant, car … ; le reste à partir de janv. 2028, car … »: the rest said once, by the
            // placement when the action was deferred.
            let startNow = RoadmapWording.startNow(item, in: roadmap, reason: true, rest: placement == nil)
            func joined(_ first: String?, _ then: String?) -> String? {
                guard let first else { return then }
                return then.map { "\(first) ; \(RoadmapWording.opensWithStart($0) ? "le reste " : "")\($0)" } ?? first
            }
            let forYou = territorial.forYou
            let size = frenchSize
            let truths = wording.lines.truths(profileFacts)
            // Each list with its own positions, not through a key path (made again at each call).
            let lines = wording.lines
            func shown<Item>(_ items: [Item], _ positions: [Int?]) -> [Item] {
                FixedWording.ShownLines.shown(items, positions, truths)
            }
            return RoadmapDocument.Card(
                rank: item.rank, id: recommendation.id, title: recommendation.title(for: profileFacts), lever: recommendation.lever,
                leverTitle: ruleBase.lever(recommendation.lever)?.title ?? recommendation.lever,
                phaseID: phase.id, phaseTitle: phase.title, period: phase.period, phaseStart: phase.start.shortFrench,
                carrierID: recommendation.carrier(for: profileFacts).carrier.rawValue, carrier: RoadmapWording.carrier(recommendation, facts: facts),
                // A horizon it was due by and missed for want of room is kept, marked missed (its placement says why).
                deadline: (item.deadline ?? item.missedDeadline).map { RoadmapWording.deadline($0) },
                deadlineMonth: (item.deadline ?? item.missedDeadline)?.before.description,
                deadlineMissed: item.deadline == nil && item.missedDeadline != nil,
                effortID: recommendation.effort.rawValue, effort: recommendation.effort.rawValue,
                horizonID: recommendation.horizon.rawValue, horizon: recommendation.horizon.label,
                costRangeID: recommendation.costRange(for: profileFacts)?.rawValue,
                costRange: recommendation.costRange(for: profileFacts)?.label(staff: roadmap.capacity.staff),
                evidenceLevelID: recommendation.evidenceLevel?.rawValue, evidenceLevel: recommendation.evidenceLevel.map(WeighingWording.evidence),
                inequalityEffectID: recommendation.inequalityEffect(for: profileFacts)?.rawValue,
                inequalityEffect: recommendation.inequalityEffect(for: profileFacts).map(WeighingWording.inequality),
                forYou: forYou, sizeReason: forYou.contains(size) ? size : nil,
                selection: RoadmapWording.selection(item.selection, vocabulary: ruleBase.vocabulary),
                cautions: shown(wording.cautions, lines.cautions),
                relations: relations, briefRelations: briefRelations,
                placement: joined(startNow, placement?.full),
                placementBrief: joined(startNow, placement?.brief),
                placementKind: Self.placementKind(item.placement),
                why: wording.why, whyShort: wording.whyShort,
                steps: shown(wording.steps, lines.steps),
                partners: shown(wording.partners, lines.partners),
                funding: shown(wording.funding, lines.funding),
                examples: shown(wording.examples, lines.examples),
                evidence: wording.evidence, facts: shown(wording.facts, lines.facts),
                sources: shown(wording.sources, lines.sources), sourceNumbers: [],
                indicators: wording.indicators,
                score: item.score.total, scoreLine: full ? Self.scoreLine(terms, total: item.score.total) : "", scoreTerms: terms,
                prerequisites: item.prerequisites, assumedPrerequisites: item.assumedPrerequisites, together: item.together,
                supersedes: item.supersedes)
        }

        /// « Vierzon (Cher). La ville a confié… »: the territory, then what it did in sentences of their own. After
        /// the card's « Exemple : », a second colon would stack two labels and be followed by a capital.
        static func example(_ example: Example, ruleBase: RuleBase) -> RoadmapDocument.Example {
            let territory = example.territory.last.map { ".!?".contains($0) } == true ? example.territory : example.territory + "."
            return RoadmapDocument.Example(territory: example.territory, what: example.what,
                                           text: Typography.french("\(territory) \(example.what)"),
                                           source: example.source.map { source($0, ruleBase: ruleBase) })
        }

        /// `document` cited for `section`: kept across the territories of a batch (`Memos.sources`).
        func source(document: String, section: String) -> RoadmapDocument.Source {
            let reference = SourceReference(document: document, section: section)
            guard let memos else { return Self.source(reference, ruleBase: ruleBase) }
            return memos.sources.value(WordingKey(recommendation: document, score: nil, values: [.text(section)])) {
                Self.source(reference, ruleBase: ruleBase)
            }
        }

        static func source(_ reference: SourceReference, ruleBase: RuleBase) -> RoadmapDocument.Source {
            let document = ruleBase.source(reference.document)
            return RoadmapDocument.Source(
                document: reference.document, title: document.map { SourceWording.reference($0, asOf: ruleBase.version.date) } ?? reference.document,
                citation: Typography.french("\(document.map(SourceWording.short) ?? reference.document) — \(reference.section)"), section: reference.section,
                publisher: document?.publisher ?? "", date: document?.date?.description, consulted: document?.consulted?.description,
                url: document?.url)
        }

        static func placementKind(_ placement: Placement) -> String {
            switch placement {
            case .horizon: return "horizon"
            case .prerequisite: return "prealable"
            case .together: return "ensemble"
            case .capacity, .smoothed, .yielded: return "capacite"
            }
        }

        /// « 70 (priorité de base) + 15 (l'accès aux soins est une priorité) = 85 »
        static func scoreLine(_ terms: [RoadmapDocument.ScoreTerm], total: Int) -> String {
            let parts = terms.map { "\($0.points) (\($0.reason))" }
            return parts.count == 1 ? parts[0] : parts.joined(separator: " + ") + " = \(total)"
        }
    }
}
