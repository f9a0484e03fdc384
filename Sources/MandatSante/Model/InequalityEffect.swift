/// What an action is expected to do to social inequalities in health: an action that reaches first those who
/// already look after their health may widen them even when it improves the average.
public enum InequalityEffect: String, Sendable, CaseIterable {
    case reduces = "reduit"
    case neutral = "neutre"
    case mayWiden = "risque-d-accroitre"
    case unknown = "inconnu"
}
