import RuleKit

/// Reads `--format`: the French names of a command's formats, with `text`, `txt` and `md` accepted as aliases.
enum FormatOption {
    static func parse<Format: RawRepresentable & CaseIterable>(
        _ value: String?, text: Format, markdown: Format, command: String
    ) throws(CLIError) -> Format where Format.RawValue == String {
        guard let value else { return text }
        if let format = Format(rawValue: value) { return format }
        if value == "text" || value == "txt" { return text }
        if value == "md" { return markdown }
        let names = Format.allCases.map(\.rawValue)
        throw .usage("format inconnu « \(value) »\(Suggestion.hint(for: value, among: names)) (formats : \(names.joined(separator: ", ")))", command: command)
    }
}
