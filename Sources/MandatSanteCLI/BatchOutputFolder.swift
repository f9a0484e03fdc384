import Foundation
import MandatSante
import RuleKit

/// The output folder of a batch, written as one transaction: a run either completes as a whole or leaves the
/// previous results as they were.
///
/// - `open` takes the folder for this run (an exclusive lock on it: a second batch into the same folder is
///   refused) and first tidies what an earlier run killed outright left (`recover`).
/// - Every file of the run is written into a hidden staging folder inside the output folder
///   (`.ms-batch-XXXXXXXX`), on the same file system, so that putting them in place is only renaming.
/// - `commit` checks every target first (a folder in the way, a file the run reads), writes a journal, sets the
///   previous files aside (hard links in the staging folder), renames the staged files over the old ones (keeping
///   their mode and owner), and removes the files of the previous run that this one no longer produces (a previous,
///   longer file of territories) — known from the list each run leaves in `.mandat-sante-batch`. A file that
///   cannot be replaced (immutable, say) undoes the commit: the previous files go back. A run killed during the
///   commit is finished by the next one (the journal); one killed while it was being undone, undone.
/// - `abort`, a failure, or an interruption (Ctrl-C, `kill`: see `Interruptions`) removes the staging folder and
///   nothing else.
final class BatchOutputFolder: @unchecked Sendable {
    /// The list of the files of the last committed run, in the output folder.
    static let manifestName = ".mandat-sante-batch"
    static let stagingPrefix = ".ms-batch-"
    static let journalName = ".commit"
    /// In the staging folder during a commit: a file of the previous run, kept until the new ones are in place.
    static let previousPrefix = ".previous-"
    /// The files every run writes besides the roadmaps.
    static let fixedNames = BatchTables.Table.allCases.map(\.fileName) + ["resume.txt"]

    /// The folder as the user named it, for messages.
    let directory: String
    private let full: String
    private let files: FileSystem
    private let lockDescriptor: Int32
    private let staging: String
    private let lock = NSLock()
    private var state = State.staging
    /// The names of the files staged so far, in order: one buffer, not a string per file (`StagedNames`).
    private var staged = StagedNames()
    private var cleanup: Interruptions.Token?
    /// Puts one staged file in place (`rename`); a test replaces it to make one fail midway.
    var placeFile: (_ from: String, _ to: String) -> Int32 = { rename($0, $1) }

    private enum State { case staging, committing, finished }

    private init(directory: String, full: String, files: FileSystem, lockDescriptor: Int32, staging: String) {
        self.directory = directory
        self.full = full
        self.files = files
        self.lockDescriptor = lockDescriptor
        self.staging = staging
    }

    deinit {
        close(lockDescriptor)
    }

