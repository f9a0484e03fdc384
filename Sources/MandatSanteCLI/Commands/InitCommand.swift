import Foundation
import MandatSante
import RuleKit

/// `mandat-sante init`: builds a profile by asking the vocabulary's questions, shows a recap to confirm, writes
/// the file atomically and prints the command that gives its roadmap. Nothing is written before the last
/// confirmation, so the end of the input, a refusal or Ctrl-C leave no file behind.
struct InitCommand {
    static let name = "init"
    static let defaultDirectory = "Profiles"

    let console: Console

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--output", "--rules"], flags: [], command: Self.name)
        guard parsed.positionals.isEmpty else {
            throw .usage("init ne prend pas d'argument ; le chemin du profil se donne avec --output FICHIER", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        if let output { try Self.checkWritable(output) }
        let rulesDirectory = try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory
        let vocabulary = try RuleBaseReader.readValid(rulesDirectory).vocabulary
        let dialogue = InitDialogue(console: console)

        dialogue.print(QuestionWording.wrap("Décrivons votre territoire en quelques questions. Entrée accepte la valeur proposée ; Ctrl-D ou Ctrl-C arrête sans rien écrire.", indent: ""))
        var previous: [String: Answer] = [:]
        var questionnaire: Questionnaire
        while true {
            questionnaire = try dialogue.askAll(vocabulary, previous: previous)
            dialogue.print(QuestionWording.recap(questionnaire.answers, skipped: questionnaire.skipped))
            dialogue.print([""])
            if try dialogue.confirm("Ces réponses sont-elles correctes ?", proposal: true) { break }
            guard try restart(dialogue) else {
                console.writeError("mandat-sante : questionnaire abandonné ; aucun fichier n'a été écrit.\n")
                return .usage
            }
            previous = questionnaire.answersByFact
        }

        let name: String
        if case .text(let text)? = questionnaire.facts.value(of: "name", in: vocabulary) { name = text } else { name = "profil" }
        guard let path = try destination(output ?? Self.join(Self.defaultDirectory, ProfileDocument.fileName(for: name)), dialogue: dialogue) else {
            console.writeError("mandat-sante : aucun fichier n'a été écrit.\n")
            return .usage
        }
        let schema = ProfileDocument.schemaReference(profilePath: path, rulesDirectory: rulesDirectory,
                                                     currentDirectory: FileManager.default.currentDirectoryPath)
        try FileSystem.writeAtomically(ProfileDocument.render(questionnaire.answers, schema: schema), to: path)
        let rules = rulesDirectory == RuleBaseReader.defaultDirectory ? "" : " --rules \(ProfileDocument.shellQuoted(rulesDirectory))"
        let command = "roadmap \(ProfileDocument.shellQuoted(path))\(rules)"
        dialogue.print(["", "Profil écrit dans « \(path) ».", "", "Pour obtenir sa feuille de route :",
                        "  swift run mandat-sante \(command)", "ou, si l'outil est installé :", "  mandat-sante \(command)"])
        return .success
    }

    /// After a « no » on the recap: `true` to go through the questions again, `false` to quit.
    private func restart(_ dialogue: InitDialogue) throws(CLIError) -> Bool {
        dialogue.print(QuestionWording.wrap("Tapez r pour reprendre les questions (Entrée y garde chaque réponse déjà donnée), ou q pour quitter sans rien écrire.", indent: "  "))
        while true {
            switch AnswerReader.trimmed(try dialogue.readAnswer()).lowercased() {
            case "r", "reprendre", "recommencer": return true
            case "q", "quitter": return false
            case let typed: dialogue.print(["   ✗ \(QuotedText.quote(typed)) : tapez r (reprendre) ou q (quitter)."])
            }
        }
    }

    /// Where to write: `path`, unless it exists and the user does not want it replaced; then another path, or
    /// `nil` to quit. The default folder is created when missing.
    private func destination(_ path: String, dialogue: InitDialogue) throws(CLIError) -> String? {
        var path = path
        while true {
            if path == Self.join(Self.defaultDirectory, (path as NSString).lastPathComponent), !FileSystem.isDirectory(Self.defaultDirectory) {
                do {
                    try FileManager.default.createDirectory(atPath: Self.defaultDirectory, withIntermediateDirectories: false)
                } catch {
                    throw .io("impossible de créer le dossier « \(Self.defaultDirectory) »")
                }
            }
            if let problem = Self.problem(writing: path) {
                dialogue.print(["   ✗ " + QuestionWording.capitalized(problem) + "."])
            } else if !FileManager.default.fileExists(atPath: path) {
                return path
            } else if try dialogue.confirm("Le fichier « \(path) » existe déjà. Le remplacer ?", proposal: false) {
                return path
            }
            dialogue.print(QuestionWording.wrap("Autre chemin pour le profil (Entrée pour quitter sans rien écrire)\(QuestionWording.beforePunctuation):", indent: "  "))
            let typed = AnswerReader.trimmed(try dialogue.readAnswer())
            if typed.isEmpty { return nil }
            path = typed
        }
    }

    /// Fails before any question when `--output` cannot be written, rather than after all of them.
    static func checkWritable(_ path: String) throws(CLIError) {
        if let problem = problem(writing: path) { throw .io(problem) }
    }

    static func problem(writing path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileSystem.isDirectory(directory) {
            return "le dossier « \(directory) » de « \(path) » n'existe pas"
        }
        if FileSystem.isDirectory(path) { return "« \(path) » est un dossier ; un chemin de fichier était attendu" }
        return nil
    }

    static func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
