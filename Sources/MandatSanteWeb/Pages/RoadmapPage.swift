import Foundation
import LoopbackHTTP
import MandatSante
import RuleKit

/// `/feuille-de-route?PROFIL`: the HTML document of the export, under a bar to change the profile, try « Et si ? »,
/// print and download. `/imprimer?PROFIL`: the document alone, which opens the print dialog. `/telecharger/FORMAT`:
/// the files. The profile travels in the address (the fields of `ProfileForm`): nothing is kept on the server, and
/// the address can be bookmarked.
extension Routes {
    func roadmap(printing: Bool) -> HTTPResponse {
        let form = application.form(query)
        guard form.isValid, case .success(let calendar) = WebRoadmapService.calendar(form.start) else { return invalidProfileAddress(form) }
        let profile = application.profile(form)
        let document = application.service.render(profile, calendar: calendar, format: .html)
        let profileQuery = HTML.escape(application.query(form))
        if printing {
            let note = """
            <div class="ms-note" role="note">La fenêtre d'impression du navigateur s'ouvre : pour un fichier PDF, choisissez « Enregistrer au format PDF » comme imprimante. Si elle ne s'ouvre pas, utilisez la commande Imprimer du navigateur (Ctrl+P, ou ⌘P sur Mac). <a href="/feuille-de-route?\(profileQuery)">Retour à la feuille de route</a></div>
            """
            return WebResponse.page(Self.inject(into: document, head: "<link rel=\"stylesheet\" href=\"/barre.css\">\n<script src=\"/imprimer.js\" defer></script>", bodyStart: note))
        }
        let downloads = WebRoadmapService.Download.allCases.map { download in
            "<a href=\"/telecharger/\(download.rawValue)?\(profileQuery)\">\(download.label)</a>"
        } + ["<a href=\"/telecharger/profil?\(profileQuery)\">Profil (JSON)</a>"]
        let bar = """
        <nav class="ms-bar" aria-label="Feuille de route : actions"><div class="ms-inner">
        <a href="/"><strong>MandatSanté</strong></a>
        <div class="ms-group">
        <a class="ms-button" href="/questionnaire?\(profileQuery)">Modifier le profil</a>
        <a class="ms-button" href="/et-si?\(profileQuery)">Et si ?</a>
        <a class="ms-button" href="/imprimer?\(profileQuery)">Imprimer / PDF</a>
        </div>
        <div class="ms-group"><span class="ms-label">Télécharger :</span>
        \(downloads.joined(separator: "\n"))
        </div>
        </div></nav>
        """
        return WebResponse.page(Self.inject(into: document, head: "<link rel=\"stylesheet\" href=\"/barre.css\">", bodyStart: bar + Self.notices(profile, query: profileQuery)))
    }

    /// The warnings the command line prints on its error output for this profile (an overseas « autre » that may
    /// mean the Pacific, an ARS zoning declared in the Pacific), worded with the form's labels, each with the way
    /// back to the questionnaire; empty when there is none. Screen only: the print style hides them.
    static func notices(_ profile: Profile, query: String) -> String {
        OverseasCoherence.notices(profile, form: true) { _ in SourceLocation(line: 1, column: 1) }.map { notice in
            "\n<div class=\"ms-note ms-warning\" role=\"alert\"><strong>Attention :</strong> \(HTML.escape(notice.message)) <a href=\"/questionnaire?\(query)\">Modifier le profil</a></div>"
        }.joined()
    }

    /// `/telecharger/html|markdown|csv|json|detaillee|profil?PROFIL`
    func download(_ kind: String) -> HTTPResponse {
        let form = application.form(query)
        guard form.isValid, case .success(let calendar) = WebRoadmapService.calendar(form.start) else { return invalidProfileAddress(form) }
        let profile = application.profile(form)
        let slug = WebRoadmapService.slug(profile.name)
        if kind == "profil" {
            return WebResponse.download(Array(application.service.profileJSON(profile).utf8), fileName: "\(slug).json", mediaType: "application/json; charset=utf-8")
        }
        guard let download = WebRoadmapService.Download(rawValue: kind) else {
            return WebResponse.problem(.notFound, title: "Format inconnu", message: "Les formats proposés sont : html, markdown, csv, json, detaillee et profil.")
        }
        let text = application.service.render(profile, calendar: calendar, format: download.format, detail: download == .detailed)
        let name = download == .detailed ? "feuille-de-route-\(slug)-detaillee" : "feuille-de-route-\(slug)"
        return WebResponse.download(Array(text.utf8), fileName: "\(name).\(download.fileExtension)", mediaType: download.mediaType)
    }

    /// An address whose profile does not read: say why, and offer the questionnaire filled with what it holds.
    func invalidProfileAddress(_ form: ProfileForm) -> HTTPResponse {
        var problems = form.generalErrors
        for fact in vocabulary.facts { if let error = form.errors[fact.name] { problems.append("\(fact.name) : \(error)") } }
        if let error = form.startError { problems.append("\(ReservedField.start) : \(error)") }
        return WebResponse.problem(.badRequest, title: "Profil incomplet ou invalide", message: "L'adresse ne décrit pas un profil valide (\(problems.count) problème\(problems.count > 1 ? "s" : "")) ; le questionnaire, rempli avec ce qu'elle contient, montre quoi corriger.", details: problems.joined(separator: "\n"), next: ("/questionnaire?" + request.query, "Corriger dans le questionnaire"))
    }

    /// `document` with `head` added before `</head>` and `bodyStart` right after `<body…>`; a document without
    /// them gets both at its start.
    static func inject(into document: String, head: String, bodyStart: String) -> String {
        guard let headEnd = document.range(of: "</head>"),
              let bodyTag = document.range(of: "<body", range: headEnd.upperBound..<document.endIndex),
              let bodyTagEnd = document.range(of: ">", range: bodyTag.upperBound..<document.endIndex) else {
            return head + "\n" + bodyStart + "\n" + document
        }
        var result = document
        result.insert(contentsOf: "\n" + bodyStart, at: bodyTagEnd.upperBound)
        result.insert(contentsOf: head + "\n", at: headEnd.lowerBound)
        return result
    }
}
