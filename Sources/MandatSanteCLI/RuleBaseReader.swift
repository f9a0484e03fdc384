import MandatSante
import RuleKit

/// Reads a rules folder from disk and loads it; the loading itself is pure (`RuleBaseLoader`).
enum RuleBaseReader {
    static let defaultDirectory = "Rules"

    struct Loaded {
        var result: RuleBaseLoader.Result
        var files: RuleFiles
        /// File texts by path, to quote lines under diagnostics.
        var texts: [String: String]
    }

    static func read(_ directory: String) throws(CLIError) -> Loaded {
        guard FileSystem.isDirectory(directory) else {
            let hint = directory == defaultDirectory ? " ; lancez la commande depuis la racine du projet ou indiquez le dossier avec --rules" : ""
            throw .io("dossier de règles « \(directory) » introuvable\(hint)")
        }
        func file(_ name: String) throws(CLIError) -> RuleFile {
            let path = join(directory, name)
            return RuleFile(path: path, bytes: try FileSystem.read(path, what: "le fichier de règles"))
        }
        let recommendationsDirectory = join(directory, "recommendations")
        guard FileSystem.isDirectory(recommendationsDirectory) else {
            throw .io("dossier « \(recommendationsDirectory) » introuvable : les recommandations y sont attendues")
        }
        var recommendations: [RuleFile] = []
        for path in try FileSystem.jsonFiles(in: recommendationsDirectory) {
            recommendations.append(RuleFile(path: path, bytes: try FileSystem.read(path, what: "le fichier de règles")))
        }
        let files = RuleFiles(vocabulary: try file("vocabulary.json"), levers: try file("levers.json"),
                              sources: try file("sources.json"), recommendations: recommendations)
        let texts = Dictionary(files.all.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        return Loaded(result: RuleBaseLoader.load(files), files: files, texts: texts)
    }

    /// Loads a rule base that must be free of errors (for every command but `check`).
    static func readValid(_ directory: String) throws(CLIError) -> RuleBase {
        let loaded = try read(directory)
        let errors = loaded.result.diagnostics.errors
        guard let ruleBase = loaded.result.ruleBase, errors.isEmpty else {
            throw .invalidData(errors, sources: loaded.texts,
                               summary: "mandat-sante : la base de règles « \(directory) » contient \(errors.count) erreur(s) ; « mandat-sante check » les liste toutes.")
        }
        return ruleBase
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Reads and validates a profile file.
enum ProfileReader {
    static func read(_ path: String, vocabulary: Vocabulary, overrides: [String] = []) throws(CLIError) -> Profile {
        let bytes = try FileSystem.read(path, what: "le profil")
        let (profile, diagnostics) = ProfileLoader.load(bytes, file: path, vocabulary: vocabulary)
        guard let profile else {
            let errors = diagnostics.errors
            throw .invalidData(errors, sources: [path: String(decoding: bytes, as: UTF8.self)],
                               summary: "mandat-sante : le profil « \(path) » n'est pas valide (\(errors.count) erreur\(errors.count > 1 ? "s" : "")).")
        }
        switch ProfileLoader.override(profile, with: overrides) {
        case .success(let overridden): return overridden
        case .failure(let error): throw .usage("--set \(error.message)")
        }
    }
}
