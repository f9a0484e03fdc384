import LoopbackHTTP

/// `/et-si?PROFIL`: the profile's answers, to change one or more; `/et-si?avant=PROFIL&…` shows, side by side, the
/// roadmap before and after the change, then what is added, removed and moved, and why (`compare`'s reasons).
extension Routes {
    func whatIf() -> HTTPResponse {
        let beforeQuery = query.last { $0.name == ReservedField.before }?.value
        let facts = query.filter { $0.name != ReservedField.before }
        let comparing = beforeQuery != nil
        guard let beforeFields = beforeQuery.map(URLEncoding.decodeForm) ?? facts else {
            return WebResponse.problem(.badRequest, title: "Adresse illisible", message: "Le profil de départ de la comparaison est mal encodé dans l'adresse.")
        }
        let before = application.form(beforeFields)
        guard before.isValid, case .success(let calendar) = WebRoadmapService.calendar(before.start) else { return invalidProfileAddress(before) }
        // The start month is the one of the profile compared with.
        let after = application.form(facts.filter { $0.name != ReservedField.start } + [(ReservedField.start, before.start.description)])
        let beforeProfile = application.profile(before, file: "profil actuel")
        let name = beforeProfile.name

        var result = ""
        var status = HTTPStatus.ok
        if comparing && !after.isValid {
            status = .unprocessableContent
            let count = after.errors.count + after.generalErrors.count
            result = "<div class=\"error-summary\" role=\"alert\"><h2>\(count > 1 ? "\(count) réponses à corriger" : "Une réponse à corriger")</h2><ul>"
                + after.generalErrors.map { "<li>\(HTML.escape(HTML.capitalized($0)))</li>" }.joined()
                + vocabulary.facts.compactMap { fact in after.errors[fact.name].map { "<li><a href=\"#f-\(HTML.escape(fact.name))\">\(HTML.escape(HTML.capitalized(fact.label)))</a> : \(HTML.escape($0))</li>" } }.joined()
                + "</ul></div>"
        } else if comparing {
            let change = application.service.whatIf(before: beforeProfile, after: application.profile(after, file: "profil modifié"), calendar: calendar)
            result = comparison(change, before: before, after: after)
        }
        let fields = ProfileFields(vocabulary: vocabulary, values: Self.shownValues(comparing ? after : before, vocabulary: vocabulary), errors: comparing ? after.errors : [:], compact: true)
        let intro = comparing ? "" : """
        <p class="lead">Changez une ou plusieurs réponses — un CLS signé, une maison de santé ouverte, une priorité de plus, un agent recruté — puis « Comparer » : la page montre, côte à côte, la feuille de route actuelle et celle qu'on obtiendrait, et explique chaque différence.</p>
        """
        let body = """
        <h1>Et si ? — \(HTML.escape(name))</h1>
        \(intro)
        \(result)
        <h2 id="reponses">\(comparing ? "Changer encore" : "Les réponses du profil")</h2>
        <form method="get" action="/et-si" novalidate>
        <input type="hidden" name="\(ReservedField.before)" value="\(HTML.escape(application.query(before)))">
        <div class="actions"><button type="submit">Comparer</button> <a class="button secondary" href="/feuille-de-route?\(HTML.escape(application.query(before)))">Revenir à la feuille de route</a></div>
        \(fields.render())
        <div class="actions"><button type="submit">Comparer</button></div>
        </form>
        """
        return WebResponse.page(PageLayout.render(title: "Et si ? — \(name)", body: body), status: status)
    }

    private func comparison(_ change: WebRoadmapService.WhatIf, before: ProfileForm, after: ProfileForm) -> String {
        guard !change.factChanges.isEmpty else {
            return "<div class=\"notice\" role=\"status\"><p>Aucune réponse n'a changé : modifiez au moins une réponse ci-dessous, puis « Comparer ».</p></div>"
        }
        let facts = change.factChanges.map { "<tr><th scope=\"row\">\(HTML.escape(HTML.capitalized($0.label)))</th><td>\(HTML.escape($0.before))</td><td>\(HTML.escape($0.after))</td></tr>" }.joined(separator: "\n")
        let capacity = change.capacity.before == change.capacity.after ? "" :
            "<p>Capacité : \(change.capacity.before) → \(change.capacity.after) unités d'effort par an.</p>"
        func column(_ lines: [WebRoadmapService.ActionLine], removedMark: Bool) -> String {
            lines.map { line in
                let symbol = change.kinds[line.id]
                var mark = ""
                var rowClass = ""
                switch symbol {
                case "+" where !removedMark: (mark, rowClass) = ("<span class=\"mark added\">ajoutée</span>", " class=\"added\"")
                case "-" where removedMark: (mark, rowClass) = ("<span class=\"mark removed\">retirée</span>", " class=\"removed\"")
                case "→" where !removedMark: mark = "<span class=\"mark moved\">change de phase</span>"
                case "↑" where !removedMark: mark = "<span class=\"mark moved\">monte</span>"
                case "↓" where !removedMark: mark = "<span class=\"mark moved\">descend</span>"
                default: break
                }
                return "<li\(rowClass)><span class=\"rank\">\(line.rank).</span><span>\(HTML.escape(line.title))\(mark)<span class=\"phase\">\(HTML.escape(line.phase))</span></span></li>"
            }.joined(separator: "\n")
        }
        let sections = change.sections.filter { !$0.changes.isEmpty }.map { section in
            let items = section.changes.map { item in
                let reasons = item.reasons.isEmpty ? "" : "<span class=\"why-label\">Pourquoi :</span><ul class=\"why\">" + item.reasons.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
                return "<li><strong>\(HTML.escape(section.symbol)) \(HTML.escape(item.title))</strong> <span class=\"id\">\(HTML.escape(item.id))</span><span class=\"position\">\(HTML.escape(item.position))</span>\(reasons)</li>"
            }.joined(separator: "\n")
            return "<h3>\(HTML.escape(section.title)) (\(section.changes.count))</h3>\n<ul>\n\(items)\n</ul>"
        }.joined(separator: "\n")
        return """
        <section aria-labelledby="changement">
        <h2 id="changement">Ce qui change dans le profil</h2>
        <table><thead><tr><th scope="col">Réponse</th><th scope="col">Aujourd'hui</th><th scope="col">Et si</th></tr></thead><tbody>
        \(facts)
        </tbody></table>
        \(capacity)
        <p><strong>\(HTML.escape(change.summary))</strong> (feuilles de route établies à partir de \(HTML.escape(change.startMonth))).</p>
        <p class="actions"><a class="button" href="/feuille-de-route?\(HTML.escape(application.query(after)))">Voir la feuille de route modifiée</a></p>
        </section>
        <section aria-labelledby="cote-a-cote">
        <h2 id="cote-a-cote">Côte à côte</h2>
        <div class="side-by-side">
        <div><h3>Aujourd'hui — \(HTML.count(change.before.count, "action"))</h3><ol>
        \(column(change.before, removedMark: true))
        </ol></div>
        <div><h3>Et si — \(HTML.count(change.after.count, "action"))</h3><ol>
        \(column(change.after, removedMark: false))
        </ol></div>
        </div>
        </section>
        <section class="changes" aria-labelledby="pourquoi">
        <h2 id="pourquoi">Ce qui change, et pourquoi</h2>
        \(sections.isEmpty ? "<p>La feuille de route reste la même : ce changement ne modifie aucune action.</p>" : sections)
        </section>
        """
    }
}
