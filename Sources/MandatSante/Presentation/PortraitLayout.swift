import RuleKit

/// Which facts the portrait of a territory states, under which headings and how: read from `Rules/portrait.json`,
/// so that a fact added to the vocabulary is placed in the portrait by editing data, not code.
public struct PortraitLayout: Sendable {
    public struct Section: Sendable {
        /// « Accès aux soins »
        public var label: String
        public var lines: [Line]
    }

    /// One fact of a section, stated according to `show` when `condition` holds (always without one).
    public struct Line: Sendable {
        public var fact: String
        public var show: Show
        public var condition: Condition?
        /// What a list or a « none only » line says when the set is empty.
        public var none: String?
    }

    /// How a fact is stated.
    public enum Show: String, CaseIterable, Sendable {
        /// Its value as the vocabulary words it (« zone d'intervention prioritaire (ZIP) »).
        case value = "valeur"
        /// Its value, only when it differs from the default (« population en croissance »).
        case valueUnlessDefault = "valeur-hors-defaut"
        /// « label : value », only when it differs from the default.
        case labelledUnlessDefault = "libelle-et-valeur-hors-defaut"
        /// « label : value », only when the profile gives it.
        case labelledWhenSet = "libelle-et-valeur-si-renseigne"
        /// A yes/no fact: its label when true, its false label when false.
        case flag = "oui-non"
        /// A yes/no fact, only when true.
        case flagWhenTrue = "si-vrai"
        /// A set: its members, or `none` when it is empty (nothing without `none`).
        case list = "liste"
        /// A set stated elsewhere: only `none`, when it is empty.
        case noneOnly = "seulement-si-vide"

        /// The fact types it can state; nil for every type.
        var types: [FactType]? {
            switch self {
            case .value, .valueUnlessDefault, .labelledUnlessDefault, .labelledWhenSet: return nil
            case .flag, .flagWhenTrue: return [.bool]
            case .list, .noneOnly: return [.set]
            }
        }
    }

    public var sections: [Section]

    public init(sections: [Section] = []) {
        self.sections = sections
    }
}

/// Reads `portrait.json`: `{ "sections": [ { "label": …, "lines": [ { "fact": …, "show": …, "when": …, "none": … } ] } ] }`.
enum PortraitLayoutReader {
    static func read(_ root: JSONNode, file: String, vocabulary: Vocabulary, _ diagnostics: inout [Diagnostic]) -> PortraitLayout {
        guard var document = JSONObjectReader(root, file: file, context: "le fichier", diagnostics: &diagnostics) else { return PortraitLayout() }
        _ = document.member("$schema")
        let sectionNodes = document.array("sections", required: true) ?? []
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        var sections: [PortraitLayout.Section] = []
        for node in sectionNodes {
            guard var reader = JSONObjectReader(node, file: file, context: "une partie du portrait", diagnostics: &diagnostics) else { continue }
            let label = reader.string("label", required: true)
            let lineNodes = reader.array("lines", required: true) ?? []
            reader.reportUnknownFields()
            diagnostics += reader.diagnostics
            let lines = lineNodes.compactMap { line($0, file: file, vocabulary: vocabulary, &diagnostics) }
            if let label { sections.append(PortraitLayout.Section(label: label, lines: lines)) }
        }
        return PortraitLayout(sections: sections)
    }

    private static func line(_ node: JSONNode, file: String, vocabulary: Vocabulary, _ diagnostics: inout [Diagnostic]) -> PortraitLayout.Line? {
        guard var reader = JSONObjectReader(node, file: file, context: "une ligne du portrait", diagnostics: &diagnostics) else { return nil }
        let factNode = reader.stringNode("fact", required: true)
        let showNode = reader.stringNode("show", required: true)
        let when = reader.stringNode("when")?.locatedText?.inFile(file)
        let none = reader.string("none")
        reader.reportUnknownFields()
        diagnostics += reader.diagnostics
        guard let factNode, case .string(let name) = factNode.value, let showNode, case .string(let showText) = showNode.value else { return nil }
        func at(_ node: JSONNode) -> SourceLocation { (node.locatedText?.location ?? node.location).inFile(file) }
        guard let fact = vocabulary.fact(named: name) else {
            var arguments = ["fact": name]
            arguments["suggestion"] = Suggestion.closest(to: name, among: vocabulary.facts.map(\.name))
            diagnostics.append(.error("portrait.fait-inconnu", arguments, at: at(factNode)))
            return nil
        }
        let modes = PortraitLayout.Show.allCases.map(\.rawValue)
        guard let show = PortraitLayout.Show(rawValue: showText) else {
            var arguments = ["show": showText, "allowed": modes.joined(separator: ", ")]
            arguments["suggestion"] = Suggestion.closest(to: showText, among: modes)
            diagnostics.append(.error("portrait.affichage-inconnu", arguments, at: at(showNode)))
            return nil
        }
        if let types = show.types, !types.contains(fact.type) {
            diagnostics.append(.error("portrait.affichage-type", ["fact": name, "show": showText, "type": fact.type.rawValue,
                                                                 "expected": types.map(\.rawValue).joined(separator: ", ")], at: at(showNode)))
            return nil
        }
        var condition: Condition?
        if let when {
            switch Condition.compile(when.text, vocabulary: vocabulary) {
            case .success(let compiled): condition = compiled
            case .failure(let failure):
                diagnostics += failure.errors.map { $0.diagnostic(in: when) }
                return nil
            }
        }
        return PortraitLayout.Line(fact: name, show: show, condition: condition, none: none)
    }
}
