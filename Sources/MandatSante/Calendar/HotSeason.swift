import RuleKit

/// The season that seasonal work (heat-wave plans, vector control) must be ready for: the summer in mainland
/// France, the austral summer in the Indian Ocean, the hivernage in the Antilles (the hot, rainy and cyclonic
/// season, June to November), the rainy season in French Guiana.
public struct HotSeason: Sendable, Hashable {
    /// The month the season begins.
    public var startMonth: Int
    /// « l'été », « l'été austral », « l'hivernage », « la saison des pluies ».
    public var name: String

    public static let mainland = HotSeason(startMonth: 6, name: "l'été")

    /// The profile fact that says where an overseas territory lies, and the season of each of its values.
    static let overseasFact = "outreMer"
    static let seasons: [String: HotSeason] = [
        "reunion": HotSeason(startMonth: 11, name: "l'été austral"),
        "mayotte": HotSeason(startMonth: 11, name: "l'été austral"),
        "antilles": HotSeason(startMonth: 6, name: "l'hivernage"),
        "guyane": HotSeason(startMonth: 6, name: "la saison des pluies"),
    ]

    /// The season of the profile's territory; mainland France when the profile does not say otherwise.
    public init(profile: Profile) {
        if case .text(let place)? = profile.value(Self.overseasFact), let season = Self.seasons[place] {
            self = season
        } else {
            self = .mainland
        }
    }

    public init(startMonth: Int, name: String) {
        self.startMonth = startMonth
        self.name = name
    }

    /// The first month the season begins at or after `month`.
    public func nextStart(atOrAfter month: YearMonth) -> YearMonth {
        let thisYear = YearMonth(year: month.year, month: startMonth)
        return thisYear < month ? YearMonth(year: month.year + 1, month: startMonth) : thisYear
    }
}
