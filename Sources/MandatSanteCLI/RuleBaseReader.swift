import Foundation
import MandatSante
import RuleKit

/// Reads a rules folder from disk and loads it; the loading itself is pure (`RuleBaseLoader`).
enum RuleBaseReader {
    /// What commands pass when `--rules` is not given; `locate` finds the folder it stands for.
    static let defaultDirectory = "Rules"
    /// The environment variable that names the rules folder.
    static let environmentVariable = "MANDAT_SANTE_RULES"

    /// The rules folder `directory` stands for. `--rules` is taken as given; without it: `$MANDAT_SANTE_RULES`,
    /// else `Rules` in the working directory, else the `Rules` next to the executable (an unpacked archive), else
    /// `../share/mandat-sante/Rules` from it (an installed layout). When none exists, `Rules`, so that the error
    /// names what was looked for.
    static func locate(_ directory: String, files: FileSystem) -> String {
        guard directory == defaultDirectory else { return directory }
        if let named = ProcessInfo.processInfo.environment[environmentVariable], !named.isEmpty { return named }
        if files.isDirectory(directory) { return directory }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            for candidate in [folder.appendingPathComponent(directory), folder.appendingPathComponent("../share/mandat-sante/\(directory)")] {
                let path = candidate.standardizedFileURL.path
                if files.isDirectory(path) { return path }
            }
        }
        return directory
    }

    struct Loaded {
        var result: RuleBaseLoader.Result
        var files: RuleFiles
        /// File texts by path, to quote lines under diagnostics.
        var texts: [String: String]
    }

    static func read(_ given: String, files: FileSystem) throws(CLIError) -> Loaded {
        let directory = locate(given, files: files)
        guard files.isDirectory(directory) else {
            let hint = directory == defaultDirectory ? ", ni ici ni à côté du programme ; lancez la commande depuis le dossier qui contient Rules, ou indiquez le dossier avec --rules ou la variable \(environmentVariable)" : ""
            throw .io("dossier de règles \(QuotedText.path(directory)) introuvable\(hint)")
        }
        func file(_ name: String) throws(CLIError) -> RuleFile {
            let path = join(directory, name)
            return RuleFile(path: path, bytes: try files.read(path, what: "le fichier de règles"))
        }
        let recommendationsDirectory = join(directory, "recommendations")
        guard files.isDirectory(recommendationsDirectory) else {
            throw .io("dossier \(QuotedText.path(recommendationsDirectory)) introuvable : les recommandations y sont attendues")
        }
        var recommendations: [RuleFile] = []
        // One `.md` file per recommendation; any other entry is only named, in a warning of the loader.
        for path in try files.entries(in: recommendationsDirectory) {
            let isRecommendation = path.hasSuffix(RuleBaseLoader.recommendationExtension) && !files.isDirectory(path)
            recommendations.append(RuleFile(path: path, bytes: isRecommendation ? try files.read(path, what: "le fichier de règles") : []))
        }
        // The version file is optional: a rule base without one is « non versionnée ».
        let versionPath = join(directory, "version.json")
        let version = FileManager.default.fileExists(atPath: versionPath) ? try file("version.json") : nil
        // Named conditions and boosts are optional too.
        let definitionsPath = join(directory, "definitions.json")
        let definitions = FileManager.default.fileExists(atPath: definitionsPath) ? try file("definitions.json") : nil
        // So is the register of facts.
        let factsPath = join(directory, "facts.json")
        let facts = FileManager.default.fileExists(atPath: factsPath) ? try file("facts.json") : nil
        // And the portrait's layout.
        let portraitPath = join(directory, "portrait.json")
        let portrait = FileManager.default.fileExists(atPath: portraitPath) ? try file("portrait.json") : nil
        let ruleFiles = RuleFiles(vocabulary: try file("vocabulary.json"), levers: try file("levers.json"),
                                  sources: try file("sources.json"), version: version, definitions: definitions, facts: facts,
                                  portrait: portrait, recommendations: recommendations)
        // Recommendation files are quoted whatever they start with: the folder holds nothing else that is read.
        let texts = Dictionary(ruleFiles.all.flatMap { file in
            file.path.hasSuffix(RuleBaseLoader.recommendationExtension) ? [file.path: file.text] : FileSystem.quotable(file.bytes, as: file.path)
        }, uniquingKeysWith: { first, _ in first })
        return Loaded(result: RuleBaseMemo.shared.load(ruleFiles), files: ruleFiles, texts: texts)
    }

    /// Loads a rule base that must be free of errors (for every command but `check`).
    static func readValid(_ directory: String, files: FileSystem) throws(CLIError) -> RuleBase {
        let loaded = try read(directory, files: files)
        let errors = loaded.result.diagnostics.errors
        guard let ruleBase = loaded.result.ruleBase, errors.isEmpty else {
            throw .invalidData(errors, sources: loaded.texts,
                               summary: "mandat-sante : la base de règles \(QuotedText.path(directory)) contient \(errorCount(errors.count)) ; « mandat-sante check » les liste toutes.")
        }
        return ruleBase
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Reads and validates a profile file (or standard input, `-`).
enum ProfileReader {
    /// `notice` receives, printed, what the profile should say differently without being wrong (an overseas
    /// « autre » written before « pacifique » existed).
    static func read(_ path: String, vocabulary: Vocabulary, files: FileSystem, overrides: [String] = [],
                     notice: (String) -> Void = { _ in }) throws(CLIError) -> Profile {
        let bytes = try files.read(path, what: "le profil", standardInput: true)
        let name = path == "-" ? FileSystem.standardInputName : path
        if let notJSON = FileSystem.notJSON(bytes, file: name, what: "un profil") {
            throw .invalidData([notJSON], sources: [:], summary: "mandat-sante : le profil \(QuotedText.path(name)) n'est pas valide (1 erreur).")
        }
        let (profile, diagnostics) = ProfileLoader.load(bytes, file: name, vocabulary: vocabulary)
        guard let profile else {
            let errors = diagnostics.errors
            throw .invalidData(errors, sources: FileSystem.quotable(bytes, as: name),
                               summary: "mandat-sante : le profil \(QuotedText.path(name)) n'est pas valide (\(errorCount(errors.count))).")
        }
        let overridden: Profile
        switch ProfileLoader.override(profile, with: overrides) {
        case .success(let result): overridden = result
        case .failure(let error): throw .usage("--set \(error.message)")
        }
        let located = ProfileLoader.locations(bytes, file: name)
        for warning in OverseasCoherence.notices(overridden, location: located) {
            notice(DiagnosticPrinter(sources: FileSystem.quotable(bytes, as: name)).render(warning) + "\n")
        }
        return overridden
    }
}

/// « 1 erreur », « 19 999 erreurs ».
func errorCount(_ count: Int) -> String {
    "\(ValueFormatter.number(Double(count))) erreur\(count > 1 ? "s" : "")"
}
