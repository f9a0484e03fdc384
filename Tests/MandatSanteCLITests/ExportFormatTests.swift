import Foundation
import Testing

@Suite("mandat-sante roadmap --format html|json|csv")
struct ExportFormatTests {
    /// Every example profile, by file name.
    static let exampleProfiles: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles")) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    private func roadmap(_ profile: String, _ format: String, _ extra: [String] = []) -> RunResult {
        let result = runCLI(["roadmap", "Profiles/\(profile)", "--start", "2026-12", "--format", format] + extra)
        #expect(result.exitCode == 0, "\(result.error)")
        return result
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The schema `mandat-sante schema roadmap` generates (SchemaSyncTests checks the committed copy against it).
    private func roadmapSchema() throws -> [String: Any] {
        let generated = runCLI(["schema", "roadmap"])
        #expect(generated.exitCode == 0, "\(generated.error)")
        return try json(generated.output)
    }

    @Test("la liste des profils d'exemple n'est pas vide")
    func profilesFound() {
        #expect(Self.exampleProfiles.count >= 5)
    }

    // MARK: JSON

    /// The golden JSON of each example profile is, byte for byte, what `roadmap --format json` prints for it
    /// (GoldenRoadmapTests), so the schema is checked on that file rather than by planning the profile once more; the
    /// command line's own JSON is checked by the tests below.
    @Test("l'export JSON de chaque profil d'exemple respecte le schéma Rules/schema/roadmap.schema.json", arguments: exampleProfiles)
    func jsonMatchesSchema(profile: String) throws {
        let validator = JSONSchemaValidator(root: try roadmapSchema())
        let golden = packageRoot + "/Tests/Fixtures/golden/\(profile.dropLast(".json".count))/feuille-de-route.json"
        let document = try json(String(contentsOfFile: golden, encoding: .utf8))
        let errors = validator.errors(in: document)
        #expect(errors.isEmpty, "\(errors.prefix(10).joined(separator: "\n"))")
        #expect((document["items"] as? [Any])?.isEmpty == false)
    }

    @Test("le validateur de schéma refuse une clé manquante, une clé en trop, un mauvais type et une valeur hors énumération")
    func validatorCatchesViolations() throws {
        let validator = JSONSchemaValidator(root: try roadmapSchema())
        var document = try json(roadmap("village-rural-zip.json", "json").output)
        document["schemaVersion"] = 2
        document["extra"] = true
        document.removeValue(forKey: "leftOut")
        var items = try #require(document["items"] as? [[String: Any]])
        items[0]["rank"] = "1"
        items[0]["effort"] = "enorme"
        document["items"] = items
        let errors = validator.errors(in: document)
        #expect(errors.contains("$ : clé obligatoire « leftOut » absente"))
        #expect(errors.contains("$ : clé non prévue « extra »"))
        #expect(errors.contains { $0.hasPrefix("$.schemaVersion : 3 attendu") })
        #expect(errors.contains("$.items[0].rank : type integer attendu, pas « 1 »"))
        #expect(errors.contains("$.items[0].effort : valeur « enorme » hors de l'énumération"))
    }

