import MandatSante
import RuleKit

/// Reads `--format`: the French names of a command's formats, with `text`, `txt` and `md` accepted as aliases.
/// Without `--format`, the extension of `--output` chooses (`feuille.html` is written in HTML); with both, they
/// must agree, so that an `.html` file never holds 80-column text.
enum FormatOption {
    /// The format each known file extension stands for.
    static let extensions = ["txt": "texte", "text": "texte", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html", "json": "json", "csv": "csv"]

    static func parse<Format: RawRepresentable & CaseIterable>(
        _ value: String?, output: String? = nil, text: Format, markdown: Format, command: String
    ) throws(CLIError) -> Format where Format.RawValue == String {
        let names = Format.allCases.map(\.rawValue)
        let implied = output.flatMap(impliedFormat)
        guard let value else {
            guard let implied, let output else { return text }
            guard let format = Format(rawValue: implied) else {
                throw .usage("\(command) n'écrit pas de fichier \(implied) (\(QuotedText.path(output))) ; formats : \(names.joined(separator: ", "))", command: command)
            }
            return format
        }
        let format: Format
        if let named = Format(rawValue: value) {
            format = named
        } else if value == "text" || value == "txt" {
            format = text
        } else if value == "md" {
            format = markdown
        } else {
            throw .usage("format inconnu \(QuotedText.quote(value))\(Suggestion.hint(for: value, among: names)) (formats : \(names.joined(separator: ", ")))", command: command)
        }
        if let implied, let output, implied != format.rawValue {
            throw .usage("--format \(format.rawValue) ne correspond pas à l'extension de \(QuotedText.path(output)) (\(implied)) : changez l'un ou l'autre", command: command)
        }
        return format
    }

    /// The format the extension of `path` names, if it is a known one.
    static func impliedFormat(_ path: String) -> String? {
        guard path != "-", let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return extensions[path[path.index(after: dot)...].lowercased()]
    }
}
