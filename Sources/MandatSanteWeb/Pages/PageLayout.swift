/// The frame of every page of the application (the roadmap document keeps its own): language, title, the
/// site's header and navigation, a link to skip to the content, the footer.
enum PageLayout {
    static func render(title: String, body: String, current: String? = nil) -> String {
        let links = [("/questionnaire", "Nouveau profil"), ("/#exemples", "Exemples"), ("/#fichier", "Ouvrir un fichier"), ("/lot", "Plusieurs territoires")]
        let navigation = links.map { path, label in
            "<a href=\"\(path)\"\(path == current ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) — MandatSanté</title>
        <link rel="stylesheet" href="/app.css">
        </head>
        <body>
        <a class="skip" href="#contenu">Aller au contenu</a>
        <header class="site"><div class="inner">
        <a class="brand" href="/">MandatSanté</a>
        <nav aria-label="Navigation principale">
        \(navigation)
        </nav>
        </div></header>
        <main id="contenu" tabindex="-1">
        \(body)
        </main>
        <footer class="site"><p>MandatSanté fonctionne sur cet ordinateur : ce que vous saisissez n'est envoyé nulle part et n'est enregistré que si vous téléchargez un fichier. Chaque recommandation cite sa source publique.</p></footer>
        </body>
        </html>

        """
    }
}
