import LoopbackHTTP
import Testing

/// Reads `text` fed in one piece (or in pieces of `chunk` bytes) and returns the requests or the error.
private func read(_ text: String, limits: HTTPLimits = HTTPLimits(), chunk: Int? = nil) -> (requests: [HTTPRequest], error: HTTPRequestError?, partial: Bool) {
    var reader = HTTPRequestReader(limits: limits)
    var requests: [HTTPRequest] = []
    let bytes = Array(text.utf8)
    let size = chunk ?? max(bytes.count, 1)
    do {
        for start in stride(from: 0, to: bytes.count, by: size) {
            reader.append(bytes[start..<min(start + size, bytes.count)])
            while let request = try reader.next() { requests.append(request) }
        }
    } catch {
        return (requests, error, reader.hasPartialRequest)
    }
    return (requests, nil, reader.hasPartialRequest)
}

private func kind(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestError.Kind? {
    read(text, limits: limits).error?.kind
}

@Suite("lecteur de requêtes HTTP")
struct HTTPRequestReaderTests {
    @Test("une requête GET : méthode, cible, chemin, requête, en-têtes, connexion gardée")
    func simpleGet() throws {
        let result = read("GET /feuille-de-route?name=A%20B&x=1 HTTP/1.1\r\nHost: 127.0.0.1:8426\r\nAccept: text/html\r\n\r\n")
        let request = try #require(result.requests.first)
        #expect(result.error == nil && result.requests.count == 1 && !result.partial)
        #expect(request.method == "GET" && request.target == "/feuille-de-route?name=A%20B&x=1")
        #expect(request.path == "/feuille-de-route" && request.query == "name=A%20B&x=1")
        #expect(request.headers["host"] == "127.0.0.1:8426" && request.headers["ACCEPT"] == "text/html")
        #expect(request.body.isEmpty && request.keepsAlive && request.version == .http11)
    }

    @Test("octet par octet, le même résultat qu'en un seul morceau ; deux requêtes à la suite (pipeline)")
    func byteByByteAndPipelined() {
        let text = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        for chunk in [1, 3, 7, 1000] {
            let result = read(text, chunk: chunk)
            #expect(result.error == nil)
            #expect(result.requests.map(\.target) == ["/a", "/b"])
            #expect(result.requests.first?.body == Array("hello".utf8))
            #expect(result.requests.last?.keepsAlive == false)
        }
    }

    @Test("lignes vides avant la requête ignorées ; fins de ligne LF seules acceptées ; HTTP/1.0 sans Host")
    func tolerance() {
        #expect(read("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
        #expect(read("GET / HTTP/1.1\nHost: h\n\n").requests.count == 1)
        let old = read("GET / HTTP/1.0\r\n\r\n")
        #expect(old.requests.count == 1 && old.requests.first?.keepsAlive == false)
        #expect(read("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").requests.first?.keepsAlive == true)
    }

    @Test("requête tronquée : rien n'est rendu, la requête est en attente")
    func truncated() {
        for text in ["GET / HTTP/1.1\r\nHost: h\r\n", "GET /", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc"] {
            let result = read(text)
            #expect(result.requests.isEmpty && result.error == nil && result.partial, "\(text)")
        }
        #expect(!read("").partial)
        #expect(!read("\r\n\r\n").partial)
    }

    @Test("première ligne mal formée : 400", arguments: [
        "GET /\r\n\r\n", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1 x\r\nHost: h\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n", "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a#b HTTP/1.1\r\nHost: h\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", "GET / FOO/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.1x\r\nHost: h\r\n\r\n", "\u{16}\u{03}\u{01}\u{02}\u{00}\r\n\r\n",
    ])
    func malformedRequestLine(text: String) {
        #expect(kind(text) == .malformedRequestLine)
        #expect(HTTPRequestError(.malformedRequestLine).status.code == 400)
    }

    @Test("version non prise en charge : 505")
    func unsupportedVersion() {
        #expect(kind("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == .unsupportedVersion)
        #expect(kind("GET / HTTP/0.9\r\nHost: h\r\n\r\n") == .unsupportedVersion)
        #expect(HTTPRequestError(.unsupportedVersion).status.code == 505)
    }

    @Test("en-tête mal formé : espace avant les deux-points, ligne repliée, caractère de contrôle, pas de deux-points", arguments: [
        "Host : h", "Host: h\r\n folded", "X-A: a\u{01}b", "NoColon", "X-A: a\rb", ": empty", "X A: b",
    ])
    func malformedHeader(line: String) {
        #expect(kind("GET / HTTP/1.1\r\n\(line)\r\n\r\n") == .malformedHeader)
    }

    @Test("Host absent en HTTP/1.1, ou répété : 400")
    func host() {
        #expect(kind("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") == .missingHost)
        #expect(kind("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n") == .repeatedHost)
    }

    @Test("corps : Transfer-Encoding refusé (501), longueur obligatoire pour POST (411), longueur invalide (400), trop grand (413)")
    func bodyFraming() {
        #expect(kind("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") == .unsupportedTransferEncoding)
        #expect(HTTPRequestError(.unsupportedTransferEncoding).status.code == 501)
        #expect(kind("POST / HTTP/1.1\r\nHost: h\r\n\r\n") == .lengthRequired)
        #expect(HTTPRequestError(.lengthRequired).status.code == 411)
        for value in ["abc", "-1", "1, 2", "", "12345678901234567890", "0x10", "+5"] {
            #expect(kind("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n") == .invalidContentLength, "\(value)")
        }
        #expect(kind("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") == .invalidContentLength)
        #expect(read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nab").requests.first?.body == Array("ab".utf8))
        var limits = HTTPLimits()
        limits.bodyBytes = 100
        // Refused as soon as the head says so, without waiting for the body.
        let tooLarge = read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n", limits: limits)
        #expect(tooLarge.error == HTTPRequestError(.bodyTooLarge, limit: 100))
        #expect(tooLarge.error?.status.code == 413)
    }

    @Test("limites : ligne de requête (414), taille des en-têtes (431), nombre d'en-têtes (431), refusées avant la fin")
    func limits() {
        var limits = HTTPLimits()
        limits.requestLineBytes = 100
        limits.headerBytes = 200
        limits.headerCount = 5
        // No line end yet, already too long.
        #expect(read("GET /" + String(repeating: "a", count: 200), limits: limits).error?.kind == .requestLineTooLong)
        #expect(kind("GET /" + String(repeating: "a", count: 120) + " HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits) == .requestLineTooLong)
        // The header section has not ended, and already passes the limit.
        let endless = read("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "b", count: 300), limits: limits)
        #expect(endless.error?.kind == .headersTooLarge)
        #expect(endless.error?.status.code == 431)
        let many = (0..<6).map { "X-\($0): v\r\n" }.joined()
        #expect(kind("GET / HTTP/1.1\r\nHost: h\r\n\(many)\r\n", limits: limits) == .tooManyHeaders)
        #expect(kind("GET / HTTP/1.1\r\nHost: h\r\nX-1: a\r\nX-2: b\r\n\r\n", limits: limits) == nil)
    }

    @Test("à la limite de la ligne de requête, le verdict ne dépend pas du découpage (trouvé par le fuzzing)")
    func limitWhateverThePieces() {
        var limits = HTTPLimits()
        limits.requestLineBytes = 20
        let exact = "GET /" + String(repeating: "a", count: 6) + " HTTP/1.1"
        #expect(exact.utf8.count == 20)
        for text in [exact + "\r\nHost: h\r\n\r\n", exact + "a\r\nHost: h\r\n\r\n", exact + "\r\nX: " + String(repeating: "b", count: 2000)] {
            let whole = read(text, limits: limits)
            for chunk in [1, 2, 5, 21, 22] {
                let pieces = read(text, limits: limits, chunk: chunk)
                #expect(pieces.requests == whole.requests && pieces.error == whole.error, "\(chunk) : \(text.prefix(30))")
            }
        }
        #expect(read(exact + "\r\nHost: h\r\n\r\n", limits: limits, chunk: 21).requests.count == 1)
    }

    @Test("Expect: 100-continue est signalé tant que le corps n'est pas arrivé")
    func expectContinue() throws {
        var reader = HTTPRequestReader()
        reader.append(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8))
        #expect(try reader.next() == nil)
        #expect(reader.expectsContinue)
        reader.continueSent()
        #expect(!reader.expectsContinue)
        reader.append(Array("abc".utf8))
        #expect(try reader.next()?.body == Array("abc".utf8))
    }

    @Test("des octets au hasard ne font jamais planter le lecteur")
    func randomBytes() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("GET POST / HTTP/1.1\r\n:Host: Content-Length: 12 \t%?=&".utf8) + [0, 0xFF, 0x80]
        for _ in 0..<2_000 {
            var reader = HTTPRequestReader()
            let length = Int(generator.next() % 300)
            reader.append((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            for _ in 0..<4 { _ = try? reader.next() }
        }
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
