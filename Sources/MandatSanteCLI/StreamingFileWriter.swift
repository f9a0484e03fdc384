import Foundation

/// Writes a file piece by piece into a temporary file beside it, renamed over the target by `commit()`: a file
/// too large to hold in memory is still never seen half written, and a failed run leaves the old one intact.
struct StreamingFileWriter {
    static let bufferSize = 256 * 1024

    let path: String
    let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        self.path = path
        temporary = (directory as NSString).appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw .io("impossible d'écrire dans le dossier « \(directory) »")
        }
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize)
    }

    mutating func write(_ text: String) throws(CLIError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is left, then puts the file in place.
    mutating func commit() throws(CLIError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw .io("impossible d'écrire « \(path) » : \(error.localizedDescription)")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .io("impossible de remplacer « \(path) »")
        }
    }

    /// Gives up: the temporary file goes, the target is untouched.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    private mutating func flush() throws(CLIError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .io("impossible d'écrire « \(path) » : \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
