import Foundation
import MandatSante
import RuleKit

/// The output folder of a batch, written as one transaction: a run either completes as a whole or leaves the
/// previous results as they were.
///
/// - `open` takes the folder for this run (an exclusive lock on it: a second batch into the same folder is
///   refused) and first tidies what an earlier run killed outright left (`recover`).
/// - Every file of the run is written into a hidden staging folder inside the output folder
///   (`.ms-batch-XXXXXXXX`), on the same file system, so that putting them in place is only renaming; its name goes
///   at once to the run's list of files there (`StagedNames`), which the commit reads back rather than hold.
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
    /// The names of the files staged so far, in order, written as they come to the manifest in the staging folder
    /// (`StagedNames`): the commit reads them back one by one, and the memory of a run does not grow with its files.
    private var staged: StagedNames
    private var cleanup: Interruptions.Token?
    /// Puts one staged file in place (`rename`); a test replaces it to make one fail midway.
    var placeFile: (_ from: String, _ to: String) -> Int32 = { rename($0, $1) }

    private enum State { case staging, committing, finished }

    private init(directory: String, full: String, files: FileSystem, lockDescriptor: Int32, staging: String, staged: StagedNames) {
        self.directory = directory
        self.full = full
        self.files = files
        self.lockDescriptor = lockDescriptor
        self.staging = staging
        self.staged = staged
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
        guard let staged = StagedNames(path: staging + "/" + manifestName) else {
            let code = errno
            removeTree(staging)
            close(descriptor)
            throw .io("impossible d'écrire dans le dossier \(QuotedText.path(directory)) : \(SystemError.french(code))")
        }
        let folder = BatchOutputFolder(directory: directory, full: full, files: files, lockDescriptor: descriptor, staging: staging, staged: staged)
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
        if let failure = stage(name) { return failure }
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
        if let failure = stage(name) { throw failure }
        return try OutputFile(staging + "/" + name, files: files, durable: false, shownAs: RuleBaseReader.join(directory, name))
    }

    /// Adds `name` to the manifest being written; the failure to write it (a full disk), if any.
    private func stage(_ name: String) -> CLIError? {
        lock.lock()
        let code = staged.append(name)
        lock.unlock()
        guard let code else { return nil }
        return .io("impossible d'écrire \(QuotedText.path(RuleBaseReader.join(directory, Self.manifestName))) : \(SystemError.french(code))")
    }

    // MARK: Commit

    /// Puts every staged file in place and removes the files of the previous run this one did not write. The names
    /// are read back from the manifest, one by one, by each step that needs them (`StagedNames`): what the commit
    /// holds does not grow with the files of the run (only with those of the previous run it removes).
    func commit() throws(CLIError) {
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        let closing = staged.close()
        lock.unlock()
        if let closing {
            abort()
            throw .io("impossible d'écrire \(QuotedText.path(RuleBaseReader.join(directory, Self.manifestName))) : \(SystemError.french(closing))")
        }
        let stale = staleNames()
        // Checked before anything moves: a failure here leaves the previous results untouched. The journal (the
        // files to put in place, then the stale ones) is written in the same pass.
        var journal: OutputFile
        do throws(CLIError) {
            journal = try OutputFile(staging + "/" + Self.journalName, files: files, durable: true,
                                     shownAs: RuleBaseReader.join(directory, Self.journalName))
        } catch {
            abort()
            throw error
        }
        do throws(CLIError) {
            try eachStagedName { name throws(CLIError) in
                try checkTarget(name)
                keepModeAndOwner(of: name)
                try journal.write(name + "\n")
            }
            try journal.write(([Self.manifestName, "--"] + stale).map { $0 + "\n" }.joined())
            try journal.commit()
        } catch {
            journal.discard()
            abort()
            throw error
        }
        Self.syncFileSystem(lockDescriptor)

        // The renames hold the lock: an interruption waits for them to end rather than leave half a commit.
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        state = .committing
        // What this run replaces or removes is first set aside in the staging folder: a file that cannot be
        // replaced (immutable, on a mount point, in a full directory) puts the previous results back as they were.
        var failure = setAside(stale: stale)
        var placed = 0
        if failure == nil {
            failure = eachTarget { name in
                guard placeFile(staging + "/" + name, full + "/" + name) == 0 else { return Failure(name: name, code: errno) }
                placed += 1
                return nil
            }
        }
        if let failure {
            // Without the journal, a run killed now is undone, not finished, by the next one (`recover`).
            _ = unlink(staging + "/" + Self.journalName)
            let restored = putBack(placed: placed, stale: stale)
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

    /// The files of the previous run (`forEachPreviousName`) that this one does not write — no staged file of that
    /// name — and that it does not read.
    private func staleNames() -> [String] {
        var stale: [String] = []
        Self.forEachPreviousName(full) { name in
            if access(staging + "/" + name, F_OK) != 0 && !isInput(full + "/" + name) { stale.append(name) }
        }
        return stale
    }

    /// Each staged name, read back from the manifest in the order staged.
    private func eachStagedName(_ body: (String) throws(CLIError) -> Void) throws(CLIError) {
        let read = try StagedNames.forEachLine(in: staging + "/" + Self.manifestName) { name throws(CLIError) in
            try body(name)
            return true
        }
        guard read else {
            let code = errno
            abort()
            throw .io("impossible de relire \(QuotedText.path(RuleBaseReader.join(directory, Self.manifestName))) : \(SystemError.french(code))")
        }
    }

    /// Each file the commit puts in place — the staged names, then the manifest itself — until `body` fails.
    private func eachTarget(_ body: (String) -> Failure?) -> Failure? {
        var failure: Failure?
        let read = (try? StagedNames.forEachLine(in: staging + "/" + Self.manifestName) { name in
            failure = body(name)
            return failure == nil
        }) ?? false
        if !read { return Failure(name: Self.manifestName, code: errno == 0 ? EIO : errno) }
        return failure ?? body(Self.manifestName)
    }

    /// Sets aside, in the staging folder (`previousPrefix`), the existing files the commit replaces — as a hard link,
    /// the file itself staying in place until replaced, or moved where links cannot be made — and moves there the
    /// `stale` ones; the first that cannot be, with the cause (an immutable file can be neither linked nor moved).
    private func setAside(stale: [String]) -> Failure? {
        var info = stat()
        if let failure = eachTarget({ name in
            let target = full + "/" + name
            guard lstat(target, &info) == 0 else { return nil }
            let copy = staging + "/" + Self.previousPrefix + name
            if link(target, copy) == 0 { return nil }
            return rename(target, copy) == 0 ? nil : Failure(name: name, code: errno)
        }) {
            return failure
        }
        // A folder now at the name of a previous file is no longer the batch's: left where it is.
        for name in stale where lstat(full + "/" + name, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            guard rename(full + "/" + name, staging + "/" + Self.previousPrefix + name) == 0 else { return Failure(name: name, code: errno) }
        }
        return nil
    }

    /// Undoes a commit that failed after its first `placed` targets were put in place: every file set aside goes
    /// back (a hard link put back over the same file changes nothing), every new file that had no previous one is
    /// removed. `false` when something could not be put back.
    private func putBack(placed: Int, stale: [String]) -> Bool {
        var restored = true
        var index = 0
        var info = stat()
        let unread = eachTarget { name in
            let copy = staging + "/" + Self.previousPrefix + name
            if lstat(copy, &info) == 0 {
                if rename(copy, full + "/" + name) != 0 { restored = false }
            } else if index < placed, unlink(full + "/" + name) != 0, errno != ENOENT {
                restored = false
            }
            index += 1
            return nil
        }
        if unread != nil { restored = false }
        for name in stale {
            let copy = staging + "/" + Self.previousPrefix + name
            if lstat(copy, &info) == 0, rename(copy, full + "/" + name) != 0 { restored = false }
        }
        return restored
    }

    /// Gives the run up: the staging folder goes, the previous results stay as they were.
    func abort() {
        lock.lock()
        guard state == .staging else { lock.unlock(); return }
        state = .finished
        staged.discard()
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
        staged.discard()
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
