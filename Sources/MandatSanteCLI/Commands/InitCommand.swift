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
    let files: FileSystem

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--output", "--rules"], flags: [], command: Self.name)
        guard parsed.positionals.isEmpty else {
            throw .usage("init ne prend pas d'argument ; le chemin du profil se donne avec --output FICHIER", command: Self.name)
        }
        let output = try parsed.value("--output", command: Self.name)
        if let output, let implied = FormatOption.impliedFormat(output), implied != "json" {
            throw .usage("un profil s'écrit en JSON : \(QuotedText.path(output)) porte l'extension d'un fichier \(implied)", command: Self.name)
        }
        let rulesDirectory = try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory
        let vocabulary = try RuleBaseReader.readValid(rulesDirectory, files: files).vocabulary
        // Before any question: a bad --output (missing folder, a folder, a rule file) is refused now, not at the end.
        if let output { _ = try OutputFile.destination(output, files: files) }
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
        if case .text(let text)? = questionnaire.facts.value(of: vocabulary.factName(.name), in: vocabulary) { name = text } else { name = "profil" }
        guard let path = try destination(output ?? Self.join(Self.defaultDirectory, ProfileDocument.fileName(for: name)), dialogue: dialogue) else {
            console.writeError("mandat-sante : aucun fichier n'a été écrit.\n")
            return .usage
        }
        let schema = ProfileDocument.schemaReference(profilePath: path, rulesDirectory: rulesDirectory,
                                                     currentDirectory: files.workingDirectory)
        try OutputFile.write(ProfileDocument.render(questionnaire.answers, schema: schema), to: path, files: files)
        let rules = rulesDirectory == RuleBaseReader.defaultDirectory ? "" : " --rules \(ProfileDocument.shellQuoted(rulesDirectory))"
        let command = "roadmap \(ProfileDocument.shellQuoted(path))\(rules)"
        dialogue.print(["", "Profil écrit dans \(QuotedText.path(path)).", "", "Pour obtenir sa feuille de route :",
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

    /// Where to write: `path`, unless it cannot be written or exists and the user does not want it replaced; then
    /// another path, or `nil` to quit. The default folder is created when missing.
    private func destination(_ path: String, dialogue: InitDialogue) throws(CLIError) -> String? {
        var path = path
        while true {
            if path == Self.join(Self.defaultDirectory, (path as NSString).lastPathComponent), !files.isDirectory(Self.defaultDirectory),
               mkdir(files.resolve(Self.defaultDirectory), 0o777) != 0, errno != EEXIST {
                throw .io("impossible de créer le dossier « \(Self.defaultDirectory) » : \(SystemError.french(errno))")
            }
            do throws(CLIError) {
                if case .create = try OutputFile.destination(path, files: files) { return path }
                if try dialogue.confirm("Le fichier \(QuotedText.path(path)) existe déjà. Le remplacer ?", proposal: false) { return path }
            } catch {
                guard error.exitCode != .invalidData else { throw error }
                dialogue.print(["   ✗ " + QuestionWording.capitalized(error.message.replacingOccurrences(of: "mandat-sante : erreur : ", with: "").components(separatedBy: "\n")[0]) + "."])
            }
            guard let typed = try otherPath(dialogue) else { return nil }
            path = typed
        }
    }

    /// Another path typed by the user, or `nil` (Enter) to quit; a path with a control character (an arrow key
    /// typed by mistake) is asked again.
    private func otherPath(_ dialogue: InitDialogue) throws(CLIError) -> String? {
        dialogue.print(QuestionWording.wrap("Autre chemin pour le profil (Entrée pour quitter sans rien écrire)\(QuestionWording.beforePunctuation):", indent: "  "))
        while true {
            let typed = AnswerReader.trimmed(try dialogue.readAnswer())
            guard let control = typed.unicodeScalars.first(where: TerminalText.isForbiddenInText) else { return typed.isEmpty ? nil : typed }
            dialogue.print(["   ✗ Caractère de contrôle \(FrenchDiagnostics.name(of: control)) dans le chemin : retapez-le."])
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
