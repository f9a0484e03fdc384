import Foundation
import MandatSante

/// The progress line of a batch on a terminal, refreshed in place (`\r`): rows done out of the total, percent,
/// time left, errors so far — « 12 345 / 35 000 lignes (35 %) · reste ≈ 1 min 20 s · 3 erreurs ». Only when
/// standard error is a terminal (a log file gets no `\r` lines), and only once a run has lasted a second.
struct BatchProgress {
    let started = ContinuousClock.now
    /// Rows of the file, counted before the run (`nil` for standard input).
    let totalRows: Int?
    var shown = false

    /// Progress when standard error is a terminal, `nil` otherwise.
    static func start(totalRows: @autoclosure () -> Int?) -> BatchProgress? {
        isatty(STDERR_FILENO) == 1 ? BatchProgress(totalRows: totalRows()) : nil
    }

    mutating func show(rows: Int, errors: Int, console: Console) {
        let elapsed = ContinuousClock.now - started
        guard elapsed >= BatchCommand.progressDelay else { return }
        shown = true
        console.writeProgress("\r" + Self.line(rows: rows, total: totalRows, errors: errors, elapsed: elapsed) + "\u{1B}[K")
    }

    /// Erases the progress line, before an error message or at the end.
    mutating func clear(console: Console) {
        if shown { console.writeProgress("\r\u{1B}[K") }
        shown = false
    }

    static func line(rows: Int, total: Int?, errors: Int, elapsed: Duration) -> String {
        func number(_ value: Int) -> String { ValueFormatter.number(Double(value)) }
        var parts: [String] = []
        if let total, total >= rows, total > 0 {
            let percent = Int((Double(rows) * 100 / Double(total)).rounded(.down))
            parts.append("\(number(rows)) / \(number(total)) lignes (\(percent)\u{00A0}%)")
            if rows > 0 {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                parts.append("reste ≈ " + duration(seconds * Double(total - rows) / Double(rows)))
            }
        } else {
            parts.append("\(number(rows)) ligne\(rows > 1 ? "s" : "") traitée\(rows > 1 ? "s" : "")")
        }
        parts.append(errors == 0 ? "aucune erreur" : "\(number(errors)) erreur\(errors > 1 ? "s" : "")")
        return parts.joined(separator: " · ")
    }

    /// « 45 s », « 3 min 05 s », « 1 h 02 min ».
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total)\u{00A0}s" }
        if total < 3_600 { return "\(total / 60)\u{00A0}min \(String(format: "%02d", total % 60))\u{00A0}s" }
        return "\(total / 3_600)\u{00A0}h \(String(format: "%02d", total % 3_600 / 60))\u{00A0}min"
    }

    /// The rows of the file behind `descriptor` (a regular file), its record ends outside quotes less the header,
    /// read with `pread` so that the reading position does not move; `nil` when it cannot be read that way.
    static func countRows(_ descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        var lines = 0
        var quoted = false
        var lineHasContent = false
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            for byte in buffer[..<count] {
                switch byte {
                case 0x22: quoted.toggle(); lineHasContent = true
                case 0x0A, 0x0D:
                    if !quoted && lineHasContent { lines += 1; lineHasContent = false }
                case 0x20, 0x09: break
                default: lineHasContent = true
                }
            }
            offset += off_t(count)
        }
        if lineHasContent { lines += 1 }
        return max(0, lines - 1)
    }
}
