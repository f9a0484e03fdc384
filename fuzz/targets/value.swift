// libFuzzer target: the reader of values typed by a person (`TypedValueReader`, `FrenchNumber`) and the escaping
// of what is printed (terminal, quotations, Markdown, CSV cells, French numbers), with their promises checked:
// - a value read for a fact fits it (numbers within bounds and integral for `int`, texts trimmed, without control
//   characters and not too long, choices among the fact's);
// - neutralized text holds no control character but line breaks and tabulations; a quotation stays short;
//   Markdown escaping of a line makes one line; a CSV cell never starts like a formula; any Double formats.
import Foundation
import MandatSante
import RuleKit

let facts: [Fact] = {
    let directory = ProcessInfo.processInfo.environment["MANDAT_SANTE_RULES"] ?? "Rules"
    guard let data = FileManager.default.contents(atPath: directory + "/vocabulary.json"),
          let root = try? JSONParser.parse([UInt8](data)) else { return [] }
    return VocabularyLoader.load(root, file: "vocabulary.json").0.facts
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValue(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard !facts.isEmpty else { fatalError("vocabulaire introuvable : lancez depuis la racine du dépôt") }
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    guard let selector = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let fact = facts[Int(selector) % facts.count]

    switch TypedValueReader.read(text, for: fact, choiceNumbers: selector & 0x80 != 0) {
    case .success(let value?):
        switch value {
        case .number(let number):
            precondition(number.isFinite)
            if let minimum = fact.minimum { precondition(number >= minimum) }
            if let maximum = fact.maximum { precondition(number <= maximum) }
            if fact.type == .int { precondition(number.rounded() == number) }
        case .text(let value):
            if fact.type == .enum { precondition(fact.choice(value) != nil) } else {
                precondition(!value.isEmpty && value.count <= fact.maximumLength)
                precondition(!value.unicodeScalars.contains { TerminalText.isForbiddenInText($0) && !(fact.multiline && $0 == "\n") })
                precondition(value == TypedValueReader.trimmed(value))
            }
        case .set(let members):
            precondition(members.allSatisfy { fact.choice($0) != nil })
        case .bool:
            break
        }
    case .success(nil):
        precondition(!fact.required && TypedValueReader.trimmed(text).isEmpty)
    case .failure(let error):
        _ = error.message
    }
    if case .success(let number) = FrenchNumber.parse(text) { precondition(number.isFinite) }

    let neutral = TerminalText.neutralized(text)
    precondition(!neutral.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
    precondition(!neutral.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    let quoted = QuotedText.quote(text)
    precondition(quoted.unicodeScalars.count <= QuotedText.maximumLength + 40)
    precondition(!MarkdownEscaping.line(text).contains("\n"))
    let cell = CSVField.encode(text, separator: ";")
    let unquoted = cell.hasPrefix("\"") ? cell.dropFirst() : Substring(cell)
    // A plain number (`-12`, `+3`) is a number for a spreadsheet, not a formula, and stays as it is.
    let plainNumber = text.unicodeScalars.allSatisfy { "+-0123456789.,".unicodeScalars.contains($0) } && Double(text.replacingOccurrences(of: ",", with: ".")) != nil
    if !plainNumber, let first = unquoted.unicodeScalars.first(where: { $0 != " " }) {
        precondition(!["=", "+", "@", "\t", "\r"].contains(first), "formule dans une cellule : \(cell)")
    }
    if bytes.count >= 9 {
        let raw = bytes[1..<9].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        _ = ValueFormatter.number(Double(bitPattern: raw))
    }
    return 0
}
