import Foundation
import MandatSante
import RuleKit

/// File access for one run of the command line: reads with clear French errors, relative paths resolved from the
/// console's working directory, and a record of every file the run read, so that no output ever replaces one of
/// them (`OutputFile`).
///
/// Inputs must be regular files (or `-`, standard input, where a command says so): a FIFO, a device or a socket
/// is refused before anything is read, so that nothing blocks; a file is opened without waiting (`O_NONBLOCK`)
/// and checked on the opened descriptor, so that it cannot be swapped between the check and the read.
final class FileSystem: @unchecked Sendable {
    /// Larger inputs are refused: no profile or rule file comes near it.
    static let maximumFileSize = 8 * 1024 * 1024
    /// How standard input is named in messages.
    static let standardInputName = "(entrée standard)"

    /// A file as the system knows it: two paths (a hard link, a symbolic link) may name the same file.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// A file the run has read: where, and what it was for the user.
    struct Input {
        var path: String
        var what: String
    }

    let workingDirectory: String
    private let lock = NSLock()
    private var inputs: [Identity: Input] = [:]
    private var standardInputRead = false

    init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    /// `path` for the system: as given when absolute, else from the working directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
    }

    /// « (sous le nom « p.json ») » when the run read `input` under another name than `path` (a link), else nothing.
    static func otherName(_ input: Input, _ path: String) -> String {
        input.path == path ? "" : " (sous le nom \(QuotedText.path(input.path)))"
    }

    /// The input read by this run that `identity` is, if any.
    func input(_ identity: Identity) -> Input? {
        lock.lock()
        defer { lock.unlock() }
        return inputs[identity]
    }

    private func record(_ info: stat, path: String, what: String) {
        lock.lock()
        defer { lock.unlock() }
        inputs[Identity(info)] = Input(path: path, what: what)
    }

    // MARK: Reading

    /// The bytes of the file at `path` (`what` names it in messages: « le profil »). With `standardInput`, `-`
    /// reads standard input to its end.
    func read(_ path: String, what: String, standardInput: Bool = false) throws(CLIError) -> [UInt8] {
        let descriptor = try open(path, what: what, standardInput: standardInput)
        defer { if path != "-" || !standardInput { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = Foundation.read(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .io("lecture de \(QuotedText.path(path)) impossible : \(SystemError.french(errno))")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > Self.maximumFileSize {
                throw .io("\(QuotedText.path(path)) dépasse la taille maximale de \(Self.maximumFileSize / 1024 / 1024) Mio")
            }
        }
    }

    /// An open descriptor on the regular file at `path` (or on standard input for `-`), recorded as an input of
    /// the run; the caller closes it (never standard input).
    func open(_ path: String, what: String, standardInput: Bool = false) throws(CLIError) -> Int32 {
        if standardInput && path == "-" {
            lock.lock()
            let already = standardInputRead
            standardInputRead = true
            lock.unlock()
            if already { throw .usage("l'entrée standard (« - ») ne peut être lue qu'une fois") }
            var info = stat()
            if fstat(STDIN_FILENO, &info) == 0 { record(info, path: Self.standardInputName, what: what) }
            return STDIN_FILENO
        }
        let full = resolve(path)
        let descriptor = Foundation.open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw openError(errno, path: path, what: what) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .io("impossible de lire \(what) \(QuotedText.path(path)) : \(SystemError.french(code))")
        }
        if let problem = Self.notARegularFile(info.st_mode, path: path, what: what, standardInput: standardInput) {
            close(descriptor)
            throw problem
        }
        // Regular files never block; the flag only mattered for opening.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        record(info, path: path, what: what)
        return descriptor
    }

    private func openError(_ code: Int32, path: String, what: String) -> CLIError {
        switch code {
        case ENOENT:
            if let target = symbolicLinkTarget(resolve(path)) {
                return .io("\(what) \(QuotedText.path(path)) est un lien symbolique cassé : sa cible \(QuotedText.path(target)) n'existe pas")
            }
            return .io("\(what) \(QuotedText.path(path)) introuvable")
        case ELOOP:
            return .io("\(QuotedText.path(path)) : boucle de liens symboliques (un lien qui renvoie, directement ou non, à lui-même) ; \(what) est introuvable")
        case ENXIO:
            return .io("\(QuotedText.path(path)) n'est pas un fichier ordinaire (une socket ?) ; \(what) était attendu")
        default:
            return .io("impossible de lire \(what) \(QuotedText.path(path)) : \(SystemError.french(code))")
        }
    }

    /// Why a file of mode `mode` cannot be an input, or `nil` for a regular file.
    static func notARegularFile(_ mode: mode_t, path: String, what: String, standardInput: Bool) -> CLIError? {
        let stdinHint = standardInput ? " (ou « - » pour lire l'entrée standard)" : ""
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .io("\(QuotedText.path(path)) est un dossier ; \(what) (un fichier) était attendu")
        case S_IFIFO: return .io("\(QuotedText.path(path)) est un tube nommé (FIFO) ; \(what) doit être un fichier ordinaire\(stdinHint)")
        case S_IFCHR, S_IFBLK: return .io("\(QuotedText.path(path)) est un périphérique ; \(what) doit être un fichier ordinaire\(stdinHint)")
        case S_IFSOCK: return .io("\(QuotedText.path(path)) est une socket ; \(what) doit être un fichier ordinaire\(stdinHint)")
        default: return .io("\(QuotedText.path(path)) n'est pas un fichier ordinaire ; \(what) était attendu")
        }
    }

    /// Where the symbolic link at `full` points, if it is one.
    func symbolicLinkTarget(_ full: String) -> String? {
        var info = stat()
        guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(full, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text of a JSON input by its name, for quoting lines under diagnostics — or nothing when it does not
    /// even start like JSON (`{` or `[` after spaces and a byte order mark): the first line of a password file
    /// given by mistake is not printed back.
    static func quotable(_ bytes: [UInt8], as name: String) -> [String: String] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return [:] }
        return [name: String(decoding: bytes, as: UTF8.self)]
    }

    /// A file expected to be JSON that starts with neither `{` nor `[` (after spaces and a byte order mark): not a
    /// JSON document at all. One diagnostic, which quotes nothing of it (a password file, a private key given by
    /// mistake); `nil` for anything else, including an empty or a UTF-16 file, which have their own messages.
    static func notJSON(_ bytes: [UInt8], file: String, what: String) -> Diagnostic? {
        guard quotable(bytes, as: file).isEmpty, TextEncoding.wide(bytes) == nil,
              bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else { return nil }
        return .error("json.pas-du-json", "ce fichier n'est pas un document JSON : \(what) commence par « { »", file: file, at: SourceLocation(file: file, line: 1, column: 1))
    }

    // MARK: Folders

    func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(resolve(path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The `.json` files of a folder, sorted by name.
    func jsonFiles(in directory: String) throws(CLIError) -> [String] {
        try entries(in: directory).filter { $0.hasSuffix(".json") }
    }

    /// Every entry of a folder but the hidden ones (`.name`), sorted by name.
    func entries(in directory: String) throws(CLIError) -> [String] {
        guard let stream = opendir(resolve(directory)) else {
            throw .io("impossible de lister le dossier \(QuotedText.path(directory)) : \(SystemError.french(errno))")
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
}
