import Foundation

/// The zip archives of the last batches, kept in memory for their download link: at most `capacity` archives
/// and `maximumBytes` in all, the oldest dropped first. Nothing goes to disk.
final class BatchArchives: @unchecked Sendable {
    static let capacity = 4
    static let maximumBytes = 160 * 1024 * 1024

    private let lock = NSLock()
    private var archives: [(id: String, name: String, bytes: [UInt8])] = []

    /// Keeps `bytes` and returns the id of its link.
    func add(_ bytes: [UInt8], name: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
        lock.lock()
        defer { lock.unlock() }
        archives.append((id, name, bytes))
        while archives.count > Self.capacity || (archives.count > 1 && archives.reduce(0, { $0 + $1.bytes.count }) > Self.maximumBytes) {
            archives.removeFirst()
        }
        return id
    }

    func archive(_ id: String) -> (name: String, bytes: [UInt8])? {
        lock.lock()
        defer { lock.unlock() }
        return archives.first { $0.id == id }.map { ($0.name, $0.bytes) }
    }
}
