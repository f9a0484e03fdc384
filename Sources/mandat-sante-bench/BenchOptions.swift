/// The benchmark's command line: which sizes and rule-base variants to measure, and how to print them.
struct BenchOptions: Equatable {
    var sizes = [1_000, 10_000, 100_000]
    var variants = [1, 10, 100]
    var runs = 5
    /// Seconds the runs of one case may take in all; a slower case runs on its first profiles only, and says so.
    var budget = 20.0
    var json = false
    /// Skips the « plan + render » cases (planning alone, e.g. to profile the planner).
    var planOnly = false
    var rulesDirectory = "Rules"
    var seed: UInt64 = 0x4D41_4E44_4154_2026
    /// Size of the goal: the French communes (34,875 in 2017), planned on every core in under one second.
    var goalCommunes = 35_000
    /// Threads of the parallel cases; nil: every core the process may use.
    var threads: Int?
    var help = false
    /// `--batch`: the real `batch` over a France-sized territories file, per format, against a plain write.
    var batch = false
    var formats = ["texte", "markdown", "html", "json", "csv"]
    /// The `mandat-sante` binary (default: beside the benchmark).
    var binary: String?
    var workDirectory: String?
    /// Keeps the work folder (corpus, error logs) after the run.
    var keep = false
    /// Also runs batch on a tenth of the communes, to compare peak memory.
    var memoryCheck = true
    /// More arguments for every `batch` run (e.g. `--syntheses-seulement`).
    var batchArguments: [String] = []
    /// `--batch`: how many passes of each format, each a batch and its plain write back to back, their order
    /// alternating (the median of the paired ratios reported): one pass decides nothing on a shared machine, where
    /// the plain write alone varied from 3.9 to 18 s.
    var repeats = 1
    /// `--batch --tmpfs`: the work folder (corpus, batch output, plain write) on /dev/shm, a control where no disk
    /// varies: both sides then measure the same file-system work in memory.
    var tmpfs = false

    struct UsageError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    static let usage = """
    Usage : mandat-sante-bench [--quick] [--sizes 1000,10000,100000] [--variants 1,10,100] [--runs 5]
                               [--budget SECONDES] [--threads N] [--goal N] [--seed N] [--rules DOSSIER]
                               [--plan-only] [--json]
           mandat-sante-bench --batch [--goal N] [--formats texte,json…] [--threads N] [--binary CHEMIN]
                               [--work-dir DOSSIER] [--keep] [--no-memory-check] [--batch-arg ARG]…
                               [--repeat N] [--tmpfs]

    Génère des profils valides depuis le vocabulaire (graine fixe), planifie chacun sans puis avec rendu texte,
    sur un cœur puis sur tous, et affiche profils par seconde, µs par profil (médiane) et mémoire maximale.

      --quick            essai rapide (intégration continue) : 1 000 profils, base ×1, 3 mesures,
                         budget 5 s ; à placer avant --runs ou --budget pour les changer
      --sizes LISTE      nombres de profils (défaut 1000,10000,100000)
      --variants LISTE   facteurs de la base de règles, clonée ×k (défaut 1,10,100)
      --runs N           mesures par cas, dont on garde la médiane (défaut 5)
      --budget S         durée visée des mesures d'un cas, en secondes ; un cas plus long ne traite que
                         ses premiers profils, et le tableau le dit (défaut 20)
      --threads N        fils des cas parallèles (défaut : tous les cœurs)
      --goal N           communes générées pour la ligne d'objectif (défaut 35000)
      --seed N           graine du générateur de profils
      --rules DOSSIER    base de règles (défaut Rules)
      --plan-only        planification seule, sans les cas avec rendu texte
      --json             résultats en JSON sur la sortie standard (la progression reste sur stderr)

    --batch : « mandat-sante batch » (binaire de release, processus enfant) sur --goal communes générées, pour
    chaque format, comparé dans le même passage à l'écriture des mêmes octets dans autant de fichiers
    (fichier temporaire + renommage, un syncfs) ; affiche les deux durées, leur rapport et la mémoire maximale.
      --formats LISTE    formats (défaut texte,markdown,html,json,csv)
      --threads N        --jobs de batch (défaut : tous les cœurs)
      --binary CHEMIN    binaire mandat-sante (défaut : à côté du banc)
      --work-dir DOSSIER dossier de travail (défaut : dossier temporaire, vidé à la fin sauf avec --keep)
      --no-memory-check  sans le passage sur un dixième des communes (comparaison de la mémoire)
      --batch-arg ARG    argument de plus pour chaque batch (répétable), par exemple --batch-arg --syntheses-seulement
      --repeat N         pour chaque format, N passages : batch et son écriture simple l'un après l'autre, batch
                         d'abord aux passages impairs, l'écriture d'abord aux pairs ; le rapport de chaque passage,
                         leur médiane (le chiffre retenu) et leur étendue, les médianes des durées, le meilleur
                         des N de chaque côté et leur rapport, la charge de la machine (défaut 1)
      --tmpfs            témoin sans disque : dossier de travail sur /dev/shm (tmpfs), batch et écriture simple
                         y écrivent en mémoire ; le tableau le dit (le système de fichiers est toujours affiché)
    """

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        func value(_ name: String) throws(UsageError) -> String {
            guard let next = remaining.popFirst(), !next.hasPrefix("--") else {
                throw UsageError(description: "\(name) attend une valeur")
            }
            return next
        }
        func positive(_ text: String, _ name: String) throws(UsageError) -> Int {
            guard let number = Int(text.filter { $0 != "_" && $0 != " " }), number > 0 else {
                throw UsageError(description: "\(name) : « \(text) » n'est pas un entier positif")
            }
            return number
        }
        func list(_ name: String) throws(UsageError) -> [Int] {
            var result: [Int] = []
            for item in try value(name).split(separator: ",") { result.append(try positive(String(item), name)) }
            guard !result.isEmpty else { throw UsageError(description: "\(name) attend une liste, par exemple 1000,10000") }
            return result
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                options.sizes = [1_000]
                options.variants = [1]
                options.runs = 3
                options.budget = 5
            case "--sizes": options.sizes = try list(argument)
            case "--variants": options.variants = try list(argument)
            case "--runs": options.runs = try positive(try value(argument), argument)
            case "--budget": options.budget = Double(try positive(try value(argument), argument))
            case "--seed":
                let text = try value(argument)
                guard let seed = UInt64(text) else { throw UsageError(description: "--seed : « \(text) » n'est pas un entier positif") }
                options.seed = seed
            case "--threads": options.threads = try positive(try value(argument), argument)
            case "--goal": options.goalCommunes = try positive(try value(argument), argument)
            case "--rules": options.rulesDirectory = try value(argument)
            case "--json": options.json = true
            case "--plan-only": options.planOnly = true
            case "--help", "-h": options.help = true
            case "--batch": options.batch = true
            case "--formats": options.formats = try value(argument).split(separator: ",").map(String.init)
            case "--binary": options.binary = try value(argument)
            case "--work-dir": options.workDirectory = try value(argument)
            case "--keep": options.keep = true
            case "--no-memory-check": options.memoryCheck = false
            case "--tmpfs": options.tmpfs = true
            case "--repeat": options.repeats = try positive(try value(argument), argument)
            case "--batch-arg":
                guard let next = remaining.popFirst() else { throw UsageError(description: "--batch-arg attend une valeur") }
                options.batchArguments.append(next)
            default: throw UsageError(description: "option inconnue « \(argument) »")
            }
        }
        return options
    }
}
