import RuleKit

/// Whether the région or département a profile names agrees with its overseas situation (`outre-mer` role). The
/// situation decides the health-insurance fund (CPAM or CGSS), the authority (ARS, ATS, the Pacific's own
/// services), the hot season and vector control: a profile saying « La Réunion » as région but `outreMer = non`
/// would get a mainland roadmap, and no one could tell which of the two the team meant.
///
/// Only names and numbers the table knows are checked: a free text (« region-1 », « Sud ») says nothing.
public enum OverseasCoherence {
    struct Conflict: Equatable {
        /// The fact whose text names a place: the région or the département.
        let fact: String
        /// The overseas situation that place calls for.
        let expected: String
    }

    /// Every fact of `profile` naming a place whose overseas situation is not the profile's.
    static func conflicts(in profile: Profile) -> [Conflict] {
        let vocabulary = profile.vocabulary
        let overseas = vocabulary.factName(.overseas)
        guard let overseasFact = vocabulary.fact(named: overseas), case .text(let stated)? = profile.value(overseas) else { return [] }
        var conflicts: [Conflict] = []
        for role in [FactRole.region, .departement] {
            let name = vocabulary.factName(role)
            guard case .text(let text)? = profile.value(name),
                  let candidates = situations[key(text)] else { continue }
            // The first the vocabulary knows: the Pacific is `autre` in a vocabulary without `pacifique`.
            guard let expected = candidates.first(where: { overseasFact.choiceIDs.contains($0) }), expected != stated else { continue }
            conflicts.append(Conflict(fact: name, expected: expected))
        }
        return conflicts
    }

    /// The conflicts of `profile` worded for the web form, by the name of the fact that names the place: the form
    /// refuses what the command line refuses in a profile file (Haute-Loire with an overseas situation, La Réunion
    /// without), with the labels its user chose from.
    public static func formErrors(_ profile: Profile) -> [String: String] {
        var errors: [String: String] = [:]
        for diagnostic in diagnostics(profile, form: true, stated: { _ in true }, location: { _ in SourceLocation(line: 1, column: 1) }) {
            if let fact = diagnostic.arguments["fact"] { errors[fact] = diagnostic.message }
        }
        return errors
    }

    /// The diagnostics of `conflicts(in:)`, each at the place `location` gives for its fact; `stated` tells whether
    /// the profile gave its overseas situation or left the default; `form` words them for the web form.
    static func diagnostics(_ profile: Profile, form: Bool = false, stated: (String) -> Bool, location: (String) -> SourceLocation) -> [Diagnostic] {
        let vocabulary = profile.vocabulary
        let overseas = vocabulary.factName(.overseas)
        guard let overseasFact = vocabulary.fact(named: overseas) else { return [] }
        return conflicts(in: profile).map { conflict in
            let fact = vocabulary.fact(named: conflict.fact)
            var arguments = [
                "fact": conflict.fact, "label": fact?.label ?? conflict.fact, "stated": profile.display(conflict.fact),
                "overseasFact": overseas, "overseas": profile.display(overseas),
                "expected": conflict.expected, "expectedLabel": overseasFact.label(ofChoice: conflict.expected),
            ]
            if !stated(overseas) { arguments["defaulted"] = "oui" }
            if form {
                arguments["form"] = "oui"
                arguments["overseasLabel"] = overseasFact.label
                if case .text(let value)? = profile.value(overseas) { arguments["overseasValueLabel"] = overseasFact.label(ofChoice: value) }
            }
            return .error("faits.outre-mer", arguments, at: location(conflict.fact))
        }
    }

    /// The warnings about a profile's overseas situation that do not keep a roadmap from being made: the former
    /// meaning of « autre » (`formerMeaningNotice`) and an ARS zoning declared in the Pacific (`pacificZoningNotice`).
    /// `location` places each at its fact; `form` words them for the web form, with the labels its user chose from
    /// rather than the identifiers of a profile file.
    public static func notices(_ profile: Profile, form: Bool = false, location: (String) -> SourceLocation) -> [Diagnostic] {
        [formerMeaningNotice(profile, form: form, location: location), pacificZoningNotice(profile, form: form, location: location)].compactMap { $0 }
    }

    /// A notice for a profile whose overseas situation is « autre » while nothing in it names Saint-Martin or
    /// Saint-Barthélemy: before « pacifique » existed, « autre » also meant New Caledonia, French Polynesia and
    /// Wallis-et-Futuna, and a profile written then would now silently get the ARS of Guadeloupe. Only in a
    /// vocabulary that has both values; `location` places the notice at the overseas fact.
    static func formerMeaningNotice(_ profile: Profile, form: Bool = false, location: (String) -> SourceLocation) -> Diagnostic? {
        let vocabulary = profile.vocabulary
        let overseas = vocabulary.factName(.overseas)
        guard let overseasFact = vocabulary.fact(named: overseas),
              overseasFact.choiceIDs.contains(other), overseasFact.choiceIDs.contains(pacific),
              case .text(other)? = profile.value(overseas) else { return nil }
        for role in [FactRole.region, .departement] {
            if case .text(let text)? = profile.value(vocabulary.factName(role)), situations[key(text)] == [other] { return nil }
        }
        var arguments = ["overseasFact": overseas]
        if form {
            arguments["form"] = "oui"
            arguments["label"] = overseasFact.label
            arguments["otherLabel"] = overseasFact.label(ofChoice: other)
            arguments["pacificLabel"] = overseasFact.label(ofChoice: pacific)
        }
        return .warning("faits.outre-mer-autre", arguments, at: location(overseas))
    }

