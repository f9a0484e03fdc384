import RuleKit

/// A season that seasonal work must be ready for. The hot season (heat-wave plans): the summer in mainland France,
/// the austral summer in the Indian Ocean and the Pacific, the hivernage in the Antilles (the hot, rainy and
/// cyclonic season, June to November), the dry season in French Guiana. The rainy season (vector control, heavy
/// rains): the same season everywhere but in French Guiana, where the rains come back in December. A resort's
/// tourist season (seasonal care, housing): winter, summer or both, as its profile says.
///
/// French Guiana has no cyclones and no summer: its seasons follow the rains. Météo-France Guyane: the dry season
/// ends and the « petite saison des pluies » begins at the end of November (« Résumé mensuel du temps novembre
/// 2023 », 4 December 2023: « statistiquement, […] la dernière décade de novembre marque la fin de la saison
/// sèche »), the « grande saison des pluies » runs from April to June (« La grande saison des pluies », 4 June
/// 2021). Vector control and the heavy-rain plan are to be ready before the rains come back: December. The heat
/// comes with the dry season, which sets in in July (« Vers le cœur de la saison sèche en Guyane », 12 August 2024:
/// « le mois de juillet aura marqué le début de la saison sèche »): a heat plan is to be ready before July.
public struct HotSeason: Sendable, Hashable {
    /// The month the season begins.
    public var startMonth: Int
    /// « l'été », « l'été austral », « l'hivernage », « la saison sèche », « la saison des pluies », « la saison
    /// d'hiver ».
    public var name: String

    /// How long a hot season counts as under way (`underwayMonths`): as for a resort's tourist season, from its
    /// start to the month before its last, a start in its last month leaving too little of it to act for it (the
    /// work then prepares the next one). Under way, what is due before the season starts in the first phase with
    /// its first steps for this season (`PhasePlacement.climateUnderway`).
    /// - Mainland summer: the seasonal watch of the heat-wave plan runs from 1 June to 31 August (ARS Provence-
    ///   Alpes-Côte d'Azur, « Canicule et chaleurs extrêmes », ars.paca.sante.fr): June and July.
    /// - Austral summer (La Réunion, Mayotte, the Pacific): the hot, rainy and cyclonic season runs from November
    ///   to April (Météo-France La Réunion, in « Activité cyclonique : vers une fin de saison à La Réunion »,
    ///   Imaz Press, 21 April 2023; « 15 novembre 2020 : passage à l'été austral », journal.re): November to March.
    /// - Hivernage (Antilles, Saint-Martin): the cyclonic season runs from 1 June to 30 November (« Une très active
    ///   saison cyclonique », Guadeloupe la 1ère; Collectivité de Saint-Martin in Fax Info, June 2023): June to
    ///   October.
    /// - French Guiana's dry season: from July (Météo-France Guyane, « Vers le cœur de la saison sèche en Guyane »,
    ///   12 August 2024: « le mois de juillet aura marqué le début de la saison sèche »; « Résumé mensuel du temps
    ///   juillet 2025 », 4 August 2025) to the end of November: July to October.
    /// - French Guiana's rains (`rainy`): from the end of November to the dry season: December to June.
    public static let mainland = HotSeason(startMonth: 6, name: "l'été", underwayMonths: 2)

    /// The hot season of each value of the fact whose role is `outre-mer`.
    static let seasons: [String: HotSeason] = [
        "reunion": HotSeason(startMonth: 11, name: "l'été austral", underwayMonths: 5),
        "mayotte": HotSeason(startMonth: 11, name: "l'été austral", underwayMonths: 5),
        "antilles": HotSeason(startMonth: 6, name: "l'hivernage", underwayMonths: 5),
        // Saint-Martin and Saint-Barthélemy (« autre ») share the Antilles' cyclonic season; New Caledonia, French
        // Polynesia and Wallis-et-Futuna have their hot, rainy and cyclonic season in the austral summer.
        "autre": HotSeason(startMonth: 6, name: "l'hivernage", underwayMonths: 5),
        "pacifique": HotSeason(startMonth: 11, name: "l'été austral", underwayMonths: 5),
        "guyane": HotSeason(startMonth: 7, name: "la saison sèche", underwayMonths: 4),
    ]

    /// The rainy seasons that differ from the hot one, by value of the fact whose role is `outre-mer`.
    static let rainySeasons: [String: HotSeason] = [
        "guyane": HotSeason(startMonth: 12, name: "la saison des pluies", underwayMonths: 7),
    ]

    /// The season of the profile's territory; mainland France when the profile does not say otherwise.
    public init(profile: Profile) {
        self.init(overseas: profile.value(profile.vocabulary.factName(.overseas)))
    }

    /// The season of a territory given the value of its fact whose role is `outre-mer`.
    init(overseas: FactValue?) {
        if case .text(let place)? = overseas, let season = Self.seasons[place] {
            self = season
        } else {
            self = .mainland
        }
    }

    /// The rainy season of the profile's territory (vector control, heavy rains): its hot season but in French
    /// Guiana.
    public static func rainy(profile: Profile) -> HotSeason {
        rainy(overseas: profile.value(profile.vocabulary.factName(.overseas)))
    }

