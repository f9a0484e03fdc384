import RuleKit

/// The results of a benchmark run, printed as a French table or as JSON.
struct BenchReport {
    /// One rule-base variant on one number of profiles: its four measurements.
    struct Row {
        var variant: Int
        var recommendationCount: Int
        var profileCount: Int
        var measurements: [Measurement]
    }

    var options: BenchOptions
    var cores: Int
    var recommendationCount: Int
    /// The base's conditions (selection and boosts) and the distinct tests they contain, each evaluated once per
    /// profile (see `ConditionProgram`).
    var conditionCount = 0
    var distinctTestCount = 0
    /// Profiles generated (count, seconds), all read back through `ProfileLoader`.
    var generated: [(count: Int, seconds: Double)] = []
    var rows: [Row] = []
    /// For each rule-base variant, the fingerprint of the first plans (see `RoadmapFingerprint`).
    var fingerprints: [Int: (plans: Int, texts: Int, hex: String)] = [:]
    /// Planning, then planning and rendering, of the goal's communes on every core.
    var goal: [Measurement] = []

    init(options: BenchOptions, cores: Int, recommendationCount: Int) {
        self.options = options
        self.cores = cores
        self.recommendationCount = recommendationCount
    }

    /// The goal's verdict: the median time of planning the communes on every core, against one second.
    var goalLine: String {
        guard let planning = goal.first(where: { !$0.rendering }) else { return "" }
        let verdict = planning.secondsForAll < 1 ? "objectif atteint" : "objectif manqué"
        var line = "Objectif : \(FrenchNumber.count(planning.profileCount)) communes générées planifiées sur \(planning.threads) cœur\(planning.threads > 1 ? "s" : "") "
            + "en \(FrenchNumber.format(planning.secondsForAll, decimals: 3)) s\(Self.basis(planning)), "
            + "soit \(FrenchNumber.format(planning.secondsForAll, decimals: 2)) × 1 s : \(verdict)."
        if let rendering = goal.first(where: \.rendering) {
            line += "\nAvec le rendu texte de chaque feuille de route : \(FrenchNumber.format(rendering.secondsForAll, decimals: 3)) s"
                + "\(Self.basis(rendering)), soit \(FrenchNumber.format(rendering.secondsForAll, decimals: 2)) × 1 s."
        }
        return line
    }

    /// « (médiane de 5) », or how the figure was extrapolated from a sample.
    private static func basis(_ measurement: Measurement) -> String {
        let runs = "médiane de \(measurement.seconds.count)"
        guard measurement.isSampled else { return " (\(runs))" }
        return " (estimé : \(runs) sur les \(FrenchNumber.count(measurement.measuredCount)) premières)"
    }

    func text() -> String {
        var out: [String] = []
        out.append("MandatSanté — banc d'essai du planificateur")
        out.append("Base de règles « \(options.rulesDirectory) » : \(recommendationCount) recommandations (\(conditionCount) conditions, \(distinctTestCount) tests distincts) ; départ \(BenchRunner.start) ; "
                   + "\(cores) cœur\(cores > 1 ? "s" : "") ; graine \(options.seed) ; médiane de \(options.runs) mesures par cas")
        let generation = generated.map { "\(FrenchNumber.count($0.count)) en \(FrenchNumber.adaptive($0.seconds)) s" }.joined(separator: ", ")
        out.append("Profils générés depuis le vocabulaire et relus par ProfileLoader (tous valides) : \(generation)")
        out.append("")
        let header = ["Base", "Recos", "Profils", "Travail", "Cœurs", "Profils/s", "µs/profil", "Écart", "Mesurés", "RSS max"]
        var lines: [[String]] = []
        for row in rows.sorted(by: { ($0.variant, $0.profileCount) < ($1.variant, $1.profileCount) }) {
            for measurement in row.measurements {
                lines.append([
                    "×\(row.variant)", FrenchNumber.count(row.recommendationCount), FrenchNumber.count(row.profileCount),
                    measurement.rendering ? "planif. + rendu texte" : "planification", String(measurement.threads),
                    FrenchNumber.format(measurement.profilesPerSecond), FrenchNumber.adaptive(measurement.microsecondsPerProfile),
                    FrenchNumber.format(measurement.spread * 100) + " %",
                    measurement.isSampled ? FrenchNumber.count(measurement.measuredCount) : "tous",
                    FrenchNumber.megabytes(measurement.peakBytes),
                ])
            }
        }
        out += Self.table(header: header, lines: lines, leftAligned: [0, 3])
        out.append("µs/profil : médiane de \(options.runs) mesures. Écart : (max − min) / médiane. Mesurés : profils traités à chaque "
                   + "mesure (les premiers, quand tous dépasseraient --budget \(FrenchNumber.count(Int(options.budget))) s).")
        out.append("")
        out += growthLines()
        let prints = fingerprints.sorted { $0.key < $1.key }
            .map { "×\($0.key) \($0.value.hex) (\(FrenchNumber.count($0.value.plans)) plans, \($0.value.texts) texte\($0.value.texts > 1 ? "s" : ""))" }
        out.append("Empreintes des feuilles de route (premiers profils) : " + prints.joined(separator: " ; "))
        out.append("")
        out.append(goalLine)
        return out.joined(separator: "\n") + "\n"
    }

