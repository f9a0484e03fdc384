/// Prints diagnostics the way compilers do: `file:line:col: erreur: [code] message`, the source line, a caret.
public struct DiagnosticPrinter: Sendable {
    /// The text of each file by name, to quote the offending line; files not present print without a quote.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = ["\(diagnostic.position): \(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"]
        if let location = diagnostic.location, let quoted = line(location.line, of: diagnostic.file) {
            let shown = Self.clip(quoted, around: location.column)
            lines.append("    " + shown.text)
            lines.append("    " + String(repeating: " ", count: max(0, shown.caretColumn - 1)) + "^")
        }
        for note in diagnostic.notes {
            lines.append("    note : " + note)
        }
        return lines.joined(separator: "\n")
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    private func line(_ number: Int, of file: String) -> String? {
        guard let text = sources[file], number >= 1 else { return nil }
        var current = 1
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while current < number {
            guard let newline = scalars[start...].firstIndex(of: "\n") else { return nil }
            start = scalars.index(after: newline)
            current += 1
        }
        let end = scalars[start...].firstIndex(of: "\n") ?? scalars.endIndex
        var result = String(scalars[start..<end])
        if result.hasSuffix("\r") { result.removeLast() }
        return result.replacingTabs()
    }

    /// Very long lines (minified JSON, a huge identifier) are cut to a window around the caret.
    private static func clip(_ text: String, around column: Int) -> (text: String, caretColumn: Int) {
        let scalars = Array(text.unicodeScalars)
        let width = 100
        guard scalars.count > width else { return (text, column) }
        let start = max(0, min(column - 1 - width / 2, scalars.count - width))
        let end = min(scalars.count, start + width)
        var view = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 { view = "…" + view; caret += 1 }
        if end < scalars.count { view += "…" }
        return (view, caret)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
