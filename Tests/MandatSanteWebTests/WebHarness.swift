import Foundation
import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func file(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: packageRoot).appendingPathComponent(path)))
}

/// The project's rule base, loaded once.
let ruleBase: RuleBase = {
    let root = URL(fileURLWithPath: packageRoot).appendingPathComponent("Rules")
    func ruleFile(_ url: URL) -> RuleFile { RuleFile(path: url.path, bytes: (try? [UInt8](Data(contentsOf: url))) ?? []) }
    let recommendations = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("recommendations").path)) ?? [])
        .filter { $0.hasSuffix(RuleBaseLoader.recommendationExtension) }.sorted().map { ruleFile(root.appendingPathComponent("recommendations").appendingPathComponent($0)) }
    let files = RuleFiles(vocabulary: ruleFile(root.appendingPathComponent("vocabulary.json")), levers: ruleFile(root.appendingPathComponent("levers.json")),
                          sources: ruleFile(root.appendingPathComponent("sources.json")), definitions: FileManager.default.fileExists(atPath: root.appendingPathComponent("definitions.json").path) ? ruleFile(root.appendingPathComponent("definitions.json")) : nil,
                          facts: FileManager.default.fileExists(atPath: root.appendingPathComponent("facts.json").path) ? ruleFile(root.appendingPathComponent("facts.json")) : nil,
                          recommendations: recommendations)
    guard let ruleBase = RuleBaseLoader.load(files).ruleBase else { preconditionFailure("la base de règles du projet doit se charger") }
    return ruleBase
}()

let examples: [WebApplication.Example] = ["village-rural-zip", "communaute-communes-rurale", "metropole-cls-clsm"].map {
    WebApplication.Example(id: $0, bytes: (try? file("Profiles/\($0).json")) ?? [])
}

let application = WebApplication(ruleBase: ruleBase, examples: examples, batchTemplate: try? file("Profiles/territoires-exemple.csv"),
                                 port: 8426, token: "jeton-de-test", currentMonth: { YearMonth(year: 2026, month: 12) })

/// What a browser on the same machine sends.
let sameOrigin: [(String, String)] = [("Origin", "http://127.0.0.1:8426"), ("Sec-Fetch-Site", "same-origin")]

struct Page {
    var response: HTTPResponse
    var status: Int { response.status.code }
    var text: String { String(decoding: response.body, as: UTF8.self) }
    func header(_ name: String) -> String? { response.headers[name] }
}

func get(_ target: String, host: String = "127.0.0.1:8426", method: String = "GET") -> Page {
    Page(response: application.respond(HTTPRequest(method: method, target: target, headers: HTTPHeaders([("Host", host)]))))
}

func post(_ target: String, _ fields: [(String, String)], token: String? = "jeton-de-test", headers: [(String, String)] = sameOrigin) -> Page {
    let all = (token.map { [("jeton", $0)] } ?? []) + fields
    return post(target, body: Array(URLEncoding.encodeForm(all).utf8), contentType: "application/x-www-form-urlencoded", headers: headers)
}

func post(_ target: String, body: [UInt8], contentType: String, headers: [(String, String)] = sameOrigin) -> Page {
    let request = HTTPRequest(method: "POST", target: target, headers: HTTPHeaders([("Host", "127.0.0.1:8426"), ("Content-Type", contentType)] + headers), body: body)
    return Page(response: application.respond(request))
}

/// A file upload as a browser sends it: the token, then the parts.
func upload(_ target: String, file: [UInt8], fileName: String, fields: [(String, String)] = [], token: String = "jeton-de-test") -> Page {
    let boundary = "----WebKitFormBoundaryTest"
    var body: [UInt8] = []
    for (name, value) in [("jeton", token)] + fields {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
    body += file + Array("\r\n--\(boundary)--\r\n".utf8)
    return post(target, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
}

/// The fields of a complete, valid questionnaire.
let validAnswers: [(String, String)] = [
    ("name", "Saint-Martin"), ("kind", "commune"), ("population", "4 800"), ("density", "bourg-rural"),
    ("medicalZoning", "zac"), ("priorities", "acces-aux-soins"), ("priorities", "bien-vieillir"), ("depart", "2026-12"),
]

/// The query of a redirection (`/feuille-de-route?…`).
func location(_ page: Page) -> String {
    page.header("Location") ?? ""
}
