import RuleKit

/// Why a recommendation is for this territory, in the words of its card's « Pourquoi »: what its condition found,
/// the boosts that apply, the size last.
extension RoadmapPresenter.Context {
    /// Why a recommendation is for this territory: what its condition found in the profile (`leaves`), then
    /// each boost that applies, the weightiest first (its reason replaces the bare finding it rests on; the weightiest
    /// of all comes second when plain findings would push it beyond the two reasons a card keeps), then
    /// the condition's other grounds where a boost already says one alternative of the same `or`, then the
    /// size and staff the condition asked for — they say where an action applies more than why it matters
    /// here (a heat-wave plan is for « territoire exposé aux vagues de chaleur » before « commune de 8 200
    /// habitants »), and the edition that keeps two reasons drops them first.
    ///
    /// `firstBesides`: only the first line other than this one, found without wording the lines after it.
    func forYou(_ recommendation: Recommendation, score: Score, leaves: [HeldLeafProgram.Leaf], facts: FactStatement,
                        firstBesides: String? = nil) -> [String] {
        // A part a boost that applies rests on is said by the boost's reason, but for the size.
        let says = { (leaf: HeldLeafProgram.Leaf) in
            !leaf.part.readsSizeOnly && leaf.part.sharedBoosts.contains { score.applies(boost: $0) }
        }
        var said: Set<HeldLeafProgram.Alternative> = []
        for leaf in leaves where says(leaf) { said.formUnion(leaf.part.alternatives) }
        // An alternative of an `or` after one a boost says is one more ground among several (the rule base writes
        // them strongest first): that boost's reason takes the place of the alternative it says, the extra
        // ground comes after the boosts (« zone d'intervention prioritaire » before « population en
        // croissance », both enough to show a need for care).
        var extra: [HeldLeafProgram.Leaf] = []
        var pulling: Set<HeldLeafProgram.Alternative> = []
        if !said.isEmpty {
            // The size and staff come last anyway: they push nothing forward.
            for leaf in leaves where !says(leaf) && !leaf.part.readsScaleOnly {
                let earlier = leaf.part.alternatives.flatMap { mine in said.filter { $0.or == mine.or && $0.operand < mine.operand } }
                if earlier.isEmpty { continue }
                extra.append(leaf)
                pulling.formUnion(earlier)
            }
        }
        var lines: [String] = []
        var sizes: [String] = []
        var members = MemberLines()
        for leaf in leaves {
            if says(leaf) {
                // The boosts that say an alternative grounds after it follow, in its place, the weightiest first.
                guard !pulling.isEmpty, !pulling.isDisjoint(with: leaf.part.alternatives) else { continue }
                let pulled = leaf.part.sharedBoosts.filter { score.applies(boost: $0) && recommendation.boosts[$0].points > 0 }
                    .sorted { (recommendation.boosts[$0].points, $1) > (recommendation.boosts[$1].points, $0) }
                for index in pulled {
                    let reason = facts.reason(of: recommendation.boosts[index])
                    if !lines.contains(reason) { lines.append(reason) }
                }
            } else if !extra.isEmpty, extra.contains(where: { $0.part === leaf.part }) {
                continue
            } else {
                let isScale = leaf.part.readsScaleOnly
                for finding in facts.statements(heldIn: leaf) where !lines.contains(finding.text) && !sizes.contains(finding.text) {
                    if isScale { sizes.append(finding.text); continue }
                    members.add(finding, to: &lines)
                }
            }
            // The first line is settled once it is not a set's members that later parts could add to.
            if let firstBesides, let first = lines.first, !members.holdsFirstLine {
                let french = Typography.french(Typography.clause(first, joiner: ", "))
                if french != firstBesides { return [french] }
            }
        }
        members.join(into: &lines)
        // Stable: boosts of equal weight keep the order the recommendation gives them.
        let boosts = recommendation.boosts.indices.filter { score.applies(boost: $0) }.map { recommendation.boosts[$0] }
        let weighed = boosts.enumerated().filter { $0.element.points > 0 }
            .sorted { ($0.element.points, $1.offset) > ($1.element.points, $0.offset) }.map(\.element)
        for reason in weighed.map(facts.reason(of:)) where !lines.contains(reason) { lines.append(reason) }
        var extraMembers = MemberLines()
        for leaf in extra {
            for finding in facts.statements(heldIn: leaf) where !lines.contains(finding.text) {
                if leaf.part.readsScaleOnly {
                    if !sizes.contains(finding.text) { sizes.append(finding.text) }
                    continue
                }
                extraMembers.add(finding, to: &lines)
            }
        }
        extraMembers.join(into: &lines)
        lines += sizes.filter { !lines.contains($0) }
        lines = FactStatement.absorbing(lines)
        // The first line other than the size closes a « titre — pourquoi : … » line of the list « à envisager ».
        if let firstBesides {
            return lines.lazy.map { Typography.french(Typography.clause($0, joiner: ", ")) }.first { $0 != firstBesides }.map { [$0] } ?? []
        }
        // The weightiest boost is what most makes the action matter here: it stays within the two reasons a card
        // keeps, second after the condition's first finding, rather than behind plain findings of the condition (the
        // volunteer doctors' centre read « aucune MSP ; aucun centre de santé », its +25 for the doctors' departures
        // cut off; reader38a).
        if let weightiest = weighed.first.map(facts.reason(of:)), let at = lines.firstIndex(of: weightiest), at > 1 {
            lines.insert(lines.remove(at: at), at: 1)
        }
        return Self.mergedPriorities(lines).map { Typography.french(Typography.clause($0)) }
    }

    /// Two of the team's priorities said once: « l'adaptation au changement climatique et la santé environnementale
    /// sont des priorités de l'équipe », not each in its own reason with the same end (read39f).
    static func mergedPriorities(_ lines: [String]) -> [String] {
        let ends = [" est une priorité de l'équipe", " sont une priorité de l'équipe"]
        var subjects: [String] = [], at: Int?, kept: [String] = []
        for line in lines {
            guard let end = ends.first(where: { line.hasUTF8Suffix($0) }) else { kept.append(line); continue }
            if at == nil { at = kept.count; kept.append(line) }
            subjects.append(String(line.dropLast(end.count)))
        }
        guard subjects.count > 1, let at else { return lines }
        // « l'enfance et la jeunesse ainsi que la santé environnementale », not « … et la jeunesse et la santé … ».
        let joined = subjects.contains { $0.contains(" et ") }
            ? subjects.dropLast().joined(separator: ", ") + " ainsi que " + subjects[subjects.count - 1] : Typography.list(subjects)
        kept[at] = joined + " sont des priorités de l'équipe"
        return kept
    }
}

/// Members of one set that held one by one (« PLU », « SCoT »): one line names them all, in the place of the first.
private struct MemberLines {
    private var sets: [(label: String, line: Int, values: [String])] = []

    /// Whether the first line is a set's, which later findings may still add members to.
    var holdsFirstLine: Bool { sets.first?.line == 0 }

    /// Appends `finding` to `lines`, or only its members when a line of its set is already there.
    mutating func add(_ finding: FactStatement.Finding, to lines: inout [String]) {
        if let (label, values) = finding.members {
            if let index = sets.firstIndex(where: { $0.label == label }) {
                sets[index].values += values
                return
            }
            sets.append((label, lines.count, values))
        }
        lines.append(finding.text)
    }

    /// Rewrites the line of each set with more than one member so that it names them all.
    func join(into lines: inout [String]) {
        for set in sets where set.values.count > 1 { lines[set.line] = "\(set.label) : \(Typography.list(set.values))" }
    }
}
