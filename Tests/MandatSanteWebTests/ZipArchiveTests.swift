@testable import MandatSanteWeb
import Testing

@Suite("archive zip")
struct ZipArchiveTests {
    @Test("CRC-32 de référence, et une archive de deux fichiers que l'on relit")
    func crcAndLayout() {
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32([]) == 0)
        let archive = ZipArchive.make([("a.txt", Array("bonjour".utf8)), ("b/c.csv", [])])
        #expect(ZipNames.read(archive) == ["a.txt", "b/c.csv"])
        // Same files, same bytes.
        #expect(archive == ZipArchive.make([("a.txt", Array("bonjour".utf8)), ("b/c.csv", [])]))
    }
}