    @Test("l'export JSON d'un village donne le profil, les phases, les actions et les écartées")
    func jsonContent() throws {
        let document = try json(roadmap("village-rural-zip.json", "json").output)
        #expect(document["schemaVersion"] as? Int == 3)
        #expect(document["start"] as? String == "2026-12")
        #expect(document["end"] as? String == "2032-03")
        let facts = try #require((document["profile"] as? [String: Any])?["facts"] as? [String: Any])
        #expect(facts["population"] as? Int == 420)
        #expect(facts["medicalZoning"] as? String == "zip")
        #expect(facts["priorities"] as? [String] == ["acces-aux-soins", "bien-vieillir"])
        #expect(facts["povertyRate"] is NSNull)
        let phases = try #require(document["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["id"] as? String } == ["premiers-mois", "fin-d-annee", "mi-mandat", "fin-mandat"])
        #expect(phases.first?["start"] as? String == "2026-12")
        #expect(phases.first?["end"] as? String == "2027-03")
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["rank"] as? Int } == Array(1...items.count))
        let intercommunal = try #require(items.first { $0["id"] as? String == "agir-echelle-intercommunale" })
        #expect(intercommunal["phase"] as? String == "premiers-mois")
        let score = try #require(intercommunal["score"] as? [String: Any])
        let terms = try #require(score["terms"] as? [[String: Any]])
        #expect(terms.first?["reason"] as? String == "priorité de base")
        #expect(score["total"] as? Int == terms.compactMap { $0["points"] as? Int }.reduce(0, +))
        let leftOut = try #require(document["leftOut"] as? [[String: Any]])
        let healthCentre = try #require(leftOut.first { $0["id"] as? String == "centre-sante-salaries" })
        #expect(healthCentre["reason"] as? String == "condition-non-remplie")
        #expect((healthCentre["reasonText"] as? String)?.contains("ici 420") == true)
        let synthesis = try #require(document["synthesis"] as? [String: Any])
        let decisions = try #require(synthesis["decisions"] as? [[String: Any]])
        // The village carries one access-to-care scheme at a time: the volunteer doctors' centre first, the office
        // with housing after it, for a doctor the centre has found.
        #expect(decisions.compactMap { $0["id"] as? String }.contains("medecins-volontaires-relais"))
        #expect(!decisions.compactMap { $0["id"] as? String }.contains("cabinet-medical-logement"))
        #expect((document["considerLater"] as? [Any])?.isEmpty == false)
    }

    @Test("l'export JSON est identique à l'octet d'une exécution à l'autre")
    func jsonIsDeterministic() {
        let first = roadmap("metropole-cls-clsm.json", "json").output
        let second = roadmap("metropole-cls-clsm.json", "json").output
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    // MARK: HTML

    @Test("l'export HTML est une page autonome : la synthèse et son calendrier, une fiche par action, à envisager ensuite")
    func htmlPage() throws {
        let html = roadmap("ville-moyenne-qpv-cls.json", "html").output
        let document = try json(roadmap("ville-moyenne-qpv-cls.json", "json").output)
        let count = try #require(document["items"] as? [Any]).count
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.components(separatedBy: "<article class=\"card\"").count - 1 == count)
        // Each action is linked from the calendar of the synthesis.
        #expect(html.components(separatedBy: "<a href=\"#action-").count - 1 >= count)
        #expect(html.contains("<div class=\"timeline\""))
        #expect(html.contains("<h2>À envisager ensuite</h2>"))
        #expect(!html.contains("Annexe"))
        // Nothing is fetched from elsewhere; the addresses of the sources are printed as text, never loaded.
        for forbidden in ["href=\"http", "src=", "url(", "<script", "<link", "@import", "<a href=\"//"] {
            #expect(!html.contains(forbidden), "« \(forbidden) » ne doit pas apparaître")
        }
    }

    @Test("l'export HTML imprimé : l'édition en page 1, rien sous 10 pt hors l'édition, les intertitres et les numéros de page")
    func htmlPrintSizes() throws {
        let html = roadmap("metropole-cls-clsm.json", "html").output
        // The edition (date, tool and rule-base versions) is in the cover, before the synthesis, not only at the end.
        let cover = try #require(html.range(of: "<header class=\"cover\">")).upperBound
        let synthesis = try #require(html.range(of: "<section id=\"synthese\"")).lowerBound
        #expect(html[cover..<synthesis].contains("<span class=\"edition\">Édition de décembre 2026 · MandatSanté"))
        // Every size under 10 pt on paper belongs to a label, not to text a reader reads.
        let print = try #require(html.range(of: "@media print {")).upperBound
        var small: [String] = []
        for rule in html[print...].split(separator: "}") {
            guard let size = rule.range(of: "font-size: ")?.upperBound,
                  let points = Double(rule[size...].prefix { $0.isNumber || $0 == "." }), points < 10 else { continue }
            small.append(rule.split(separator: "{").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "")
        }
        // The closing line is not printed at all (it repeated the cover's edition alone on a last page).
        #expect(small.sorted() == [".kicker", "h5"], "\(small)")
        #expect(html[print...].contains("footer { display: none; }"))
        // The decisions' line (who, when, effort, cost, funder) is printed at 10 pt.
        #expect(html.contains(".decision-line { font-size: 10pt; }"))
    }

    @Test("l'export HTML échappe un nom de territoire hostile passé par --set")
    func htmlEscapesHostileName() {
        let html = roadmap("village-rural-zip.json", "html", ["--set", #"name=Saint-<script>alert("x")</script> & l'Ouest"#]).output
        #expect(!html.contains("<script>"))
        #expect(html.contains("<h1>Saint-&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;Ouest</h1>"))
    }

    // MARK: CSV

    @Test("l'export CSV s'ouvre dans un tableur français : BOM, point-virgule, CRLF, une ligne par action")
    func csvForFrenchSpreadsheets() throws {
        let csv = roadmap("petite-ville-pvd-msp.json", "csv").output
        let document = try json(roadmap("petite-ville-pvd-msp.json", "json").output)
        let count = try #require(document["items"] as? [Any]).count
        let bytes = Array(csv.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.count - 1 == count + 1)
        #expect(lines.first == "Rang;Phase;Période;Identifiant;Action;Décision de la page 1;Levier;Porteur;Échéance;Calendrier;Enchaînement;Effort;Coût;Niveau de preuve;Effet sur les inégalités;Pourquoi;Premiers pas;Partenaires;Financements;Indicateurs;Sources;Territoire;Édition;Score calculé (priorité de base + bonus)")
        #expect(lines[1].hasPrefix("1;Les trois prochains mois;déc. 2026 – févr. 2027;"))
        // No line feed outside a CRLF pair.
        #expect(bytes.indices.allSatisfy { bytes[$0] != 0x0A || ($0 > 0 && bytes[$0 - 1] == 0x0D) })
    }

    @Test("--output écrit le CSV avec son BOM, sans rien sur la sortie standard")
    func csvToFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("feuille.csv").path
        let result = roadmap("village-rural-zip.json", "csv", ["--output", path])
        #expect(result.output.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("--csv-separator change le séparateur, et seulement pour le CSV")
    func csvSeparator() {
        let comma = roadmap("petite-ville-pvd-msp.json", "csv", ["--csv-separator", ","]).output
        #expect(comma.dropFirst().hasPrefix("Rang,Phase,Période,Identifiant,Action,Décision de la page 1,Levier,Porteur,Échéance,Calendrier,Enchaînement,"))
        #expect(comma.contains("\r\n1,Les trois prochains mois,déc. 2026 – févr. 2027,"))
        let tab = roadmap("petite-ville-pvd-msp.json", "csv", ["--csv-separator", "tab"]).output
        #expect(tab.dropFirst().hasPrefix("Rang\tPhase\tPériode\t"))

        let unknown = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--format", "csv", "--csv-separator", "|"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.error.contains("--csv-separator attend « ; », « , » ou « tab », pas « | »"))
        let notCSV = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--csv-separator", ","])
        #expect(notCSV.exitCode == 2)
        #expect(notCSV.error.contains("--csv-separator ne vaut que pour --format csv (format demandé : texte)"))
    }

    @Test("un format inconnu est refusé avec la liste des formats")
    func unknownFormat() {
        let result = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--format", "pdf"])
        #expect(result.exitCode == 2)
        #expect(result.error.contains("texte, markdown, html, json, csv"))
    }
}
