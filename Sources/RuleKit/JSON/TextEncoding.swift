/// Recognizes text files saved in an encoding other than UTF-8 that a reader should name rather than misread.
public enum TextEncoding {
    /// « UTF-16 » or « UTF-32 », recognized by a byte order mark or by the zero bytes of ASCII text (`{` is
    /// `7B 00` in UTF-16LE); `nil` for anything else.
    public static func wide(_ bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        guard head.count >= 2 else { return nil }
        if head.count == 4, head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32" }
        if head.count == 4, head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return "UTF-32" }
        if (head[0] == 0) != (head[1] == 0) { return "UTF-16" }
        return nil
    }
}
