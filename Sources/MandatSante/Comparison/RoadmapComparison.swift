import RuleKit

/// What changes from one roadmap to another — actions added, removed, moved to another phase, up or down — each
/// with its reason in French. A pure function of the two roadmaps (same rule base, same calendar): the command
/// line builds them from a profile and its `--set` variant, or from two profiles.
public struct RoadmapComparison: Sendable {
    /// One fact that differs between the two profiles, worded for people.
    public struct FactChange: Sendable, Hashable {
        public var label: String
        public var before: String
        public var after: String
    }

    /// One action whose place changes.
    public struct Change: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case added, removed, phase, up, down
        }

        public var kind: Kind
        public var id: String
        public var title: String
        public var rankBefore: Int?
        public var rankAfter: Int?
        public var phaseBefore: String?
        public var phaseAfter: String?
        public var scoreBefore: Int?
        public var scoreAfter: Int?
        /// Why, in French, with the facts' values.
        public var reasons: [String]
    }

    /// How each side is named in the heading; the command line says « le même profil avec --set … ».
    public var beforeLabel: String
    public var afterLabel: String
    public var startMonth: String
    public var countBefore: Int
    public var countAfter: Int
    public var factChanges: [FactChange]
    /// Effort units per year each territory can carry (they differ with size and staff), as written for people.
    public var yearlyCapacity: (before: String, after: String)
    /// In the after roadmap's rank order (removals in the before roadmap's).
    public var added: [Change]
    public var removed: [Change]
    public var movedPhase: [Change]
    public var movedUp: [Change]
    public var movedDown: [Change]

    public var hasChanges: Bool {
        !(added.isEmpty && removed.isEmpty && movedPhase.isEmpty && movedUp.isEmpty && movedDown.isEmpty)
    }

    /// Compares two roadmaps, quoting the documents `presenter` words for them.
    public init(before: Roadmap, after: Roadmap, presenter: RoadmapPresenter) {
        let reasons = ComparisonReasons(before: before, after: after, presenter: presenter)
        beforeLabel = "\(before.profile.name) (\(before.profile.file))"
        afterLabel = "\(after.profile.name) (\(after.profile.file))"
        startMonth = after.calendar.start.longFrench
        countBefore = before.items.count
        countAfter = after.items.count
        factChanges = Self.factChanges(before.profile, after.profile)
        yearlyCapacity = (before.capacity.yearlyUnitsText, after.capacity.yearlyUnitsText)

        let itemsBefore = Dictionary(before.items.map { ($0.recommendation.id, $0) }, uniquingKeysWith: { first, _ in first })
        let itemsAfter = Dictionary(after.items.map { ($0.recommendation.id, $0) }, uniquingKeysWith: { first, _ in first })
        func change(_ kind: Change.Kind, _ old: RoadmapItem?, _ new: RoadmapItem?, _ why: [String]) -> Change {
            let recommendation = (new ?? old)!.recommendation
            return Change(kind: kind, id: recommendation.id, title: recommendation.title(for: (new == nil ? before : after).profile.facts),
                          rankBefore: old?.rank, rankAfter: new?.rank,
                          phaseBefore: old.map { before.calendar.phases[$0.phaseIndex].title },
                          phaseAfter: new.map { after.calendar.phases[$0.phaseIndex].title },
                          scoreBefore: old?.score.total, scoreAfter: new?.score.total, reasons: why)
        }

        var added: [Change] = [], movedPhase: [Change] = [], movedUp: [Change] = [], movedDown: [Change] = []
        for item in after.items {
            guard let old = itemsBefore[item.recommendation.id] else {
                added.append(change(.added, nil, item, reasons.added(item)))
                continue
            }
            if old.phaseIndex != item.phaseIndex {
                movedPhase.append(change(.phase, old, item, reasons.movedPhase(old, item)))
            } else if old.rank != item.rank {
                let kind: Change.Kind = item.rank < old.rank ? .up : .down
                let why = reasons.moved(old, item)
                if kind == .up { movedUp.append(change(kind, old, item, why)) } else { movedDown.append(change(kind, old, item, why)) }
            }
        }
        self.added = added
        self.movedPhase = movedPhase
        self.movedUp = movedUp
        self.movedDown = movedDown
        removed = before.items.filter { itemsAfter[$0.recommendation.id] == nil }.map { change(.removed, $0, nil, reasons.removed($0)) }
    }

    private static func factChanges(_ before: Profile, _ after: Profile) -> [FactChange] {
        after.vocabulary.facts.compactMap { fact in
            let (old, new) = (before.value(fact.name), after.value(fact.name))
            guard old != new else { return nil }
            return FactChange(label: fact.label, before: text(old, fact), after: text(new, fact))
        }
    }

    /// A value for people; sets list their labels in the vocabulary's order.
    static func text(_ value: FactValue?, _ fact: Fact) -> String {
        switch value {
        case .set(let members)? where !members.isEmpty:
            return fact.choices.filter { members.contains($0.id) }.map(\.label).joined(separator: ", ")
        // French takes the singular below two: « 1 agent ».
        case .number(let number)? where abs(number) < 2 && fact.unit?.hasSuffix("s") == true:
            return String(ValueFormatter.value(value, of: fact).dropLast())
        default:
            return ValueFormatter.value(value, of: fact)
        }
    }
}
