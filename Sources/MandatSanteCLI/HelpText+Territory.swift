/// The help of the commands that work on a territory or a list of them: the roadmap, its explanation, a new
/// profile, the comparison of two and the batch.
extension HelpText {
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
}
