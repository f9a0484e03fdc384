// libFuzzer target: the streaming CSV reader and the row → profile conversion of `batch`.
//
// Any bytes are read as a territories file against the real vocabulary, without crashing; and the events do not
// depend on how the file is cut into chunks (the reader is fed the same bytes whole, then in two pieces cut where
// the first input byte says): a record must never change because a 64 KB read ended in its middle.
import Foundation
import MandatSante
import RuleKit

let vocabulary: Vocabulary? = {
    let directory = ProcessInfo.processInfo.environment["MANDAT_SANTE_RULES"] ?? "Rules"
    guard let data = FileManager.default.contents(atPath: directory + "/vocabulary.json"),
          let root = try? JSONParser.parse([UInt8](data)) else { return nil }
    return VocabularyLoader.load(root, file: "vocabulary.json").0
}()

func events(_ chunks: [ArraySlice<UInt8>]) -> [CSVEvent] {
    var reader = CSVReader()
    var all: [CSVEvent] = []
    for chunk in chunks { all += reader.feed(chunk) }
    return all + reader.finish()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard let vocabulary else { fatalError("vocabulaire introuvable : lancez depuis la racine du dépôt") }
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let whole = events([bytes[...]])
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) * bytes.count / 256
    precondition(events([bytes[..<cut], bytes[cut...]]) == whole, "les événements dépendent du découpage en morceaux")
    var header: BatchHeader?
    for event in whole {
        switch event {
        case .header(let record):
            header = BatchHeader.read(record, file: "fuzz.csv", vocabulary: vocabulary).0
        case .record(let record):
            if let header {
                let (profile, diagnostics) = BatchRow.profile(record, header: header, file: "fuzz.csv", vocabulary: vocabulary)
                precondition((profile == nil) == !diagnostics.isEmpty)
                _ = diagnostics.map(\.message)
            }
        case .invalid(_, let errors):
            precondition(!errors.isEmpty)
        }
    }
    return 0
}
