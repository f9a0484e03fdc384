import MandatSante
import Testing

@Suite("Mois, calendrier du mandat et capacité")
struct CalendarTests {
    // MARK: YearMonth

    @Test("YYYY-MM est lu strictement", arguments: [
        ("2026-12", YearMonth(year: 2026, month: 12) as YearMonth?),
        ("2031-01", YearMonth(year: 2031, month: 1)),
        ("2026-13", nil), ("2026-1", nil), ("26-12", nil), ("2026/12", nil), ("2026-12-01", nil), ("", nil),
    ])
    func parsing(text: String, expected: YearMonth?) {
        #expect(YearMonth(parsing: text) == expected)
    }

    @Test("ajouter des mois traverse les années")
    func addingMonths() {
        let december = YearMonth(year: 2026, month: 12)
        #expect(december.adding(months: 1) == YearMonth(year: 2027, month: 1))
        #expect(december.adding(months: 15) == YearMonth(year: 2028, month: 3))
        #expect(december.adding(months: -12) == YearMonth(year: 2025, month: 12))
        #expect(december.months(until: YearMonth(year: 2032, month: 3)) == 63)
        #expect(december.description == "2026-12")
        #expect(YearMonth(year: 2027, month: 2).description == "2027-02")
        #expect(december.shortFrench == "déc. 2026")
        #expect(december.longFrench == "décembre 2026")
    }

    // MARK: MandateCalendar

    /// (start, titles, periods, ids) for starts across the mandate.
    static let calendars: [(String, [String], [String], [String])] = [
        ("2026-03", ["Les 100 premiers jours du mandat", "D'ici fin 2026", "Jusqu'au bilan de mi-mandat", "Jusqu'à la fin du mandat"],
         ["mars 2026 – mai 2026", "juin 2026 – déc. 2026", "janv. 2027 – mars 2029", "avr. 2029 – févr. 2032"],
         ["premiers-mois", "fin-d-annee", "mi-mandat", "fin-mandat"]),
        ("2026-12", ["Les trois prochains mois", "D'ici fin 2027", "Jusqu'au bilan de mi-mandat", "Jusqu'à la fin du mandat"],
         ["déc. 2026 – févr. 2027", "mars 2027 – déc. 2027", "janv. 2028 – mars 2029", "avr. 2029 – févr. 2032"],
         ["premiers-mois", "fin-d-annee", "mi-mandat", "fin-mandat"]),
        // Two months left in 2027, and a 2028 phase would leave three months before the review: straight to it.
        ("2027-08", ["Les trois prochains mois", "Jusqu'au bilan de mi-mandat", "Jusqu'à la fin du mandat"],
         ["août 2027 – oct. 2027", "nov. 2027 – mars 2029", "avr. 2029 – févr. 2032"],
         ["premiers-mois", "mi-mandat", "fin-mandat"]),
        ("2028-06", ["Les trois prochains mois", "Jusqu'au bilan de mi-mandat", "Jusqu'à la fin du mandat"],
         ["juin 2028 – août 2028", "sept. 2028 – mars 2029", "avr. 2029 – févr. 2032"],
         ["premiers-mois", "mi-mandat", "fin-mandat"]),
        // The review falls in the first three months.
        ("2029-02", ["Les trois prochains mois", "Jusqu'à la fin du mandat"],
         ["févr. 2029 – avr. 2029", "mai 2029 – févr. 2032"], ["premiers-mois", "fin-mandat"]),
        // Two months would be left after the first three: one phase to the end.
        ("2031-10", ["Jusqu'à la fin du mandat"], ["oct. 2031 – févr. 2032"], ["fin-mandat"]),
        ("2032-02", ["Jusqu'à la fin du mandat"], ["févr. 2032"], ["fin-mandat"]),
    ]

