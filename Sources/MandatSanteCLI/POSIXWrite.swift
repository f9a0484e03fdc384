import Foundation

/// Writes bytes to a file descriptor with `write(2)`, as long as it takes: a short write continues, an interrupted
/// call (`EINTR`) is retried, a descriptor left non-blocking by another program (`EAGAIN`) is waited for with
/// `poll`. Foundation's `FileHandle.write` traps on any error instead (`try!`), which crashed every command whose
/// output went to a full disk or a closed pipe.
enum POSIXWrite {
    /// Writes all of `bytes`; `nil` when done, else the `errno` of the failure.
    static func all(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Int32? {
        var contiguous = Array(bytes)
        return contiguous.withUnsafeMutableBytes { all(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Writes the UTF-8 of `text` without copying it first.
    static func all(text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { all(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    static func all(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var pointer = buffer.baseAddress else { return nil }
        var remaining = buffer.count
        while remaining > 0 {
            let written = Foundation.write(descriptor, pointer, remaining)
            if written >= 0 {
                pointer += written
                remaining -= written
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, -1)
            default:
                return errno
            }
        }
        return nil
    }
}
