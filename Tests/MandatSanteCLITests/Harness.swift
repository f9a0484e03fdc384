import Dispatch
import Foundation
import MandatSanteCLI
import Testing

/// The package root, so tests find Rules/ and Profiles/ wherever they run from.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// What one run of the command line printed and returned.
struct RunResult {
    var exitCode: Int32
    var output: String
    var error: String
}

/// Collects what the CLI writes; the CLI's console closures need a Sendable sink.
final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    func write(_ text: String) { lock.lock(); out += text; lock.unlock() }
    func writeError(_ text: String) { lock.lock(); err += text; lock.unlock() }
    var output: String { lock.lock(); defer { lock.unlock() }; return out }
    var error: String { lock.lock(); defer { lock.unlock() }; return err }
}

/// Runs the CLI in process, with December 2026 as the current month and `directory` (the package root by
/// default) as the folder relative paths start from — given to the CLI, never set as the process's working
/// directory, which tests running in parallel share.
func runCLI(_ arguments: [String], in directory: String = packageRoot) -> RunResult {
    runCLI(arguments, input: [], in: directory)
}

/// Lines typed by the user, served one by one, then the end of the input (as with a pipe).
final class TypedInput: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    func readLine() -> String? { lock.lock(); defer { lock.unlock() }; return lines.isEmpty ? nil : lines.removeFirst() }
}

/// Runs the CLI like `runCLI`, with `input` as the lines typed on standard input.
func runCLI(_ arguments: [String], input: [String], in directory: String = packageRoot) -> RunResult {
    let capture = Capture()
    let typed = TypedInput(input)
    let console = Console(write: capture.write, writeError: capture.writeError, currentMonth: { (2026, 12) },
                          readLine: typed.readLine, workingDirectory: directory)
    let code = CLI(console: console).run(arguments)
    return RunResult(exitCode: code.rawValue, output: capture.output, error: capture.error)
}

/// The environment variable that names the `mandat-sante` executable the end-to-end tests run, instead of the one
/// built beside the test bundle: CI builds the release binary before the tests and gives it here, so that the few
/// hundred runs of the real program (the invalid-input corpus above all) start an optimised build, the one users get.
let testBinaryVariable = "MANDAT_SANTE_TEST_BINARY"

/// The `mandat-sante` executable the end-to-end tests run: `$MANDAT_SANTE_TEST_BINARY` when set (nothing else then,
/// so that a wrong path fails instead of silently testing another build), else the one built beside the test bundle.
func binaryURL() -> URL? {
    if let named = ProcessInfo.processInfo.environment[testBinaryVariable], !named.isEmpty {
        return FileManager.default.isExecutableFile(atPath: named) ? URL(fileURLWithPath: named) : nil
    }
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(URL(fileURLWithPath: packageRoot).appendingPathComponent(".build/debug"))
    return candidates.map { $0.appendingPathComponent("mandat-sante") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// Runs the real binary as a user would, in `directory` (the package root by default), with `input` on its standard
/// input; killed after `timeout` seconds, which is recorded as a failure: a hang fails the test instead of the suite.
/// With `standardOutput`, the program writes its output to that path (`/dev/full`) and `output` is empty.
func runBinary(_ arguments: [String], input: Data? = nil, in directory: String = packageRoot, timeout: TimeInterval = 120,
               standardOutput: String? = nil) throws -> RunResult {
    let binary = try #require(binaryURL(), "le binaire mandat-sante doit être construit")
    return try runProcess(binary, arguments, input: input, in: directory, timeout: timeout, standardOutput: standardOutput)
}

/// Runs `script` with bash in the package root, `$MS` being the binary: pipes, redirections and signals as a user
/// types them.
func runShell(_ script: String, timeout: TimeInterval = 120) throws -> RunResult {
    let binary = try #require(binaryURL(), "le binaire mandat-sante doit être construit").path
    return try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", "MS='\(binary)'\n" + script], in: packageRoot, timeout: timeout)
}

private func runProcess(_ executable: URL, _ arguments: [String], input: Data? = nil, in directory: String, timeout: TimeInterval,
                        standardOutput: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Output goes to files, not pipes: a large output can never fill a pipe and block the program.
    let capture = try temporaryDirectory()
    let outFile = capture.appendingPathComponent("stdout")
    let errFile = capture.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: standardOutput.map { URL(fileURLWithPath: $0) } ?? outFile)
    process.standardError = try FileHandle(forWritingTo: errFile)
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
    }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
        process.terminate()
        Issue.record("le programme ne s'est pas arrêté en \(Int(timeout)) s : \(arguments)")
    }
    process.waitUntilExit()
    return RunResult(exitCode: process.terminationStatus,
                     output: String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self),
                     error: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
}

/// A fresh temporary folder for a test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mandat-sante-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The ids of the actions of a JSON roadmap, in rank order, with the title of their phase.
func rankedIDs(_ json: String) -> [(id: String, phase: String)] {
    guard let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
          let items = document["items"] as? [[String: Any]], let phases = document["phases"] as? [[String: Any]] else { return [] }
    let titles = Dictionary(phases.compactMap { phase in (phase["id"] as? String).map { ($0, phase["title"] as? String ?? "") } },
                            uniquingKeysWith: { first, _ in first })
    return items.compactMap { item in
        guard let id = item["id"] as? String, let phase = item["phase"] as? String else { return nil }
        return (id, titles[phase] ?? phase)
    }
}

/// Text with line breaks, runs of spaces and no-break spaces collapsed into single spaces, to search wrapped prose.
func flattenedText(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
}
