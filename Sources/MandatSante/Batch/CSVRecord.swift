/// One record of a CSV file: its fields, and the line each starts on (a quoted field may span lines).
public struct CSVRecord: Hashable, Sendable {
    /// The 1-based line the record starts on.
    public var line: Int
    public var fields: [String]
    /// The 1-based line each field starts on, parallel to `fields`.
    public var fieldLines: [Int]

    public init(line: Int, fields: [String], fieldLines: [Int]? = nil) {
        self.line = line
        self.fields = fields
        self.fieldLines = fieldLines ?? Array(repeating: line, count: fields.count)
    }
}

/// A problem with one record of a CSV file, at a line and a column (the 1-based field number).
public struct CSVReadError: Error, Hashable, Sendable {
    /// A stable identifier such as `csv.encodage`.
    public var code: String
    public var message: String
    public var line: Int
    public var column: Int

    public init(code: String, message: String, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }
}

/// What the reader finds, in file order.
public enum CSVEvent: Hashable, Sendable {
    /// The first record: the column names.
    case header(CSVRecord)
    /// A well-formed data record with as many fields as the header.
    case record(CSVRecord)
    /// A record that cannot be read (bad encoding, wrong number of fields…), starting on `line`; the header
    /// itself when it comes before any `header` event.
    case invalid(line: Int, errors: [CSVReadError])
}
