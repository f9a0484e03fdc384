// libFuzzer target: any bytes given as a profile are read against the real vocabulary, validated, and when
// valid planned into a roadmap and rendered in every format, without crashing.
import Foundation
import MandatSante
import RuleKit

let rules: RuleBase? = {
    let directory = ProcessInfo.processInfo.environment["MANDAT_SANTE_RULES"] ?? "Rules"
    func file(_ path: String) -> RuleFile? {
        FileManager.default.contents(atPath: path).map { RuleFile(path: path, bytes: [UInt8]($0)) }
    }
    let recommendations = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/recommendations")) ?? [])
        .filter { $0.hasSuffix(RuleBaseLoader.recommendationExtension) }.sorted().compactMap { file(directory + "/recommendations/" + $0) }
    guard let vocabulary = file(directory + "/vocabulary.json"), let levers = file(directory + "/levers.json"),
          let sources = file(directory + "/sources.json") else { return nil }
    return RuleBaseLoader.load(RuleFiles(vocabulary: vocabulary, levers: levers, sources: sources, definitions: file(directory + "/definitions.json"), recommendations: recommendations)).ruleBase
}()

let calendar = try? MandateCalendar(start: YearMonth(year: 2026, month: 12))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let rules, let calendar else { fatalError("règles introuvables : lancez depuis la racine du dépôt") }
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let (profile, _) = ProfileLoader.load(bytes, file: "fuzz.json", vocabulary: rules.vocabulary)
    guard let profile else { return 0 }
    let roadmap = Planner(ruleBase: rules).plan(profile, calendar: calendar)
    let document = RoadmapPresenter(ruleBase: rules).document(roadmap)
    for format in RoadmapFormat.allCases { _ = format.renderer.render(document) }
    return 0
}
