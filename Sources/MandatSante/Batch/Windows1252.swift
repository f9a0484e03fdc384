/// Windows-1252, the encoding a French Excel saves « CSV (séparateur : point-virgule) » in: Latin-1 plus
/// typographic quotes, the euro sign, « œ » and « Œ » in 0x80–0x9F. Five bytes of that range have no character.
public enum Windows1252 {
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The text of `bytes`, or the offset of the first byte without a character.
    public static func decode(_ bytes: [UInt8]) -> Result<String, UndefinedByte> {
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            let value: UInt32
            if byte < 0x80 || byte >= 0xA0 {
                value = UInt32(byte)
            } else if let mapped = high[Int(byte - 0x80)] {
                value = mapped
            } else {
                return .failure(UndefinedByte(offset: offset, byte: byte))
            }
            // Every value above is a valid scalar.
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return .success(String(scalars))
    }

    public struct UndefinedByte: Error, Hashable {
        public var offset: Int
        public var byte: UInt8
    }
}
