/// The names of the files a batch has staged, in the order they were staged, kept as the text of the manifest
/// itself: one buffer of UTF-8 bytes, each name followed by a line feed. A batch of France writes 35,000 files; a
/// string per name (a heap block of some 80 bytes each, and the array's slots) made the memory of a run grow with
/// its rows, where one buffer grows by the bytes of the names alone, without a block per file.
struct StagedNames {
    /// The names, each followed by « \n »: the manifest's text (`BatchOutputFolder.manifestName`).
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ name: String) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x0A)
        count += 1
    }

    /// Each name, in the order staged, made into a string for the call only.
    func forEach<Failure: Error>(_ body: (String) throws(Failure) -> Void) throws(Failure) {
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            try body(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
    }

    /// The manifest: every name on its line.
    var manifest: String { String(decoding: bytes, as: UTF8.self) }
}
