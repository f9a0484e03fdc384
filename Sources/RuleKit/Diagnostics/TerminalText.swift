/// Makes text from outside safe to print on a terminal: control characters become visible symbols instead of
/// commands. An escape character in a profile name, a CSV cell or a file name could otherwise clear the screen,
/// set the window title or write the clipboard (OSC 52) of whoever reads the message.
///
/// - C0 controls become their Unicode control picture (`ESC` → `␛`, `NUL` → `␀`), DEL becomes `␡`;
/// - C1 controls (U+0080–U+009F, which some terminals obey like `ESC` sequences) and, in messages, the
///   bidirectional overrides that reorder what is shown (U+202A–U+202E, U+2066–U+2069) become `‹U+009B›`;
/// - line breaks and tabulations are kept when asked, a carriage return only as part of CRLF.
public enum TerminalText {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Keep `\n` (and `\r` just before it) and `\t`: multi-line text, a rendered document.
        public static let keepLineBreaks = Options(rawValue: 1)
        /// Also neutralize the bidirectional overrides: for messages, where a reordered file name could lie.
        public static let bidirectional = Options(rawValue: 2)
    }

    /// `text` with every control character made visible; the same string when there is none (the usual case,
    /// decided on the UTF-8 bytes without allocating).
    public static func neutralized(_ text: String, _ options: Options = [.keepLineBreaks, .bidirectional]) -> String {
        guard needsWork(text.utf8, options) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if let replacement = replacement(for: scalar, next: index + 1 < scalars.count ? scalars[index + 1] : nil, options) {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `bytes` (UTF-8) with every control character made visible; the same bytes when there is none (the usual
    /// case: a rendered document, decided without building a string).
    public static func neutralized(bytes: [UInt8], _ options: Options = [.keepLineBreaks, .bidirectional]) -> [UInt8] {
        guard bytes.withUnsafeBufferPointer({ needsWork(buffer: $0, options) }) else { return bytes }
        return Array(neutralized(String(decoding: bytes, as: UTF8.self), options).utf8)
    }

    /// Whether `scalar` is a control character that text facts refuse: C0 and C1 controls, DEL, the line and
    /// paragraph separators, and the bidirectional overrides.
    public static func isForbiddenInText(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Plain comparisons: asked of every scalar of every rule file, where a range's `contains` is slow unoptimised.
        return value < 0x20 || (value >= 0x7F && value <= 0x9F) || value == 0x2028 || value == 0x2029 || isBidirectionalControl(value)
    }

    /// The code point of a character as diagnostics name it: `U+001B`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        describeCode(scalar.value)
    }

    public static func isBidirectionalControl(_ value: UInt32) -> Bool {
        (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069)
    }

    private static func replacement(for scalar: Unicode.Scalar, next: Unicode.Scalar?, _ options: Options) -> String? {
        let value = scalar.value
        switch value {
        case 0x0A, 0x09:
            return options.contains(.keepLineBreaks) ? nil : picture(value)
        case 0x0D:
            return options.contains(.keepLineBreaks) && next == "\n" ? nil : picture(value)
        case 0..<0x20:
            return picture(value)
        case 0x7F:
            return "\u{2421}"
        case 0x80...0x9F:
            return "‹" + describeCode(value) + "›"
        default:
            if options.contains(.bidirectional), isBidirectionalControl(value) { return "‹" + describeCode(value) + "›" }
            return nil
        }
    }

    private static func picture(_ value: UInt32) -> String {
        String(Character(Unicode.Scalar(0x2400 + value) ?? "?"))
    }

    private static func describeCode(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A scan of the UTF-8 bytes: C0 and DEL are single bytes, C1 controls are `C2 80`–`C2 9F`, the bidirectional
    /// overrides `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
    private static func needsWork(_ bytes: String.UTF8View, _ options: Options) -> Bool {
        // Documents of 100 KB go through here (every roadmap of a batch): printable ASCII, nearly all of it, is
        // skipped at once; only the other bytes are looked at with their neighbours.
        if let result = bytes.withContiguousStorageIfAvailable({ needsWork(buffer: $0, options) }) { return result }
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        let keep = options.contains(.keepLineBreaks)
        for byte in bytes {
            // A carriage return is kept only right before a line feed.
            if previous == 0x0D && byte != 0x0A { return true }
            switch byte {
            case 0x0A, 0x09, 0x0D:
                if !keep { return true }
            case 0..<0x20, 0x7F:
                return true
            case 0x80...0x9F where previous == 0xC2:
                return true
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2:
                if options.contains(.bidirectional) { return true }
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2:
                if options.contains(.bidirectional) { return true }
            default:
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return previous == 0x0D
    }

    private static func needsWork(buffer: UnsafeBufferPointer<UInt8>, _ options: Options) -> Bool {
        let keep = options.contains(.keepLineBreaks)
        let bidirectional = options.contains(.bidirectional)
        let count = buffer.count
        let base = UnsafeRawPointer(buffer.baseAddress)
        var index = 0
        while index < count {
            // Eight bytes at a time. A word of printable ASCII (0x20–0x7E: no byte borrows when 0x20 is taken
            // from it, none carries when 1 is added) is skipped at once. Otherwise its suspect bytes are found
            // exactly — below 0x20 (less the line feed and the tab when line breaks are kept), DEL, a C2 (the
            // C1 controls' lead byte) before 80–9F or at the word's end, an E2 (the bidirectional overrides') — and
            // each is checked in place, then the scan goes on after the word: a JSON roadmap has a line feed every
            // few dozen bytes, French prose a « », a no-break space or a ’ as often, and reloading the word after
            // each of them cost more than the rest of the scan.
            if let base, index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let highs: UInt64 = 0x8080_8080_8080_8080
                if ((word &- 0x2020_2020_2020_2020) | (word &+ 0x0101_0101_0101_0101) | word) & highs == 0 {
                    index += 8
                    continue
                }
                var suspects = Self.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0) | Self.zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
                if keep, suspects != 0 { suspects &= ~(Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | Self.zeroBytes(word ^ 0x0909_0909_0909_0909)) }
                if word & highs != 0 {
                    // A C2 whose next byte (the word shifted by one byte) is 80–9F; the last byte's next is checked in place.
                    var c1 = Self.zeroBytes(word ^ 0xC2C2_C2C2_C2C2_C2C2)
                    if c1 != 0 { c1 &= Self.zeroBytes(((word &>> 8) & 0xE0E0_E0E0_E0E0_E0E0) ^ 0x8080_8080_8080_8080) | 0x8000_0000_0000_0000 }
                    suspects |= c1
                    // The bidirectional overrides' lead byte, only when they are neutralized: a rendered document
                    // keeps them, and French typography has an `E2` every few words (’, —, the narrow no-break space).
                    if bidirectional { suspects |= Self.zeroBytes(word ^ 0xE2E2_E2E2_E2E2_E2E2) }
                }
                while suspects != 0 {
                    if Self.isControl(at: index + suspects.trailingZeroBitCount / 8, buffer, keep: keep, bidirectional: bidirectional) { return true }
                    suspects &= suspects &- 1
                }
                index += 8
                continue
            }
            if Self.isControl(at: index, buffer, keep: keep, bidirectional: bidirectional) { return true }
            index += 1
        }
        return false
    }

    /// Whether the byte at `index` starts a control character (`needsWork`).
    @inline(__always)
    private static func isControl(at index: Int, _ buffer: UnsafeBufferPointer<UInt8>, keep: Bool, bidirectional: Bool) -> Bool {
        let count = buffer.count
        let byte = buffer[index]
        if byte >= 0x20 && byte < 0x7F { return false }
        switch byte {
        case 0x0A, 0x09:
            return !keep
        case 0x0D:
            // A carriage return is kept only right before a line feed.
            return !keep || index + 1 >= count || buffer[index + 1] != 0x0A
        case 0..<0x20, 0x7F:
            return true
        case 0xC2:
            return index + 1 < count && (0x80...0x9F).contains(buffer[index + 1])
        case 0xE2:
            guard bidirectional, index + 2 < count else { return false }
            let second = buffer[index + 1], third = buffer[index + 2]
            return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
        default:
            return false
        }
    }

    /// The high bit of each byte of `word` that is zero, exactly (no carry crosses a byte).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word) & 0x8080_8080_8080_8080
    }
}
