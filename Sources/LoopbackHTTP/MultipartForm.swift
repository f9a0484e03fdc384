/// One field of a `multipart/form-data` body (RFC 7578): a form value or an uploaded file, kept in memory.
public struct MultipartPart: Sendable, Hashable {
    public var name: String
    /// The file name the browser sent, for a file field.
    public var fileName: String?
    public var contentType: String?
    public var body: [UInt8]
}

/// Why a `multipart/form-data` body cannot be read.
public enum MultipartError: Error, Sendable, Hashable {
    /// The `Content-Type` names no boundary (or not multipart/form-data at all).
    case missingBoundary
    /// A delimiter, a part's headers or its `Content-Disposition` is missing or broken.
    case malformed
    case tooManyParts(limit: Int)
}

/// Reads `multipart/form-data` bodies, as browsers send file uploads.
public enum MultipartForm {
    /// The boundary of a `multipart/form-data; boundary=…` content type.
    public static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = HeaderParameters.parse(contentType)
        guard parameters.value.lowercased() == "multipart/form-data", let boundary = parameters["boundary"],
              (1...70).contains(boundary.utf8.count) else { return nil }
        return boundary
    }

    public static func parse(_ body: [UInt8], contentType: String?, maximumParts: Int = 32) -> Result<[MultipartPart], MultipartError> {
        guard let boundary = boundary(contentType: contentType) else { return .failure(.missingBoundary) }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        // The first delimiter starts the body or follows a preamble line.
        guard let first = body.firstRange(of: delimiter), first.lowerBound == 0 || body[..<first.lowerBound].hasSuffix([.cr, .lf]) else {
            return .failure(.malformed)
        }
        var parts: [MultipartPart] = []
        var index = first.upperBound
        while true {
            // After a delimiter: `--` ends the body, CRLF starts a part.
            if body[index...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return .success(parts) }
            guard body[index...].starts(with: [.cr, .lf]) else { return .failure(.malformed) }
            index += 2
            guard let headEnd = body[index...].firstRange(of: [.cr, .lf, .cr, .lf]) ?? (body[index...].starts(with: [.cr, .lf]) ? index..<index + 2 : nil) else {
                return .failure(.malformed)
            }
            let head = body[index..<headEnd.lowerBound]
            guard let next = body[headEnd.upperBound...].firstRange(of: separator) else { return .failure(.malformed) }
            guard var part = partHead(head) else { return .failure(.malformed) }
            part.body = Array(body[headEnd.upperBound..<next.lowerBound])
            parts.append(part)
            if parts.count > maximumParts { return .failure(.tooManyParts(limit: maximumParts)) }
            index = next.upperBound
        }
    }

    /// The name, file name and type of a part, from its header lines.
    private static func partHead(_ bytes: ArraySlice<UInt8>) -> MultipartPart? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var disposition: HeaderParameters?
        var contentType: String?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if name == "content-disposition" { disposition = HeaderParameters.parse(value) }
            if name == "content-type" { contentType = value }
        }
        guard let disposition, disposition.value.lowercased() == "form-data", let name = disposition["name"] else { return nil }
        return MultipartPart(name: name, fileName: disposition["filename"], contentType: contentType, body: [])
    }
}

/// A header value with parameters: `form-data; name="fichier"; filename="a.json"`.
struct HeaderParameters {
    var value: String
    var parameters: [(name: String, value: String)]

    subscript(_ name: String) -> String? {
        parameters.first { $0.name == name.lowercased() }?.value
    }

    static func parse(_ text: String) -> HeaderParameters {
        var characters = Substring(text)
        func skipSpaces() { while let first = characters.first, first == " " || first == "\t" { characters.removeFirst() } }
        let value = characters.prefix { $0 != ";" }
        characters.removeFirst(value.count)
        var parameters: [(String, String)] = []
        while characters.first == ";" {
            characters.removeFirst()
            skipSpaces()
            let name = characters.prefix { $0 != "=" && $0 != ";" }.trimmingCharacters(in: " \t").lowercased()
            characters.removeFirst(characters.prefix { $0 != "=" && $0 != ";" }.count)
            guard characters.first == "=" else { continue }
            characters.removeFirst()
            skipSpaces()
            var parameterValue = ""
            if characters.first == "\"" {
                characters.removeFirst()
                while let character = characters.first, character != "\"" {
                    characters.removeFirst()
                    if character == "\\", let escaped = characters.first {
                        characters.removeFirst()
                        parameterValue.append(escaped)
                    } else {
                        parameterValue.append(character)
                    }
                }
                if characters.first == "\"" { characters.removeFirst() }
                characters.removeFirst(characters.prefix { $0 != ";" }.count)
            } else {
                let raw = characters.prefix { $0 != ";" }
                characters.removeFirst(raw.count)
                parameterValue = raw.trimmingCharacters(in: " \t")
            }
            parameters.append((name, parameterValue))
        }
        return HeaderParameters(value: value.trimmingCharacters(in: " \t"), parameters: parameters.map { (name: $0.0, value: $0.1) })
    }
}

extension ArraySlice<UInt8> {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