    /// How the cost per profile grows with the rule base, relative to ×1 (planning on one core).
    private func growthLines() -> [String] {
        var out: [String] = []
        for size in Set(rows.map(\.profileCount)).sorted() {
            let single = rows.filter { $0.profileCount == size }.compactMap { row in
                row.measurements.first { !$0.rendering && $0.threads == 1 }.map { (row.variant, $0.microsecondsPerProfile) }
            }
            guard let reference = single.first(where: { $0.0 == 1 }), single.count > 1 else { continue }
            let ratios = single.filter { $0.0 != 1 }.map { "×\($0.0) : \(FrenchNumber.adaptive($0.1 / reference.1)) fois" }
            out.append("Coût par profil selon la base (planification, 1 cœur, \(FrenchNumber.count(size)) profils), par rapport à ×1 : " + ratios.joined(separator: " ; "))
        }
        return out.isEmpty ? [] : out + [""]
    }

    static func table(header: [String], lines: [[String]], leftAligned: Set<Int>) -> [String] {
        let all = [header] + lines
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [format(header), String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))] + lines.map(format)
    }

    func json() -> String {
        func measurement(_ m: Measurement) -> JSONOutput {
            .object([
                ("work", .string(m.rendering ? "plan+render-text" : "plan")),
                ("threads", .integer(m.threads)),
                ("measuredProfiles", .integer(m.measuredCount)),
                ("runs", .array(m.seconds.map { .number(($0 * 1e6).rounded() / 1e6) })),
                ("medianSeconds", .number((m.median * 1e6).rounded() / 1e6)),
                ("profilesPerSecond", .number(m.profilesPerSecond.rounded())),
                ("microsecondsPerProfile", .number((m.microsecondsPerProfile * 100).rounded() / 100)),
                ("peakRSSBytes", m.peakBytes.map { .integer($0) } ?? .null),
                ("checksum", .integer(m.checksum)),
            ])
        }
        let planning = goal.first { !$0.rendering }
        return JSONOutput.object([
            ("rules", .string(options.rulesDirectory)),
            ("recommendations", .integer(recommendationCount)),
            ("conditions", .integer(conditionCount)),
            ("distinctTests", .integer(distinctTestCount)),
            ("start", .string(BenchRunner.start.description)),
            ("cores", .integer(cores)),
            ("seed", .string(String(options.seed))),
            ("runsPerCase", .integer(options.runs)),
            ("fingerprints", .object(fingerprints.sorted { $0.key < $1.key }.map {
                ("x\($0.key)", .object([("plans", .integer($0.value.plans)), ("texts", .integer($0.value.texts)),
                                        ("hash", .string($0.value.hex))]))
            })),
            ("cases", .array(rows.map { row in
                .object([
                    ("variant", .integer(row.variant)),
                    ("recommendations", .integer(row.recommendationCount)),
                    ("profiles", .integer(row.profileCount)),
                    ("measurements", .array(row.measurements.map(measurement))),
                ])
            })),
            ("goal", .object([
                ("communes", .integer(options.goalCommunes)),
                ("seconds", planning.map { .number(($0.secondsForAll * 1e6).rounded() / 1e6) } ?? .null),
                ("extrapolated", planning.map { .bool($0.isSampled) } ?? .null),
                ("ratioToOneSecond", planning.map { .number(($0.secondsForAll * 1e4).rounded() / 1e4) } ?? .null),
                ("met", planning.map { .bool($0.secondsForAll < 1) } ?? .null),
                ("measurements", .array(goal.map(measurement))),
            ])),
        ]).rendered()
    }
}
