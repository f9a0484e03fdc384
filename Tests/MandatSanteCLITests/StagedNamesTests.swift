import Foundation
@testable import MandatSanteCLI
import Testing

/// The list of a batch's staged files, written as they come and read back by the commit.
@Suite("batch : la liste des fichiers écrits, tenue sur le disque")
struct StagedNamesTests {
    @Test("relue dans l'ordre, nom par nom, à travers les morceaux de lecture ; le fichier est le manifeste de la mise en place")
    func readBackInOrderAcrossChunks() throws {
        let path = try temporaryDirectory().appendingPathComponent(".mandat-sante-batch").path
        var staged = try #require(StagedNames(path: path))
        // Names of varying lengths (accents included), enough to span several chunks of `bufferSize` bytes and to
        // cut names at a chunk's end.
        let names = (1...9_000).map { "\(String(format: "%05d", $0))-\(String(repeating: "é", count: $0 % 37))-commune.\(["txt", "csv", "json"][$0 % 3])" }
        for name in names { #expect(staged.append(name) == nil) }
        #expect(staged.count == names.count)
        #expect(staged.close() == nil)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 2 * StagedNames.bufferSize)
        #expect(String(decoding: bytes, as: UTF8.self) == names.joined(separator: "\n") + "\n")
        var read: [String] = []
        #expect(try StagedNames.forEachLine(in: path) { read.append($0); return true })
        #expect(read == names)
        // Stopped by the body: no more names.
        var first: [String] = []
        try StagedNames.forEachLine(in: path) { first.append($0); return first.count < 3 }
        #expect(first == Array(names.prefix(3)))
    }

    @Test("une liste qu'on ne peut créer (le fichier existe déjà) ou relire (absente) : dit, jamais lue vide en silence")
    func missingOrExisting() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("liste").path
        try "déjà là\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(StagedNames(path: path) == nil)
        #expect(errno == EEXIST)
        #expect(try StagedNames.forEachLine(in: folder.appendingPathComponent("absente").path) { _ in true } == false)
    }
}
