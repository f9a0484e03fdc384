import RuleKit

/// What the application reads in a profile itself — the territory's name, kind, population, staff… —, found
/// through the `role` its fact declares in `vocabulary.json` rather than through a fact name written in code:
/// renaming a fact, or moving a role to another, is an edit of the vocabulary alone, checked when it loads.
public enum FactRole: String, CaseIterable, Sendable {
    case name = "nom"
    case kind = "type"
    case population
    case staff = "agents"
    case priorities = "priorites"
    case intercommunalHealth = "sante-intercommunale"
    case density = "densite"
    case departement
    case region
    case inseeCode = "code-insee"
    /// Where overseas the territory is (its hot season, its health-insurance fund); absent for mainland France.
    case overseas = "outre-mer"
    /// When a resort's population peaks (the tourist season seasonal care must be ready for).
    case peakSeason = "saison-de-pointe"
    /// The ARS zoning of doctors (ZIP, ZAC, none): checked against the overseas situation, as the Pacific has none.
    case medicalZoning = "zonage-medical"

    /// Roles without which no roadmap can be made: a vocabulary must give each to one fact.
    public var isRequired: Bool {
        switch self {
        case .name, .kind, .population, .staff, .priorities: return true
        case .intercommunalHealth, .density, .departement, .region, .inseeCode, .overseas, .peakSeason, .medicalZoning: return false
        }
    }

    /// The type the fact of this role must have.
    public var type: FactType {
        switch self {
        case .name, .departement, .region, .inseeCode: return .text
        case .kind, .density, .overseas, .peakSeason, .medicalZoning: return .enum
        case .population, .staff: return .int
        case .priorities: return .set
        case .intercommunalHealth: return .bool
        }
    }

    /// The role of the value of the `type` fact that stands for a commune (every other is an intercommunality).
    public static let communeChoice = "commune"

    /// The role of a value of the `outre-mer` fact where one collectivity holds the powers of the commune and has
    /// neither communes nor an intercommunality (Saint-Martin, Saint-Barthélemy): what a roadmap calls « la commune »
    /// or « l'intercommunalité » there is « la collectivité ».
    public static let collectivityWithoutCommunesChoice = "collectivite-sans-commune"

    /// Every problem of the roles a vocabulary declares, at the fact concerned (or the file for a missing role).
    static func check(_ vocabulary: Vocabulary, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let names = allCases.map(\.rawValue)
        func at(_ fact: Fact) -> SourceLocation { (fact.location ?? .wholeFile(file)).inFile(file) }
        // A mistyped role is reported once, as unknown with its suggestion, not also as missing.
        var suggested: Set<String> = []
        for fact in vocabulary.facts {
            if let role = fact.role, FactRole(rawValue: role) == nil {
                var arguments = ["role": role, "fact": fact.name, "roles": names.joined(separator: ", ")]
                arguments["suggestion"] = Suggestion.closest(to: role, among: names)
                if let suggestion = arguments["suggestion"] { suggested.insert(suggestion) }
                diagnostics.append(.error("vocabulaire.role-inconnu", arguments, at: at(fact)))
            }
        }
        for role in allCases {
            let facts = vocabulary.facts(withRole: role.rawValue)
            guard let first = facts.first else {
                if role.isRequired && !suggested.contains(role.rawValue) {
                    diagnostics.append(.error("vocabulaire.role-manquant", ["role": role.rawValue, "type": role.type.rawValue], at: SourceLocation(file: file, line: 1, column: 1)))
                }
                continue
            }
            for other in facts.dropFirst() {
                diagnostics.append(.error("vocabulaire.role-en-double", ["role": role.rawValue, "fact": other.name],
                                          at: at(other), notes: [Diagnostic.Note("note.premiere-definition", at: at(first))]))
            }
            if first.type != role.type {
                diagnostics.append(.error("vocabulaire.role-type", ["role": role.rawValue, "fact": first.name, "type": first.type.rawValue, "expected": role.type.rawValue], at: at(first)))
            }
            if role == .kind, !first.choices.contains(where: { $0.role == communeChoice }) {
                diagnostics.append(.error("vocabulaire.role-commune", ["fact": first.name], at: at(first)))
            }
        }
        return diagnostics
    }
}

extension Vocabulary {
    /// The name of the fact that has `role`; empty when none has it (then every read of it finds no value).
    public func factName(_ role: FactRole) -> String {
        firstFactName(withRole: role.rawValue) ?? ""
    }

    /// The value of the territory's kind that stands for a commune.
    public var communeKind: String {
        fact(named: factName(.kind))?.choices.first { $0.role == FactRole.communeChoice }?.id ?? ""
    }
}