    /// Creates the folder if needed, locks it, recovers from an earlier interrupted run and opens the staging
    /// folder. Files the run reads (the territories file) may not be among the files it writes.
    static func open(_ directory: String, files: FileSystem) throws(CLIError) -> BatchOutputFolder {
        let full = files.resolve(directory)
        try createFolder(full, shown: directory)
        let descriptor = Foundation.open(full, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io("impossible d'ouvrir le dossier \(QuotedText.path(directory)) : \(SystemError.french(errno))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .io("un autre « mandat-sante batch » écrit déjà dans \(QuotedText.path(directory)) : attendez qu'il finisse, ou choisissez un autre dossier")
        }
        recover(full, files: files)
        var staging = ""
        for _ in 0..<16 {
            let candidate = full + "/" + stagingPrefix + String(OutputFile.temporaryName().dropFirst(4).dropLast(4))
            if mkdir(candidate, 0o700) == 0 { staging = candidate; break }
            if errno != EEXIST {
                let code = errno
                close(descriptor)
                throw .io("impossible d'écrire dans le dossier \(QuotedText.path(directory)) : \(SystemError.french(code))")
            }
        }
        let folder = BatchOutputFolder(directory: directory, full: full, files: files, lockDescriptor: descriptor, staging: staging)
        folder.cleanup = Interruptions.shared.register { [weak folder] in folder?.interrupted() ?? false }
        for fixed in fixedNames { try folder.checkTarget(fixed) }
        return folder
    }

    // MARK: Staging

    /// A file of the run, written whole into the staging folder. Straight to its name there, with no temporary
    /// file of its own: the staging folder is the temporary (removed whole on failure or interruption), and a
    /// batch writes tens of thousands of files — one `open`, `write`, `close` each is what the disk allows.
    func write(_ text: String, named name: String) throws(CLIError) {
        var text = text
        if let failure = text.withUTF8({ writeFile(UnsafeRawBufferPointer($0), named: name) }) { throw failure }
    }

    /// A file of the run (`write`), from its bytes: a rendered roadmap goes to its file without becoming a string.
    func write(bytes: [UInt8], named name: String) throws(CLIError) {
        if let failure = bytes.withUnsafeBytes({ writeFile($0, named: name) }) { throw failure }
    }

    private func writeFile(_ bytes: UnsafeRawBufferPointer, named name: String) -> CLIError? {
        lock.lock()
        staged.append(name)
        lock.unlock()
        let shown = RuleBaseReader.join(directory, name)
        let descriptor = Foundation.open(staging + "/" + name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666 & ~OutputFile.umask)
        guard descriptor >= 0 else { return .io("impossible d'écrire \(QuotedText.path(shown)) : \(SystemError.french(errno))") }
        if let code = POSIXWrite.all(bytes, to: descriptor) {
            close(descriptor)
            return .io("impossible d'écrire \(QuotedText.path(shown)) : \(SystemError.french(code))")
        }
        if close(descriptor) != 0 && errno != EINTR {
            return .io("impossible d'écrire \(QuotedText.path(shown)) : \(SystemError.french(errno))")
        }
        return nil
    }

    /// A file of the run written piece by piece (the synthesis), in the staging folder; `commit` it when done.
    func file(named name: String) throws(CLIError) -> OutputFile {
        lock.lock()
        staged.append(name)
        lock.unlock()
        return try OutputFile(staging + "/" + name, files: files, durable: false, shownAs: RuleBaseReader.join(directory, name))
    }

    // MARK: Commit

    /// Puts every staged file in place and removes the files of the previous run this one did not write.
    func commit() throws(CLIError) {
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        // Strings for the commit only, once the rows are written and their roadmaps freed.
        var names: [String] = []
        names.reserveCapacity(staged.count)
        staged.forEach { names.append($0) }
        lock.unlock()
        // Checked before anything moves: a failure here leaves the previous results untouched.
        for name in names { try checkTarget(name) }
        let previous = Self.previousNames(full)
        let kept = Set(names)
        let stale = previous.filter { !kept.contains($0) && !isInput(full + "/" + $0) }
        for name in names { keepModeAndOwner(of: name) }
        let manifest = names.joined(separator: "\n") + "\n"
        try writeStaged(manifest, named: Self.manifestName)
        try writeStaged(([names + [Self.manifestName], ["--"], stale].joined()).joined(separator: "\n") + "\n", named: Self.journalName)
        Self.syncFileSystem(lockDescriptor)

        // The renames hold the lock: an interruption waits for them to end rather than leave half a commit.
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        state = .committing
        let targets = names + [Self.manifestName]
        // What this run replaces or removes is first set aside in the staging folder: a file that cannot be
        // replaced (immutable, on a mount point, in a full directory) puts the previous results back as they were.
        var previousFiles = PreviousFiles()
        var failure = previousFiles.setAside(replaced: targets, removed: stale, staging: staging, folder: full)
        var placed: [String] = []
        if failure == nil {
            for name in targets {
                guard placeFile(staging + "/" + name, full + "/" + name) == 0 else {
                    failure = Failure(name: name, code: errno)
                    break
                }
                placed.append(name)
            }
        }
        if let failure {
            // Without the journal, a run killed now is undone, not finished, by the next one (`recover`).
            _ = unlink(staging + "/" + Self.journalName)
            let restored = previousFiles.putBack(placed: placed, staging: staging, folder: full)
            if restored { Self.removeTree(staging) }
            state = .finished
            lock.unlock()
            if let cleanup { Interruptions.shared.unregister(cleanup, committed: false) }
            let shown = QuotedText.path(RuleBaseReader.join(directory, failure.name))
            let outcome = restored
                ? "rien n'a changé : les résultats précédents de \(QuotedText.path(directory)) sont intacts"
                : "les résultats précédents n'ont pu être tous remis en place ; relancez la commande, elle les remettra"
            throw .io("impossible de remplacer \(shown) (\(SystemError.french(failure.code))) : \(outcome)")
        }
        Self.removeTree(staging)
        state = .finished
        lock.unlock()
        if let cleanup { Interruptions.shared.unregister(cleanup, committed: true) }
    }

    private struct Failure {
        var name: String
        var code: Int32
    }

    /// The files of the previous run a commit replaces or removes, kept in the staging folder (`previousPrefix`)
    /// until every new file is in place.
    private struct PreviousFiles {
        /// Kept as a hard link: the file itself stays in place until it is replaced.
        var linked: Set<String> = []
        /// Moved into the staging folder (a file to remove, or no hard links on this file system).
        var moved: [String] = []

        /// Sets aside the existing `replaced` files and the `removed` ones; the first that cannot be, with the cause
        /// (an immutable file can be neither linked nor moved).
        mutating func setAside(replaced: [String], removed: [String], staging: String, folder: String) -> Failure? {
            var info = stat()
            for name in replaced where lstat(folder + "/" + name, &info) == 0 {
                let target = folder + "/" + name
                let copy = staging + "/" + BatchOutputFolder.previousPrefix + name
                if link(target, copy) == 0 { linked.insert(name); continue }
                guard rename(target, copy) == 0 else { return Failure(name: name, code: errno) }
                moved.append(name)
            }
            // A folder now at the name of a previous file is no longer the batch's: left where it is.
            for name in removed where lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
                guard rename(folder + "/" + name, staging + "/" + BatchOutputFolder.previousPrefix + name) == 0 else {
                    return Failure(name: name, code: errno)
                }
                moved.append(name)
            }
            return nil
        }

        /// Undoes a commit that failed after `placed` files were put in place: each previous file back, each new file
        /// that had no previous one removed. `false` when something could not be put back.
        func putBack(placed: [String], staging: String, folder: String) -> Bool {
            var restored = true
            let movedNames = Set(moved)
            for name in placed where !linked.contains(name) && !movedNames.contains(name) {
                if unlink(folder + "/" + name) != 0 && errno != ENOENT { restored = false }
            }
            for name in placed.filter(linked.contains) + moved {
                if rename(staging + "/" + BatchOutputFolder.previousPrefix + name, folder + "/" + name) != 0 { restored = false }
            }
            return restored
        }
    }

