/// How many capacity units a territory can start per phase: small teams cannot run twelve projects at once.
public struct Capacity: Sendable, Hashable {
    /// Units per year from the territory's size.
    public var sizeUnits: Int
    /// Units per year from the staff who can carry projects.
    public var staffUnits: Int
    public var staff: Int
    /// Units available in each phase of the calendar.
    public var unitsPerPhase: [Int]

    public var yearlyUnits: Int { sizeUnits + staffUnits }

    public static let minimumPerPhase = 4
    /// The first 100 days are when an elected team takes its founding decisions (a referent, an ambition, a
    /// partnership): light actions that need the elected officials more than staff.
    public static let minimumFirstHundredDays = 5

    /// The elected team itself carries light actions (4 units a year in the smallest commune); the size of the
    /// territory adds its services' and partners' weight; each person able to carry projects adds two units a
    /// year (up to ten people count). No phase holds fewer than four units: a few light actions fit anywhere.
    public init(population: Double, engineeringStaff: Int, phases: [MandatePhase]) {
        sizeUnits = switch population {
        case ..<3_500: 4
        case ..<20_000: 6
        case ..<100_000: 8
        default: 10
        }
        staff = max(0, engineeringStaff)
        staffUnits = 2 * min(staff, 10)
        let yearly = Double(sizeUnits + staffUnits)
        unitsPerPhase = phases.map { phase in
            let floor = phase.horizon == .hundredDays ? Self.minimumFirstHundredDays : Self.minimumPerPhase
            return max(floor, Int((yearly * Double(phase.months) / 12).rounded()))
        }
    }
}
