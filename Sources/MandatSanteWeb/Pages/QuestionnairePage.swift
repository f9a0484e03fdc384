import LoopbackHTTP
import RuleKit

/// `/questionnaire`: the questions of the vocabulary as one form. Sent, it is checked field by field with the
/// command line's messages; a valid profile leads to its roadmap, an invalid one comes back with each problem
/// next to its field and listed at the top.
extension Routes {
    func questionnaire() -> HTTPResponse {
        let form = application.form(query)
        let showProblems = !query.isEmpty
        return WebResponse.page(questionnairePage(form, showProblems: showProblems))
    }

    func submitQuestionnaire() -> HTTPResponse {
        let fields: [(name: String, value: String)]
        switch formFields() {
        case .success(let read): fields = read
        case .failure(let refusal): return refusal.response
        }
        let form = application.form(fields, applyingAskWhen: true)
        guard form.isValid else {
            return WebResponse.page(questionnairePage(form, showProblems: true), status: .unprocessableContent)
        }
        return WebResponse.redirect("/feuille-de-route?" + application.query(form))
    }

    private func questionnairePage(_ form: ProfileForm, showProblems: Bool) -> String {
        let errors = showProblems ? form.errors : [:]
        let fields = ProfileFields(vocabulary: vocabulary, values: Self.shownValues(form, vocabulary: vocabulary), errors: errors)
        var summary = ""
        if showProblems && !form.isValid {
            var items = form.generalErrors.map { "<li>\(HTML.escape(HTML.capitalized($0)))</li>" }
            for fact in vocabulary.facts {
                guard let error = form.errors[fact.name] else { continue }
                items.append("<li><a href=\"#f-\(HTML.escape(fact.name))\">\(HTML.escape(HTML.capitalized(fact.label)))</a> : \(HTML.escape(error))</li>")
            }
            if let error = form.startError { items.append("<li><a href=\"#f-depart\">Mois de départ</a> : \(HTML.escape(error))</li>") }
            summary = """
            <div class="error-summary" role="alert" aria-labelledby="titre-erreurs">
            <h2 id="titre-erreurs">\(items.count > 1 ? "\(items.count) réponses à corriger" : "Une réponse à corriger")</h2>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </div>
            """
        }
        let startError = showProblems ? form.startError.map { "<p class=\"error-message\" id=\"erreur-depart\">Erreur : \(HTML.escape($0))</p>\n" } ?? "" : ""
        let startValue = HTML.escape(form.values(ReservedField.start).last ?? form.start.description)
        let body = """
        <h1>Décrire le territoire</h1>
        <p class="lead">Répondez aux questions dans l'ordre ; seules quatre sont obligatoires. Pour les autres, la réponse proposée est celle qui vaut quand on ne dit rien. Rien n'est enregistré sur le disque : à la fin, vous pourrez télécharger le profil pour le rouvrir plus tard.</p>
        \(summary)
        <form method="post" action="/questionnaire" novalidate>
        \(tokenField)
        \(fields.render())
        <div class="question\(startError.isEmpty ? "" : " invalid")" id="q-depart">
        <label class="question-label" for="f-depart">Mois de départ de la feuille de route</label>
        <p class="help" id="aide-depart">Le mois à partir duquel les actions sont placées dans le calendrier du mandat — en général le mois en cours (au format AAAA-MM, jusqu'à 2032-02).</p>
        \(startError)<input type="month" id="f-depart" name="\(ReservedField.start)" value="\(startValue)" min="2026-03" max="2032-02" aria-describedby="aide-depart\(startError.isEmpty ? "" : " erreur-depart")"\(startError.isEmpty ? "" : " aria-invalid=\"true\"")>
        </div>
        <div class="actions">
        <button type="submit">Voir la feuille de route</button>
        <a class="button secondary" href="/">Annuler</a>
        </div>
        </form>
        """
        return PageLayout.render(title: form.isValid || !showProblems ? "Décrire le territoire" : "Réponses à corriger", body: body, current: "/questionnaire")
    }

    /// What each field shows: the value the facts hold (defaults included), or, for a field with a problem, what
    /// was typed.
    static func shownValues(_ form: ProfileForm, vocabulary: Vocabulary) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for fact in vocabulary.facts {
            let value = form.facts.value(of: fact.name, in: vocabulary)
            let typed = [.text, .int, .number].contains(fact.type)
            if form.errors[fact.name] != nil {
                values[fact.name] = form.values(fact.name)
            } else if value == nil && (fact.required || (typed && fact.defaultValue == nil)) {
                // Not answered yet, or « je ne sais pas » for a field that says it by staying empty.
                values[fact.name] = []
            } else {
                values[fact.name] = ProfileForm.fieldValues(value, of: fact)
            }
        }
        return values
    }
}
