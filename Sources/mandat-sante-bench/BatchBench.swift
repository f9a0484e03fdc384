import Foundation
import MandatSante
import ProfileGeneration

/// `mandat-sante-bench --batch`: the real `mandat-sante batch` (a child process, release build) over a generated
/// territories file the size of France, for each format, against the disk's own speed measured in the same run:
/// writing the same number of files of the same sizes, each through a temporary file and a rename, then one
/// `syncfs` as batch does. The ratio of the two is the figure to watch (goal: at most 2).
struct BatchBench {
    /// One pass of one format: its batch and its plain write of the same bytes, taken back to back, so that the
    /// disk's state during that pass (write-back of the previous pass, another process's load) weighs on both.
    struct Pair {
        var batchSeconds: Double
        /// The batch's processor time (user + system, all its threads).
        var batchCPUSeconds: Double
        var plainSeconds: Double
        /// Batch first (odd passes) or the plain write first (even passes): the order alternates, so that a disk
        /// still busy with what came just before does not always slow down the same side.
        var batchFirst: Bool
        /// The one-minute load average (`/proc/loadavg`) at the start and at the end of the pass: on a shared
        /// machine, the figure to print beside each measure.
        var loadBefore: Double?
        var loadAfter: Double?
        var ratio: Double { batchSeconds / plainSeconds }
    }

    /// One format's measures: `--repeat` pairs.
    struct Case {
        var format: String
        var files: Int
        var bytes: Int
        var pairs: [Pair]
        /// The largest of the runs' peaks.
        var peakBytes: Int
        var batchMedian: Double { Self.median(pairs.map(\.batchSeconds)) }
        var plainMedian: Double { Self.median(pairs.map(\.plainSeconds)) }
        /// The median of the paired ratios: each ratio divides a batch by the plain write of the same pass, so the
        /// disk's mood of that pass cancels out (the plain write of the CSV alone ranged 7.8–16.5 s between passes).
        var ratio: Double { Self.median(pairs.map(\.ratio)) }
        /// Best of N on each side: the fastest batch over the fastest plain write, each the run least disturbed by
        /// the rest of the machine. Not paired, but its denominator is the disk at its best, which varies less
        /// than any single pass (the plain write's slow passes are the disturbed ones).
        var bestBatch: Double { pairs.map(\.batchSeconds).min() ?? 0 }
        var bestPlain: Double { pairs.map(\.plainSeconds).min() ?? 0 }
        var bestRatio: Double { bestPlain > 0 ? bestBatch / bestPlain : 0 }
        /// The median processor time of the batches: what the other processes of the machine change least.
        var cpuMedian: Double { Self.median(pairs.map(\.batchCPUSeconds)) }
        /// The lowest and highest one-minute load average seen at the start or end of a pass.
        var loads: [Double] { pairs.flatMap { [$0.loadBefore, $0.loadAfter].compactMap { $0 } } }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    var options: BenchOptions
    var progress: (String) -> Void

    func run() throws -> String {
        let base = try RulesFolder.load(options.rulesDirectory)
        let binary = options.binary ?? Self.siblingBinary()
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ChildProcess.Failure(description: "binaire « \(binary) » introuvable ; construisez-le (swift build -c release --product mandat-sante) ou donnez --binary")
        }
        let work = options.workDirectory ?? (options.tmpfs ? "/dev/shm/" : NSTemporaryDirectory()) + "mandat-sante-bench-batch"
        let fileSystem = FileSystemKind(path: work)
        if options.tmpfs && fileSystem != .tmpfs {
            throw ChildProcess.Failure(description: "--tmpfs : le dossier de travail « \(work) » n'est pas en mémoire (\(fileSystem.label)) ; donnez --work-dir sur un tmpfs")
        }
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if !options.keep { try? FileManager.default.removeItem(atPath: work) } }
        let jobs = options.threads ?? ProcessInfo.processInfo.activeProcessorCount

        progress("corpus : \(options.goalCommunes) communes générées (graine \(options.seed))…")
        let corpus = work + "/communes.csv"
        let corpusBytes = try TerritoriesCorpus.write(to: corpus, count: options.goalCommunes, vocabulary: base.vocabulary, seed: options.seed)

