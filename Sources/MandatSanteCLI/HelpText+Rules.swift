/// The help of the commands of a rule author: rule tests, checks, coverage, the list of rules and the schemas.
extension HelpText {
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
}
