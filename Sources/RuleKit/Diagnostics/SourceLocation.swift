/// Where something is written: a file, and a 1-based line and column in it, columns counted in Unicode scalars.
/// Line 0 stands for the whole file (a file that cannot be read, a rule set with no position of its own).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as the user named it; empty while a parser reads text whose file it does not know.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String = "", line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole of `file`, with no position inside it.
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    /// Whether the location names a line (and a column) rather than a whole file.
    public var hasPosition: Bool { line > 0 }

    /// The location `count` scalars further on the same line.
    public func advanced(by count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }

    /// This location, in `file` when a parser that was not told the file's name made it.
    public func placed(in file: String) -> SourceLocation {
        self.file.isEmpty ? inFile(file) : self
    }

    /// The same position in `file`.
    public func inFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:col`, `file` for a whole file, `line:col` when the file is not known.
    public var description: String {
        guard hasPosition else { return file }
        return file.isEmpty ? "\(line):\(column)" : "\(file):\(line):\(column)"
    }
}
