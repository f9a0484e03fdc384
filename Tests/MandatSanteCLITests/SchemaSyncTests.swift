import Foundation
import Testing

@Suite("schémas JSON")
struct SchemaSyncTests {
    /// The schema kind behind each committed file of `Rules/schema/`.
    static let kinds = [
        "profile.schema.json": "profile",
        "definitions.schema.json": "definitions",
        "tests.schema.json": "tests",
        "vocabulary.schema.json": "vocabulary",
        "levers.schema.json": "levers",
        "sources.schema.json": "sources",
        "facts.schema.json": "facts",
        "portrait.schema.json": "portrait",
        "roadmap.schema.json": "roadmap",
    ]

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Rules/schema")) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test("chaque schéma de Rules/schema est celui que génère mandat-sante schema", arguments: files)
    func committedSchemaIsUpToDate(file: String) throws {
        let kind = try #require(Self.kinds[file], "fichier inattendu dans Rules/schema : \(file)")
        let result = runCLI(["schema", kind])
        #expect(result.exitCode == 0, "\(result.error)")
        let committed = try String(contentsOfFile: packageRoot + "/Rules/schema/" + file, encoding: .utf8)
        #expect(result.output == committed, "Rules/schema/\(file) n'est plus à jour : mandat-sante schema \(kind) --output Rules/schema/\(file)")
    }

    /// Every JSON file an author edits in `Rules/`.
    static let editableFiles = ["vocabulary.json", "levers.json", "sources.json", "facts.json", "definitions.json", "portrait.json"]
        + ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Rules/tests")) ?? []).filter { $0.hasSuffix(".json") }.sorted().map { "tests/" + $0 }

    @Test("chaque fichier JSON modifiable de Rules/ renvoie par « $schema » à son schéma, et le respecte", arguments: editableFiles)
    func editableFileHasItsSchema(file: String) throws {
        let path = packageRoot + "/Rules/" + file
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let reference = try #require(document["$schema"] as? String, "\(file) : « $schema » manque")
        let schemaPath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(reference).standardizedFileURL.path
        #expect(schemaPath.hasPrefix(packageRoot + "/Rules/schema/"), "\(file) : \(reference)")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schemaPath))) as? [String: Any])
        #expect(JSONSchemaValidator(root: schema).errors(in: document) == [], "\(file)")
    }

    @Test("les profils d'exemple respectent le schéma : faits connus, obligatoires présents, valeurs permises")
    func exampleProfilesMatchSchema() throws {
        let schemaData = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Rules/schema/profile.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let required = try #require(schema["required"] as? [String])
        #expect(required == ["name", "kind", "population", "density"])
        let profiles = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Profiles").filter { $0.hasSuffix(".json") }
        #expect(profiles.count >= 10)
        for name in profiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Profiles/" + name))
            let profile = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in required { #expect(profile[key] != nil, "\(name) : \(key) manquant") }
            for (key, value) in profile {
                let property = try #require(properties[key], "\(name) : \(key) absent du schéma")
                if let allowed = property["enum"] as? [Any], let text = value as? String {
                    #expect(allowed.contains { ($0 as? String) == text }, "\(name) : \(key) = \(text)")
                }
                if let items = property["items"] as? [String: Any], let allowed = items["enum"] as? [String], let values = value as? [String] {
                    #expect(Set(values).isSubset(of: allowed), "\(name) : \(key)")
                }
                if let minimum = property["minimum"] as? Double, let number = value as? Double {
                    #expect(number >= minimum, "\(name) : \(key)")
                }
            }
        }
    }
}