    /// A notice for a Pacific profile that declares a medical zone (ZIP or ZAC): the doctors' zoning is drawn by the
    /// ARS, which does not exist in New Caledonia, French Polynesia or Wallis-et-Futuna, and so do not the
    /// installation aids that depend on it. The roadmap is still made (the team may have copied a mainland
    /// profile); the notice says what to declare instead. Only in a vocabulary whose zoning fact has these values.
    static func pacificZoningNotice(_ profile: Profile, form: Bool = false, location: (String) -> SourceLocation) -> Diagnostic? {
        let vocabulary = profile.vocabulary
        let zoning = vocabulary.factName(.medicalZoning)
        guard case .text(pacific)? = profile.value(vocabulary.factName(.overseas)), let zoningFact = vocabulary.fact(named: zoning),
              case .text(let zone)? = profile.value(zoning), arsZones.contains(zone) else { return nil }
        var arguments = ["fact": zoning, "value": zone]
        if form {
            arguments["form"] = "oui"
            arguments["label"] = zoningFact.label
            arguments["valueLabel"] = zoningFact.label(ofChoice: zone)
            arguments["noneLabel"] = zoningFact.label(ofChoice: noZone)
        }
        return .warning("faits.zonage-pacifique", arguments, at: location(zoning))
    }

    /// The zones of the ARS zoning of doctors (code de la santé publique, article L1434-4), and the value for none.
    private static let arsZones: Set = ["zip", "zac"]
    private static let noZone = "aucun"
    private static let other = "autre"
    private static let pacific = "pacifique"

    /// « La Réunion », « la-reunion », « REUNION » and « 974 » are one key.
    static func key(_ text: String) -> String {
        // Each separator a space, scalar by scalar (a replacement per separator cost four searches of the text).
        var scalars = String.UnicodeScalarView()
        for scalar in TypedValueReader.folded(text.trimmingCellSpaces).unicodeScalars {
            scalars.append(separators.contains(scalar) ? " " : scalar)
        }
        let folded = String(scalars)
        let words = folded.split(separator: " ").filter { !$0.isEmpty }
        let article = ["la", "le", "l"]
        return (words.count > 1 && article.contains(String(words[0])) ? words.dropFirst() : words[...]).joined(separator: " ")
    }

    private static let separators: Set<Unicode.Scalar> = ["-", "'", "’", "_"]

    /// Each place the table knows, by `key`, with the overseas situations it calls for, preferred first.
    private static let situations: [String: [String]] = {
        var table: [String: [String]] = [:]
        func add(_ names: [String], _ situation: [String]) { for name in names { table[key(name)] = situation } }
        add(["Guadeloupe", "971", "Martinique", "972"], ["antilles"])
        add(["Guyane", "Guyane française", "973"], ["guyane"])
        add(["La Réunion", "974"], ["reunion"])
        add(["Mayotte", "976"], ["mayotte"])
        add(["Saint-Pierre-et-Miquelon", "975"], ["saint-pierre-et-miquelon", "autre"])
        add(["Saint-Barthélemy", "977", "Saint-Martin", "978"], ["autre"])
        add(["Nouvelle-Calédonie", "988", "Polynésie française", "987", "Wallis-et-Futuna", "986"], ["pacifique", "autre"])
        add(mainlandRegions + mainlandDepartements, ["non"])
        add((1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : String($0) } + (1...9).map(String.init) + ["2A", "2B"], ["non"])
        return table
    }()

    /// The thirteen regions of mainland France and Corsica (loi du 16 janvier 2015), with the short names in use.
    private static let mainlandRegions = [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
        "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
        "Provence-Alpes-Côte d'Azur", "Région Sud", "PACA",
    ]

    private static let mainlandDepartements = [
        "Ain", "Aisne", "Allier", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes", "Ardèche", "Ardennes",
        "Ariège", "Aube", "Aude", "Aveyron", "Bouches-du-Rhône", "Calvados", "Cantal", "Charente", "Charente-Maritime",
        "Cher", "Corrèze", "Corse-du-Sud", "Haute-Corse", "Côte-d'Or", "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs",
        "Drôme", "Eure", "Eure-et-Loir", "Finistère", "Gard", "Haute-Garonne", "Gers", "Gironde", "Hérault",
        "Ille-et-Vilaine", "Indre", "Indre-et-Loire", "Isère", "Jura", "Landes", "Loir-et-Cher", "Loire", "Haute-Loire",
        "Loire-Atlantique", "Loiret", "Lot", "Lot-et-Garonne", "Lozère", "Maine-et-Loire", "Manche", "Marne",
        "Haute-Marne", "Mayenne", "Meurthe-et-Moselle", "Meuse", "Morbihan", "Moselle", "Nièvre", "Nord", "Oise", "Orne",
        "Pas-de-Calais", "Puy-de-Dôme", "Pyrénées-Atlantiques", "Hautes-Pyrénées", "Pyrénées-Orientales", "Bas-Rhin",
        "Haut-Rhin", "Rhône", "Haute-Saône", "Saône-et-Loire", "Sarthe", "Savoie", "Haute-Savoie", "Paris",
        "Seine-Maritime", "Seine-et-Marne", "Yvelines", "Deux-Sèvres", "Somme", "Tarn", "Tarn-et-Garonne", "Var",
        "Vaucluse", "Vendée", "Vienne", "Haute-Vienne", "Vosges", "Yonne", "Territoire de Belfort", "Essonne",
        "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise",
    ]
}
