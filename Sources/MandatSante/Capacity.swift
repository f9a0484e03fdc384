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

    /// Each person able to carry projects adds two units a year (up to ten people count);
    /// the size of the territory adds its partners' and services' weight.
    public init(population: Double, engineeringStaff: Int, phases: [MandatePhase]) {
        sizeUnits = switch population {
        case ..<3_500: 3
        case ..<20_000: 4
        case ..<100_000: 6
        default: 8
        }
        staff = max(0, engineeringStaff)
        staffUnits = 2 * min(staff, 10)
        let yearly = Double(sizeUnits + staffUnits)
        unitsPerPhase = phases.map { max(2, Int((yearly * Double($0.months) / 12).rounded())) }
    }
}
