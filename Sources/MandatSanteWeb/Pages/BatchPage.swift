import Foundation
import LoopbackHTTP
import MandatSante

/// `/lot`: a territories file (CSV, one row per territory) gives back, in one page, the synthesis, a link to each
/// territory's roadmap, the rows refused and why, and a zip of every roadmap with `synthese.csv`, `actions.csv`,
/// `leviers.csv` and `resume.txt` — what `mandat-sante batch` writes in a folder.
extension Routes {
    func batchForm() -> HTTPResponse {
        WebResponse.page(batchPage(result: "", format: .html, start: application.defaultStart.description))
    }

    func batchTemplate() -> HTTPResponse {
        guard let template = application.batchTemplate else {
            return WebResponse.problem(.notFound, title: "Exemple introuvable", message: "Le fichier d'exemple n'a pas été trouvé à côté des règles.")
        }
        return WebResponse.download(template, fileName: "territoires-exemple.csv", mediaType: "text/csv; charset=utf-8")
    }

    func batchArchive(_ id: String) -> HTTPResponse {
        guard let archive = application.archives.archive(id) else {
            return WebResponse.problem(.notFound, title: "Archive expirée", message: "Cette archive n'est plus disponible : le serveur ne garde que les dernières, et les oublie quand il s'arrête. Chargez de nouveau le fichier CSV.", next: ("/lot", "Charger le fichier"))
        }
        return WebResponse.download(archive.bytes, fileName: archive.name, mediaType: "application/zip")
    }

