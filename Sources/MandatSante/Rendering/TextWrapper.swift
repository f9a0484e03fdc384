/// Wraps prose to a terminal width with hanging indents. No-break spaces (in « 3 500 », « 12 % ») never break,
/// French guillemets stay attached to the words they enclose, and a line never starts with « : », « ; », « ! » or
/// « ? » (French puts a space before them, which must not break).
///
/// Works on UTF-8 bytes: appending scalar by scalar to a `String` went through Unicode repair and was most of
/// the time it took to render a roadmap as text. A line's length is its number of Unicode scalars: the bytes that
/// do not continue a scalar, counted eight at a time. A text is looked at once for what makes its lines differ
/// from its bytes (a double space, a guillemet); without any (nearly every text), each line is found by counting
/// its columns ahead, then going back to the last space, rather than word by word.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        wrap(text, width: width, indent: indent, firstIndent: firstIndent, into: &line) { line in
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        return lines
    }

    /// Appends the lines of `text` to `out`, each followed by a line feed: a document is written in one buffer,
    /// without a string per line.
    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8]) {
        wrap(text, width: width, indent: indent, firstIndent: firstIndent, into: &out) { $0.append(0x0A) }
    }

    /// The same for a text given as its UTF-8 bytes (a line composed of several pieces without a string for it).
    static func wrap(bytes text: UnsafeBufferPointer<UInt8>, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8]) {
        wrap(text, width: width, indent: indent, firstIndent: firstIndent, into: &out) { $0.append(0x0A) }
    }

    private static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8],
                             endLine: (inout [UInt8]) -> Void) {
        var text = text
        text.withUTF8 { wrap($0, width: width, indent: indent, firstIndent: firstIndent, into: &out, endLine: endLine) }
    }

    /// Words are split at spaces, except the space after « and before », which becomes a no-break space so that a
    /// guillemet never starts or ends a line alone, and the space before a high punctuation sign, kept inside the
    /// word. `endLine` ends each line written to `out`.
    ///
    /// A line is copied from `text` at once when it is there as it is written — its words separated by one space,
    /// none joined inside (nearly every line) — rather than word by word.
    private static func wrap(_ source: UnsafeBufferPointer<UInt8>, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8],
                             endLine: (inout [UInt8]) -> Void) {
        var first = firstIndent ?? indent
        var lineLength = first.withUTF8 { first in
            out.append(contentsOf: first)
            return scalarCount(first)
        }
        var indent = indent
        indent.withUTF8 { indent in
            let indentLength = scalarCount(indent)
            let count = source.count
            let base = UnsafeRawPointer(source.baseAddress)
            // Looked at once for the whole text: its lines are then found without looking for a double space or
            // a guillemet in each.
            let plain = isPlain(source)
            // The words placed on the line being filled: `source[lineStart..<lineEnd]`, copied as it is when
            // `verbatim`.
            var lineStart = 0
            var lineEnd = 0
            var lineHasWord = false
            var verbatim = true
            func flush(into out: inout [UInt8]) {
                guard lineHasWord else { return }
                if verbatim {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[lineStart..<lineEnd]))
                } else {
                    appendWords(source, from: lineStart, to: lineEnd, into: &out)
                }
            }
            var index = 0
            while index < count {
                if source[index] == space && !joins(source, at: index) { index += 1; continue }
                if !lineHasWord, let line = plain ? quickLine(source, from: index, columns: width - lineLength)
                                                  : plainLine(source, from: index, columns: width - lineLength) {
                    // A whole line at once (nearly every line): the bytes the words below would have placed.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<line.end]))
                    guard line.end < count, line.next < count else { index = count; break }
                    endLine(&out)
                    out.append(contentsOf: indent)
                    lineLength = indentLength
                    index = line.next
                    continue
                }
                // A word: up to the next space that does not join.
                let start = index
                var length = 0
                var joined = false
                while index < count {
                    // Eight bytes at a time up to the next space, each counted unless it continues a scalar.
                    if let base, index + 8 <= count {
                        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                        let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                        if spaces == 0 {
                            length += 8 - highBitCount(continuations)
                            index += 8
                            continue
                        }
                        // The bytes before the first space (its high bit is the lowest set in `spaces`).
                        let before = spaces.trailingZeroBitCount &>> 3
                        let within: UInt64 = (1 &<< UInt64(before &<< 3)) &- 1
                        length += before - highBitCount(continuations & within)
                        index += before
                    } else if source[index] != space {
                        if source[index] & 0xC0 != 0x80 { length += 1 }
                        index += 1
                        continue
                    }
                    // At a space.
                    guard joins(source, at: index) else { break }
                    joined = true
                    length += 1
                    index += 1
                }
                if lineHasWord && lineLength + 1 + length > width {
                    flush(into: &out)
                    endLine(&out)
                    out.append(contentsOf: indent)
                    lineLength = indentLength
                    lineHasWord = false
                }
                if lineHasWord {
                    lineLength += 1
                    // The word before ended at a space: one space, and the line still reads as in `text`.
                    if start != lineEnd + 1 { verbatim = false }
                } else {
                    lineStart = start
                    verbatim = true
                }
                if joined { verbatim = false }
                lineEnd = index
                lineLength += length
                lineHasWord = true
            }
            flush(into: &out)
        }
        endLine(&out)
    }

    /// The line that starts with the word at `start`, when it reads in `source` as it is written: its words
    /// separated by one space (or joined to a high punctuation sign by one), the first no wider than `columns`,
    /// and as many as fit in `columns` — what the word-by-word placement gives, found in one pass over the bytes
    /// (eight at a time up to each space). `end`: where the line's bytes end; `next`: where the next line's words
    /// are looked for (the text's length: the text ends on this line). Nil when the line is not that simple (a
    /// double space, a space beside a guillemet, a first word wider than `columns`): its words are then placed
    /// one by one.
    private static func plainLine(_ source: UnsafeBufferPointer<UInt8>, from start: Int, columns: Int) -> (end: Int, next: Int)? {
        let count = source.count
        guard columns > 0, let base = UnsafeRawPointer(source.baseAddress), source[start] != space else { return nil }
        var index = start
        var used = 0
        // The end of the last word that fits (the space after it).
        var lastEnd = -1
        while index < count {
            if index + 8 <= count {
                // Eight bytes at a time up to the next space, each counted unless it continues a scalar.
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                if spaces == 0 {
                    used &+= 8 &- highBitCount(continuations)
                    index &+= 8
                    // The word being read does not fit: the line ends before it.
                    if used > columns { return lastEnd < 0 ? nil : (lastEnd, lastEnd) }
                    continue
                }
                let before = spaces.trailingZeroBitCount &>> 3
                if before > 0 {
                    let within: UInt64 = (1 &<< UInt64(before &<< 3)) &- 1
                    used &+= before &- highBitCount(continuations & within)
                    index &+= before
                    if used > columns { return lastEnd < 0 ? nil : (lastEnd, lastEnd) }
                }
            } else if source[index] != space {
                if source[index] & 0xC0 != 0x80 {
                    used &+= 1
                    if used > columns { return lastEnd < 0 ? nil : (lastEnd, lastEnd) }
                }
                index &+= 1
                continue
            }
            // At a space. Beside a guillemet it is written as a no-break space: placed word by word.
            if isBesideGuillemet(source, at: index) { return nil }
            used &+= 1
            index &+= 1
            if joins(source, at: index &- 1) {
                // Before « : », « ; », « ! », « ? »: inside the word, written as it is.
                if used > columns { return lastEnd < 0 ? nil : (lastEnd, lastEnd) }
                continue
            }
            // A break, when the space is alone.
            if index < count && source[index] == space { return nil }
            lastEnd = index &- 1
            // Full: the next word goes to the next line (a space that ends the text: placed word by word).
            if used > columns { return index < count ? (lastEnd, lastEnd) : nil }
        }
        // The text ends on this line (after a single trailing space, or with its last word).
        let end = source[count &- 1] == space ? lastEnd : count
        return (end, count)
    }

    /// Whether `source` has neither a double space nor a guillemet (« or »): nearly every text. Its lines then read
    /// in it as they are written (`quickLine`). Eight bytes at a time: a guillemet is C2 then AB or BB, and only a
    /// word with a byte above 7F can hold one.
    private static func isPlain(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = source.count
        var index = 0
        if let base = UnsafeRawPointer(source.baseAddress) {
            // Whether the last byte of the word before is a space, or C2.
            var spaceBefore = false
            var leadBefore = false
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                if spaces & (spaces &>> 8) != 0 || (spaceBefore && spaces & 0x80 != 0) { return false }
                spaceBefore = spaces &>> 63 != 0
                if word & 0x8080_8080_8080_8080 != 0 {
                    let leads = zeroBytes(word ^ 0xC2C2_C2C2_C2C2_C2C2)
                    let marks = zeroBytes(word ^ 0xABAB_ABAB_ABAB_ABAB) | zeroBytes(word ^ 0xBBBB_BBBB_BBBB_BBBB)
                    if (leads &<< 8) & marks != 0 || (leadBefore && marks & 0x80 != 0) { return false }
                    leadBefore = leads &>> 63 != 0
                } else {
                    leadBefore = false
                }
                index &+= 8
            }
        }
        while index < count {
            let byte = source[index]
            if index > 0 {
                let before = source[index &- 1]
                if byte == space && before == space { return false }
                if (byte == openingGuillemet || byte == closingGuillemet) && before == twoByteLead { return false }
            }
            index &+= 1
        }
        return true
    }

    /// The line `plainLine` finds, in a plain text (`isPlain`): `columns` scalars counted ahead eight bytes at a time
    /// (without stopping at each space), then back to the last space that breaks — the same line, a word no longer
    /// costing a pass of its own. When that space ends the text, or no word fits, `plainLine` decides, as before.
    private static func quickLine(_ source: UnsafeBufferPointer<UInt8>, from start: Int, columns: Int) -> (end: Int, next: Int)? {
        let count = source.count
        guard columns > 0, let base = UnsafeRawPointer(source.baseAddress), source[start] != space else { return nil }
        // `limit`: where the scalar after the first `columns` starts, or the text's end when it is shorter.
        var index = start
        var used = 0
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let scalars = word & 0x8080_8080_8080_8080 == 0 ? 8 : 8 &- highBitCount(word & ~(word &<< 1) & 0x8080_8080_8080_8080)
            if used &+ scalars > columns { break }
            used &+= scalars
            index &+= 8
        }
        while index < count {
            if source[index] & 0xC0 != 0x80 {
                if used == columns { break }
                used &+= 1
            }
            index &+= 1
        }
        let limit = index
        // The rest of the text fits (unless it ends with a space).
        if limit == count { return source[count &- 1] == space ? plainLine(source, from: start, columns: columns) : (count, count) }
        // The last space at or before `limit` where the line may end (not one before « : », « ; », « ! », « ? »).
        var end = limit
        while end > start && (source[end] != space || joins(source, at: end)) { end &-= 1 }
        guard end > start, end &+ 1 < count else { return plainLine(source, from: start, columns: columns) }
        return (end, end)
    }

    /// The words of `source[start..<end]`, one space between them, a joining space after « or before » as a
    /// no-break space.
    private static func appendWords(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into out: inout [UInt8]) {
        var index = start
        var firstWord = true
        while index < end {
            if source[index] == space && !joins(source, at: index) { index += 1; continue }
            if !firstWord { out.append(space) }
            firstWord = false
            while index < end {
                let byte = source[index]
                if byte == space {
                    guard joins(source, at: index) else { break }
                    if isBesideGuillemet(source, at: index) {
                        out += noBreakSpace
                        index += 1
                        continue
                    }
                }
                out.append(byte)
                index += 1
            }
        }
    }

    /// Whether the space at `index` joins the words around it: after « or before » (then written as a no-break
    /// space), or before a high punctuation sign that ends a word.
    @inline(__always)
    private static func joins(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if isBesideGuillemet(source, at: index) { return true }
        let count = source.count
        return index + 1 < count && isHighPunctuation(source[index + 1]) && (index + 2 == count || source[index + 2] == space)
    }

    @inline(__always)
    private static func isBesideGuillemet(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        // The guillemet's own byte first: C2 also leads the no-break space.
        let afterOpening = index >= 2 && source[index - 1] == openingGuillemet && source[index - 2] == twoByteLead
        let beforeClosing = index + 2 < source.count && source[index + 1] == twoByteLead && source[index + 2] == closingGuillemet
        return afterOpening || beforeClosing
    }

    /// The high bit of each byte of `word` that is zero, exactly (no carry crosses a byte).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word) & 0x8080_8080_8080_8080
    }

    /// How many bytes of `bits` have their high bit set (no other bit set): summed by one multiplication, the
    /// processor's population count not being among the instructions the build may assume.
    @inline(__always)
    private static func highBitCount(_ bits: UInt64) -> Int {
        Int(truncatingIfNeeded: ((bits &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// The length of an indent in Unicode scalars, counted on its bytes.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
        return count
    }

    private static let space: UInt8 = 0x20
    /// « is U+00AB, » is U+00BB and the no-break space U+00A0: each C2 then one byte in UTF-8.
    private static let twoByteLead: UInt8 = 0xC2
    private static let openingGuillemet: UInt8 = 0xAB
    private static let closingGuillemet: UInt8 = 0xBB
    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]
    /// « : », « ; », « ! », « ? »
    private static func isHighPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x3A || byte == 0x3B || byte == 0x21 || byte == 0x3F
    }
}
