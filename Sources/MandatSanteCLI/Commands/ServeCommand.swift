import Foundation
import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit

/// `mandat-sante serve [--port N]`: the web application on 127.0.0.1, until Ctrl-C.
struct ServeCommand {
    static let name = "serve"
    /// The first port tried without `--port`, then the next ones.
    static let defaultPort: UInt16 = 8426
    static let portsTried: UInt16 = 20

    let console: Console
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--port", "--rules"], flags: [], command: Self.name)
        guard parsed.positionals.isEmpty else {
            throw .usage("serve ne prend pas d'argument (« \(parsed.positionals[0]) » en trop) ; le port se choisit avec --port", command: Self.name)
        }
        let port = try Self.port(parsed.value("--port", command: Self.name))
        let rulesDirectory = RuleBaseReader.locate(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let ruleBase = try RuleBaseReader.readValid(rulesDirectory, files: files)
        let conflicts = WebApplication.reservedNameConflicts(ruleBase.vocabulary)
        guard conflicts.isEmpty else {
            throw .io("le vocabulaire déclare des faits dont le nom est réservé par l'application web (\(conflicts.joined(separator: ", "))) ; renommez-les")
        }
        let server = try Self.listen(port)
        let (examples, template) = examples(besides: rulesDirectory)
        let currentMonth = console.currentMonth
        let application = WebApplication(ruleBase: ruleBase, examples: examples, batchTemplate: template, port: server.port,
                                         currentMonth: { let now = currentMonth(); return YearMonth(year: now.year, month: now.month) })
        server.start(handler: application.respond, rejection: application.reject)
        console.write("""
        MandatSanté est prêt. Ouvrez cette adresse dans votre navigateur :

            http://127.0.0.1:\(server.port)/

        Le serveur ne répond qu'à cet ordinateur. Ctrl+C pour l'arrêter.

        """)
        server.wait()
        return .success
    }

    static func port(_ value: String?) throws(CLIError) -> UInt16? {
        guard let value else { return nil }
        guard let number = UInt16(value), number > 0 else {
            throw .usage("--port attend un numéro de port entre 1 et 65535, pas « \(value) »", command: name)
        }
        return number
    }

    /// Listens on `port`, or on the first free port from 8426 when none is given.
    static func listen(_ port: UInt16?) throws(CLIError) -> HTTPServer {
        let candidates = port.map { [$0] } ?? Array(defaultPort..<defaultPort + portsTried) + [0]
        for candidate in candidates {
            let error: HTTPServerError
            do {
                return try HTTPServer(port: candidate)
            } catch let caught {
                error = caught
            }
            switch error {
            case .addressInUse where port == nil:
                continue
            case .addressInUse:
                throw CLIError(exitCode: .unavailable, message: "mandat-sante : erreur : le port \(candidate) est déjà utilisé par un autre programme (peut-être un autre « mandat-sante serve » : son adresse est http://127.0.0.1:\(candidate)/). Choisissez un autre port avec --port, ou lancez « mandat-sante serve » sans --port pour prendre le premier port libre.")
            case .permissionDenied:
                throw CLIError(exitCode: .unavailable, message: "mandat-sante : erreur : le système refuse le port \(candidate) (les ports en dessous de 1024 sont réservés) ; choisissez un port au-dessus de 1024, par exemple --port \(defaultPort).")
            case .system(let call, let code):
                throw CLIError(exitCode: .unavailable, message: "mandat-sante : erreur : impossible d'ouvrir le serveur sur le port \(candidate) (\(call) : \(String(cString: strerror(code)))).")
            }
        }
        throw CLIError(exitCode: .unavailable, message: "mandat-sante : erreur : aucun port libre n'a été trouvé ; choisissez-en un avec --port.")
    }

    /// The example profiles and the example territories file of the `Profiles` folder beside the rules folder
    /// (as in the project and in the archive). Files that cannot be read are left out: they are examples.
    func examples(besides rulesDirectory: String) -> ([WebApplication.Example], [UInt8]?) {
        let folder = ((files.resolve(rulesDirectory) as NSString).standardizingPath as NSString).deletingLastPathComponent
        let profiles = (folder as NSString).appendingPathComponent("Profiles")
        guard files.isDirectory(profiles), let paths = try? files.jsonFiles(in: profiles) else { return ([], nil) }
        let examples = paths.compactMap { path -> WebApplication.Example? in
            guard let bytes = try? files.read(path, what: "le profil d'exemple") else { return nil }
            return WebApplication.Example(id: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, bytes: bytes)
        }
        let template = try? files.read((profiles as NSString).appendingPathComponent("territoires-exemple.csv"), what: "le fichier d'exemple")
        return (examples, template)
    }
}