    func submitBatch() -> HTTPResponse {
        let parts: [MultipartPart]
        switch uploadParts() {
        case .success(let read): parts = read
        case .failure(let refusal): return refusal.response
        }
        func text(_ name: String) -> String { parts.last { $0.name == name }.map { String(decoding: $0.body, as: UTF8.self) } ?? "" }
        let format = RoadmapFormat(rawValue: text("format")) ?? .html
        let startText = text(ReservedField.start)
        func refuse(_ message: String, details: String? = nil) -> HTTPResponse {
            let result = "<div class=\"error-summary\" role=\"alert\"><h2>Fichier refusé</h2><p>\(HTML.escape(message))</p>\(details.map { "<pre class=\"diagnostics\">\(HTML.escape($0))</pre>" } ?? "")</div>"
            return WebResponse.page(batchPage(result: result, format: format, start: startText), status: .unprocessableContent)
        }
        guard let start = YearMonth(parsing: startText.trimmingCharacters(in: .whitespaces)) else {
            return refuse("Mois de départ : « \(startText) » n'est pas un mois au format AAAA-MM (par exemple 2026-12).")
        }
        let calendar: MandateCalendar
        switch WebRoadmapService.calendar(start) {
        case .success(let read): calendar = read
        case .failure(let message): return refuse("Mois de départ : \(message.text).")
        }
        guard let file = parts.first(where: { $0.name == "fichier" }), let fileName = file.fileName, !fileName.isEmpty else {
            return refuse("Choisissez d'abord un fichier CSV, puis « Établir les feuilles de route ».")
        }
        let outcome = application.service.batch(file.body, file: fileName, calendar: calendar, format: format, maximumTerritories: WebApplication.maximumBatchTerritories)
        if let problem = outcome.fileError {
            return refuse("« \(fileName) » ne peut pas être lu : aucune feuille de route n'a été établie.", details: problem)
        }
        let archiveName = "feuilles-de-route-\(WebRoadmapService.slug(String(fileName.prefix { $0 != "." }))).zip"
        let id = application.archives.add(ZipArchive.make(outcome.files), name: archiveName)
        let rows = outcome.territories.map { territory in
            let query = ProfileForm.query(territory.profile.facts, start: start, vocabulary: vocabulary)
            return "<tr><td class=\"num\">\(territory.line)</td><td>\(HTML.escape(territory.name))</td><td class=\"num\">\(territory.actionCount)</td><td><a href=\"/feuille-de-route?\(HTML.escape(query))\">Ouvrir<span class=\"visually-hidden\"> la feuille de route de \(HTML.escape(territory.name))</span></a></td></tr>"
        }.joined(separator: "\n")
        let errors = outcome.rowErrors.isEmpty ? "" : """
        <h2 id="erreurs">Lignes refusées (\(outcome.rowErrors.count))</h2>
        <p>Ces lignes ont été ignorées ; les autres territoires sont traités. Chaque problème donne la ligne et la colonne du fichier.</p>
        <pre class="diagnostics">\(HTML.escape(outcome.rowErrors.joined(separator: "\n")))</pre>
        """
        let result = """
        <section aria-labelledby="resultat">
        <h2 id="resultat">Résultat pour « \(HTML.escape(fileName)) »</h2>
        <p class="lead" role="status">\(HTML.count(outcome.territories.count, "feuille")) de route établie\(outcome.territories.count > 1 ? "s" : "")\(outcome.rowErrors.isEmpty ? "" : ", \(HTML.count(outcome.rowErrors.count, "ligne")) refusée\(outcome.rowErrors.count > 1 ? "s" : "")").</p>
        <p class="actions"><a class="button" href="/lot/\(id).zip">Télécharger l'archive (zip)</a> <span class="muted">une feuille de route par territoire (format \(HTML.escape(format.rawValue))), synthese.csv, actions.csv, leviers.csv et resume.txt</span></p>
        \(errors)
        <h2 id="territoires">Territoires</h2>
        <table><thead><tr><th scope="col" class="num">Ligne</th><th scope="col">Territoire</th><th scope="col" class="num">Actions</th><th scope="col">Feuille de route</th></tr></thead><tbody>
        \(rows)
        </tbody></table>
        <h2 id="synthese">Synthèse</h2>
        <pre class="summary">\(HTML.escape(outcome.summary))</pre>
        </section>
        """
        return WebResponse.page(batchPage(result: result, format: format, start: start.description))
    }

    private func batchPage(result: String, format: RoadmapFormat, start: String) -> String {
        let formats = RoadmapFormat.allCases.map { option in
            "<option value=\"\(option.rawValue)\"\(option == format ? " selected" : "")>\(option.rawValue)</option>"
        }.joined()
        let template = application.batchTemplate == nil ? "" : " <a href=\"/lot/exemple.csv\">Télécharger un fichier d'exemple</a> (douze territoires) pour partir de ses colonnes."
        let body = """
        <h1>Plusieurs territoires</h1>
        <p class="lead">Un fichier CSV, une ligne par territoire, dont les colonnes portent les noms des questions du profil (name, kind, population, density sont obligatoires ; les autres facultatives). Enregistrez-le depuis votre tableur en « CSV UTF-8 », séparateur « ; » ou « , ».\(template)</p>
        \(result)
        <h2 id="charger">\(result.isEmpty ? "Charger le fichier" : "Charger un autre fichier")</h2>
        <form method="post" action="/lot" enctype="multipart/form-data">
        \(tokenField)
        <div class="question"><label class="question-label" for="fichier-lot">Fichier des territoires (.csv)</label>
        <p class="help" id="aide-lot">Au plus \(WebApplication.maximumBatchTerritories) territoires ; pour davantage, la commande <code>mandat-sante batch</code>.</p>
        <input type="file" id="fichier-lot" name="fichier" accept=".csv,text/csv" aria-describedby="aide-lot"></div>
        <div class="question"><label class="question-label" for="f-depart">Mois de départ des feuilles de route</label>
        <input type="month" id="f-depart" name="\(ReservedField.start)" value="\(HTML.escape(start))" min="2026-03" max="2032-02"></div>
        <div class="question"><label class="question-label" for="f-format">Format des feuilles de route de l'archive</label>
        <select id="f-format" name="format">\(formats)</select></div>
        <div class="actions"><button type="submit">Établir les feuilles de route</button></div>
        </form>
        """
        return PageLayout.render(title: "Plusieurs territoires", body: body, current: "/lot")
    }
}
