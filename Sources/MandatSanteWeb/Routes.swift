import LoopbackHTTP
import RuleKit

/// One request on its way to a page: the routing table, and what the pages share to read a request. Each page
/// is an extension of `Routes` in a file of its own (`Pages/`).
struct Routes {
    let application: WebApplication
    let request: HTTPRequest
    /// The query's fields, decoded.
    let query: [(name: String, value: String)]

    /// The response of the page at `path` for `method`; without one, the methods the path accepts (none: no page).
    func dispatch(method: String, path: String) -> (allowed: [String], response: HTTPResponse?) {
        var handlers: [String: () -> HTTPResponse] = [:]
        switch path {
        case "/": handlers["GET"] = home
        case "/app.css": handlers["GET"] = { WebResponse.asset(AppStyle.pages, mediaType: "text/css; charset=utf-8") }
        case "/barre.css": handlers["GET"] = { WebResponse.asset(AppStyle.bar, mediaType: "text/css; charset=utf-8") }
        case "/imprimer.js": handlers["GET"] = { WebResponse.asset(AppStyle.printScript, mediaType: "text/javascript; charset=utf-8") }
        case "/questionnaire": handlers = ["GET": questionnaire, "POST": submitQuestionnaire]
        case "/feuille-de-route": handlers["GET"] = { roadmap(printing: false) }
        case "/imprimer": handlers["GET"] = { roadmap(printing: true) }
        case "/profil": handlers["POST"] = openProfile
        case "/et-si": handlers["GET"] = whatIf
        case "/lot": handlers = ["GET": batchForm, "POST": submitBatch]
        case "/lot/exemple.csv": handlers["GET"] = batchTemplate
        default:
            if let id = Self.remainder(of: path, after: "/exemples/") {
                handlers["GET"] = { example(id) }
            } else if let kind = Self.remainder(of: path, after: "/telecharger/") {
                handlers["GET"] = { download(kind) }
            } else if let name = Self.remainder(of: path, after: "/lot/"), name.hasSuffix(".zip") {
                handlers["GET"] = { batchArchive(String(name.dropLast(4))) }
            }
        }
        guard let handler = handlers[method] else {
            let methods = handlers.keys.sorted()
            return (methods.contains("GET") ? methods + ["HEAD"] : methods, nil)
        }
        return ([], handler())
    }

    /// The decoded last segment of `path` after `prefix`.
    private static func remainder(of path: String, after prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard !rest.isEmpty, !rest.contains("/"), let decoded = URLEncoding.decode(rest.utf8) else { return nil }
        return decoded
    }

    // MARK: What pages share

    var vocabulary: Vocabulary { application.service.vocabulary }

    /// The fields of a urlencoded form body, or the response that refuses it.
    func formFields() -> Result<[(name: String, value: String)], ResponseError> {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            return .failure(ResponseError(WebResponse.problem(.unsupportedMediaType, title: "Formulaire illisible", message: "Ce formulaire doit être envoyé comme un formulaire HTML ordinaire (application/x-www-form-urlencoded).")))
        }
        guard let body = String(validating: request.body, as: UTF8.self), let fields = URLEncoding.decodeForm(body) else {
            return .failure(ResponseError(WebResponse.problem(.badRequest, title: "Formulaire illisible", message: "Le formulaire reçu n'est pas correctement encodé.")))
        }
        if let refusal = application.checkPost(request, token: fields.last { $0.name == ReservedField.token }?.value) {
            return .failure(ResponseError(refusal))
        }
        return .success(fields.filter { $0.name != ReservedField.token })
    }

    /// The parts of a file upload (multipart/form-data), or the response that refuses it.
    func uploadParts() -> Result<[MultipartPart], ResponseError> {
        let parts: [MultipartPart]
        switch MultipartForm.parse(request.body, contentType: request.headers["Content-Type"]) {
        case .success(let read): parts = read
        case .failure(.missingBoundary):
            return .failure(ResponseError(WebResponse.problem(.unsupportedMediaType, title: "Envoi illisible", message: "Un fichier doit être envoyé par le formulaire de la page (multipart/form-data).")))
        case .failure(.tooManyParts(let limit)):
            return .failure(ResponseError(WebResponse.problem(.badRequest, title: "Envoi illisible", message: "Le formulaire contient trop de champs (\(limit) au plus).")))
        case .failure(.malformed):
            return .failure(ResponseError(WebResponse.problem(.badRequest, title: "Envoi illisible", message: "Le fichier envoyé est arrivé incomplet ou mal formé ; réessayez depuis la page.")))
        }
        let token = parts.last { $0.name == ReservedField.token }.map { String(decoding: $0.body, as: UTF8.self) }
        if let refusal = application.checkPost(request, token: token) {
            return .failure(ResponseError(refusal))
        }
        return .success(parts)
    }

    /// The hidden field every POST form carries.
    var tokenField: String {
        "<input type=\"hidden\" name=\"\(ReservedField.token)\" value=\"\(HTML.escape(application.token))\">"
    }
}

/// A response that ends a page early (a refused form), carried by a `Result`.
struct ResponseError: Error {
    var response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
    }
}
