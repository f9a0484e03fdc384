/// UTF-8 bytes appended at the end of one allocation that doubles when full: what `JSONWriter` writes a document
/// into. `Array.append(contentsOf:)` cost about a hundred instructions a call however short the piece, and a JSON
/// roadmap appends some five thousand pieces (keys, indentation, strings); here a piece is one copy of its bytes.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Another buffer with the same bytes (for a copy of the writer that owns this one).
    func copy() -> ByteBuffer {
        let copy = ByteBuffer(capacity: capacity)
        copy.append(UnsafeBufferPointer(start: base, count: count))
        return copy
    }

    /// Empty again, keeping its allocation (`JSONWriter.BufferPool`).
    func removeAll() { count = 0 }

    /// The bytes written, in an array of their size.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// A string's UTF-8, in one piece when the string keeps it contiguous (a native string does).
    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func append<Bytes: Sequence>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        for byte in bytes { append(byte) }
    }

    /// Room for `extra` more bytes, and where they go: the caller writes them, then `advance(by:)` counts them. For
    /// a piece made of several parts (a line start, a key), one capacity check instead of one per part.
    @inline(__always)
    func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > capacity { grow(to: count + extra) }
        return base + count
    }

    @inline(__always)
    func advance(by written: Int) {
        count += written
    }

    private func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
