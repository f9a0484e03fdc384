import Foundation
import MandatSante
import ProfileGeneration

/// Runs every case of the benchmark: for each number of profiles and each rule-base variant, planning alone
/// then planning and text rendering, on one core then on all of them; then the 35,000-communes goal.
struct BenchRunner {
    var options: BenchOptions
    /// Progress lines, for standard error: a full run takes minutes.
    var progress: (String) -> Void

    /// The fixed start month of every plan, as in the rule tests.
    static let start = YearMonth(year: 2026, month: 12)

    /// How many plans, and how many of their texts, the fingerprint of a variant covers: fewer for larger
    /// variants, always the same for a given variant so that fingerprints compare across runs and builds.
    static func fingerprintSize(variant: Int) -> (plans: Int, texts: Int) {
        (max(10, 1_000 / variant), max(1, 20 / variant))
    }

    func run() throws -> BenchReport {
        let base = try RulesFolder.load(options.rulesDirectory)
        let calendar = try MandateCalendar(start: Self.start)
        let cores = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let renderings = options.planOnly ? [false] : [false, true]
        let variants = options.variants.map { (factor: $0, ruleBase: RuleBaseScaler.scaled(base, by: $0)) }
        var report = BenchReport(options: options, cores: cores, recommendationCount: base.recommendations.count)
        let conditions = Planner(ruleBase: base).conditions
        (report.conditionCount, report.distinctTestCount) = (conditions.count, conditions.atomCount)

        for size in options.sizes {
            progress("génération de \(size) profils (graine \(options.seed))…")
            let generationStart = Date()
            let profiles = try ProfileGenerator(vocabulary: base.vocabulary, seed: options.seed).profiles(count: size)
            report.generated.append((size, Date().timeIntervalSince(generationStart)))
            for (factor, ruleBase) in variants {
                let planner = Planner(ruleBase: ruleBase)
                if report.fingerprints[factor] == nil {
                    progress("×\(factor) : empreinte des feuilles de route…")
                    let (plans, texts) = Self.fingerprintSize(variant: factor)
                    let covered = profiles.prefix(plans)
                    report.fingerprints[factor] = (covered.count, min(texts, covered.count),
                                                   RoadmapFingerprint.of(covered, planner: planner, calendar: calendar, rendered: texts))
                }
                var measurements: [Measurement] = []
                for rendering in renderings {
                    let workload = Workload(planner: planner, threads: cores, calendar: calendar, rendering: rendering)
                    // One core decides how many profiles fit the budget; more cores process the same ones.
                    var count: Int?
                    for threads in cores > 1 ? [1, cores] : [1] {
                        let label = "×\(factor), \(size) profils, \(rendering ? "planification + rendu" : "planification"), \(threads) cœur\(threads > 1 ? "s" : "")"
                        progress(label + "…")
                        let measurement = Measurement.time(
                            label: label, profileCount: size, count: count, threads: threads, rendering: rendering,
                            runs: options.runs, budget: options.budget) { workload.run(profiles, count: $0, threads: threads) }
                        count = measurement.measuredCount
                        measurements.append(measurement)
                    }
                    let sums = Set(measurements.filter { $0.rendering == rendering }.map(\.checksum))
                    precondition(sums.count == 1, "×\(factor), \(size) profils : les feuilles de route diffèrent entre 1 et \(cores) cœurs")
                }
                report.rows.append(BenchReport.Row(variant: factor, recommendationCount: ruleBase.recommendations.count,
                                                   profileCount: size, measurements: measurements))
            }
        }

        progress("objectif : \(options.goalCommunes) communes…")
        let communes = try ProfileGenerator(vocabulary: base.vocabulary, seed: options.seed, communesOnly: true)
            .profiles(count: options.goalCommunes)
        for rendering in renderings {
            let workload = Workload(planner: Planner(ruleBase: base), threads: cores, calendar: calendar, rendering: rendering)
            // Planning is always measured on every commune: the goal is about all of them.
            report.goal.append(Measurement.time(
                label: "objectif", profileCount: communes.count, count: rendering ? nil : communes.count,
                threads: cores, rendering: rendering,
                runs: options.runs, budget: options.budget) { workload.run(communes, count: $0, threads: cores) })
        }
        return report
    }
}
