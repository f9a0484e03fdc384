// libFuzzer target: the positioned JSON reader must never crash, hang or overflow the stack.
import RuleKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    if let node = try? JSONParser.parse(bytes) {
        // Every value read has a position inside the text.
        precondition(node.location.line >= 1 && node.location.column >= 1)
        _ = node.kindName
    }
    return 0
}
