import Foundation
import MandatSante

/// Runs every case of the benchmark: for each number of profiles and each rule-base variant, planning alone
/// then planning and text rendering, on one core then on all of them; then the 35,000-communes goal.
struct BenchRunner {
    var options: BenchOptions
    /// Progress lines, for standard error: a full run takes minutes.
    var progress: (String) -> Void

    /// The fixed start month of every plan, as in the rule tests.
    static let start = YearMonth(year: 2026, month: 12)

    /// How many plans, and how many of their texts, the fingerprint of each variant covers.
    static let fingerprintedPlans = 1_000
    static let fingerprintedTexts = 20

    func run() throws -> BenchReport {
        let base = try RulesFolder.load(options.rulesDirectory)
        let calendar = try MandateCalendar(start: Self.start)
        let cores = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let threadCounts = cores > 1 ? [1, cores] : [1]
        let renderings = options.planOnly ? [false] : [false, true]
        let variants = options.variants.map { (factor: $0, ruleBase: RuleBaseScaler.scaled(base, by: $0)) }
        var report = BenchReport(options: options, cores: cores, recommendationCount: base.recommendations.count)

        for size in options.sizes {
            progress("génération de \(size) profils (graine \(options.seed))…")
            let generationStart = Date()
            let profiles = try ProfileGenerator(vocabulary: base.vocabulary, seed: options.seed).profiles(count: size)
            report.generated.append((size, Date().timeIntervalSince(generationStart)))
            for (factor, ruleBase) in variants {
                if report.fingerprints[factor] == nil {
                    progress("×\(factor) : empreinte des feuilles de route…")
                    let covered = profiles.prefix(Self.fingerprintedPlans)
                    report.fingerprints[factor] = (covered.count, RoadmapFingerprint.of(
                        covered, planner: Planner(ruleBase: ruleBase), calendar: calendar, rendered: Self.fingerprintedTexts))
                }
                var measurements: [Measurement] = []
                for rendering in renderings {
                    let workload = Workload(planner: Planner(ruleBase: ruleBase), calendar: calendar, rendering: rendering)
                    for threads in threadCounts {
                        let label = "×\(factor), \(size) profils, \(rendering ? "planification + rendu" : "planification"), \(threads) cœur\(threads > 1 ? "s" : "")"
                        progress(label + "…")
                        measurements.append(Measurement.time(
                            label: label, profileCount: size, threads: threads, rendering: rendering,
                            runs: options.runs, budget: options.budget,
                            warmUp: { _ = workload.run(profiles, 0..<min(size, 100)) },
                            work: { workload.runConcurrently(profiles, threads: threads) }))
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
            let workload = Workload(planner: Planner(ruleBase: base), calendar: calendar, rendering: rendering)
            report.goal.append(Measurement.time(
                label: "objectif", profileCount: communes.count, threads: cores, rendering: rendering,
                runs: options.runs, budget: options.budget,
                warmUp: { _ = workload.run(communes, 0..<min(communes.count, 100)) },
                work: { workload.runConcurrently(communes, threads: cores) }))
        }
        return report
    }
}
