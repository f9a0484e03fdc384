import LoopbackHTTP
import Testing

@Suite("formulaires : encodage d'URL et multipart")
struct FormEncodingTests {
    @Test("décodage : + et %XX, UTF-8, paires vides ignorées, paire sans =")
    func decode() throws {
        let pairs = try #require(URLEncoding.decodeForm("name=Saint-%C3%89tienne+du+Bois&&priorities=a&priorities=b&flag"))
        #expect(pairs.map(\.name) == ["name", "priorities", "priorities", "flag"])
        #expect(pairs.map(\.value) == ["Saint-Étienne du Bois", "a", "b", ""])
        #expect(URLEncoding.decodeForm("")?.isEmpty == true)
    }

    @Test("décodage refusé : % incomplet ou non hexadécimal, octets qui ne sont pas de l'UTF-8", arguments: ["a=%", "a=%4", "a=%zz", "a=%C3", "%FF=1"])
    func decodeRefused(text: String) {
        #expect(URLEncoding.decodeForm(text) == nil)
    }

    @Test("encodage : seuls lettres, chiffres et -._~ restent ; l'aller-retour rend le texte")
    func encode() {
        let text = "Saint-Aubin <b>&\"'#?= é/%+"
        let encoded = URLEncoding.encode(text)
        #expect(encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~%".contains($0)) })
        #expect(URLEncoding.decodeForm("x=" + encoded)?.first?.value == text)
        #expect(URLEncoding.encodeForm([("a b", "c&d")]) == "a%20b=c%26d")
    }

    static let boundary = "----WebKitFormBoundaryAbc123"
    static func body(_ parts: [String]) -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)" }.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n").utf8)
    }

    @Test("multipart : champs et fichier, comme un navigateur les envoie")
    func multipart() throws {
        let body = Self.body([
            "Content-Disposition: form-data; name=\"jeton\"\r\n\r\nabc",
            "Content-Disposition: form-data; name=\"fichier\"; filename=\"mon \\\"profil\\\".json\"\r\nContent-Type: application/json\r\n\r\n{\"a\":\r\n1}",
            "Content-Disposition: form-data; name=\"vide\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        ])
        let parts = try MultipartForm.parse(body, contentType: "multipart/form-data; boundary=\(Self.boundary)").get()
        #expect(parts.map(\.name) == ["jeton", "fichier", "vide"])
        #expect(parts[0].body == Array("abc".utf8) && parts[0].fileName == nil)
        #expect(parts[1].fileName == "mon \"profil\".json" && parts[1].contentType == "application/json")
        #expect(parts[1].body == Array("{\"a\":\r\n1}".utf8))
        #expect(parts[2].fileName == "" && parts[2].body.isEmpty)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"quoted b\"") == "quoted b")
    }

    @Test("multipart refusé : pas de boundary, corps tronqué ou mal formé, trop de champs")
    func multipartRefused() {
        let type = "multipart/form-data; boundary=\(Self.boundary)"
        #expect(MultipartForm.parse([], contentType: "application/x-www-form-urlencoded") == .failure(.missingBoundary))
        #expect(MultipartForm.parse([], contentType: nil) == .failure(.missingBoundary))
        #expect(MultipartForm.parse([], contentType: type) == .failure(.malformed))
        var truncated = Self.body(["Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue"])
        truncated.removeLast(20)
        #expect(MultipartForm.parse(truncated, contentType: type) == .failure(.malformed))
        #expect(MultipartForm.parse(Self.body(["Content-Type: text/plain\r\n\r\nno name"]), contentType: type) == .failure(.malformed))
        let many = Self.body((0..<40).map { "Content-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx" })
        #expect(MultipartForm.parse(many, contentType: type, maximumParts: 32) == .failure(.tooManyParts(limit: 32)))
    }
}

@Suite("réponses HTTP")
struct HTTPResponseTests {
    @Test("en-tête : statut, Content-Length et Connection posés ici ; pas de retour à la ligne injecté ; HEAD sans corps")
    func serialized() {
        var response = HTTPResponse(status: .ok, contentType: "text/plain", body: "héllo")
        response.headers.add("X-Test", "a\r\nInjected: yes")
        response.headers.add("Content-Length", "999")
        let text = String(decoding: response.serialized(keepAlive: true), as: UTF8.self)
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Test: aInjected: yes\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\nhéllo")
        let head = String(decoding: response.serialized(keepAlive: false, includeBody: false), as: UTF8.self)
        #expect(head.hasSuffix("Content-Length: 6\r\nConnection: close\r\n\r\n"))
    }
}
