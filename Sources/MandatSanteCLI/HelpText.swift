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
      roadmap PROFIL.json           Produit la feuille de route d'un territoire.
      explain PROFIL [IDENTIFIANT]  Explique pourquoi une recommandation sort ou non.
      test [CHEMIN...]              Lance les tests de règles (Rules/tests par défaut).
      check                         Vérifie toute la base de règles (erreurs, avertissements).
      coverage [CHEMIN...]          Ce que les tests de règles exercent (recommandations, branches).
      rules [--lever LEVIER]        Catalogue des recommandations par levier, conditions en clair.
      schema profile|rules|tests    Schéma JSON pour valider et compléter les fichiers dans un éditeur.
      help [COMMANDE]               Affiche l'aide générale ou celle d'une commande.

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

    static let explain = """
    mandat-sante explain — explique une recommandation pour un territoire

    Utilisation :
      mandat-sante explain PROFIL.json IDENTIFIANT [options]
      mandat-sante explain PROFIL.json [options]

    Avec un identifiant : chaque partie de la condition avec sa valeur pour ce profil
    (par exemple « population < 3500 → faux (population = 12 400 habitants) »), les
    bonus appliqués ou non, le score terme à terme, ce qui l'a remplacée ou écartée,
    et la phase où elle est placée et pourquoi.
    Sans identifiant : le tableau de score de toutes les recommandations.

    Options :
      --start AAAA-MM     Mois de départ (défaut : le mois en cours).
      --rules DOSSIER     Dossier de la base de règles (défaut : Rules).
      --set FAIT=VALEUR   Remplace un fait du profil (répétable).
      --top N             Comme pour roadmap.

    Exemple :
      mandat-sante explain Profiles/village-rural-zip.json centre-sante-salaries
    """

    static let test = """
    mandat-sante test — lance les tests de règles

    Utilisation :
      mandat-sante test [FICHIER_OU_DOSSIER...] [options]

    Sans chemin, lance les fichiers .json de Rules/tests. Chaque test décrit un
    territoire (un profil, des faits, ou un profil et des faits qui le modifient) et
    ce que sa feuille de route doit contenir : recommandations incluses ou exclues,
    parmi les N premières, avant une autre, dans une phase, remplacées par une autre,
    score minimal. Un échec dit ce qui était attendu, ce qui est arrivé et pourquoi.
    La dernière ligne est « N passed, N failed ».

    Options :
      --filter TEXTE      Ne lance que les tests dont le nom contient TEXTE.
      --rules DOSSIER     Dossier de la base de règles (défaut : Rules).
      --verbose           Affiche aussi le nombre de tests exécutés.

    Code de sortie : 0 si tout passe, 1 si un test échoue (un fichier de tests
    invalide compte comme un échec ; les autres tests tournent quand même).

    Exemple :
      mandat-sante test --filter village
    """

    static let check = """
    mandat-sante check — vérifie toute la base de règles

    Utilisation :
      mandat-sante check [--rules DOSSIER] [--no-tests]

    Rapporte tous les problèmes d'un coup, triés, sous la forme
    « fichier:ligne:colonne: erreur|avertissement: [code] message », suivie de la ligne
    et d'un repère sous la colonne : syntaxe JSON, conditions mal écrites (fait ou
    valeur inconnus, avec « vouliez-vous dire … »), types, identifiants en double,
    références inconnues, cycles de dépendances, conditions toujours ou jamais vraies,
    contenu obligatoire manquant, leviers sans recommandation, recommandations
    qu'aucun test n'exerce (sauf avec --no-tests).

    Code de sortie : 0 s'il n'y a aucune erreur (les avertissements n'empêchent pas),
    1 sinon.

    Exemple :
      mandat-sante check
    """

    static let coverage = """
    mandat-sante coverage — ce que les tests de règles exercent

    Utilisation :
      mandat-sante coverage [FICHIER_OU_DOSSIER...] [--format texte|json] [--rules DOSSIER]

    Lance les tests de règles (Rules/tests par défaut), puis indique quelles
    recommandations au moins un profil de test retient, et quelles parties de chaque
    condition (et de chaque bonus) ont été vues à la fois vraies et fausses, avec leur
    position dans le fichier de règles. --format json donne le détail complet.

    Exemple :
      mandat-sante coverage --format json > couverture.json
    """

    static let rules = """
    mandat-sante rules — catalogue des recommandations

    Utilisation :
      mandat-sante rules [--lever LEVIER] [--format texte|markdown] [--rules DOSSIER]

    Liste les recommandations par levier, chacune avec sa condition lue en français et
    telle qu'écrite, ses bonus, sa priorité, son horizon, son effort et ses relations.

    Exemple :
      mandat-sante rules --lever offre-de-soins
    """

    static let schema = """
    mandat-sante schema — schémas JSON des fichiers à éditer

    Utilisation :
      mandat-sante schema profile|rules|tests [--output FICHIER] [--rules DOSSIER]

    Génère depuis la base de règles le schéma JSON (draft 2020-12) des profils (depuis le
    vocabulaire), des fichiers de recommandations et des fichiers de tests. Des copies
    sont dans Rules/schema/ ; un profil qui commence par
    "$schema": "../Rules/schema/profile.schema.json" est validé et complété par l'éditeur.

    Exemple :
      mandat-sante schema profile --output Rules/schema/profile.schema.json
    """

    static let commands = ["roadmap", "explain", "test", "check", "coverage", "rules", "schema", "help", "--help", "--version"]

    static func forCommand(_ name: String) -> String? {
        switch name {
        case RoadmapCommand.name: return roadmap
        case ExplainCommand.name: return explain
        case TestCommand.name: return test
        case CheckCommand.name: return check
        case CoverageCommand.name: return coverage
        case RulesCommand.name: return rules
        case SchemaCommand.name: return schema
        default: return nil
        }
    }
}
