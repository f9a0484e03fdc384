import Foundation
import MandatSante
import RuleKit

/// Reads a rules folder from disk with Foundation (the benchmark does not depend on the command line), all of it as
/// the command line does: `version.json` too, whose date decides which cited documents say they are old.
public enum RulesFolder {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static func load(_ directory: String) throws -> RuleBase {
        func file(_ path: String) throws -> RuleFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "fichier « \(path) » introuvable ou illisible ; lancez le banc depuis la racine du projet ou indiquez --rules DOSSIER")
            }
            return RuleFile(path: path, bytes: Array(data))
        }
        let recommendationsDirectory = directory + "/recommendations"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: recommendationsDirectory)) ?? []
        let recommendations = try names.filter { $0.hasSuffix(RuleBaseLoader.recommendationExtension) }.sorted().map { try file(recommendationsDirectory + "/" + $0) }
        let files = RuleFiles(vocabulary: try file(directory + "/vocabulary.json"), levers: try file(directory + "/levers.json"),
                              sources: try file(directory + "/sources.json"),
                              version: FileManager.default.fileExists(atPath: directory + "/version.json") ? try file(directory + "/version.json") : nil,
                              definitions: FileManager.default.fileExists(atPath: directory + "/definitions.json") ? try file(directory + "/definitions.json") : nil,
                              facts: FileManager.default.fileExists(atPath: directory + "/facts.json") ? try file(directory + "/facts.json") : nil,
                              portrait: FileManager.default.fileExists(atPath: directory + "/portrait.json") ? try file(directory + "/portrait.json") : nil,
                              recommendations: recommendations)
        let result = RuleBaseLoader.load(files)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let ruleBase = result.ruleBase, errors.isEmpty, !ruleBase.recommendations.isEmpty else {
            let first = errors.first.map { " ; première : \($0.message)" } ?? ""
            throw Failure(description: "la base de règles « \(directory) » n'est pas utilisable (\(errors.count) erreur(s)\(first)) ; « mandat-sante check » les liste")
        }
        return ruleBase
    }
}
