import Synchronization

/// Byte buffers kept from one rendered roadmap to the next (the roadmaps of a batch), as `JSONWriter.BufferPool`
/// keeps the JSON writer's: a text, Markdown, HTML or CSV roadmap is written into a buffer that already has the room
/// an earlier one needed, rather than into one allocated for it (and doubled for the longer ones), then freed
/// among the wordings a batch keeps from one territory to the next. What leaves the buffer is a copy of the right
/// size (`rightSized`), which waits for the writer.
///
/// At most `keeping` buffers are kept (about the number of threads that render at once); a buffer is in the pool
/// or in one renderer, never both. What a kept buffer holds does not matter: `take` empties it.
final class RenderBufferPool: Sendable {
    private let spares = Mutex<[[UInt8]]>([])
    private let keeping: Int
    /// The room a new buffer starts with.
    private let capacity: Int

    init(keeping: Int = 8, capacity: Int) {
        self.keeping = keeping
        self.capacity = capacity
    }

    /// An empty buffer: a kept one, or a new one of `capacity` bytes.
    func take() -> [UInt8] {
        if var spare = spares.withLock({ $0.popLast() }) {
            spare.removeAll(keepingCapacity: true)
            return spare
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacity)
        return buffer
    }

    /// `buffer` kept for the next roadmap, unless the pool holds enough already.
    func giveBack(_ buffer: consuming [UInt8]) {
        let buffer = buffer
        spares.withLock { if $0.count < keeping { $0.append(buffer) } }
    }

    /// The bytes `body` writes into a buffer of the pool, copied to their size; the buffer goes back to the pool.
    func rendered(_ body: (inout [UInt8]) -> Void) -> [UInt8] {
        var buffer = take()
        body(&buffer)
        let bytes = buffer.rightSized()
        giveBack(buffer)
        return bytes
    }
}

/// A renderer's writer that writes its document into one byte buffer, `bytes`: it can start in a buffer of a
/// `RenderBufferPool` and hand it back when done.
protocol PooledWriter {
    var bytes: [UInt8] { get set }
    /// Written after what `bytes` holds (a buffer of the pool, empty).
    init(bytes: [UInt8])
}

extension PooledWriter {
    /// The bytes written, the writer left empty: the buffer handed back without a second reference to it.
    mutating func release() -> [UInt8] {
        var released: [UInt8] = []
        swap(&released, &bytes)
        return released
    }
}

extension RenderBufferPool {
    /// What `body` writes with a `Writer` started in a buffer of the pool, copied to its size.
    func rendered<Writer: PooledWriter>(by _: Writer.Type, _ body: (inout Writer) -> Void) -> [UInt8] {
        rendered { buffer in
            var writer = Writer(bytes: buffer)
            buffer = []
            body(&writer)
            buffer = writer.release()
        }
    }
}
