import RuleKit
import Testing

@Suite struct JSONWriterTests {
    @Test("un nombre en dixièmes s'écrit en nombre JSON, avec un point décimal seulement s'il a une fraction : 33 → 3.3, 20 → 2, 5 → 0.5")
    func tenths() {
        var writer = JSONWriter()
        writer.object { json in
            json.field("a", tenths: 33)
            json.field("b", tenths: 20)
            json.field("c", tenths: 5)
            json.field("d", tenths: -16)
        }
        #expect(writer.finish() == "{\n  \"a\": 3.3,\n  \"b\": 2,\n  \"c\": 0.5,\n  \"d\": -1.6\n}\n")
    }

    @Test("un document écrit dans un tampon repris d'un document plus long est le même qu'écrit dans un tampon neuf")
    func reusedBuffer() {
        func long(_ json: inout JSONWriter) {
            json.array { json in for index in 0..<200 { json.object { json in json.field("n", index); json.field("texte", "« ligne \(index) »") } } }
        }
        func short(_ json: inout JSONWriter) {
            json.object { json in json.field("a", "b"); json.field("c", [String]()) }
        }
        let pool = JSONWriter.BufferPool(keeping: 1)
        var fresh = JSONWriter()
        long(&fresh)
        #expect(JSONWriter.document(capacity: 16, reusing: pool, long) == fresh.finishBytes())
        var freshShort = JSONWriter()
        short(&freshShort)
        let shortBytes = freshShort.finishBytes()
        #expect(JSONWriter.document(capacity: 16, reusing: pool, short) == shortBytes)
        #expect(JSONWriter.document(capacity: 16, reusing: pool, short) == shortBytes)
    }

    @Test("un guillemet, une barre oblique inverse ou un caractère de contrôle est échappé à toute position d'un long texte")
    func escapesAtEveryOffset() {
        let plain = "Saint-Étienne — feuille de route 2026, « santé » ~ 12 400 habitants"
        for offset in 0..<40 {
            for (special, escaped) in [("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{1}", "\\u0001"), ("\u{1F}", "\\u001f"),
                                       ("\u{7F}", "\\u007f"), ("\u{80}", "\\u0080"), ("\u{85}", "\\u0085"), ("\u{9B}", "\\u009b"), ("\u{9F}", "\\u009f")] {
                let index = plain.utf8.index(plain.utf8.startIndex, offsetBy: offset)
                guard let head = String(plain.utf8[..<index]), let tail = String(plain.utf8[index...]) else { continue }
                var writer = JSONWriter()
                writer.string(head + special + tail)
                #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"" + head + escaped + tail + "\"", "\(escaped) à l'octet \(offset)")
            }
        }
        var writer = JSONWriter()
        writer.string(plain)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"" + plain + "\"")
    }

    @Test("chaque caractère de contrôle (C0, DEL, C1) est échappé, le texte relu est le même, et il ne reste rien à neutraliser pour un terminal ; « », espace insécable et É gardés tels quels")
    func everyControlCharacterIsEscaped() throws {
        let controls = (0..<0x20).map { $0 } + (0x7F...0x9F).map { $0 }
        for value in controls {
            let text = "a\u{A0}« \(Character(Unicode.Scalar(UInt8(value)))) »É"
            var writer = JSONWriter()
            writer.string(text)
            let bytes = writer.bytes
            #expect(TerminalText.neutralized(bytes: bytes, []) == bytes, "U+\(String(value, radix: 16))")
            #expect(try JSONParser.parse(String(decoding: bytes, as: UTF8.self)).value == .string(text), "U+\(String(value, radix: 16))")
        }
        var writer = JSONWriter()
        writer.string("a\u{A0}« É » \u{A0}\u{BF}\u{C0}")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"a\u{A0}« É » \u{A0}\u{BF}\u{C0}\"")
    }

    @Test func layoutIsTheLayoutOfTheValueTree() {
        let long = (1...13).map { "v\($0)" }
        let tree: JSONOutput = .object([
            ("name", .string("Saint-Étienne « centre » \"quoted\" \\ back\nline\u{1}")),
            ("empty", .object([])),
            ("none", .array([])),
            ("short", .array(["a", "b"].map { .string($0) })),
            ("twelve", .array((1...12).map { .integer($0) })),
            ("long", .array(long.map { .string($0) })),
            ("missing", .null),
            ("items", .array([
                .object([("rank", .integer(1)), ("tags", .array([])), ("nested", .object([("x", .integer(-3))]))]),
                .object([]),
            ])),
            ("set", .array([.string("a"), .bool(true), .number(2.5), .number(3)])),
        ])
        var writer = JSONWriter()
        writer.object { json in
            json.field("name", "Saint-Étienne « centre » \"quoted\" \\ back\nline\u{1}")
            json.object("empty") { _ in }
            json.array("none") { _ in }
            json.field("short", ["a", "b"])
            json.key("twelve")
            json.integers(Array(1...12))
            json.field("long", long)
            json.field("missing", nil as String?)
            json.array("items") { json in
                json.object { json in
                    json.field("rank", 1)
                    json.field("tags", [String]())
                    json.object("nested") { json in json.field("x", -3) }
                }
                json.object { _ in }
            }
            json.key("set")
            json.value(.array([.string("a"), .bool(true), .number(2.5), .number(3)]))
        }
        let written = writer.finish()
        #expect(written == tree.rendered())
        #expect(written.contains("\"short\": [\"a\", \"b\"],\n"))
        #expect(written.contains("\"long\": [\n    \"v1\",\n"))
        #expect(written.contains("\"empty\": {},\n  \"none\": [],\n"))
        #expect(written.contains("\\\"quoted\\\" \\\\ back\\nline\\u0001"))
        #expect(written.hasSuffix("\n}\n"))
    }
}

