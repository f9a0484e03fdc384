import MandatSante
import Testing

/// Everything the reader reports for `bytes`, fed in chunks of `chunkSize` bytes.
private func read(_ bytes: [UInt8], chunkSize: Int = 1 << 16, separator: UInt8? = nil) -> (events: [CSVEvent], separator: UInt8?) {
    var reader = CSVReader(separator: separator)
    var events: [CSVEvent] = []
    var start = 0
    while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        events += reader.feed(bytes[start..<end])
        start = end
    }
    events += reader.finish()
    return (events, reader.separator)
}

private func read(_ text: String, chunkSize: Int = 1 << 16) -> [CSVEvent] {
    read(Array(text.utf8), chunkSize: chunkSize).events
}

private func records(_ events: [CSVEvent]) -> [CSVRecord] {
    events.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
}

private func errors(_ events: [CSVEvent]) -> [CSVReadError] {
    events.flatMap { event -> [CSVReadError] in
        if case .invalid(_, let errors) = event { return errors }
        return []
    }
}

/// Chunk sizes that cut CRLF pairs, quotes and multi-byte characters at every possible place.
private let chunkSizes = [1, 2, 3, 7, 1 << 16]

@Suite("lecteur CSV en flux")
struct BatchCSVReaderTests {
    @Test("un champ entre guillemets garde séparateurs et guillemets doublés", arguments: chunkSizes)
    func quotedFields(chunkSize: Int) {
        let events = read("name;note\n\"Saint-Jean; le haut\";\"dit \"\"le bourg\"\"\"\nB;\"\"\n", chunkSize: chunkSize)
        #expect(events.first == .header(CSVRecord(line: 1, fields: ["name", "note"])))
        #expect(records(events) == [
            CSVRecord(line: 2, fields: ["Saint-Jean; le haut", "dit \"le bourg\""]),
            CSVRecord(line: 3, fields: ["B", ""]),
        ])
    }

    @Test("un retour à la ligne entre guillemets reste dans le champ, et les lignes suivantes sont bien numérotées", arguments: chunkSizes)
    func newlineInsideQuotes(chunkSize: Int) {
        let events = read("name;note;kind\nA;\"ligne 1\r\nligne 2\";commune\nB;x;commune\n", chunkSize: chunkSize)
        #expect(records(events) == [
            CSVRecord(line: 2, fields: ["A", "ligne 1\r\nligne 2", "commune"], fieldLines: [2, 2, 3]),
            CSVRecord(line: 4, fields: ["B", "x", "commune"]),
        ])
    }

    @Test("le séparateur se déduit de l'en-tête : « ; » ou « , »", arguments: [
        ("name;kind;population\n", UInt8(ascii: ";")),
        ("name,kind,population\n", UInt8(ascii: ",")),
        ("\"a;b\",kind\n", UInt8(ascii: ",")),
        ("name\n", UInt8(ascii: ";")),
    ])
    func separatorDetection(header: String, expected: UInt8) {
        #expect(read(Array(header.utf8)).separator == expected)
    }

    @Test("avec la virgule comme séparateur, un texte qui en contient est entre guillemets", arguments: chunkSizes)
    func commaSeparated(chunkSize: Int) {
        let events = read("name,share75Plus\n\"Port, le bas\",\"15,5\"\n", chunkSize: chunkSize)
        #expect(records(events) == [CSVRecord(line: 2, fields: ["Port, le bas", "15,5"])])
    }

    @Test("la marque d'ordre des octets UTF-8 est ignorée", arguments: chunkSizes)
    func byteOrderMark(chunkSize: Int) {
        let (events, _) = read([0xEF, 0xBB, 0xBF] + Array("name;kind\nÉcully;commune\n".utf8), chunkSize: chunkSize)
        #expect(events == [.header(CSVRecord(line: 1, fields: ["name", "kind"])), .record(CSVRecord(line: 2, fields: ["Écully", "commune"]))])
    }

    @Test("CRLF, CR seul, lignes vides et dernière ligne sans fin de ligne", arguments: chunkSizes)
    func lineEnds(chunkSize: Int) {
        let events = read("\r\nname;kind\r\nA;b\r\n\r\nC;d\rE;f", chunkSize: chunkSize)
        #expect(events == [
            .header(CSVRecord(line: 2, fields: ["name", "kind"])),
            .record(CSVRecord(line: 3, fields: ["A", "b"])),
            .record(CSVRecord(line: 5, fields: ["C", "d"])),
            .record(CSVRecord(line: 6, fields: ["E", "f"])),
        ])
    }

    @Test("Windows-1252 : reconnu par le premier champ qui n'est pas ASCII, lu juste pour tout le fichier", arguments: chunkSizes)
    func windows1252(chunkSize: Int) {
        let bytes = Array("name;note\nA;b\n".utf8) + [0x43, 0xE9, 0x3B, 0x80, 0x0A] + Array("E;\"f\n".utf8) + [0x9C, 0x92] + Array("\"\nG;h\n".utf8)
        var reader = CSVReader()
        var events: [CSVEvent] = []
        var offset = 0
        while offset < bytes.count {
            events += reader.feed(bytes[offset..<min(offset + chunkSize, bytes.count)])
            offset += chunkSize
        }
        events += reader.finish()
        #expect(errors(events).isEmpty)
        #expect(records(events).map(\.fields) == [["A", "b"], ["Cé", "€"], ["E", "f\nœ’"], ["G", "h"]])
        #expect(reader.encoding == .windows1252 && reader.encodingLine == 3)
    }

    @Test("deux encodages dans un fichier : la cellule en cause est signalée ; un octet sans caractère aussi", arguments: chunkSizes)
    func mixedEncodings(chunkSize: Int) {
        let bytes = Array("name;note\nA;é\n".utf8) + [0x43, 0xE9, 0x3B, 0x64, 0x0A] + Array("E;f\n".utf8)
        let (events, _) = read(bytes, chunkSize: chunkSize)
        #expect(records(events).map(\.line) == [2, 4])
        #expect(errors(events) == [
            CSVReadError(code: CSVReader.mixedEncodingCode, message: "cette cellule n'est pas en UTF-8 (octets 0xE9), alors que le fichier l'est (ligne 2) : il mélange deux encodages et ne peut être lu en entier ; ouvrez-le dans le tableur et enregistrez-le à nouveau en « CSV UTF-8 »", line: 3, column: 1),
        ])
        let undefined = read(Array("name;note\nA;".utf8) + [0x81] + Array("\n".utf8), chunkSize: chunkSize).events
        #expect(errors(undefined) == [
            CSVReadError(code: "csv.encodage", message: "texte qui n'est pas de l'UTF-8 valide (octets 0x81) ; enregistrez le fichier en « CSV UTF-8 »", line: 2, column: 2),
        ])
    }

    @Test("après l'en-tête, une ligne qui commence par # est un commentaire", arguments: chunkSizes)
    func comments(chunkSize: Int) {
        let (events, _) = read(Array("#name;note\nA;b\n# une note ; libre\n  #aussi\nC;d\n".utf8), chunkSize: chunkSize)
        #expect(events.first == .header(CSVRecord(line: 1, fields: ["#name", "note"])))
        #expect(records(events).map(\.line) == [2, 5])
        #expect(errors(events).isEmpty)
    }

    @Test("une ligne qui n'a pas le nombre de champs de l'en-tête est signalée à la colonne en cause", arguments: chunkSizes)
    func wrongFieldCount(chunkSize: Int) {
        let events = read("a;b;c\n1;2\n1;2;3;4\n5;6;7\n", chunkSize: chunkSize)
        #expect(records(events) == [CSVRecord(line: 4, fields: ["5", "6", "7"])])
        let found = errors(events)
        #expect(found.map { "\($0.line):\($0.column) \($0.code)" } == ["2:3 csv.nombre-de-champs", "3:4 csv.nombre-de-champs"])
        #expect(found.first?.message == "2 champs au lieu des 3 de l'en-tête : il manque 1 champ (séparateur « ; »)")
        #expect(found.last?.message.hasPrefix("4 champs au lieu des 3 de l'en-tête : 1 champ en trop") == true)
    }

    @Test("un guillemet jamais refermé est signalé à sa ligne")
    func unterminatedQuote() {
        let events = read("name;note\nA;b\nC;\"sans fin\nD;e\n")
        #expect(records(events).map(\.line) == [2])
        #expect(errors(events).map { "\($0.line):\($0.column) \($0.code)" } == ["3:2 csv.guillemet-non-ferme"])
    }

    @Test("un fichier UTF-16 est refusé dès l'en-tête")
    func utf16() {
        let (events, _) = read([0xFF, 0xFE] + Array("n\0a\0m\0e\0".utf8))
        guard case .invalid(let line, let found) = events.first else {
            Issue.record("un en-tête invalide était attendu, pas \(events)")
            return
        }
        #expect(line == 1)
        #expect(found.first?.message.contains("UTF-16") == true)
    }

    @Test("un fichier vide ne donne rien, pas même un en-tête")
    func emptyInput() {
        #expect(read("").isEmpty)
        #expect(read("\n\r\n  \n").isEmpty)
        // Blank lines are not buffered forever while waiting for a header.
        var reader = CSVReader()
        #expect(reader.feed([UInt8](repeating: 0x0A, count: CSVReader.maximumRecordBytes + 1)).isEmpty)
        #expect(reader.separator == UInt8(ascii: ";"))
        #expect(reader.feed(Array("name;kind\n".utf8)) == [.header(CSVRecord(line: CSVReader.maximumRecordBytes + 2, fields: ["name", "kind"]))])
    }

    @Test("un enregistrement démesuré est signalé sans être gardé en mémoire")
    func oversizedRecord() {
        let huge = "name;note\nA;\"" + String(repeating: "x", count: CSVReader.maximumRecordBytes + 10) + "\"\nB;c\n"
        let events = read(huge)
        #expect(records(events).map(\.line) == [3])
        #expect(errors(events).map(\.code) == ["csv.trop-long"])
    }
}
