/// The phases an action may take beyond its horizon and its relations.
public enum PlanningWindow {
    /// The last phase `recommendation` may take. A method step of the first months (finding the resources already
    /// there, a funding programme to look into) is taken in the first months or is « à envisager ensuite »: put
    /// off to a later phase, a start-of-mandate step no longer makes sense, and it would take the place of a
    /// concrete action.
    /// `isMethod`: whether its lever is a method lever (`Lever.isMethod`).
    public static func latestPhase(of recommendation: Recommendation, isMethod: Bool, in calendar: MandateCalendar) -> Int {
        isEarlyMethod(isMethod: isMethod, isFoundation: recommendation.isFoundation, horizon: recommendation.horizon)
            ? calendar.phaseIndex(for: recommendation.horizon) : calendar.phases.count - 1
    }

    @inline(__always)
    static func isEarlyMethod(isMethod: Bool, isFoundation: Bool, horizon: Horizon) -> Bool {
        isMethod && !isFoundation && horizon == .hundredDays
    }
}
