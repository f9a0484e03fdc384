extension RoadmapPresenter.Context {
    /// Whether the findings page 1 would state may bring documents to the cards' sources (`ExecutiveSynthesis.findings`,
    /// its `referenced`): a finding does only when its fact's statement carries a reference (`FactLabels.referencing`),
    /// and the findings are chosen among the facts that the actions' held conditions and applying boosts read
    /// (`Territorial.findingFacts`) and those their deadline conditions read. When none of them is such a fact, a
    /// document without page 1 (`RoadmapPresenter.wordsPageOne`) does not choose its findings: its cards are the same.
    func mayCiteFindingReferences(_ territorials: [RoadmapPresenter.Territorial]) -> Bool {
        let referencing = ruleBase.factLabels.referencing
        guard !referencing.isEmpty else { return false }
        if territorials.contains(where: { $0.findingFacts.contains(where: referencing.contains) }) { return true }
        return roadmap.items.contains { item in
            item.recommendation.deadlineCondition?.expression.factNames.contains(where: referencing.contains) ?? false
        }
    }
}