        var lines: [String] = []
        lines.append("MandatSanté — banc d'essai de batch (release, processus enfant)")
        lines.append("Corpus : \(FrenchNumber.count(options.goalCommunes)) communes générées (graine \(options.seed)), \(FrenchNumber.megabytes(corpusBytes)) ; --jobs \(jobs) ; \(ProcessInfo.processInfo.activeProcessorCount) cœurs ; dossier \(work)")
        lines.append("Écriture simple : autant de fichiers, des mêmes tailles, chacun par fichier temporaire + renommage, puis un syncfs (comme batch).")
        lines.append("Système de fichiers du dossier de travail (corpus, sorties de batch, écriture simple) : \(fileSystem.label)"
            + (fileSystem == .tmpfs ? " — témoin sans disque : le rapport y compare le travail de batch à la seule écriture en mémoire, non au disque." : "."))
        lines.append("Charge au départ (uptime, moyenne sur 1 min) : \(Self.loadAverage().map { FrenchNumber.format($0, decimals: 2) } ?? "inconnue").")
        lines.append("")

        var cases: [Case] = []
        for format in options.formats {
            var item = Case(format: format, files: 0, bytes: 0, pairs: [], peakBytes: 0)
            // The file sizes of this format's output, known after its first batch; every later batch must give them again.
            var sizes: [Int]?
            for run in 1...options.repeats {
                let pass = options.repeats > 1 ? " (\(run)/\(options.repeats))" : ""
                let batchFirst = run % 2 == 1
                var batchSeconds = 0.0
                var batchCPUSeconds = 0.0
                var plainSeconds = 0.0
                let loadBefore = Self.loadAverage()
                func measureBatch() throws {
                    progress("batch --format \(format)\(pass)…")
                    let output = work + "/sortie-" + format
                    let log = work + "/erreurs-" + format + ".txt"
                    sync()
                    let outcome = try ChildProcess.run(binary, ["batch", corpus, "--output-dir", output, "--format", format, "--jobs", String(jobs),
                                                                "--start", "2026-12", "--rules", options.rulesDirectory] + options.batchArguments, errorLog: log)
                    guard outcome.status == 0 else {
                        let message = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                        throw ChildProcess.Failure(description: "batch --format \(format) : code \(outcome.status)\n\(message.prefix(2_000))")
                    }
                    let written = Self.fileSizes(output)
                    try? FileManager.default.removeItem(atPath: output)
                    if let sizes, sizes != written {
                        throw ChildProcess.Failure(description: "batch --format \(format) : fichiers différents d'un passage à l'autre (\(sizes.count) puis \(written.count) fichiers, \(sizes.reduce(0, +)) puis \(written.reduce(0, +)) octets)")
                    }
                    sizes = written
                    batchSeconds = outcome.seconds
                    batchCPUSeconds = outcome.cpuSeconds
                    item.peakBytes = max(item.peakBytes, outcome.peakBytes)
                }
                func measurePlain(_ sizes: [Int]) throws {
                    progress("écriture simple de \(sizes.count) fichiers\(pass)…")
                    let plain = work + "/simple-" + format
                    sync()
                    plainSeconds = try PlainWrite.run(sizes: sizes, folder: plain)
                    try? FileManager.default.removeItem(atPath: plain)
                }
                if batchFirst || sizes == nil {
                    try measureBatch()
                    try measurePlain(sizes ?? [])
                } else {
                    try measurePlain(sizes ?? [])
                    try measureBatch()
                }
                item.files = sizes?.count ?? 0
                item.bytes = sizes?.reduce(0, +) ?? 0
                item.pairs.append(Pair(batchSeconds: batchSeconds, batchCPUSeconds: batchCPUSeconds, plainSeconds: plainSeconds, batchFirst: batchFirst,
                                       loadBefore: loadBefore, loadAfter: Self.loadAverage()))
            }
            cases.append(item)
        }

