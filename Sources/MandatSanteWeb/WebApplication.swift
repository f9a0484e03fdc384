import Foundation
import LoopbackHTTP
import MandatSante
import RuleKit

/// The local web application: routes requests to pages, after the checks a server on the loopback address needs.
///
/// - `Host` must name this server (127.0.0.1, localhost or [::1] with its port): a page of another site that
///   rebinds its name to 127.0.0.1 is refused (DNS rebinding).
/// - A POST must come from a page of this server: `Sec-Fetch-Site`, else `Origin`, else `Referer` must say so
///   when the browser sends them, and the form must carry the token drawn when the server started.
/// - Every response has a content security policy (no script but the server's own, no frame, forms only to this
///   server), and asks not to be cached: pages carry a territory's data.
/// - Nothing is read from or written to disk: examples are loaded by the caller, uploads stay in memory.
public struct WebApplication: Sendable {
    /// An example profile shipped with the tool, by its file name without `.json`.
    public struct Example: Sendable {
        public var id: String
        public var bytes: [UInt8]

        public init(id: String, bytes: [UInt8]) {
            self.id = id
            self.bytes = bytes
        }
    }

    /// An example as the home page lists it.
    struct LoadedExample: Sendable {
        var id: String
        var name: String
        var description: String?
        var profile: Profile
    }

    /// Territories planned at most per uploaded file.
    static let maximumBatchTerritories = 250

    let service: WebRoadmapService
    let examples: [LoadedExample]
    let batchTemplate: [UInt8]?
    let allowedHosts: Set<String>
    let token: String
    let currentMonth: @Sendable () -> YearMonth
    let archives = BatchArchives()

    /// `port` is the one the server listens on (for the `Host` check); `token` is drawn at random when not given.
    /// Examples that are not valid profiles are left out.
    public init(ruleBase: RuleBase, examples: [Example], batchTemplate: [UInt8]? = nil, port: UInt16, token: String? = nil,
                currentMonth: @escaping @Sendable () -> YearMonth) {
        let service = WebRoadmapService(ruleBase: ruleBase)
        self.service = service
        self.examples = examples.compactMap { example in
            guard case .success(let profile) = service.profile(json: example.bytes, file: example.id + ".json") else { return nil }
            return LoadedExample(id: example.id, name: profile.name, description: WebRoadmapService.description(ofProfile: example.bytes), profile: profile)
        }
        self.batchTemplate = batchTemplate
        allowedHosts = ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        self.token = token ?? Self.randomToken()
        self.currentMonth = currentMonth
    }

    /// Facts named like a reserved field cannot be entered in a form.
    public static func reservedNameConflicts(_ vocabulary: Vocabulary) -> [String] {
        vocabulary.factNames.filter(ReservedField.all.contains)
    }

    /// The response to bytes that are not an acceptable request.
    public func reject(_ error: HTTPRequestError) -> HTTPResponse {
        secured(RequestErrorPage.response(error))
    }

    public func respond(_ request: HTTPRequest) -> HTTPResponse {
        secured(route(request))
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        guard let host = request.headers["Host"]?.lowercased(), allowedHosts.contains(host) else {
            return WebResponse.problem(.forbidden, title: "Adresse refusée", message: "Ce serveur ne répond qu'à l'adresse locale qu'il a affichée au démarrage (par exemple http://\(allowedHosts.sorted().first ?? "127.0.0.1")/). Ouvrez cette adresse-là.", next: nil)
        }
        let method = request.method == "HEAD" ? "GET" : request.method
        let path = request.path
        let query = URLEncoding.decodeForm(request.query)
        guard let query else {
            return WebResponse.problem(.badRequest, title: "Adresse illisible", message: "Les paramètres de l'adresse ne sont pas correctement encodés (« % » suivi de deux chiffres hexadécimaux, texte UTF-8).")
        }
        let routes = Routes(application: self, request: request, query: query)
        let (allowed, response) = routes.dispatch(method: method, path: path)
        guard let response else {
            if allowed.isEmpty {
                return WebResponse.problem(.notFound, title: "Page introuvable", message: "Aucune page ne se trouve à cette adresse.")
            }
            var refused = WebResponse.problem(.methodNotAllowed, title: "Méthode refusée", message: "Cette adresse n'accepte que : \(allowed.joined(separator: ", ")).")
            refused.headers.add("Allow", allowed.joined(separator: ", "))
            return refused
        }
        return response
    }

    /// Whether a POST comes from one of this server's pages: the browser's own statement, then the token.
    func checkPost(_ request: HTTPRequest, token sent: String?) -> HTTPResponse? {
        let host = request.headers["Host"]?.lowercased() ?? ""
        let sameSite: Bool
        if let site = request.headers["Sec-Fetch-Site"] {
            sameSite = site.lowercased() == "same-origin"
        } else if let origin = request.headers["Origin"] {
            sameSite = origin.lowercased() == "http://\(host)"
        } else if let referer = request.headers["Referer"] {
            sameSite = referer.lowercased().hasPrefix("http://\(host)/")
        } else {
            // Not a browser (a script on this machine): the token decides.
            sameSite = true
        }
        guard sameSite else {
            return WebResponse.problem(.forbidden, title: "Envoi refusé", message: "Ce formulaire a été envoyé depuis une page qui n'appartient pas à MandatSanté : il est refusé. Remplissez-le depuis l'application elle-même.")
        }
        guard let sent, Self.equalInConstantTime(sent, token) else {
            return WebResponse.problem(.forbidden, title: "Formulaire expiré", message: "Ce formulaire vient d'une page ouverte avant le dernier démarrage du serveur (ou d'ailleurs). Rechargez la page, puis envoyez-le de nouveau.")
        }
        return nil
    }

    /// Headers every response carries.
    private func secured(_ response: HTTPResponse) -> HTTPResponse {
        var secured = response
        secured.headers.set("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        secured.headers.set("X-Content-Type-Options", "nosniff")
        secured.headers.set("X-Frame-Options", "DENY")
        secured.headers.set("Referrer-Policy", "same-origin")
        secured.headers.set("Cross-Origin-Opener-Policy", "same-origin")
        secured.headers.set("Cross-Origin-Resource-Policy", "same-origin")
        secured.headers.set("Cache-Control", "no-store")
        return secured
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }

    private static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The month a new roadmap starts from.
    var defaultStart: YearMonth {
        WebRoadmapService.startMonth(near: currentMonth())
    }

    /// A profile read from the fields of a query or a form, with askWhen applied for the questionnaire.
    func form(_ fields: [(name: String, value: String)], applyingAskWhen: Bool = false) -> ProfileForm {
        ProfileForm(fields, vocabulary: service.vocabulary, defaultStart: defaultStart, applyingAskWhen: applyingAskWhen)
    }

    func profile(_ form: ProfileForm, file: String = "formulaire") -> Profile {
        Profile(facts: form.facts, vocabulary: service.vocabulary, file: file)
    }

    func query(_ form: ProfileForm) -> String {
        ProfileForm.query(form.facts, start: form.start, vocabulary: service.vocabulary)
    }
}
