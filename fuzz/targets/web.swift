// libFuzzer target: any bytes from a client go through the whole web application as the server runs it — request
// reader, Host and origin checks, routing, form and upload decoding, profile reading, planning, rendering,
// « Et si ? », batch — and every answer is a complete response with a status, without crashing.
import Foundation
import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit

let application: WebApplication? = {
    let directory = ProcessInfo.processInfo.environment["MANDAT_SANTE_RULES"] ?? "Rules"
    func file(_ path: String) -> RuleFile? {
        FileManager.default.contents(atPath: path).map { RuleFile(path: path, bytes: [UInt8]($0)) }
    }
    let recommendations = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/recommendations")) ?? [])
        .filter { $0.hasSuffix(RuleBaseLoader.recommendationExtension) }.sorted().compactMap { file(directory + "/recommendations/" + $0) }
    guard let vocabulary = file(directory + "/vocabulary.json"), let levers = file(directory + "/levers.json"),
          let sources = file(directory + "/sources.json"),
          let ruleBase = RuleBaseLoader.load(RuleFiles(vocabulary: vocabulary, levers: levers, sources: sources, definitions: file(directory + "/definitions.json"), recommendations: recommendations)).ruleBase else { return nil }
    let example = file(directory + "/../Profiles/village-rural-zip.json").map { [WebApplication.Example(id: "village-rural-zip", bytes: $0.bytes)] } ?? []
    // The token is fixed so that the fuzzer can find it in the seeds and reach the pages behind a POST.
    return WebApplication(ruleBase: ruleBase, examples: example, port: 8426, token: "jeton", currentMonth: { YearMonth(year: 2026, month: 12) })
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWeb(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let application else { fatalError("règles introuvables : lancez depuis la racine du dépôt") }
    var limits = HTTPLimits()
    limits.bodyBytes = 65536
    var reader = HTTPRequestReader(limits: limits)
    reader.append(UnsafeRawBufferPointer(start: data, count: size))
    do {
        while let request = try reader.next() {
            let response = application.respond(request)
            guard (200...599).contains(response.status.code), response.headers["Content-Security-Policy"] != nil else { fatalError("réponse incomplète") }
        }
    } catch {
        _ = application.reject(error)
    }
    return 0
}
