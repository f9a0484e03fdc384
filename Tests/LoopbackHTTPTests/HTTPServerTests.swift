import Foundation
import LoopbackHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP client on 127.0.0.1, to send exactly the bytes a test wants, as slowly as it wants.
final class RawClient {
    let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0, "connexion à 127.0.0.1:\(port)")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes (or 10 s pass).
    func readAll() -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One response: its head, then exactly Content-Length bytes.
    func readResponse() -> (head: String, body: String)? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1)
        while !data.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
            guard recv(socket, &buffer, 1, 0) == 1 else { return nil }
            data.append(buffer[0])
        }
        let head = String(decoding: data, as: UTF8.self)
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        var body = [UInt8](repeating: 0, count: length)
        var received = 0
        while received < length {
            let count = body.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + received, length - received, 0) }
            guard count > 0 else { return nil }
            received += count
        }
        return (head, String(decoding: body, as: UTF8.self))
    }
}

/// A server on a free port answering « chemin : PATH », or a large body for `/grand`.
func startServer(_ configure: (inout HTTPLimits) -> Void = { _ in }) throws -> HTTPServer {
    var limits = HTTPLimits()
    limits.connections = 4
    configure(&limits)
    let server = try HTTPServer(port: 0, limits: limits)
    server.start(handler: { request in
        if request.path == "/grand" { return HTTPResponse(status: .ok, headers: HTTPHeaders(), body: [UInt8](repeating: 65, count: 32 << 20)) }
        return HTTPResponse(status: .ok, contentType: "text/plain", body: "chemin : \(request.path) ; corps : \(request.body.count)")
    }, rejection: { error in
        HTTPResponse(status: error.status, contentType: "text/plain", body: "refus : \(error.kind)")
    })
    return server
}

@Suite("serveur HTTP sur 127.0.0.1", .serialized)
struct HTTPServerTests {
    @Test("deux requêtes sur une même connexion, puis fermeture demandée par le client")
    func keepAlive() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("GET /un HTTP/1.1\r\nHost: h\r\n\r\n")
        let first = try #require(client.readResponse())
        #expect(first.head.hasPrefix("HTTP/1.1 200 OK\r\n") && first.head.contains("Connection: keep-alive"))
        #expect(first.body == "chemin : /un ; corps : 0")
        client.send("POST /deux HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        let second = client.readAll()
        #expect(second.contains("Connection: close") && second.hasSuffix("chemin : /deux ; corps : 3"))
    }

    @Test("requête mal formée : 400 et fermeture ; le serveur sert toujours la suivante")
    func malformedThenServing() throws {
        let server = try startServer()
        defer { server.stop() }
        let bad = try RawClient(port: server.port)
        bad.send("BONJOUR\r\n\r\n")
        let answer = bad.readAll()
        #expect(answer.hasPrefix("HTTP/1.1 400 Bad Request\r\n") && answer.contains("Connection: close") && answer.hasSuffix("refus : malformedRequestLine"))
        let good = try RawClient(port: server.port)
        good.send("GET /ok HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        #expect(good.readAll().hasSuffix("chemin : /ok ; corps : 0"))
    }

    @Test("client lent : 408 quand la requête n'arrive pas entière à temps ; connexion muette fermée sans réponse")
    func slowClient() throws {
        let server = try startServer { $0.requestTimeout = .milliseconds(400); $0.idleTimeout = .milliseconds(300) }
        defer { server.stop() }
        let slow = try RawClient(port: server.port)
        slow.send("GET / HTTP/1.1\r\nHo")
        Thread.sleep(forTimeInterval: 0.2)
        slow.send("st: h\r\n")
        let answer = slow.readAll()
        #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n") && answer.hasSuffix("refus : timeout"))
        let silent = try RawClient(port: server.port)
        #expect(silent.readAll().isEmpty)
    }

    @Test("corps trop grand : 413 sans attendre le corps ; Transfer-Encoding : 501")
    func refusedBodies() throws {
        let server = try startServer { $0.bodyBytes = 1000 }
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5000000\r\n\r\n")
        #expect(client.readAll().hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
        let chunked = try RawClient(port: server.port)
        chunked.send("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        #expect(chunked.readAll().hasPrefix("HTTP/1.1 501 Not Implemented\r\n"))
    }

    @Test("Expect: 100-continue : le serveur invite à envoyer le corps")
    func expectContinue() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("POST /envoi HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\n")
        var interim = [UInt8](repeating: 0, count: 25)
        #expect(recv(client.socket, &interim, 25, Int32(MSG_WAITALL)) == 25)
        #expect(String(decoding: interim, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
        client.send("abcd")
        #expect(client.readAll().hasSuffix("chemin : /envoi ; corps : 4"))
    }

    @Test("le navigateur ferme en pleine réponse : le serveur continue (SIGPIPE ignoré, EPIPE traité)")
    func clientClosesMidResponse() throws {
        let server = try startServer()
        defer { server.stop() }
        for _ in 0..<3 {
            let client = try RawClient(port: server.port)
            client.send("GET /grand HTTP/1.1\r\nHost: h\r\n\r\n")
            var some = [UInt8](repeating: 0, count: 1000)
            #expect(recv(client.socket, &some, 1000, 0) > 0)
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client.socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        }
        let after = try RawClient(port: server.port)
        after.send("GET /encore HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        #expect(after.readAll().hasSuffix("chemin : /encore ; corps : 0"))
    }

    @Test("connexions bornées : au-delà, les clients attendent leur tour et sont servis")
    func boundedConnections() throws {
        let server = try startServer { $0.connections = 2; $0.requestTimeout = .milliseconds(500) }
        defer { server.stop() }
        // Two slow clients hold both workers until their timeout.
        let holders = try (0..<2).map { _ in try RawClient(port: server.port) }
        for holder in holders { holder.send("GET / HTTP/1.1\r\n") }
        let waiting = try RawClient(port: server.port)
        waiting.send("GET /attente HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
        #expect(waiting.readAll().hasSuffix("chemin : /attente ; corps : 0"))
        for holder in holders { #expect(holder.readAll().hasPrefix("HTTP/1.1 408")) }
    }

    @Test("port déjà pris : erreur addressInUse")
    func addressInUse() throws {
        let server = try startServer()
        defer { server.stop() }
        #expect(throws: HTTPServerError.addressInUse(port: server.port)) { _ = try HTTPServer(port: server.port) }
    }
}
