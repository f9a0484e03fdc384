/// The French help of the command line, one text per subcommand.
enum HelpText {
    static let version = "mandat-sante 0.1.0"

    static let general = """
    mandat-sante — feuille de route santé du mandat municipal et intercommunal (2026-2032)

    Décrivez votre territoire dans un profil JSON ; mandat-sante en déduit les actions
    de santé à engager, ordonnées et réparties dans le temps du mandat, chacune avec
    ses raisons, ses premiers pas, ses partenaires, ses financements et sa source.

    Utilisation :
      mandat-sante <commande> [options]

    Commandes :
      roadmap PROFIL.json   Produit la feuille de route d'un territoire.
      help [COMMANDE]       Affiche l'aide générale ou celle d'une commande.

    Options générales :
      -h, --help            Affiche cette aide.
      --version             Affiche la version.

    Exemple :
      mandat-sante roadmap Profiles/village-rural-zip.json --start 2026-12

    Codes de sortie :
      0  succès
      1  tests de règles en échec, ou erreurs trouvées par check
      2  ligne de commande invalide (commande, option ou valeur)
      3  données invalides (profil, base de règles, fichier de tests)
      4  fichier introuvable, illisible ou impossible à écrire
    """

    static let roadmap = """
    mandat-sante roadmap — produit la feuille de route santé d'un territoire

    Utilisation :
      mandat-sante roadmap PROFIL.json [options]

    Options :
      --format texte|markdown   Format de sortie (défaut : texte, 80 colonnes).
      --top N                   Ne garder que les N premières actions.
      --start AAAA-MM           Mois de départ de la feuille de route (défaut : le mois
                                en cours) ; le mandat se termine en mars 2032.
      --rules DOSSIER           Dossier de la base de règles (défaut : Rules).
      --output FICHIER          Écrit dans FICHIER (écriture atomique) au lieu de
                                la sortie standard.
      --set FAIT=VALEUR         Remplace un fait du profil (répétable), par exemple
                                --set cls=en-vigueur --set priorities=sante-mentale,prevention

    La feuille de route s'ouvre sur un portrait du territoire et ce qui l'oriente, puis
    présente les actions par phase : les 100 premiers jours, la première année, jusqu'à
    mi-mandat (mars 2029), jusqu'à la fin du mandat. Chaque action dit pourquoi elle est
    retenue, son score terme à terme, ses premiers pas, partenaires, financements, un
    exemple réel et sa source. Elle se termine par ce qui a été écarté, et pourquoi.

    Exemples :
      mandat-sante roadmap Profiles/ville-moyenne-qpv-cls.json
      mandat-sante roadmap Profiles/village-rural-zip.json --format markdown --output feuille-de-route.md
    """

    static func forCommand(_ name: String) -> String? {
        switch name {
        case RoadmapCommand.name: return roadmap
        default: return nil
        }
    }
}
