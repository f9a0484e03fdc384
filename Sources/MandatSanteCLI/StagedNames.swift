import Foundation

/// The names of the files a batch has staged, in the order they were staged, written as they come to the manifest
/// in the staging folder (each name followed by a line feed): the file the commit puts in place as
/// `.mandat-sante-batch`, and reads back, name by name, to check, set aside and place the files. A batch of France
/// writes 35,000 files; holding their names (a buffer of them, then an array, a set, the manifest and the journal
/// as strings at the commit) made the memory of a run grow with its rows. Here only `bufferSize` bytes are held.
struct StagedNames {
    static let bufferSize = 64 * 1024

    /// The manifest being written, in the staging folder.
    let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var count = 0
    /// The `errno` of the first write that failed; nothing more is written after it.
    private(set) var failure: Int32?

    /// Creates the file at `path` (which must not exist); `nil` with `errno` set when it cannot be.
    init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666 & ~OutputFile.umask)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Adds a name; the `errno` of a write that failed (a full disk), now or earlier.
    mutating func append(_ name: String) -> Int32? {
        buffer.append(contentsOf: name.utf8)
        buffer.append(0x0A)
        count += 1
        if buffer.count >= Self.bufferSize { flush() }
        return failure
    }

    /// Writes what is buffered, flushes the file to the disk and closes it: the manifest is complete. The `errno` of
    /// a failure, if any.
    mutating func close() -> Int32? {
        guard descriptor >= 0 else { return failure }
        flush()
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if Foundation.close(descriptor) != 0, errno != EINTR, failure == nil { failure = errno }
        descriptor = -1
        return failure
    }

    /// Closes the file without caring for its content (the run is given up, its staging folder removed).
    mutating func discard() {
        guard descriptor >= 0 else { return }
        _ = Foundation.close(descriptor)
        descriptor = -1
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        failure = POSIXWrite.all(buffer, to: descriptor)
    }

    /// Each line of the file at `path`, in order, read by chunks (never the whole file at once); `false` when the
    /// file cannot be read. `body` returns `false` to stop.
    @discardableResult
    static func forEachLine(in path: String, _ body: (String) throws(CLIError) -> Bool) throws(CLIError) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { _ = Foundation.close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: bufferSize)
        var line: [UInt8] = []
        while true {
            let read = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, bufferSize) }
            if read < 0 {
                if errno == EINTR { continue }
                return false
            }
            if read == 0 { break }
            var start = 0
            for index in 0..<read where chunk[index] == 0x0A {
                line.append(contentsOf: chunk[start..<index])
                let text = String(decoding: line, as: UTF8.self)
                line.removeAll(keepingCapacity: true)
                start = index + 1
                if !text.isEmpty, try !body(text) { return true }
            }
            line.append(contentsOf: chunk[start..<read])
        }
        if !line.isEmpty { _ = try body(String(decoding: line, as: UTF8.self)) }
        return true
    }
}
