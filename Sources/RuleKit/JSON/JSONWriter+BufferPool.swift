import Synchronization

/// Documents written one after the other into reused buffers (the roadmaps of a batch): the writer's buffer pool.
extension JSONWriter {
    /// A whole document's UTF-8 with its final newline (`finishBytes`), written by `body` into a buffer of `pool`
    /// (or a new one of `capacity` bytes when the pool has none to spare), given back to the pool afterwards.
    public static func document(capacity: Int, reusing pool: BufferPool, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(buffer: pool.take() ?? ByteBuffer(capacity: capacity))
        body(&writer)
        let bytes = writer.finishBytes()
        // `finishBytes` made `out` this writer's own: no copy of the writer still writes into it.
        pool.giveBack(writer.out)
        return bytes
    }

    /// Buffers kept from one document to the next, for documents written one after the other on a few threads
    /// (the roadmaps of a batch). A buffer keeps the capacity its largest document needed: the next document is
    /// written without first allocating a buffer of some hundred kilobytes, and doubling it for the half of the JSON
    /// roadmaps that outgrow 128 KB. At most `keeping` buffers are kept (about the number of threads that write at
    /// once); a buffer is in the pool or in one writer, never both. What a kept buffer holds does not matter: `take`
    /// empties it, and a document is only what its writer appended.
    public final class BufferPool: Sendable {
        private struct Spare: @unchecked Sendable {
            // Unique: referenced by the pool only, until `take` hands it to one writer.
            let buffer: ByteBuffer
        }

        private let spares = Mutex<[Spare]>([])
        private let keeping: Int

        public init(keeping: Int) {
            self.keeping = keeping
        }

        func take() -> ByteBuffer? {
            guard let spare = spares.withLock({ $0.popLast() }) else { return nil }
            spare.buffer.removeAll()
            return spare.buffer
        }

        func giveBack(_ buffer: ByteBuffer) {
            let spare = Spare(buffer: buffer)
            spares.withLock { if $0.count < keeping { $0.append(spare) } }
        }
    }
}
