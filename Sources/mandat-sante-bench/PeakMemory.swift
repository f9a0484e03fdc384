import Foundation

/// The process's peak resident memory (VmHWM, Linux), which can be reset between cases so that each case
/// reports its own peak rather than the largest seen so far.
enum PeakMemory {
    /// Resets the peak to the current resident size (`5` in `/proc/self/clear_refs`); false if unsupported.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// Peak resident memory in bytes, or nil where `/proc/self/status` does not exist.
    static func peakBytes() -> Int? { statusField("VmHWM:") }

    /// Current resident memory in bytes.
    static func currentBytes() -> Int? { statusField("VmRSS:") }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