    @Test("les phases portent un nom vrai pour le mois de départ", arguments: calendars)
    func phaseNames(start: String, titles: [String], periods: [String], ids: [String]) throws {
        let calendar = try MandateCalendar(start: try #require(YearMonth(parsing: start)))
        #expect(calendar.phases.map(\.title) == titles)
        #expect(calendar.phases.map(\.period) == periods)
        #expect(calendar.phases.map(\.id) == ids)
        // One after the other without a gap, from the start to the elections of March 2032.
        #expect(calendar.phases.first?.start == calendar.start)
        for (previous, next) in zip(calendar.phases, calendar.phases.dropFirst()) { #expect(previous.end == next.start) }
        #expect(calendar.phases.last?.end == MandateCalendar.mandateEnd)
        // No phase after the first is shorter than four months; « 100 premiers jours » only at the mandate's start.
        #expect(calendar.phases.dropFirst().allSatisfy { $0.months >= 4 })
        #expect(calendar.phases.contains { $0.title.contains("100 premiers jours") } == (start == "2026-03"))
        // Every horizon has a phase, in order, and the phases' horizons cover them all once.
        let covered = calendar.phases.flatMap { Horizon.allCases.filter($0.horizons.contains) }
        #expect(covered == Horizon.allCases)
        let indices = Horizon.allCases.map(calendar.phaseIndex(for:))
        #expect(indices == indices.sorted())
    }

    @Test("une phase « D'ici fin d'année » ne part jamais de moins de six mois ni ne dépasse le bilan de mi-mandat")
    func yearPhase() throws {
        var month = MandateCalendar.mandateStart
        while month < MandateCalendar.mandateEnd {
            let calendar = try MandateCalendar(start: month)
            for phase in calendar.phases where phase.id == "fin-d-annee" {
                #expect(phase.months >= 6, "\(month) : \(phase.period)")
                #expect(phase.end.month == 1)
                #expect(phase.title == "D'ici fin \(phase.end.year - 1)")
                #expect(phase.end <= MandateCalendar.midMandateReview)
            }
            for phase in calendar.phases where phase.id == "mi-mandat" {
                #expect(phase.end == MandateCalendar.midMandateReview.adding(months: 1))
            }
            month = month.adding(months: 1)
        }
    }

    @Test("un début hors du mandat est refusé")
    func outsideMandate() {
        #expect(throws: MandateCalendar.CalendarError.beforeMandate(YearMonth(year: 2026, month: 2))) {
            try MandateCalendar(start: YearMonth(year: 2026, month: 2))
        }
        #expect(throws: MandateCalendar.CalendarError.afterMandate(YearMonth(year: 2032, month: 3))) {
            try MandateCalendar(start: YearMonth(year: 2032, month: 3))
        }
    }

    @Test("la saison chaude : l'été dans l'Hexagone, l'été austral à La Réunion")
    func hotSeason() {
        #expect(HotSeason.mainland.nextStart(atOrAfter: YearMonth(year: 2027, month: 2)) == YearMonth(year: 2027, month: 6))
        #expect(HotSeason.mainland.nextStart(atOrAfter: YearMonth(year: 2027, month: 7)) == YearMonth(year: 2028, month: 6))
        let austral = HotSeason(startMonth: 11, name: "l'été austral")
        #expect(austral.nextStart(atOrAfter: YearMonth(year: 2027, month: 2)) == YearMonth(year: 2027, month: 11))
        #expect(austral.named(startingIn: YearMonth(year: 2027, month: 11)) == "l'été austral 2027-2028")
        #expect(HotSeason.mainland.named(startingIn: YearMonth(year: 2027, month: 6)) == "l'été 2027")
    }

