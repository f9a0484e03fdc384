import Foundation

/// What earlier runs left in a batch output folder, and how a commit is finished or undone: the recovery half of
/// the transaction `BatchOutputFolder` describes.
extension BatchOutputFolder {
    /// Renames the staged `names` into the folder, removes the `stale` files, then the staging folder; the
    /// problems met, in French.
    static func rollForward(staging: String, folder: String, names: [String], stale: [String]) -> [String] {
        var problems: [String] = []
        for name in names where access(staging + "/" + name, F_OK) == 0 {
            if rename(staging + "/" + name, folder + "/" + name) != 0 { problems.append("\(name) : \(SystemError.french(errno))") }
        }
        for name in stale where unlink(folder + "/" + name) != 0 && errno != ENOENT {
            problems.append("\(name) : \(SystemError.french(errno))")
        }
        if problems.isEmpty { removeTree(staging) }
        return problems
    }

    /// What earlier runs left: a staging folder with a journal is a commit to finish; one without is an abandoned
    /// run, removed. Also removes the temporary files of versions before this one (`.synthese.csv.1234.tmp`) whose
    /// process is gone.
    static func recover(_ folder: String, files: FileSystem) {
        for name in entries(folder) {
            let path = folder + "/" + name
            if name.hasPrefix(stagingPrefix) {
                if let journal = try? String(contentsOfFile: path + "/" + journalName, encoding: .utf8) {
                    let parts = journal.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).split(separator: "--", omittingEmptySubsequences: false)
                    let names = parts.first.map(Array.init) ?? []
                    let stale = (parts.count > 1 ? Array(parts[1]) : []).filter { staleName in
                        var info = stat()
                        return !(lstat(folder + "/" + staleName, &info) == 0 && files.input(FileSystem.Identity(info)) != nil)
                    }
                    _ = rollForward(staging: path, folder: folder, names: names, stale: stale)
                } else {
                    // A commit killed while it was being undone: the previous files it had set aside go back.
                    for kept in entries(path) where kept.hasPrefix(previousPrefix) {
                        _ = rename(path + "/" + kept, folder + "/" + kept.dropFirst(previousPrefix.count))
                    }
                    removeTree(path)
                }
            } else if let pid = legacyTemporaryOwner(name), kill(pid, 0) != 0, errno == ESRCH {
                _ = unlink(path)
            }
        }
    }

    /// The process that wrote `.NAME.PID.tmp`, the temporary files of earlier versions.
    static func legacyTemporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".")
        guard parts.count >= 2, let pid = pid_t(parts[parts.count - 1]), pid > 0 else { return nil }
        return pid
    }

    /// The files of the last committed run: its manifest; for a folder written by a version before manifests, the
    /// files named like batch output (`007-nom.txt`, `synthese.csv`, `resume.txt`).
    /// Read from the manifest name by name, never whole: it lists as many files as the run had rows.
    static func forEachPreviousName(_ folder: String, _ body: (String) -> Void) {
        let manifest = folder + "/" + manifestName
        if access(manifest, F_OK) == 0 {
            _ = try? StagedNames.forEachLine(in: manifest) { name in
                if !name.contains("/") && !name.hasPrefix(".") { body(name) }
                return true
            }
            return
        }
        guard access(folder + "/synthese.csv", F_OK) == 0 else { return }
        for name in entries(folder) where isBatchOutputName(name) { body(name) }
    }

    /// `007-village-de-x.txt`: a line number of at least three digits, a slug, a roadmap extension.
    static func isBatchOutputName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ["txt", "md", "html", "json", "csv"].contains(parts[1]) else { return false }
        let stem = parts[0]
        guard let dash = stem.firstIndex(of: "-") else { return false }
        let number = stem[..<dash]
        let slug = stem[stem.index(after: dash)...]
        return number.count >= 3 && number.allSatisfy { $0.isASCII && $0.isNumber }
            && !slug.isEmpty && slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
