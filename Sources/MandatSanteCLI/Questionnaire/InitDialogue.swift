import MandatSante
import RuleKit

/// The conversation of `init` on a console: prints the questions, reads the answers, asks again with the reason
/// when an answer is refused. The end of the input (Ctrl-D, end of a pipe) stops it with an error that writes
/// nothing.
struct InitDialogue {
    let console: Console

    /// The error that ends `init` early: nothing has been written, and the exit code says so.
    static let endOfInput = CLIError(
        exitCode: .usage,
        message: "mandat-sante : fin de l'entrée avant la fin du questionnaire ; aucun fichier n'a été écrit.\nRelancez « mandat-sante init » pour recommencer.")

    /// Asks every question that applies; on a second pass, `previous` answers are proposed again.
    func askAll(_ vocabulary: Vocabulary, previous: [String: Answer] = [:]) throws(CLIError) -> Questionnaire {
        var questionnaire = Questionnaire(vocabulary: vocabulary, previous: previous)
        while true {
            switch questionnaire.next() {
            case .finished:
                return questionnaire
            case .skip(let question):
                if let trace = questionnaire.skipTrace(question) {
                    print(QuestionWording.skipped(question, trace: trace, vocabulary: vocabulary))
                }
            case .ask(let question):
                print(QuestionWording.lines(question))
                while case .failure(let error) = questionnaire.answer(try readAnswer()) {
                    print(QuestionWording.wrap("✗ " + QuestionWording.capitalized(error.message), indent: "     ", first: "   "))
                }
            }
        }
    }

    /// One line typed after the « > » prompt.
    func readAnswer(prompt: String = "> ") throws(CLIError) -> String {
        console.write(prompt)
        guard let line = console.readLine() else {
            console.write("\n")
            throw Self.endOfInput
        }
        return line
    }

    /// A yes-or-no question, asked again until the answer is one; Enter gives `proposal`.
    func confirm(_ question: String, proposal: Bool) throws(CLIError) -> Bool {
        let enter = proposal ? "oui" : "non"
        print(QuestionWording.wrap("\(question) (o/n, Entrée\(QuestionWording.beforePunctuation)= \(enter))", indent: "  "))
        while true {
            let typed = AnswerReader.trimmed(try readAnswer())
            if typed.isEmpty { return proposal }
            if let answer = AnswerReader.yesNo(typed) { return answer }
            print(["   ✗ \(QuotedText.quote(typed)) : répondez o (oui) ou n (non)."])
        }
    }

    func print(_ lines: [String]) {
        console.write(lines.joined(separator: "\n") + "\n")
    }
}
