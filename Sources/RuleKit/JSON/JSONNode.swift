/// A JSON value that remembers where it was written, so that every problem can be reported at its position.
public struct JSONNode: Hashable, Sendable {
    public indirect enum Value: Hashable, Sendable {
        case object([JSONMember])
        case array([JSONNode])
        case string(String)
        /// The number and its literal text (kept to tell integers from decimals and to quote it back).
        case number(Double, literal: String)
        case bool(Bool)
        case null
    }

    public var value: Value
    /// Where the value starts (its first character: `{`, `[`, `"`, a digit…).
    public var location: SourceLocation
    /// For strings: the source column of each scalar of the decoded text, present only when escapes
    /// shifted them, so that a position inside the text maps back to the file exactly.
    public var scalarColumns: [Int]?

    public init(_ value: Value, at location: SourceLocation, scalarColumns: [Int]? = nil) {
        self.value = value
        self.location = location
        self.scalarColumns = scalarColumns
    }

    /// The file position of the scalar at `offset` inside a string value.
    public func locationInString(offset: Int) -> SourceLocation {
        if let scalarColumns, !scalarColumns.isEmpty {
            let index = min(max(offset, 0), scalarColumns.count - 1)
            let column = offset >= scalarColumns.count ? scalarColumns[index] + 1 : scalarColumns[index]
            return SourceLocation(file: location.file, line: location.line, column: column)
        }
        return location.advanced(by: 1 + offset)
    }

    /// The member named `key`, when this is an object that has it.
    public subscript(key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    /// The kind of this value, as a stable name for diagnostics: `object`, `array`, `string`, `number`,
    /// `boolean` or `null`.
    public var kindName: String {
        switch value {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}

/// One `"key": value` pair of an object, with the position of its key.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONNode

    public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