        let repeated = options.repeats > 1
        lines.append(repeated
            ? "Chaque format : \(options.repeats) passages ; dans chacun, batch et son écriture simple l'un après l'autre (batch d'abord aux passages impairs, l'écriture simple d'abord aux pairs) et leur rapport ; le tableau donne les médianes des durées, la médiane des rapports par passage (le chiffre retenu) et leur étendue, puis le meilleur des \(options.repeats) de chaque côté et leur rapport, le temps processeur de batch (utilisateur + système, médiane) et la charge (moyenne sur 1 min, au début et à la fin des passages)."
            : "Rapport : batch divisé par son écriture simple, mesurée juste après (un seul passage : --repeat 3 pour une médiane).")
        lines.append("")
        let header = ["Format", "Fichiers", "Octets", repeated ? "batch (médiane)" : "batch", repeated ? "Écriture simple (médiane)" : "Écriture simple",
                      repeated ? "Rapport (médiane des passages)" : "Rapport", "RSS max batch"]
            + (repeated ? ["Rapports (min – max)", "Meilleurs (batch / écriture = rapport)", "Étendue batch", "Étendue écriture"] : [])
            + ["Processeur batch", "Charge"]
        let rows = cases.map { item in
            [item.format, FrenchNumber.count(item.files), FrenchNumber.megabytes(item.bytes),
             FrenchNumber.adaptive(item.batchMedian) + " s", FrenchNumber.adaptive(item.plainMedian) + " s",
             FrenchNumber.format(item.ratio, decimals: 2) + " ×", FrenchNumber.megabytes(item.peakBytes)]
                + (repeated ? [Self.ratioRange(item.pairs.map(\.ratio)),
                               FrenchNumber.adaptive(item.bestBatch) + " / " + FrenchNumber.adaptive(item.bestPlain) + " s = " + FrenchNumber.format(item.bestRatio, decimals: 2) + " ×",
                               Self.range(item.pairs.map(\.batchSeconds)), Self.range(item.pairs.map(\.plainSeconds))] : [])
                + [FrenchNumber.adaptive(item.cpuMedian) + " s", Self.loadRange(item.loads)]
        }
        lines += BenchReport.table(header: header, lines: rows, leftAligned: [0])
        if repeated {
            lines.append("")
            lines.append("Par passage (b→é : batch puis son écriture simple, é→b : l'inverse ; durées batch / écriture simple = rapport) :")
            for item in cases {
                let passes = item.pairs.enumerated().map { index, pair in
                    "\(index + 1) \(pair.batchFirst ? "b→é" : "é→b") \(FrenchNumber.adaptive(pair.batchSeconds)) / \(FrenchNumber.adaptive(pair.plainSeconds)) s = \(FrenchNumber.format(pair.ratio, decimals: 2)) × (processeur \(FrenchNumber.adaptive(pair.batchCPUSeconds)) s, charge \(Self.loadRange([pair.loadBefore, pair.loadAfter].compactMap { $0 })))"
                }
                lines.append("  \(item.format) : " + passes.joined(separator: " ; "))
            }
        }
        let worst = cases.map(\.ratio).max() ?? 0
        lines.append("")
        if fileSystem == .tmpfs {
            lines.append("Rapport le plus élevé : \(FrenchNumber.format(worst, decimals: 2)) × sur tmpfs (témoin : l'objectif de 2 × se juge contre le disque, pas ici).")
        } else {
            lines.append("Rapport le plus élevé : \(FrenchNumber.format(worst, decimals: 2)) × (objectif : au plus 2 ×) : \(worst <= 2 ? "objectif atteint" : "objectif manqué").")
        }

        if options.memoryCheck {
            // Every format: a JSON roadmap weighs twenty times a CSV row, and memory must stay flat for each.
            let small = max(1, options.goalCommunes / 10)
            let smallCorpus = work + "/communes-dixieme.csv"
            _ = try TerritoriesCorpus.write(to: smallCorpus, count: small, vocabulary: base.vocabulary, seed: options.seed)
            for format in options.formats {
                progress("mémoire : batch --format \(format) de \(small) communes…")
                let output = work + "/sortie-dixieme"
                let outcome = try ChildProcess.run(binary, ["batch", smallCorpus, "--output-dir", output, "--format", format, "--jobs", String(jobs),
                                                            "--start", "2026-12", "--rules", options.rulesDirectory] + options.batchArguments, errorLog: work + "/erreurs-dixieme.txt")
                try? FileManager.default.removeItem(atPath: output)
                let large = cases.first { $0.format == format }?.peakBytes
                lines.append("Mémoire (format \(format)) : RSS max \(FrenchNumber.megabytes(outcome.peakBytes)) pour \(FrenchNumber.count(small)) communes, \(FrenchNumber.megabytes(large)) pour \(FrenchNumber.count(options.goalCommunes))"
                             + (large.map { " : " + Self.flatness(small: outcome.peakBytes, large: $0) } ?? "") + ".")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How much more the peak memory of the whole corpus is than that of its tenth: within
    /// `flatMemoryAllowance` it is « plate »; beyond, the verdict says by how much it grows. The peak varies from one
    /// run to the next with the roadmaps waiting for the writer at the worst moment (3 – 4 MB in JSON), not with the
    /// rows: a memory that grows with the rows (a kept value per territory, an allocator's holes) shows here.
    static func flatness(small: Int, large: Int) -> String {
        let growth = Double(large - small) / Double(max(small, 1))
        let change = (large >= small ? "+ " : "− ") + FrenchNumber.format(Double(abs(large - small)) / 1_048_576, decimals: 1) + " Mo"
        let allowed = "au plus + \(Int(flatMemoryAllowance * 100)) %"
        return growth <= flatMemoryAllowance
            ? "plate (\(change), \(allowed))"
            : "CROÎT (\(change), + \(Int((growth * 100).rounded())) % ; \(allowed))"
    }

    /// The growth of the peak memory from a tenth of the corpus to the whole that is still « flat ».
    static let flatMemoryAllowance = 0.10

    /// « 1,21 – 2,40 × »
    static func ratioRange(_ values: [Double]) -> String {
        FrenchNumber.format(values.min() ?? 0, decimals: 2) + " – " + FrenchNumber.format(values.max() ?? 0, decimals: 2) + " ×"
    }

    /// « 0,85 – 2,10 », or the one value when the loads are equal.
    static func loadRange(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "—" }
        let lowText = FrenchNumber.format(low, decimals: 2), highText = FrenchNumber.format(high, decimals: 2)
        return lowText == highText ? lowText : lowText + " – " + highText
    }

    /// The one-minute load average, the first field of `/proc/loadavg` (what `uptime` prints first); nil elsewhere.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return nil }
        return Double(first)
    }

