import Foundation

/// File access for the command line: reads with clear French errors, writes that never leave half a file.
enum FileSystem {
    /// Larger inputs are refused: no profile or rule file comes near it.
    static let maximumFileSize = 8 * 1024 * 1024

    static func read(_ path: String, what: String) throws(CLIError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .io("\(what) « \(path) » introuvable")
        }
        if isDirectory.boolValue {
            throw .io("« \(path) » est un dossier ; \(what) (un fichier) était attendu")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io("impossible de lire \(what) « \(path) » (droits insuffisants ?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw .io("lecture de « \(path) » impossible : \(error.localizedDescription)")
        }
        if data.count > maximumFileSize {
            throw .io("« \(path) » dépasse la taille maximale de \(maximumFileSize / 1024 / 1024) Mio")
        }
        return [UInt8](data)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The `.json` files of a folder, sorted by name.
    static func jsonFiles(in directory: String) throws(CLIError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .io("impossible de lister le dossier « \(directory) »")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Writes to a temporary file in the same folder, then renames it over `path`: readers see the old file or
    /// the new one, never a partial one, and a failed run leaves the previous output intact.
    static func writeAtomically(_ text: String, to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard isDirectory(directory) else {
            throw .io("le dossier « \(directory) » de « \(path) » n'existe pas")
        }
        if isDirectory(path) {
            throw .io("« \(path) » est un dossier ; un chemin de fichier était attendu pour --output")
        }
        let temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw .io("impossible d'écrire dans le dossier « \(directory) »")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io("impossible de remplacer « \(path) »")
        }
    }
}
