import Foundation
import MandatSante
import RuleKit

/// The one way the command line writes a file (`--output` of roadmap, compare and schema, the profile of `init`,
/// the files of `batch`), whatever is at the path:
///
/// - nothing: a new file, created with the usual mode (0666 less the umask), all at once;
/// - a regular file: replaced atomically — written to a temporary file beside it, then renamed over it — keeping
///   its mode and, where the system allows, its owner and group; readers see the old file or the new one, never
///   half of one, and a failure leaves the old one intact (a hard link to it is left pointing at the old file);
/// - a symbolic link: written through, to the file it names (the link stays);
/// - a character device (`/dev/null`, a terminal) or a FIFO: written to as a stream, never replaced; a FIFO that
///   no process reads is an error rather than a wait;
/// - a folder, a block device or a socket: refused.
///
/// A file that the same run has read (same device and inode: the profile, a rule file, the CSV of territories,
/// even through another name) is never written: that is a usage error (code 2). The temporary name is short
/// (`.ms-XXXXXXXX.tmp`), so that a target name of 255 bytes still works, and it is removed on failure and on
/// interruption (`Interruptions`). System errors are told in French (`SystemError`).
struct OutputFile {
    static let bufferSize = 256 * 1024

    private enum Kind {
        /// Written to `temporary`, renamed over `target` by `commit`.
        case replacing(temporary: String, target: String, mode: mode_t, owner: (uid_t, gid_t)?)
        /// Written straight to a device or a FIFO.
        case streaming
    }

    /// The path as the user gave it, for messages.
    let path: String
    /// Whether `commit` waits for the data to reach the disk before the rename (a batch syncs its folder once).
    private let durable: Bool
    private let kind: Kind
    private let descriptor: Int32
    private let cleanup: Interruptions.Token?
    private var buffer: [UInt8] = []
    /// Until `commit` or `discard`: the descriptor and the temporary file are ours to close and remove.
    private var isOpen = true

    /// What is at a path, for writing: a regular file to replace (through a link or not), a file to create, or a
    /// stream.
    enum Destination {
        case replace(target: String, mode: mode_t, owner: (uid_t, gid_t))
        case create(target: String)
        case stream(full: String, isFIFO: Bool)
    }