    @Test("la saison chaude outre-mer : l'hivernage à Saint-Martin et Saint-Barthélemy, l'été austral dans le Pacifique")
    func overseasHotSeason() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let pacific = HotSeason(profile: try Fixture.profile(Fixture.ProfileSpec(outreMer: "pacifique"), in: ruleBase))
        #expect(pacific.startMonth == 11 && pacific.name == "l'été austral")
        let saintMartin = HotSeason(profile: try Fixture.profile(Fixture.ProfileSpec(outreMer: "autre"), in: ruleBase))
        #expect(saintMartin.startMonth == 6 && saintMartin.name == "l'hivernage")
    }

    @Test("saisons touristiques : les débuts de deux saisons dans l'ordre des dates")
    func peakSeasonStarts() {
        let seasons = [HotSeason(startMonth: 7, name: "la saison d'été"), HotSeason(startMonth: 12, name: "la saison d'hiver")]
        let starts = HotSeason.starts(of: seasons, from: YearMonth(year: 2027, month: 8), before: YearMonth(year: 2028, month: 12))
        #expect(starts.map(\.month) == [YearMonth(year: 2027, month: 12), YearMonth(year: 2028, month: 7)])
        #expect(starts.map { seasons[$0.index].named(startingIn: $0.month) } == ["la saison d'hiver 2027-2028", "la saison d'été 2028"])
    }

    @Test("saison touristique en cours : l'hiver de décembre à mars, l'été en juillet ; sinon, la fin de la dernière")
    func peakSeasonUnderway() {
        func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month) }
        let winter = HotSeason.winterPeak, summer = HotSeason.summerPeak
        #expect(winter.startUnderway(at: month(2026, 12)) == month(2026, 12))
        #expect(winter.startUnderway(at: month(2027, 3)) == month(2026, 12))
        #expect(winter.startUnderway(at: month(2027, 4)) == nil)
        #expect(winter.startUnderway(at: month(2027, 11)) == nil)
        #expect(summer.startUnderway(at: month(2027, 7)) == month(2027, 7))
        #expect(summer.startUnderway(at: month(2027, 8)) == nil)
        #expect(winter.endOfLastUnderway(before: month(2027, 4)) == month(2027, 4))
        #expect(winter.endOfLastUnderway(before: month(2027, 9)) == month(2027, 4))
        #expect(summer.endOfLastUnderway(before: month(2026, 12)) == month(2026, 8))
        #expect(HotSeason.underway([summer, winter], at: month(2027, 1))?.start == month(2026, 12))
        #expect(HotSeason.underway([summer, winter], at: month(2027, 5)) == nil)
    }

    // MARK: Capacity

    static let populations: [Double] = [1, 1_000, 3_499, 3_500, 10_000, 19_999, 20_000, 50_000, 99_999, 100_000, 1_000_000]

    @Test("unités par an : les élus, la taille, puis deux agents à 0,6 et les suivants à 0,3, dix au plus ; une petite équipe (un agent au plus), 1,2 au plus ; les agents déclarés d'un village comptent tous", arguments: [
        (420.0, 0, 10), (420.0, 1, 12), (420.0, 2, 22), (3_499.0, 6, 34), (8_000.0, 1, 12), (8_000.0, 2, 26),
        (15_000.0, 4, 32), (45_000.0, 5, 39), (250_000.0, 10, 56), (250_000.0, 40, 56), (420.0, -3, 10),
    ])
    func yearlyUnits(population: Double, staff: Int, tenths: Int) throws {
        let capacity = Capacity(population: population, engineeringStaff: staff, phases: try Fixture.calendar(2026, 12).phases)
        #expect(capacity.yearlyTenths == tenths)
        #expect(capacity.staff == max(0, staff))
    }

    @Test("la capacité ne décroît jamais quand la population ou l'équipe grandit")
    func capacityIsMonotonic() throws {
        let phases = try Fixture.calendar(2026, 12).phases
        for staff in 0...12 {
            let units = Self.populations.map { Capacity(population: $0, engineeringStaff: staff, phases: phases).unitsPerPhase }
            for (smaller, larger) in zip(units, units.dropFirst()) {
                #expect(zip(smaller, larger).allSatisfy { $0 <= $1 }, "\(smaller) puis \(larger)")
            }
        }
        for population in Self.populations {
            let totals = (0...12).map { Capacity(population: population, engineeringStaff: $0, phases: phases).totalUnits }
            #expect(totals == totals.sorted())
        }
    }

    @Test("les premiers mois comptent double : une équipe lance tôt et poursuit ensuite")
    func frontLoaded() throws {
        let phases = try Fixture.calendar(2026, 12).phases
        let capacity = Capacity(population: 45_000, engineeringStaff: 5, phases: phases)
        // 3.9 units a year: 10 months at twice the rate, then 15 (2 at twice), then 35 (2 at once, 33 at half).
        #expect(capacity.unitsPerPhase == [2, 7, 6, 6])
        let perMonth = zip(capacity.unitsPerPhase, phases).map { Double($0) / Double($1.months) }
        #expect(perMonth[1] > perMonth[2] && perMonth[2] > perMonth[3])
        #expect(capacity.methodLimit == 2 + 21 / 15)
    }

    @Test("planchers : deux unités dans la première phase (ses quatre actes rapides), prises sur les suivantes, une dans les autres")
    func floors() throws {
        for start in [(2026, 12), (2028, 6), (2031, 10)] {
            let phases = try Fixture.calendar(start.0, start.1).phases
            let capacity = Capacity(population: 50, engineeringStaff: 0, phases: phases)
            #expect(capacity.unitsPerPhase.first ?? 0 >= Capacity.firstPhaseMinimum)
            #expect(capacity.unitsPerPhase.allSatisfy { $0 >= Capacity.phaseMinimum })
        }
        // A village's months give 1 + 2 + 1 + 2 units: the first phase's second unit is taken from the end of the
        // mandate, so the total does not grow and 2027 keeps its room. It is only lent: a pressing situation that
        // borrows from the end gives it back there first.
        let village = Capacity(population: 50, engineeringStaff: 0, phases: try Fixture.calendar(2026, 12).phases)
        #expect(village.unitsPerPhase == [2, 2, 1, 1])
        #expect(village.totalUnits == 6)
        #expect(village.endReserve == 1)
        let town = Capacity(population: 15_000, engineeringStaff: 2, phases: try Fixture.calendar(2026, 12).phases)
        #expect(town.unitsPerPhase == [2, 4, 4, 3] && town.endReserve == 1)
    }
}