    /// « 3,9 – 18 s »
    static func range(_ values: [Double]) -> String {
        FrenchNumber.adaptive(values.min() ?? 0) + " – " + FrenchNumber.adaptive(values.max() ?? 0) + " s"
    }

    /// `mandat-sante`, built beside this benchmark.
    static func siblingBinary() -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (own as NSString).deletingLastPathComponent + "/mandat-sante"
    }

    /// The size of every file of `folder` (hidden ones too: the manifest counts as a file written).
    static func fileSizes(_ folder: String) -> [Int] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    }
}

/// The file system under the work folder: a disk's (whose speed varies on a shared machine) or a tmpfs in memory
/// (the control where no disk is written at all).
enum FileSystemKind: Equatable {
    case tmpfs
    case other(name: String)

    /// The type of the mount that holds `path`, from `/proc/self/mounts` (the longest mount point that contains it;
    /// Glibc's module does not import `statfs`).
    init(path: String) {
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { $0.hasPrefix("/") ? $0 : path } ?? path
        let absolute = URL(fileURLWithPath: resolved).resolvingSymlinksInPath().path
        var best: (point: String, type: String)?
        let table = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            // Spaces in a mount point are written « \040 ».
            let point = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let contains = point == "/" || absolute == point || absolute.hasPrefix(point + "/")
            if contains, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        switch best?.type {
        case "tmpfs"?: self = .tmpfs
        case let type?: self = .other(name: type + " sur " + (best?.point ?? "/"))
        case nil: self = .other(name: "inconnu")
        }
    }

    var label: String {
        switch self {
        case .tmpfs: "tmpfs (en mémoire)"
        case .other(let name): name
        }
    }
}

/// The baseline: the same number of files of the same sizes, from one buffer, each written to a temporary file
/// and renamed, then one `syncfs` — the disk's and the file system's share of a batch, nothing else.
enum PlainWrite {
    static func run(sizes: [Int], folder: String) throws -> Double {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let buffer = [UInt8](repeating: 0x61, count: sizes.max() ?? 0)
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, size) in sizes.enumerated() {
            let temporary = folder + "/.t\(index).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw ChildProcess.Failure(description: "écriture simple : \(String(cString: strerror(errno)))") }
            var written = 0
            while written < size {
                let count = buffer.withUnsafeBytes { bytes in bytes.baseAddress.map { write(descriptor, $0 + written, size - written) } ?? -1 }
                guard count > 0 else { close(descriptor); throw ChildProcess.Failure(description: "écriture simple : \(String(cString: strerror(errno)))") }
                written += count
            }
            close(descriptor)
            guard rename(temporary, folder + "/f\(index)") == 0 else { throw ChildProcess.Failure(description: "écriture simple : renommage impossible") }
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if descriptor >= 0 {
            // `syncfs`, looked up at run time as batch does (the C library may not declare it).
            typealias SyncFS = @convention(c) (Int32) -> Int32
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
                _ = unsafeBitCast(symbol, to: SyncFS.self)(descriptor)
            } else {
                sync()
            }
            close(descriptor)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
