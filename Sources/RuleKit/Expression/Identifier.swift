/// The ids a rule base gives its records and names (`petite-commune`, `cls-engager`): lowercase letters without
/// accents and digits, in words joined by single hyphens, starting with a letter. One rule for every file, so that
/// what the loader accepts is exactly what the published JSON schemas accept.
public enum Identifier {
    public static func isValid(_ text: String, maxLength: Int = 80) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, ("a"..."z").contains(first), scalars.count <= maxLength,
              !text.hasSuffix("-"), !text.contains("--") else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
