import RuleKit

/// The counts a batch keeps while it streams (never the roadmaps themselves), and `resume.txt` made from them.
public struct BatchSummary: Sendable {
    /// Rows turned into a roadmap.
    public private(set) var territories = 0
    /// Rows reported as errors and skipped.
    public private(set) var failedRows = 0
    /// How many territories each recommendation was selected for, by id.
    public private(set) var selections: [String: Int] = [:]
    /// How many territories have at least one action of each lever, by lever id.
    public private(set) var leverTerritories: [String: Int] = [:]

    public static let topCount = 10
    public static let topPerLever = 2

    public init() {}

    public mutating func add(_ territory: BatchTerritory) {
        territories += 1
        for selection in territory.selections { selections[selection.id, default: 0] += 1 }
        for lever in Set(territory.selections.map(\.lever)) { leverTerritories[lever, default: 0] += 1 }
    }

    public mutating func addFailedRow() {
        failedRows += 1
    }

    /// The most often selected recommendations: by count, then id (so the order never depends on the run).
    public func mostSelected(_ ids: some Sequence<String>, limit: Int) -> [(id: String, count: Int)] {
        let ranked = ids.compactMap { id in selections[id].map { (id: id, count: $0) } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
        return Array(ranked.prefix(limit))
    }

    /// `resume.txt`: rows processed and failed, the recommendations selected most often, then by lever.
    /// `roadmaps`: whether a roadmap file was written per territory; `encoding`: the territories file's, when it
    /// had to be recognized (Windows-1252).
    public func render(ruleBase: RuleBase, input: String, startMonth: String, format: RoadmapFormat, roadmaps: Bool = true,
                       encoding: TextFileEncoding? = nil) -> String {
        var out: [String] = []
        func wrap(_ text: String, indent: String = "", first: String? = nil) {
            out += TextWrapper.wrap(text, width: TextRoadmapRenderer.width, indent: indent, firstIndent: first)
        }
        wrap("FEUILLES DE ROUTE SANTÉ DU MANDAT — SYNTHÈSE DE « \(input) »")
        let files = roadmaps ? "une feuille de route par territoire (format \(format.rawValue))" : "sans fichier par territoire (--syntheses-seulement)"
        wrap("Établies à partir de \(startMonth), jusqu'aux élections de mars 2032 ; \(files). Pour un tableur : synthese.csv (une ligne par territoire : ses actions dans l'ordre et leur nombre par levier), actions.csv (une ligne par action retenue, avec son levier, son porteur et son effort), leviers.csv (une ligne par territoire et levier, pour un tableau croisé), erreurs.csv (les lignes refusées).")
        if encoding == .windows1252 {
            wrap("Fichier lu en Windows-1252 (l'encodage par défaut d'Excel en français), reconnu sur l'ensemble du fichier.")
        }
        out.append(String(repeating: "=", count: TextRoadmapRenderer.width))
        out.append("")
        let rows = territories + failedRows
        wrap("\(Self.count(rows, "ligne")) de territoire lue\(rows > 1 ? "s" : "") : \(Self.count(territories, "feuille")) de route écrite\(territories > 1 ? "s" : ""), \(Self.count(failedRows, "ligne")) en erreur\(failedRows > 0 ? " (ignorée\(failedRows > 1 ? "s" : "") ; le détail est dans erreurs.csv)" : "").")
        out.append("")
        guard territories > 0 else { return out.joined(separator: "\n") + "\n" }

        out.append("LES RECOMMANDATIONS LES PLUS SOUVENT RETENUES")
        for (offset, entry) in mostSelected(ruleBase.recommendations.map(\.id), limit: Self.topCount).enumerated() {
            let number = "\(offset + 1). "
            let indent = String(repeating: " ", count: number.count + 2)
            wrap("\(title(entry.id, in: ruleBase)) [\(entry.id)]", indent: indent, first: "  " + number)
            wrap(share(entry.count), indent: indent, first: indent)
        }
        out.append("")

        out.append("PAR LEVIER")
        for lever in ruleBase.levers {
            guard let count = leverTerritories[lever.id] else { continue }
            let ids = ruleBase.recommendations.filter { $0.lever == lever.id }.map(\.id)
            out.append("")
            wrap("\(lever.title)\(Self.colon)au moins une action pour \(share(count))", indent: "    ", first: "  ")
            for entry in mostSelected(ids, limit: Self.topPerLever) {
                wrap("\(title(entry.id, in: ruleBase)) [\(entry.id)]\(Self.colon)\(share(entry.count))", indent: "      ", first: "    - ")
            }
        }
        out.append("")
        wrap("\(roadmaps ? "Chaque feuille de route dit pourquoi chaque action est retenue pour ce territoire. " : "")La colonne « ligne » des tableaux\(roadmaps ? " et le numéro en tête de chaque fichier renvoient" : " renvoie") à la ligne du territoire dans « \(input) ».")
        return out.joined(separator: "\n") + "\n"
    }

    /// « : » held to the word before it, as French typography wants.
    static let colon = "\u{00A0}: "

    /// « 9 territoires sur 12 (75 %) ».
    func share(_ count: Int) -> String {
        let percent = Int((Double(count) * 100 / Double(max(territories, 1))).rounded())
        return "\(Self.count(count, "territoire")) sur \(ValueFormatter.number(Double(territories))) (\(percent)\(ValueFormatter.groupSeparator)%)"
    }

    private func title(_ id: String, in ruleBase: RuleBase) -> String {
        ruleBase.recommendation(id)?.title ?? id
    }

    /// « 1 ligne », « 3 lignes », « 0 ligne ».
    static func count(_ count: Int, _ noun: String) -> String {
        "\(ValueFormatter.number(Double(count))) \(noun)\(count > 1 ? "s" : "")"
    }
}
