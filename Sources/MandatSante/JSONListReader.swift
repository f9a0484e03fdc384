import RuleKit

/// Reads the JSON files of the rule base that hold one list of records: `{ "<key>": [ {…}, … ] }`.
enum JSONListReader {
    /// Reads each element with `readElement`; an `id` the schemas refuse and duplicate `id`s are errors.
    static func read<T: Identifiable>(
        _ root: JSONNode, key: String, file: String, context: String, _ diagnostics: inout [Diagnostic],
        readElement: (inout JSONObjectReader) -> T?
    ) -> [T] where T.ID == String {
        guard var document = JSONObjectReader(root, file: file, context: "le fichier", diagnostics: &diagnostics) else { return [] }
        _ = document.member("$schema")
        let elements = document.array(key, required: true) ?? []
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        var result: [T] = []
        for element in elements {
            guard var reader = JSONObjectReader(element, file: file, context: context, diagnostics: &diagnostics) else { continue }
            let value = readElement(&reader)
            reader.reportUnknownFields()
            diagnostics += reader.diagnostics
            guard let value else { continue }
            if !Identifier.isValid(value.id) {
                diagnostics.append(.error("regles.identifiant", ["id": value.id], at: (element["id"]?.value.location ?? element.location).placed(in: file)))
                continue
            }
            if result.contains(where: { $0.id == value.id }) {
                diagnostics.append(.error("regles.doublon", ["id": value.id, "reason": "fichier"], at: element.location.placed(in: file)))
                continue
            }
            result.append(value)
        }
        return result
    }
}
