/// Who carries an action: the level of government whose instrument it is, or a partner the territory mobilizes.
///
/// The planner reads it to keep each action at the right level: an intercommunality is not given a purely
/// communal instrument, and a commune whose intercommunality already carries health is not given what the
/// intercommunality carries.
public enum Carrier: String, Sendable, CaseIterable {
    /// A communal instrument (a municipal council, a communal health insurance scheme).
    case commune
    /// Carried by the intercommunality; a commune raises it with its intercommunality rather than acting alone.
    case intercommunality = "intercommunalite"
    /// Carried by the body the profile describes, commune or intercommunality.
    case territory = "territoire"
    /// Carried by partners (health professionals, ARS, associations); the territory mobilizes and facilitates.
    case partner = "partenaire"
}
