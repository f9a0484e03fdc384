/// The type of a declared fact.
public enum FactType: String, Hashable, Sendable, CaseIterable {
    case bool
    case int
    case number
    case text
    /// One value among the fact's declared values.
    case `enum`
    /// Any number of the fact's declared values.
    case set

    public var isNumeric: Bool { self == .int || self == .number }

    /// How the type is named in French messages.
    public var frenchName: String {
        switch self {
        case .bool: return "booléen (true ou false)"
        case .int: return "nombre entier"
        case .number: return "nombre"
        case .text: return "texte"
        case .enum: return "valeur parmi une liste"
        case .set: return "liste de valeurs"
        }
    }

    /// The French name with its indefinite article: « un nombre », « une liste de valeurs ».
    var frenchNameWithArticle: String {
        switch self {
        case .enum, .set: return "une " + frenchName
        case .bool, .int, .number, .text: return "un " + frenchName
        }
    }
}
