/// A date an action must be ready by, which the planner respects when it places the action.
public enum Deadline: Sendable, Hashable {
    /// Ready before the hot season (the summer in mainland France, the austral summer in the Indian Ocean):
    /// seasonal work such as a heat-wave plan. The planner aims at the first hot season it can still prepare,
    /// then the next.
    case beforeHotSeason
    /// Ready before the rainy season: vector control, heavy rains. Overseas, the season of the rains is the hot
    /// one (the hivernage, the austral summer) except in French Guiana, hot in its dry season and rainy from
    /// December to June; in mainland France, with no season of rains, it is the summer, as `beforeHotSeason`.
    case beforeRainySeason
    /// Ready before the tourist season when the population peaks (winter in a ski resort, summer on the coast):
    /// seasonal care and housing. No deadline when the profile does not say which season it is.
    case beforePeakSeason
    /// For the tourist season already under way when the roadmap starts (a resort whose winter has begun): in the
    /// first phase, while the season lasts; no season under way, the action has nothing left to serve and is
    /// left out as past its deadline (the next season is prepared by actions due `beforePeakSeason`).
    case duringPeakSeason
    /// Ready before a month, for a stated reason (« avant le renouvellement du projet régional de santé »).
    case before(YearMonth, reason: String)
    /// Ready by the end of the phase that stands for a horizon, for a stated reason (« mi-mandat : avant l'arrêt
    /// du projet de document d'urbanisme »): a step of the mandate's own rhythm rather than an outside date, so a
    /// team that starts late still gets the action, by the end of the phase that stands for that horizon.
    case byHorizon(Horizon, reason: String)

    /// The identifiers written in rule files for the seasonal forms.
    public static let hotSeasonKeyword = "avant-saison-chaude"
    public static let rainySeasonKeyword = "avant-saison-des-pluies"
    public static let peakSeasonKeyword = "avant-saison-touristique"
    public static let underwaySeasonKeyword = "pendant-saison-touristique"
}
