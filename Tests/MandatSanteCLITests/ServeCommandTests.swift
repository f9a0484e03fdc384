import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `mandat-sante serve` started as a user would, stopped at the end of the test.
final class RunningServer {
    let process = Process()
    let output = Pipe()
    let errors = Pipe()
    private(set) var url = ""

    init(_ arguments: [String], directory: String = packageRoot, environment: [String: String]? = nil) throws {
        process.executableURL = try #require(binaryURL(), "le binaire mandat-sante doit être construit")
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The first lines say where to go.
        var printed = ""
        while !printed.contains("http://127.0.0.1:") || !printed.contains("/\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        url = printed.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map { String($0.prefix { !$0.isWhitespace }) } ?? ""
    }

    var port: UInt16 { UInt16(url.split(separator: ":").last?.filter(\.isNumber) ?? "") ?? 0 }

    /// Ctrl-C, as a person stops it; killed after 10 s so that a test never hangs.
    func stop() -> String {
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// One request with `Connection: close`; the whole answer.
    func request(_ text: String) -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        _ = Array(text.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    func get(_ path: String, host: String? = nil) -> String {
        request("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
    }
}

@Suite("mandat-sante serve", .serialized)
struct ServeCommandTests {
    @Test("serve affiche l'adresse, sert l'accueil et un exemple, refuse un autre Host, s'arrête par Ctrl-C avec un message")
    func serves() throws {
        let server = try RunningServer([])
        #expect(server.url.hasPrefix("http://127.0.0.1:") && server.port >= 8426)
        let home = server.get("/")
        #expect(home.hasPrefix("HTTP/1.1 200 OK\r\n") && home.contains("Village de Saint-Aubin-des-Landes (exemple)"))
        #expect(server.get("/exemples/village-rural-zip").hasPrefix("HTTP/1.1 303 See Other\r\n"))
        #expect(server.get("/", host: "rebind.example:\(server.port)").hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        #expect(server.request("GET / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        let stopped = server.stop()
        #expect(stopped.contains("mandat-sante : interrompu (Ctrl-C) ; aucun fichier n'a été écrit."))
        #expect(server.process.terminationStatus == 130)
    }

    @Test("port occupé : message en français et code 5 ; sans --port, le suivant libre est pris")
    func portInUse() throws {
        let first = try RunningServer(["--port", "8491"])
        defer { _ = first.stop() }
        try #require(first.port == 8491, "le port 8491 doit être libre pour ce test")
        let second = try runBinary(["serve", "--port", "8491"])
        #expect(second.exitCode == 5)
        #expect(second.error.contains("le port 8491 est déjà utilisé par un autre programme"))
        let (a, b) = (try RunningServer([]), try RunningServer([]))
        #expect(a.port >= 8426 && b.port >= 8426 && a.port != b.port)
        _ = (a.stop(), b.stop())
        #expect(try runBinary(["serve", "--port", "http"]).exitCode == 2)
        #expect(try runBinary(["serve", "--port", "0"]).exitCode == 2)
    }

    @Test("les règles sont trouvées hors du projet : --rules, MANDAT_SANTE_RULES, à côté du programme ; sinon un message qui dit quoi faire")
    func rulesLookup() throws {
        let elsewhere = try temporaryDirectory()
        let profile = packageRoot + "/Profiles/village-rural-zip.json"
        func run(_ arguments: [String], in directory: URL, binary: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
            let process = Process()
            process.executableURL = try binary ?? #require(binaryURL())
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile(), error = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return RunResult(exitCode: process.terminationStatus, output: String(decoding: output, as: UTF8.self), error: String(decoding: error, as: UTF8.self))
        }
        let lost = try run(["roadmap", profile], in: elsewhere)
        #expect(lost.exitCode == 4)
        #expect(lost.error.contains("dossier de règles « Rules » introuvable, ni ici ni à côté du programme") && lost.error.contains("MANDAT_SANTE_RULES"))
        #expect(try run(["roadmap", profile, "--rules", packageRoot + "/Rules"], in: elsewhere).exitCode == 0)
        let byVariable = try run(["roadmap", profile], in: elsewhere, environment: ["MANDAT_SANTE_RULES": packageRoot + "/Rules"])
        #expect(byVariable.exitCode == 0 && byVariable.output.contains("Village de Saint-Aubin-des-Landes"))
        // An unpacked archive: the binary with Rules beside it, run from another folder.
        let archive = try temporaryDirectory()
        let copy = archive.appendingPathComponent("mandat-sante")
        try FileManager.default.copyItem(at: try #require(binaryURL()), to: copy)
        try FileManager.default.createSymbolicLink(atPath: archive.appendingPathComponent("Rules").path, withDestinationPath: packageRoot + "/Rules")
        let beside = try run(["roadmap", profile, "--start", "2026-12"], in: elsewhere, binary: copy)
        #expect(beside.exitCode == 0 && beside.output.contains("Village de Saint-Aubin-des-Landes"))
        // And through a symbolic link to the binary, as installed in a bin/ folder.
        let link = elsewhere.appendingPathComponent("lien-mandat-sante")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: copy.path)
        #expect(try run(["check", "--no-tests"], in: elsewhere, binary: link).exitCode == 0)
    }
}