    /// Where writing `path` would go, or why it cannot; nothing is created. `init` calls it to refuse a bad
    /// `--output` before asking any question.
    static func destination(_ real: String, files: FileSystem, shownAs shown: String? = nil) throws(CLIError) -> Destination {
        let path = shown ?? real
        let full = files.resolve(real)
        var info = stat()
        guard stat(full, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw pathError(code, path: path) }
            // Nothing there, or a link to nothing: the file is created where the link chain ends.
            let target = try danglingLinkTarget(full, path: path) ?? full
            let directory = (target as NSString).deletingLastPathComponent
            var folder = stat()
            guard stat(directory.isEmpty ? "/" : directory, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR else {
                let shown = (path as NSString).deletingLastPathComponent
                throw .io("le dossier \(QuotedText.path(shown.isEmpty ? directory : shown)) de \(QuotedText.path(path)) n'existe pas")
            }
            return .create(target: target)
        }
        if let input = files.input(FileSystem.Identity(info)) {
            throw .usage("\(QuotedText.path(path)) est \(input.what) que cette commande lit\(FileSystem.otherName(input, path)) : l'écrire le détruirait ; choisissez un autre fichier de sortie")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .replace(target: realPath(full) ?? full, mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
        case S_IFCHR, S_IFIFO: return .stream(full: full, isFIFO: info.st_mode & S_IFMT == S_IFIFO)
        case S_IFDIR: throw .io("\(QuotedText.path(path)) est un dossier ; un chemin de fichier était attendu")
        case S_IFBLK: throw .io("\(QuotedText.path(path)) est un périphérique de stockage : mandat-sante n'y écrit pas ; un chemin de fichier était attendu")
        default: throw .io("\(QuotedText.path(path)) n'est ni un fichier ni un périphérique où écrire (une socket ?)")
        }
    }

    /// Opens `path` for writing, as described above; nothing at `path` changes before `commit`. Messages name the
    /// file `shownAs` when given (a batch writes into a staging folder the user does not know of).
    init(_ path: String, files: FileSystem, durable: Bool = true, shownAs: String? = nil) throws(CLIError) {
        self.path = shownAs ?? path
        self.durable = durable
        switch try Self.destination(path, files: files, shownAs: shownAs) {
        case .replace(let target, let mode, let owner):
            (descriptor, kind) = try Self.temporary(beside: target, path: self.path, mode: mode, owner: owner)
        case .create(let target):
            (descriptor, kind) = try Self.temporary(beside: target, path: self.path, mode: 0o666 & ~Self.umask, owner: nil)
        case .stream(let full, let isFIFO):
            descriptor = try Self.openStream(full, path: self.path, isFIFO: isFIFO)
            kind = .streaming
        }
        if case .replacing(let temporary, _, _, _) = kind {
            cleanup = Interruptions.shared.register { unlink(temporary) == 0 }
        } else {
            cleanup = nil
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    mutating func write(_ text: String) throws(CLIError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is left and puts the file in place (or ends the stream). On failure the temporary file is gone
    /// and the target untouched.
    mutating func commit() throws(CLIError) {
        guard isOpen else { return }
        do throws(CLIError) {
            try flush()
            if case .replacing(_, _, let mode, let owner) = kind {
                if let owner { _ = fchown(descriptor, owner.0, owner.1) }
                // After fchown, which may clear the set-user-id bits.
                _ = fchmod(descriptor, mode)
                if durable, fsync(descriptor) != 0, errno != EINVAL { throw CLIError.io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(errno))") }
            }
        } catch {
            discard()
            throw error
        }
        isOpen = false
        let closed = close(descriptor) == 0 || errno == EINTR
        let closeError = errno
        switch kind {
        case .streaming:
            if let cleanup { Interruptions.shared.unregister(cleanup, committed: true) }
            if !closed { throw .io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(closeError))") }
        case .replacing(let temporary, let target, _, _):
            defer { if let cleanup { Interruptions.shared.unregister(cleanup, committed: closed) } }
            guard closed else {
                _ = unlink(temporary)
                throw .io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(closeError))")
            }
            if rename(temporary, target) != 0 {
                let code = errno
                _ = unlink(temporary)
                throw .io("impossible de remplacer \(QuotedText.path(path)) : \(SystemError.french(code))")
            }
        }
    }

    /// Gives up: the temporary file goes, the target is untouched. Does nothing once committed or discarded.
    mutating func discard() {
        guard isOpen else { return }
        isOpen = false
        _ = close(descriptor)
        if case .replacing(let temporary, _, _, _) = kind { _ = unlink(temporary) }
        if let cleanup { Interruptions.shared.unregister(cleanup, committed: false) }
    }

    /// Writes `text` to `path` in one go (`durable` and `shownAs` as for `init`).
    static func write(_ text: String, to path: String, files: FileSystem, durable: Bool = true, shownAs: String? = nil) throws(CLIError) {
        var file = try OutputFile(path, files: files, durable: durable, shownAs: shownAs)
        do throws(CLIError) {
            try file.write(text)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// A command's document: to `output` (through `OutputFile`), or to standard output without `--output` or with
    /// `--output -`. Control characters are made visible either way. `true` when a file was written.
    @discardableResult
    static func emit(_ text: String, to output: String?, console: Console, files: FileSystem) throws(CLIError) -> Bool {
        let safe = TerminalText.neutralized(text, .keepLineBreaks)
        guard let output, output != "-" else {
            console.write(safe)
            return false
        }
        try write(safe, to: output, files: files)
        return true
    }

    private mutating func flush() throws(CLIError) {
        guard !buffer.isEmpty else { return }
        if let code = POSIXWrite.all(buffer, to: descriptor) {
            throw .io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(code))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Opening

    /// A new temporary file, mode 0600 until `commit`, in the folder of `target`.
    private static func temporary(beside target: String, path: String, mode: mode_t, owner: (uid_t, gid_t)?) throws(CLIError) -> (Int32, Kind) {
        let directory = (target as NSString).deletingLastPathComponent
        for _ in 0..<16 {
            let temporary = (directory.isEmpty ? "" : directory + "/") + temporaryName()
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, .replacing(temporary: temporary, target: target, mode: mode, owner: owner)) }
            if errno != EEXIST {
                let shown = (path as NSString).deletingLastPathComponent
                throw .io("impossible d'écrire \(QuotedText.path(path)) dans le dossier \(QuotedText.path(shown.isEmpty ? "." : shown)) : \(SystemError.french(errno))")
            }
        }
        throw .io("impossible de créer un fichier temporaire pour \(QuotedText.path(path))")
    }

    /// `.ms-` and eight random hexadecimal digits: short whatever the target's name.
    static func temporaryName() -> String {
        let random = UInt32.random(in: .min ... .max)
        let hex = String(random, radix: 16)
        return ".ms-" + String(repeating: "0", count: 8 - hex.count) + hex + ".tmp"
    }

    private static func openStream(_ full: String, path: String, isFIFO: Bool) throws(CLIError) -> Int32 {
        // Non-blocking to open: a FIFO with no reader fails at once (ENXIO) instead of waiting for one.
        let descriptor = open(full, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            if errno == ENXIO && isFIFO { throw .io("\(QuotedText.path(path)) est un tube nommé (FIFO) que personne ne lit : lancez d'abord le programme qui le lit") }
            throw .io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(errno))")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    private static func pathError(_ code: Int32, path: String) -> CLIError {
        switch code {
        case ELOOP: return .io("\(QuotedText.path(path)) : boucle de liens symboliques (un lien qui renvoie, directement ou non, à lui-même)")
        case ENOTDIR: return .io("\(QuotedText.path(path)) : un élément du chemin n'est pas un dossier")
        default: return .io("impossible d'écrire \(QuotedText.path(path)) : \(SystemError.french(code))")
        }
    }

    /// Where a chain of symbolic links that ends on nothing would have its file, or `nil` when `full` is not a link.
    private static func danglingLinkTarget(_ full: String, path: String) throws(CLIError) -> String? {
        var current = full
        var followed = 0
        while true {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return followed == 0 ? nil : current }
            followed += 1
            if followed > 40 { throw pathError(ELOOP, path: path) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw pathError(errno, path: path) }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
    }

    private static func realPath(_ full: String) -> String? {
        guard let resolved = realpath(full, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The process's umask, read without changing it (`umask(2)` can only be read by setting it, which would race
    /// with the files other threads create).
    static let umask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        let value = Foundation.umask(0o022)
        _ = Foundation.umask(value)
        return value
    }()
}
