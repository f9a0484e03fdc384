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

    @Test("un début en décembre 2026 donne les quatre phases")
    func fullCalendar() throws {
        let calendar = try Fixture.calendar(2026, 12)
        #expect(calendar.phases.map(\.horizon) == [.hundredDays, .firstYear, .midMandate, .endOfMandate])
        #expect(calendar.phases.map(\.title) == ["Les 100 premiers jours", "La première année", "Jusqu'à mi-mandat", "Jusqu'à la fin du mandat"])
        #expect(calendar.phases.map(\.period) == [
            "déc. 2026 – févr. 2027",
            "mars 2027 – nov. 2027",
            "déc. 2027 – févr. 2029",
            "mars 2029 – févr. 2032",
        ])
        #expect(calendar.phases.map(\.months) == [3, 9, 15, 36])
        // The phases follow one another without a gap and end with the mandate.
        for (previous, next) in zip(calendar.phases, calendar.phases.dropFirst()) {
            #expect(previous.end == next.start)
        }
        #expect(calendar.phases.last?.end == MandateCalendar.mandateEnd)
        for horizon in Horizon.allCases {
            #expect(calendar.phases[calendar.phaseIndex(for: horizon)].horizon == horizon)
        }
    }

    @Test("un début tardif (juin 2028) fusionne les phases : plus de mi-mandat")
    func lateStart() throws {
        let calendar = try Fixture.calendar(2028, 6)
        #expect(calendar.phases.map(\.horizon) == [.hundredDays, .firstYear, .endOfMandate])
        #expect(calendar.phases.map(\.period) == [
            "juin 2028 – août 2028",
            "sept. 2028 – mai 2029",
            "juin 2029 – févr. 2032",
        ])
        // Mid-mandate recommendations go to the next phase present.
        #expect(calendar.phaseIndex(for: .midMandate) == 2)
        #expect(calendar.phaseIndex(for: .firstYear) == 1)
        #expect(calendar.phaseIndex(for: .endOfMandate) == 2)
    }

    @Test("un début en novembre 2031 ne garde que ce qui tient avant mars 2032")
    func veryLateStart() throws {
        let calendar = try Fixture.calendar(2031, 11)
        #expect(calendar.phases.map(\.horizon) == [.hundredDays, .firstYear])
        #expect(calendar.phases.map(\.period) == ["nov. 2031 – janv. 2032", "févr. 2032"])
        #expect(calendar.phases.map(\.months) == [3, 1])
        #expect(calendar.phaseIndex(for: .midMandate) == 1)
        #expect(calendar.phaseIndex(for: .endOfMandate) == 1)

        let lastMonth = try Fixture.calendar(2032, 2)
        #expect(lastMonth.phases.map(\.horizon) == [.hundredDays])
        #expect(lastMonth.phases.map(\.period) == ["févr. 2032"])
        #expect(lastMonth.phaseIndex(for: .endOfMandate) == 0)
    }

    @Test("le premier mois du mandat est accepté")
    func mandateStart() throws {
        let calendar = try Fixture.calendar(2026, 3)
        #expect(calendar.phases.first?.period == "mars 2026 – mai 2026")
        #expect(calendar.phases.count == 4)
    }

    @Test("un début hors du mandat est refusé")
    func outsideMandate() {
        #expect(throws: MandateCalendar.CalendarError.beforeMandate(YearMonth(year: 2026, month: 2))) {
            try MandateCalendar(start: YearMonth(year: 2026, month: 2))
        }
        #expect(throws: MandateCalendar.CalendarError.afterMandate(YearMonth(year: 2032, month: 3))) {
            try MandateCalendar(start: YearMonth(year: 2032, month: 3))
        }
        #expect(throws: MandateCalendar.CalendarError.afterMandate(YearMonth(year: 2033, month: 1))) {
            try MandateCalendar(start: YearMonth(year: 2033, month: 1))
        }
    }

    // MARK: Capacity

    static let populations: [Double] = [1, 1_000, 3_499, 3_500, 10_000, 19_999, 20_000, 50_000, 99_999, 100_000, 1_000_000]

    @Test("la part liée à la taille croît par paliers de population")
    func sizeUnits() throws {
        let phases = try Fixture.calendar(2026, 12).phases
        func size(_ population: Double) -> Int { Capacity(population: population, engineeringStaff: 1, phases: phases).sizeUnits }
        // Constant inside a bracket, strictly larger in the next one.
        #expect(size(1) == size(3_499))
        #expect(size(3_499) < size(3_500))
        #expect(size(3_500) == size(19_999))
        #expect(size(19_999) < size(20_000))
        #expect(size(20_000) == size(99_999))
        #expect(size(99_999) < size(100_000))
        #expect(size(100_000) == size(3_000_000))
        #expect(size(1) > 0)
    }

    @Test("chaque agent ajoute deux unités par an, dix agents au plus comptent", arguments: [
        (0, 0), (1, 2), (3, 6), (10, 20), (15, 20), (-2, 0),
    ])
    func staffUnits(staff: Int, units: Int) throws {
        let phases = try Fixture.calendar(2026, 12).phases
        let capacity = Capacity(population: 420, engineeringStaff: staff, phases: phases)
        #expect(capacity.staff == max(0, staff))
        #expect(capacity.staffUnits == units)
        #expect(capacity.yearlyUnits == capacity.sizeUnits + units)
    }

    @Test("la capacité ne décroît jamais quand la population ou l'équipe grandit, et croît au total")
    func capacityIsMonotonic() throws {
        let phases = try Fixture.calendar(2026, 12).phases
        for staff in 0...12 {
            let units = Self.populations.map { Capacity(population: $0, engineeringStaff: staff, phases: phases).unitsPerPhase }
            for (smaller, larger) in zip(units, units.dropFirst()) {
                #expect(zip(smaller, larger).allSatisfy { $0 <= $1 }, "\(smaller) puis \(larger)")
            }
            #expect(units.last!.reduce(0, +) > units.first!.reduce(0, +))
        }
        for population in Self.populations {
            let units = (0...12).map { Capacity(population: population, engineeringStaff: $0, phases: phases).yearlyUnits }
            #expect(units == units.sorted())
            #expect(units[10] > units[0])
            #expect(units[11] == units[10])
        }
    }

    @Test("les unités d'une phase suivent sa durée, avec un plancher", arguments: [
        (420.0, 1), (420.0, 0), (12_000.0, 2), (50_000.0, 3), (250_000.0, 10),
    ])
    func unitsPerPhase(population: Double, staff: Int) throws {
        for start in [(2026, 12), (2028, 6), (2031, 11)] {
            let phases = try Fixture.calendar(start.0, start.1).phases
            let capacity = Capacity(population: population, engineeringStaff: staff, phases: phases)
            #expect(capacity.unitsPerPhase.count == phases.count)
            for (units, phase) in zip(capacity.unitsPerPhase, phases) {
                let prorated = Int((Double(capacity.yearlyUnits) * Double(phase.months) / 12).rounded())
                let floor = phase.horizon == .hundredDays ? Capacity.minimumFirstHundredDays : Capacity.minimumPerPhase
                #expect(units == max(floor, prorated), "\(phase.title) : \(phase.months) mois")
            }
        }
    }

    @Test("une phase plus longue n'a jamais moins d'unités")
    func longerPhasesHoldMore() throws {
        let phases = try Fixture.calendar(2026, 12).phases
        #expect(phases.map(\.months) == [3, 9, 15, 36])
        for population in Self.populations {
            let units = Capacity(population: population, engineeringStaff: 2, phases: phases).unitsPerPhase
            #expect(units == units.sorted())
            #expect(units.allSatisfy { $0 >= Capacity.minimumPerPhase })
        }
        // A 36-month phase of a large, well-staffed territory holds three years of units.
        let large = Capacity(population: 250_000, engineeringStaff: 10, phases: phases)
        #expect(large.unitsPerPhase[3] == 3 * large.yearlyUnits)
    }
}
