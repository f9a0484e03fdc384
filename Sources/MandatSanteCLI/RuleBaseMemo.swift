import Foundation
import MandatSante

/// The last rule base this process loaded, with the files it was loaded from. `RuleBaseLoader.load` is a pure
/// function of those files — their paths and bytes, compared in full —, so the same files give the same result
/// without parsing them again. A command typed at a terminal loads its rules once and never finds it; a process that
/// runs many commands — the test suite runs hundreds in process, each as a user types it, at about a second of
/// parsing each in a debug build — parses the same rules once. Files changed on disk are other bytes: a miss.
final class RuleBaseMemo: @unchecked Sendable {
    static let shared = RuleBaseMemo()

    private let lock = NSLock()
    private var last: (files: RuleFiles, result: RuleBaseLoader.Result)?

    func load(_ files: RuleFiles) -> RuleBaseLoader.Result {
        lock.lock()
        let kept = last
        lock.unlock()
        if let kept, kept.files == files { return kept.result }
        let result = RuleBaseLoader.load(files)
        lock.lock()
        last = (files, result)
        lock.unlock()
        return result
    }
}
