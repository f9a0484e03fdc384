/// A zip archive of stored (uncompressed) files, written in memory: what a browser downloads to get many files
/// at once. Names are ASCII; dates are fixed so that the same files give the same bytes.
enum ZipArchive {
    static func make(_ files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        // 2026-03-01 00:00, in MS-DOS format: the start of the mandate.
        let (time, date): (UInt16, UInt16) = (0, UInt16((2026 - 1980) << 9 | 3 << 5 | 1))
        for file in files {
            let name = Array(file.name.utf8)
            let crc = crc32(file.bytes)
            let offset = UInt32(truncatingIfNeeded: archive.count)
            // Local file header.
            archive += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(time) + le16(date)
            archive += le32(crc) + le32(UInt32(file.bytes.count)) + le32(UInt32(file.bytes.count))
            archive += le16(UInt16(name.count)) + le16(0) + name + file.bytes
            // Its central directory entry.
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(time) + le16(date)
            directory += le32(crc) + le32(UInt32(file.bytes.count)) + le32(UInt32(file.bytes.count))
            directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(truncatingIfNeeded: archive.count)
        archive += directory
        archive += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(files.count)) + le16(UInt16(files.count))
        archive += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return archive
    }

    /// The archive holds at most this many bytes and files (no zip64).
    static let maximumBytes = Int(UInt32.max) - 1
    static let maximumFiles = Int(UInt16.max)

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// CRC-32 (ISO-HDLC), as zip wants it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
