// libFuzzer target: the strict Markdown reader of rule files must never crash, and every position it gives is
// inside the text.
import RuleKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    let (_, problems) = MarkdownReader.read(bytes, file: "fuzz.md")
    for problem in problems {
        precondition(problem.location.line >= 0 && problem.location.column >= 0)
    }
    return 0
}