@Suite struct JSONWriterBufferTests {
    @Test("un long document dépasse la capacité réservée ; une copie du rédacteur écrit dans ses propres octets")
    func growsAndCopiesOnWrite() {
        var writer = JSONWriter(capacity: 8)
        writer.object { json in
            json.field("n", -9_223_372_036_854_775_807 - 1)
            json.field("zero", 0)
            json.field("long", String(repeating: "é« »", count: 300))
        }
        var copy = writer
        let original = writer.finish()
        let copied = copy.finish()
        #expect(original == copied)
        #expect(original.hasPrefix("{\n  \"n\": -9223372036854775808,\n  \"zero\": 0,\n  \"long\": \"é« »"))
        #expect(original.hasSuffix("é« »\"\n}\n"))
        copy = JSONWriter()
        copy.integers([7, -42, 1_000_000])
        #expect(String(decoding: copy.bytes, as: UTF8.self) == "[7, -42, 1000000]")
    }

    @Test("quarante niveaux imbriqués (plus que les conteneurs réservés d'avance), chacun avec deux membres : la mise en page de l'arbre de valeurs ; une copie prise au milieu ferme ses propres conteneurs")
    func deepNestingIsTheLayoutOfTheTree() {
        func tree(_ level: Int) -> JSONOutput {
            guard level > 0 else { return .array([.integer(1), .string("« fin »")]) }
            return .object([("niveau", .integer(level)), ("suite", level.isMultiple(of: 2) ? tree(level - 1) : .array([tree(level - 1), .null]))])
        }
        func write(_ level: Int, _ json: inout JSONWriter) {
            guard level > 0 else {
                json.value(.array([.integer(1), .string("« fin »")]))
                return
            }
            json.object { json in
                json.field("niveau", level)
                json.key("suite")
                if level.isMultiple(of: 2) {
                    write(level - 1, &json)
                } else {
                    json.array { json in write(level - 1, &json); json.null() }
                }
            }
        }
        var writer = JSONWriter(capacity: 16)
        write(40, &writer)
        let written = writer.finish()
        #expect(written == tree(40).rendered())
        #expect(written.hasPrefix("{\n  \"niveau\": 40,\n  \"suite\": {\n    \"niveau\": 39,\n    \"suite\": [\n      {\n        \"niveau\": 38,"))
        #expect(written.contains("[1, \"« fin »\"],\n"))
        // A copy taken with containers open writes its own closing brackets; the original is untouched.
        var open = JSONWriter()
        var copy = open
        open.object { json in
            json.field("a", 1)
            var inner = json
            inner.field("b", 2)
            json.field("c", 3)
        }
        copy.array { json in json.integer(4) }
        #expect(open.finish() == "{\n  \"a\": 1,\n  \"c\": 3\n}\n")
        #expect(copy.finish() == "[\n  4\n]\n")
    }
}