    /// Gives the run up: the staging folder goes, the previous results stay as they were.
    func abort() {
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        state = .finished
        Self.removeTree(staging)
        lock.unlock()
        // Outside the folder's lock: an interruption holds the registry's lock while it waits for the folder's.
        if let cleanup { Interruptions.shared.unregister(cleanup, committed: false) }
    }

    /// On Ctrl-C or `kill`: a run still staging is abandoned (`true`: files were removed); a commit under way is
    /// waited for.
    private func interrupted() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard state == .staging else { return false }
        state = .finished
        Self.removeTree(staging)
        return true
    }

    /// Refuses a target that is a folder, or a file this run reads.
    private func checkTarget(_ name: String) throws(CLIError) {
        let target = full + "/" + name
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        let shown = RuleBaseReader.join(directory, name)
        if info.st_mode & S_IFMT == S_IFDIR {
            abort()
            throw .io("\(QuotedText.path(shown)) est un dossier : batch ne peut y écrire sa feuille de route ; déplacez-le")
        }
        if let input = files.input(FileSystem.Identity(info)) {
            abort()
            throw .usage("\(QuotedText.path(shown)) est \(input.what) que cette commande lit\(FileSystem.otherName(input, shown)) : batch le remplacerait ; choisissez un autre dossier de sortie")
        }
    }

    private func isInput(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && files.input(FileSystem.Identity(info)) != nil
    }

    /// A file replaced keeps the mode and owner it had (as `OutputFile` does for a single file).
    private func keepModeAndOwner(of name: String) {
        var old = stat()
        guard stat(full + "/" + name, &old) == 0, old.st_mode & S_IFMT == S_IFREG else { return }
        let staged = staging + "/" + name
        _ = chown(staged, old.st_uid, old.st_gid)
        _ = chmod(staged, old.st_mode & 0o7777)
    }

    /// A file of the commit itself (manifest, journal), flushed to the disk before anything moves.
    private func writeStaged(_ text: String, named name: String) throws(CLIError) {
        do throws(CLIError) {
            try OutputFile.write(text, to: staging + "/" + name, files: files, durable: true, shownAs: RuleBaseReader.join(directory, name))
        } catch {
            abort()
            throw error
        }
    }

    // MARK: Folders

    /// Flushes the staged files to the disk in one call (`syncfs`, looked up at run time: the C library may not
    /// declare it), so that the renames never expose empty files after a power cut; `fsync` of each file would
    /// cost one disk flush per territory.
    private static func syncFileSystem(_ descriptor: Int32) {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { sync(); return }
        _ = unsafeBitCast(symbol, to: SyncFS.self)(descriptor)
    }

    private static func createFolder(_ full: String, shown: String) throws(CLIError) {
        var info = stat()
        if stat(full, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .io("\(QuotedText.path(shown)) existe et n'est pas un dossier ; --output-dir attend un dossier")
            }
            return
        }
        let parent = (full as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != full, stat(parent, &info) != 0 {
            try createFolder(parent, shown: (shown as NSString).deletingLastPathComponent)
        }
        if mkdir(full, 0o777) != 0 && errno != EEXIST {
            throw .io("impossible de créer le dossier \(QuotedText.path(shown)) : \(SystemError.french(errno))")
        }
    }

    static func entries(_ folder: String) -> [String] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a folder of files (the staging folder holds no subfolder); tries again if a file appeared meanwhile.
    static func removeTree(_ folder: String) {
        for _ in 0..<8 {
            for name in entries(folder) { _ = unlink(folder + "/" + name) }
            if rmdir(folder) == 0 || errno == ENOENT { return }
        }
    }
}
