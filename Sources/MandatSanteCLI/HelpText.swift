import MandatSante

/// The French help of the command line, one text per subcommand.
enum HelpText {
    static var version: String { "mandat-sante \(ToolVersion.current)" }

    static let general = """
    mandat-sante — feuille de route santé du mandat municipal et intercommunal (2026-2032)

    Décrivez votre territoire dans un profil JSON ; mandat-sante en déduit les actions
    de santé à engager, ordonnées et réparties dans le temps du mandat, chacune avec
    ses raisons, ses premiers pas, ses partenaires, ses financements et sa source.

    Utilisation :
      mandat-sante <commande> [options]

    Commandes :
      serve [--port N]              L'application web, dans le navigateur : questionnaire,
                                    feuille de route, impression, « Et si ? », plusieurs territoires.
      init [--output FICHIER]       Crée le profil d'un territoire en posant les questions.
      roadmap PROFIL.json           Produit la feuille de route d'un territoire.
      batch TERRITOIRES.csv         Les feuilles de route de tous les territoires d'un CSV.
      compare PROFIL [PROFIL_B]     Ce que change un fait (--set) ou un autre profil.
      explain PROFIL [IDENTIFIANT]  Explique pourquoi une recommandation sort ou non.
      test [CHEMIN...]              Lance les tests de règles (Rules/tests par défaut).
      check                         Vérifie toute la base de règles (erreurs, avertissements).
      coverage [CHEMIN...]          Ce que les tests de règles exercent (recommandations, branches).
      rules [--lever LEVIER]        Catalogue des recommandations par levier, conditions en clair ;
                                    -f csv : table des poids ; -f json : toute la base.
      schema TYPE                   Schéma JSON pour valider et compléter les fichiers dans un éditeur
                                    (profile, definitions, tests, vocabulary, levers, sources,
                                    facts, portrait) ;
                                    schema roadmap : celui de l'export « roadmap --format json ».
      help [COMMANDE]               Affiche l'aide générale ou celle d'une commande.

    Options générales :
      -h, --help            Affiche cette aide.
      -V, --version         Affiche la version.
      -o FICHIER            Forme courte de --output (de --output-dir pour batch).
      -f FORMAT             Forme courte de --format.
    Un profil ou un CSV « - » est lu sur l'entrée standard ; --output - écrit sur la
    sortie standard.

    Pour commencer :
      mandat-sante serve                 (puis ouvrir l'adresse affichée dans le navigateur)
      mandat-sante init                  (questions, puis Profiles/<nom>.json)
      mandat-sante roadmap Profiles/village-rural-zip.json --start 2026-12

    Codes de sortie :
      0  succès
      1  tests de règles en échec, ou erreurs trouvées par check
      2  ligne de commande invalide (commande, option ou valeur) ; init arrêté
         sans écrire de profil (fin de l'entrée, abandon)
      3  données invalides (profil, base de règles, fichier de tests, ligne de batch)
      4  fichier introuvable, illisible ou impossible à écrire (disque plein,
         permission refusée…), y compris la sortie standard ; un lecteur qui
         ferme le tube (| head) n'est pas une erreur
      5  serve ne peut pas écouter : port occupé ou refusé
      129, 130, 131, 143  interrompu (fin de session, Ctrl-C, Ctrl-\\, kill) :
         les fichiers en cours d'écriture sont retirés

    Les règles sont cherchées dans --rules, sinon dans le dossier de la variable
    MANDAT_SANTE_RULES, sinon dans Rules/ du dossier courant, sinon à côté du programme.
    """

    static let serve = """
    mandat-sante serve — l'application web, dans le navigateur

    Utilisation :
      mandat-sante serve [--port N] [--rules DOSSIER]

    Démarre un serveur sur cet ordinateur seulement (adresse 127.0.0.1) et affiche
    l'adresse à ouvrir dans le navigateur. On y décrit son territoire avec un formulaire,
    on lit et imprime sa feuille de route (ou l'enregistre en PDF), on la télécharge en
    HTML, Markdown, CSV ou JSON avec le profil, on essaie « Et si ? », on ouvre un
    exemple ou un profil enregistré, et on traite un fichier CSV de plusieurs territoires.
    Rien n'est écrit sur le disque : les fichiers viennent du navigateur et y retournent.

    Options :
      --port N          Port à utiliser (défaut : 8426, ou le suivant libre).
      --rules DOSSIER   Dossier de la base de règles ; les exemples sont pris dans le
                        dossier Profiles voisin.

    Ctrl+C arrête le serveur. Code 5 si le port est occupé ou refusé.

    Exemple :
      mandat-sante serve --port 8500
    """

    static let commands = ["serve", "init", "roadmap", "batch", "compare", "explain", "test", "check", "coverage", "rules", "schema", "help", "--help", "--version"]

    static func forCommand(_ name: String) -> String? {
        switch name {
        case InitCommand.name: return initHelp
        case CompareCommand.name: return compare
        case RoadmapCommand.name: return roadmap
        case BatchCommand.name: return batch
        case ExplainCommand.name: return explain
        case TestCommand.name: return test
        case CheckCommand.name: return check
        case CoverageCommand.name: return coverage
        case RulesCommand.name: return rules
        case SchemaCommand.name: return schema
        case ServeCommand.name: return serve
        default: return nil
        }
    }
}
