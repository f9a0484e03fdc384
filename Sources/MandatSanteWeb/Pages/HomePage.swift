import LoopbackHTTP

/// `/`: start a new profile, open an example, open a profile file, or plan many territories at once.
extension Routes {
    func home() -> HTTPResponse {
        let examples = application.examples.map { example in
            let description = example.description.map { "<br><span class=\"muted\">\(HTML.escape($0))</span>" } ?? ""
            return "<li><a href=\"/exemples/\(URLEncoding.encode(example.id))\">\(HTML.escape(example.name))</a>\(description)</li>"
        }.joined(separator: "\n")
        let body = """
        <h1>Une feuille de route santé pour le mandat 2026-2032</h1>
        <p class="lead">Décrivez votre commune ou votre intercommunalité : MandatSanté en tire une feuille de route ordonnée et phasée — quoi faire d'abord, avec qui, avec quels financements — et dit pour chaque action pourquoi elle est retenue, avec sa source.</p>
        <div class="cards">
        <section class="card" aria-labelledby="nouveau">
        <h2 id="nouveau">Décrire mon territoire</h2>
        <p>\(vocabulary.facts.count) questions : taille, densité, offre de soins, contrats et instances existants, priorités, moyens. Comptez une dizaine de minutes ; « je ne sais pas » est possible quand l'information manque.</p>
        <p><a class="button" href="/questionnaire">Commencer le questionnaire</a></p>
        </section>
        <section class="card" id="fichier" aria-labelledby="ouvrir">
        <h2 id="ouvrir">Ouvrir un profil enregistré</h2>
        <form method="post" action="/profil" enctype="multipart/form-data">
        \(tokenField)
        <p><label for="fichier-profil">Fichier de profil (.json), téléchargé depuis MandatSanté ou écrit par <code>mandat-sante init</code></label></p>
        <p><input type="file" id="fichier-profil" name="fichier" accept=".json,application/json"></p>
        <p><button type="submit">Ouvrir le profil</button></p>
        </form>
        </section>
        <section class="card" aria-labelledby="plusieurs">
        <h2 id="plusieurs">Plusieurs territoires</h2>
        <p>Pour une intercommunalité, un département ou une ARS : un fichier CSV, une ligne par territoire, et toutes les feuilles de route d'un coup avec leur synthèse.</p>
        <p><a class="button secondary" href="/lot">Charger un fichier CSV</a></p>
        </section>
        </div>
        <h2 id="exemples">Exemples de territoires</h2>
        <p>Pour voir tout de suite une feuille de route, sans rien saisir :</p>
        <ul class="examples">
        \(examples.isEmpty ? "<li>Aucun exemple n'a été trouvé à côté des règles.</li>" : examples)
        </ul>
        """
        return WebResponse.page(PageLayout.render(title: "Accueil", body: body, current: "/"))
    }

    /// `/exemples/ID`: the example's roadmap.
    func example(_ id: String) -> HTTPResponse {
        guard let example = application.examples.first(where: { $0.id == id }) else {
            return WebResponse.problem(.notFound, title: "Exemple introuvable", message: "Aucun exemple ne porte ce nom. La liste des exemples est sur la page d'accueil.", next: ("/#exemples", "Voir les exemples"))
        }
        let query = ProfileForm.query(example.profile.facts, start: application.defaultStart, vocabulary: vocabulary)
        return WebResponse.redirect("/feuille-de-route?" + query)
    }

    /// `POST /profil`: a profile file chosen by the person, read in memory.
    func openProfile() -> HTTPResponse {
        let parts: [MultipartPart]
        switch uploadParts() {
        case .success(let read): parts = read
        case .failure(let refusal): return refusal.response
        }
        guard let file = parts.first(where: { $0.name == "fichier" }), let fileName = file.fileName, !fileName.isEmpty else {
            return WebResponse.problem(.unprocessableContent, title: "Aucun fichier", message: "Choisissez d'abord un fichier de profil (.json), puis « Ouvrir le profil ».", next: ("/#fichier", "Choisir un fichier"))
        }
        switch application.service.profile(json: file.body, file: fileName) {
        case .success(let profile):
            let query = ProfileForm.query(profile.facts, start: application.defaultStart, vocabulary: vocabulary)
            return WebResponse.redirect("/feuille-de-route?" + query)
        case .failure(let problems):
            return WebResponse.problem(.unprocessableContent, title: "Profil invalide", message: "Le fichier « \(fileName) » n'est pas un profil valide : rien n'a été ouvert. Chaque problème est donné avec sa ligne et sa colonne.", details: problems.text, next: ("/#fichier", "Choisir un autre fichier"))
        }
    }
}