    /// The rainy season of a territory given the value of its fact whose role is `outre-mer`.
    static func rainy(overseas: FactValue?) -> HotSeason {
        if case .text(let place)? = overseas, let season = rainySeasons[place] { return season }
        return HotSeason(overseas: overseas)
    }

    /// The seasons of each value of the fact whose role is `saison-de-pointe`. A ski season runs from December to
    /// April and the summer one through July and August; a start in their last month leaves too little of them
    /// to organise anything for them, so they count as under way up to March and up to July.
    public static let winterPeak = HotSeason(startMonth: 12, name: "la saison d'hiver", underwayMonths: 4)
    public static let summerPeak = HotSeason(startMonth: 7, name: "la saison d'été", underwayMonths: 1)
    static let peaks: [String: [HotSeason]] = [
        "hiver": [winterPeak],
        "ete": [summerPeak],
        "les-deux": [summerPeak, winterPeak],
    ]

    /// The tourist seasons the territory's population peaks in, which seasonal care and housing must be ready
    /// for; none when the profile does not say (no seasonal peak, or the team does not know when it falls).
    public static func peakSeasons(profile: Profile) -> [HotSeason] {
        peakSeasons(peak: profile.value(profile.vocabulary.factName(.peakSeason)),
                    overseas: profile.value(profile.vocabulary.factName(.overseas)))
    }

    /// The tourist seasons given the value of the fact whose role is `saison-de-pointe` and of the one whose role is
    /// `outre-mer`. In the tropics (a territory with a hot season of its own, `seasons`) a single tourist peak is « la
    /// haute saison touristique », same months: the Antilles' peak from December is no « saison d'hiver » beside the
    /// hivernage, their hot and cyclonic season. Two peaks keep their names, which tell them apart.
    static func peakSeasons(peak: FactValue?, overseas: FactValue? = nil) -> [HotSeason] {
        guard case .text(let peak)? = peak else { return [] }
        let found = peaks[peak] ?? []
        guard found.count == 1, case .text(let place)? = overseas, seasons[place] != nil else { return found }
        return found.map { HotSeason(startMonth: $0.startMonth, name: "la haute saison touristique", underwayMonths: $0.underwayMonths) }
    }

    /// The first of `seasons` under way in `month` with time left to act for it, and when it began.
    public static func underway(_ seasons: [HotSeason], at month: YearMonth) -> (season: HotSeason, start: YearMonth)? {
        for season in seasons {
            if let start = season.startUnderway(at: month) { return (season, start) }
        }
        return nil
    }

    /// The starts of `seasons` from `first` to before `end`, in date order whichever season they belong to,
    /// each with the index of its season in `seasons`.
    public static func starts(of seasons: [HotSeason], from first: YearMonth, before end: YearMonth) -> [(month: YearMonth, index: Int)] {
        // Each season's starts are a year apart: merge them, the earliest next start first (the first season
        // on the same month), with no sort.
        var next = seasons.map { $0.nextStart(atOrAfter: first) }
        var starts: [(month: YearMonth, index: Int)] = []
        starts.reserveCapacity(seasons.count * (first.months(until: end) / 12 + 1))
        while true {
            var earliest = -1
            for index in next.indices where next[index] < end && (earliest < 0 || next[index] < next[earliest]) {
                earliest = index
            }
            guard earliest >= 0 else { return starts }
            starts.append((next[earliest], earliest))
            next[earliest] = next[earliest].adding(months: 12)
        }
    }

    /// « l'été 2027 », « la saison d'hiver 2027-2028 »: a season that starts late in the year runs into the next.
    public func named(startingIn month: YearMonth) -> String {
        "\(name) \(years(startingIn: month))"
    }

    /// « 2027 », or « 2027-2028 » for a season that starts late in the year.
    public func years(startingIn month: YearMonth) -> String {
        startMonth >= 10 ? "\(month.year)-\(month.year + 1)" : "\(month.year)"
    }

    /// The name without its article, as « chaque » takes it: « été austral », « saison d'hiver ».
    public var bareName: String {
        for article in ["l'", "l\u{2019}", "la ", "le "] where name.hasPrefix(article) {
            return String(name.dropFirst(article.count))
        }
        return name
    }

    public init(startMonth: Int, name: String, underwayMonths: Int = 0) {
        self.startMonth = startMonth
        self.name = name
        self.underwayMonths = underwayMonths
    }

    /// The months from its start in which the season still leaves time to act for it; 0 for a season only
    /// prepared for.
    public var underwayMonths: Int

    /// The start of the season under way in `month` with time left to act for it, if any.
    public func startUnderway(at month: YearMonth) -> YearMonth? {
        guard underwayMonths > 0 else { return nil }
        let next = nextStart(atOrAfter: month)
        let start = next == month ? next : next.adding(months: -12)
        return start.months(until: month) < underwayMonths ? start : nil
    }

    /// The first month after the last season under way before `month`: when what serves that season is due.
    public func endOfLastUnderway(before month: YearMonth) -> YearMonth {
        let end = nextStart(atOrAfter: month).adding(months: underwayMonths - 12)
        return end <= month ? end : end.adding(months: -12)
    }

    /// The first month the season begins at or after `month`.
    public func nextStart(atOrAfter month: YearMonth) -> YearMonth {
        let thisYear = YearMonth(year: month.year, month: startMonth)
        return thisYear < month ? YearMonth(year: month.year + 1, month: startMonth) : thisYear
    }
}
