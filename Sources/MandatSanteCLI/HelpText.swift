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

    static let roadmap = """
    mandat-sante roadmap — produit la feuille de route santé d'un territoire

    Utilisation :
      mandat-sante roadmap PROFIL.json [options]
      mandat-sante roadmap - [options] < PROFIL.json

    Options :
      -f, --format FORMAT       Format de sortie (défaut : texte, ou celui de
                                l'extension de --output : .md, .html, .json, .csv) :
                                  texte     80 colonnes, pour le terminal ;
                                  markdown  pour un rapport ou un wiki ;
                                  html      une page autonome, à lire à l'écran ou
                                            à imprimer en A4 (frise du mandat, une
                                            fiche par action) ;
                                  json      toutes les données, clés stables
                                            (schéma : mandat-sante schema roadmap) ;
                                  csv       une ligne par action, pour un tableur
                                            (UTF-8 avec BOM, « ; », fins de ligne CRLF).
      --csv-separator SÉP       Séparateur du CSV : « ; » (défaut, tableurs français),
                                « , » ou « tab » (tabulation).
      --top N                   Ne garder que les N premières actions.
      --start AAAA-MM           Mois de départ de la feuille de route (défaut : le mois
                                en cours) ; le mandat se termine en mars 2032.
      --rules DOSSIER           Dossier de la base de règles (défaut : Rules).
      -o, --output FICHIER      Écrit dans FICHIER au lieu de la sortie standard :
                                remplacement atomique d'un fichier (mode gardé),
                                à travers un lien, en flux vers un tube ou un
                                périphérique ; jamais sur un fichier lu.
      --set FAIT=VALEUR         Remplace un fait du profil (répétable), par exemple
                                --set cls=en-vigueur --set priorities=sante-mentale,prevention
      --detail                  Édition détaillée, pour qui prépare le document : chaque
                                fiche en entier (indicateurs, tous les exemples, le
                                détail de son score), les actions écartées et
                                pourquoi.

    La feuille de route s'ouvre sur une synthèse d'une page pour l'exécutif (ce qui
    oriente la feuille de route, les décisions à prendre d'abord, le calendrier du
    mandat), puis présente une fiche par action, phase par phase : les trois prochains
    mois (les 100 premiers jours au début du mandat), d'ici fin 2027, jusqu'au bilan de
    mi-mandat (mars 2029), jusqu'à la fin du mandat (mars 2032). Chaque fiche dit qui
    la porte, quand, pourquoi elle est retenue ici, ses premiers pas, ses partenaires,
    ses financements, un exemple réel et ses sources. Elle se termine par les actions à
    envisager ensuite, faute de place, et la liste des sources.

    Exemples :
      mandat-sante roadmap Profiles/ville-moyenne-qpv-cls.json
      mandat-sante roadmap Profiles/village-rural-zip.json --format markdown --output feuille-de-route.md
      mandat-sante roadmap Profiles/village-rural-zip.json --format html --output feuille-de-route.html
      mandat-sante roadmap Profiles/village-rural-zip.json --format csv --output actions.csv
      mandat-sante roadmap Profiles/village-rural-zip.json --format csv --csv-separator , --output actions.csv
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
    parmi les N premières, avant une autre, dans une phase (ou au plus tard dans une
    phase), remplacées par une autre,
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
      mandat-sante coverage [FICHIER_OU_DOSSIER...] [-f texte|json] [--rules DOSSIER]

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
      mandat-sante rules [--lever LEVIER] [-f texte|markdown|csv|json] [-o FICHIER]
                         [--rules DOSSIER]

    Liste les recommandations par levier, chacune avec sa condition lue en français et
    telle qu'écrite, ses bonus, sa priorité, son horizon, son effort et ses relations.

    -f csv : une ligne par recommandation (identifiant, action, levier, priorité,
    horizon, effort, porteur, fondation, bonus, score minimal et maximal), pour régler
    les poids comme une table de décision dans un tableur.
    -f json : toute la base telle que l'outil la lit (chaque recommandation avec tous
    ses champs, conditions telles qu'écrites et résolues, définitions), pour d'autres
    outils.

    Exemples :
      mandat-sante rules --lever offre-de-soins
      mandat-sante rules -f csv -o poids.csv
    """

    static let schema = """
    mandat-sante schema — schémas JSON des fichiers à éditer

    Utilisation :
      mandat-sante schema TYPE [-o FICHIER] [--rules DOSSIER]

    TYPE : profile, definitions, tests, vocabulary, levers, sources, facts, portrait ou
    roadmap. Génère depuis la base de règles le schéma JSON (draft 2020-12) des profils
    (depuis le vocabulaire), du fichier des définitions, des fichiers de tests, du
    vocabulaire, des leviers, des sources, du registre des faits, du portrait et de l'export
    « roadmap --format json » (roadmap : chaque clé documentée). Chaque fichier JSON de Rules/ y renvoie par sa clé « $schema ». Des copies
    sont dans Rules/schema/ ; un profil qui commence par
    "$schema": "../Rules/schema/profile.schema.json" est validé et complété par l'éditeur.

    Exemple :
      mandat-sante schema profile --output Rules/schema/profile.schema.json
    """

    static let initHelp = """
    mandat-sante init — crée le profil d'un territoire en répondant à des questions

    Utilisation :
      mandat-sante init [--output FICHIER] [--rules DOSSIER]

    Pose, dans l'ordre du vocabulaire (Rules/vocabulary.json), les questions qui
    concernent votre territoire ; celles qui ne s'appliquent pas sont passées
    (pas de question sur les QPV pour un village de 300 habitants). Pour répondre :
      - une liste numérotée : le numéro (ou le nom du choix) ;
      - plusieurs choix : les numéros séparés par des virgules, par exemple 1,3,5 ;
      - oui ou non : o ou n ;
      - un nombre : 12 400 ou 12,5 ; les limites sont vérifiées ;
      - Entrée : la valeur proposée, ou passer une question facultative.
    Une réponse refusée est redemandée avec la raison. Un récapitulatif est ensuite
    soumis à confirmation (n : reprendre les questions, ou quitter).

    Le profil est écrit d'un coup à la fin, jamais à moitié : "$schema" en tête,
    puis les faits répondus dans l'ordre du vocabulaire. Un fichier existant n'est
    remplacé qu'après confirmation. La commande qui produit sa feuille de route
    est affichée.

    Options :
      -o, --output FICHIER  Chemin du profil
                            (défaut : Profiles/<nom-du-territoire>.json) ;
                            vérifié avant la première question.
      --rules DOSSIER       Dossier de la base de règles (défaut : Rules).

    Les réponses peuvent venir d'un tube, une par ligne. Fin de l'entrée (Ctrl-D)
    ou abandon : rien n'est écrit, code de sortie 2. Ctrl-C : rien n'est écrit,
    code 130 (Ctrl-\\ : 131).

    Exemple :
      mandat-sante init --output Profiles/ma-commune.json
      mandat-sante roadmap Profiles/ma-commune.json
    """

    static let compare = """
    mandat-sante compare — ce qui change d'une feuille de route à l'autre

    Utilisation :
      mandat-sante compare PROFIL.json --set FAIT=VALEUR [--set ...] [options]
      mandat-sante compare PROFIL_A.json PROFIL_B.json [options]

    Compare la feuille de route du profil à celle du même profil modifié par
    --set (« et si notre CLS était signé ? »), ou celle de PROFIL_A à celle de
    PROFIL_B. Dit ce qui change dans le profil, puis les actions ajoutées,
    retirées, qui changent de phase, qui montent ou descendent, chacune avec sa
    raison : conditions désormais remplies (avec les valeurs), remplacement,
    condition devenue fausse et pourquoi, capacité atteinte, bonus gagné ou perdu.

    Options :
      --set FAIT=VALEUR         Modifie un fait du profil (répétable) ;
                                avec un seul profil.
      --start AAAA-MM           Mois de départ (défaut : le mois en cours).
      -f, --format texte|markdown
                                Format de sortie (défaut : texte, 80 colonnes,
                                ou celui de l'extension de --output : .md).
      --rules DOSSIER           Dossier de la base de règles (défaut : Rules).
      -o, --output FICHIER      Écrit dans FICHIER (comme roadmap --output).

    Exemples :
      mandat-sante compare Profiles/communaute-communes-rurale.json \\
          --set cls=en-vigueur
      mandat-sante compare Profiles/village-rural-zip.json \\
          Profiles/petite-ville-pvd-msp.json --format markdown
    """

    static let batch = """
    mandat-sante batch — les feuilles de route de tous les territoires d'un CSV

    Utilisation :
      mandat-sante batch TERRITOIRES.csv --output-dir DOSSIER [options]
      mandat-sante batch - --output-dir DOSSIER [options] < TERRITOIRES.csv
      mandat-sante batch --modele modele.csv

    --modele écrit un fichier à remplir dans un tableur : une colonne par fait,
    titrée par son libellé, une ligne d'exemple, les valeurs permises en bas.

    Une ligne d'en-tête, séparée par « ; » ou « , » : le nom de chaque fait
    (population) ou son libellé (« Zonage médical de l'ARS », « code INSEE »,
    « MSP »), majuscules et accents indifférents ; un en-tête qui peut désigner
    deux faits est une erreur. Puis une ligne par territoire. Colonnes
    obligatoires : name, kind, population, density. Les lignes qui commencent
    par # sont ignorées.

    Cellules :
      - vide : fait non renseigné (valeur par défaut, ou inconnu) ;
      - booléens : oui / non (ou true / false) ;
      - listes : l'identifiant ou le libellé (rural-disperse, « rural à habitat
        dispersé ») ; ensembles : valeurs séparées par « | »
        (acces-aux-soins|sante-mentale) ;
      - nombres : virgule ou point décimal (15,5).
    UTF-8 avec ou sans BOM, ou Windows-1252 (l'encodage d'Excel en français),
    reconnu pour tout le fichier ; un fichier qui mélange les deux est refusé.
    Entre guillemets, un texte qui contient le séparateur, un guillemet
    (doublé : "") ou un retour à la ligne.

    Écrit dans DOSSIER (créé au besoin) une feuille de route par territoire
    (003-village-de-x.txt : numéro de la ligne dans le CSV, puis le nom), et
    pour un tableur : synthese.csv (une ligne par territoire : code INSEE, type,
    population, actions dans l'ordre, nombre par levier), actions.csv (une ligne
    par action : levier, porteur, effort…), leviers.csv (une ligne par
    territoire et levier, pour un tableau croisé), erreurs.csv (ligne, colonne,
    territoire, message), et resume.txt. Tout ou rien : les fichiers sont
    préparés dans un dossier caché de DOSSIER, puis mis en place d'un coup, et
    ceux d'un lancement précédent plus long sont retirés ; une erreur (disque
    plein…), une interruption ou aucune ligne valide laissent les résultats
    précédents intacts, et le lancement suivant fait tout le travail. Un seul
    batch à la fois par dossier. Le fichier est lu par morceaux : sa taille ne
    compte pas, et la sortie est la même à l'octet quel que soit le nombre de
    fils. Sur un terminal, une ligne dit où en est le traitement.

    Une ligne invalide est signalée (« FICHIER:LIGNE:COLONNE: erreur: … », la
    colonne étant le numéro du champ), écrite dans erreurs.csv et ignorée ; les
    autres sont traitées. Au-delà de 100 lignes en erreur, les suivantes ne
    sont plus affichées (toutes restent dans erreurs.csv).
    Code de sortie : 0 si toutes les lignes passent, 3 si une ligne au moins est
    en erreur (ou si le fichier est vide, son en-tête invalide, ses encodages
    mélangés ou aucune ligne valide : rien n'est écrit), 4 si un fichier ne
    peut être lu ou écrit (disque plein…), 130 ou 143 si interrompu.

    Options :
      -o, --output-dir DOSSIER  Dossier de sortie (obligatoire).
      -f, --format FORMAT       Format des feuilles de route : texte (défaut),
                                markdown, html, json ou csv.
      --syntheses-seulement     Les tableaux et le résumé, sans fichier par
                                territoire.
      --modele FICHIER          Écrit le modèle à remplir (« - » : la sortie).
      --start AAAA-MM           Mois de départ (défaut : le mois en cours).
      --rules DOSSIER           Dossier de la base de règles (défaut : Rules).
      --jobs N                  Nombre de fils (défaut : un par processeur).

    Exemple :
      mandat-sante batch Profiles/territoires-exemple.csv --output-dir sorties
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
