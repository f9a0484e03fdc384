/// A problem found in a file, as a stable code and named arguments (the wording belongs to the layer that shows
/// it), at a position of the file; `related` points at another place that explains it (the first occurrence of
/// a duplicate, the next link of a cycle).
public struct LocatedProblem: Hashable, Sendable {
    public var code: String
    public var arguments: [String: String]
    public var location: SourceLocation
    public var related: [SourceLocation]

    public init(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation, related: [SourceLocation] = []) {
        self.code = code
        self.arguments = arguments
        self.location = location
        self.related = related
    }

    public init(_ code: String, _ arguments: [String: String] = [:], at location: SourceLocation, related: SourceLocation?) {
        self.init(code, arguments, at: location, related: related.map { [$0] } ?? [])
    }
}
