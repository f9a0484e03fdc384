import Dispatch
import Foundation
import MandatSante
import RuleKit

/// `mandat-sante batch TERRITOIRES.csv --output-dir DOSSIER`: the roadmaps of many territories at once.
///
/// The file is streamed: read in chunks, rows planned `batchSize` at a time on `--jobs` threads, then written in
/// row order. Only the current batch and the summary's counts are in memory, whatever the size of the file, and
/// the output is the same to the byte whatever the number of threads.
struct BatchCommand {
    static let name = "batch"
    static let chunkSize = 64 * 1024
    static let batchSize = 256
    static let maximumJobs = 256
    /// Progress is shown on a terminal once a run has lasted this long.
    static let progressDelay: Duration = .seconds(1)

    let console: Console
    let files: FileSystem

    /// Row errors printed in full; beyond, they are only counted (« … et N autres lignes en erreur »).
    static let printedRowErrors = 100

    /// Where the run writes, and what it has counted so far.
    private struct Run {
        let input: String
        let folder: BatchOutputFolder
        let processor: BatchRowProcessor
        let jobs: Int
        var synthesis: OutputFile
        var summary = BatchSummary()
        var progress: Progress?
    }

    /// A row read but not yet planned.
    private enum PendingRow: Sendable {
        case record(CSVRecord)
        case invalid(line: Int, errors: [CSVReadError])
    }

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--output-dir", "--format", "--start", "--rules", "--jobs"], flags: [], command: Self.name)
        guard parsed.positionals.count == 1, let input = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "le fichier des territoires manque (par exemple Profiles/territoires-exemple.csv, ou « - » pour l'entrée standard)" : "un seul fichier de territoires était attendu, \(parsed.positionals.count) ont été donnés", command: Self.name)
        }
        guard let directory = try parsed.value("--output-dir", command: Self.name) else {
            throw .usage("--output-dir DOSSIER manque : le dossier où écrire une feuille de route par territoire", command: Self.name)
        }
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), text: RoadmapFormat.text, markdown: .markdown, command: Self.name)
        let calendar = try RoadmapCommand.calendar(parsed.value("--start", command: Self.name), console: console, command: Self.name)
        let jobs = try Self.jobs(parsed.value("--jobs", command: Self.name))
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let descriptor = try files.open(input, what: "le fichier des territoires", standardInput: true)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let name = input == "-" ? FileSystem.standardInputName : input

        var reader = CSVReader()
        var run: Run?
        var pending: [PendingRow] = []
        do throws(CLIError) {
            var finished = false
            while !finished {
                let chunk = try Self.read(descriptor, name)
                let events = chunk.isEmpty ? reader.finish() : reader.feed(chunk)
                finished = chunk.isEmpty
                for event in events {
                    switch event {
                    case .header(let record):
                        let (read, diagnostics) = BatchHeader.read(record, file: name, vocabulary: ruleBase.vocabulary)
                        guard let read else { throw Self.invalidFile(diagnostics, name, "l'en-tête n'est pas valide") }
                        let processor = BatchRowProcessor(ruleBase: ruleBase, calendar: calendar, format: format, header: read, file: name)
                        let folder = try BatchOutputFolder.open(directory, files: files)
                        do throws(CLIError) {
                            var synthesis = try folder.file(named: "synthese.csv")
                            try synthesis.write(BatchSynthesis.header)
                            run = Run(input: name, folder: folder, processor: processor, jobs: jobs, synthesis: synthesis, progress: Progress.start())
                        } catch {
                            folder.abort()
                            throw error
                        }
                    case .invalid(let line, let errors):
                        guard run != nil else {
                            throw Self.invalidFile(errors.map { Self.diagnostic($0, name) }, name, "l'en-tête (ligne \(line)) est illisible")
                        }
                        pending.append(.invalid(line: line, errors: errors))
                    case .record(let record):
                        pending.append(.record(record))
                    }
                }
                if var current = run, pending.count >= Self.batchSize || finished {
                    defer { run = current }
                    try flush(&pending, into: &current)
                }
            }
        } catch {
            run?.synthesis.discard()
            run?.folder.abort()
            throw error
        }
        guard var run else {
            throw Self.invalidFile([.error("csv.vide", "fichier vide : une ligne d'en-tête était attendue, avec au moins les colonnes \(Self.requiredColumns(ruleBase)) (séparées par « ; » ou « , »)", file: name, at: SourceLocation(line: 1, column: 1))], name, "le fichier est vide")
        }
        do throws(CLIError) {
            return try finish(&run, ruleBase: ruleBase, calendar: calendar, format: format, directory: directory)
        } catch {
            run.synthesis.discard()
            run.folder.abort()
            throw error
        }
    }

    /// Plans the pending rows on `jobs` threads, then writes them and reports their errors in row order.
    private func flush(_ pending: inout [PendingRow], into run: inout Run) throws(CLIError) {
        let processor = run.processor
        let outcomes = Self.parallelMap(pending, jobs: run.jobs) { row -> BatchRowOutcome in
            switch row {
            case .record(let record): return processor.process(record)
            case .invalid(_, let errors): return .invalid(errors.map { Self.diagnostic($0, processor.file) })
            }
        }
        pending.removeAll(keepingCapacity: true)
        for outcome in outcomes {
            switch outcome {
            case .territory(let territory):
                try run.folder.write(TerminalText.neutralized(territory.roadmap, .keepLineBreaks), named: territory.fileName)
                try run.synthesis.write(territory.synthesisRows)
                run.summary.add(territory)
            case .invalid(let diagnostics):
                if run.summary.failedRows < Self.printedRowErrors {
                    run.progress?.clear(console: console)
                    console.writeError(DiagnosticPrinter().render(diagnostics) + "\n")
                }
                run.summary.addFailedRow()
            }
        }
        run.progress?.show(run.summary.territories + run.summary.failedRows, console: console)
    }

    private func finish(_ run: inout Run, ruleBase: RuleBase, calendar: MandateCalendar, format: RoadmapFormat, directory: String) throws(CLIError) -> ExitCode {
        run.progress?.clear(console: console)
        let summary = run.summary
        if summary.failedRows > Self.printedRowErrors {
            let hidden = summary.failedRows - Self.printedRowErrors
            console.writeError("… et \(ValueFormatter.number(Double(hidden))) autre\(hidden > 1 ? "s" : "") ligne\(hidden > 1 ? "s" : "") en erreur (non affichée\(hidden > 1 ? "s" : "")).\n")
        }
        guard summary.territories + summary.failedRows > 0 else {
            throw Self.invalidFile([.error("csv.aucun-territoire", "aucun territoire : le fichier ne contient que la ligne d'en-tête ; ajoutez une ligne par territoire", file: run.input, at: SourceLocation(line: 2, column: 1))], run.input, "aucune ligne de territoire")
        }
        guard summary.territories > 0 else {
            throw CLIError(exitCode: .invalidData, message: "mandat-sante : \(QuotedText.path(run.input)) : aucune ligne valide ; rien n'a été écrit, les résultats précédents de \(QuotedText.path(directory)) sont intacts.")
        }
        try run.synthesis.commit()
        let name = run.input == FileSystem.standardInputName ? run.input : (run.input as NSString).lastPathComponent
        let text = summary.render(ruleBase: ruleBase, input: TerminalText.neutralized(name, []), startMonth: calendar.start.longFrench, format: format)
        try run.folder.write(text, named: "resume.txt")
        try run.folder.commit()
        let rows = summary.territories + summary.failedRows
        let written = summary.territories
        func number(_ count: Int) -> String { ValueFormatter.number(Double(count)) }
        var counts = "\(number(rows)) ligne\(rows > 1 ? "s" : "") lue\(rows > 1 ? "s" : "")"
        if summary.failedRows > 0 {
            counts += " dont \(number(summary.failedRows)) en erreur, ignorée\(summary.failedRows > 1 ? "s" : "")"
        }
        console.writeError("\(number(written)) feuille\(written > 1 ? "s" : "") de route écrite\(written > 1 ? "s" : "") dans \(QuotedText.path(directory)) (\(counts)), avec synthese.csv et resume.txt.\n")
        return summary.failedRows == 0 ? .success : .invalidData
    }

    // MARK: Options

    /// `--jobs N`, or one thread per processor.
    static func jobs(_ value: String?) throws(CLIError) -> Int {
        guard let value else { return max(1, ProcessInfo.processInfo.activeProcessorCount) }
        guard let number = Int(value), (1...maximumJobs).contains(number) else {
            throw .usage("--jobs attend un nombre entier entre 1 et \(maximumJobs), pas \(QuotedText.quote(value))", command: name)
        }
        return number
    }

    private static func requiredColumns(_ ruleBase: RuleBase) -> String {
        ruleBase.vocabulary.facts.filter(\.required).map(\.name).joined(separator: ", ")
    }

    // MARK: Files

    private static func read(_ descriptor: Int32, _ path: String) throws(CLIError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = Foundation.read(descriptor, &chunk, chunkSize)
            if count >= 0 { return Array(chunk[..<count]) }
            if errno != EINTR { throw .io("lecture de \(QuotedText.path(path)) impossible : \(SystemError.french(errno))") }
        }
    }

    // MARK: Errors

    private static func diagnostic(_ error: CSVReadError, _ file: String) -> Diagnostic {
        .error(error.code, error.message, file: file, at: SourceLocation(line: error.line, column: error.column))
    }

    /// A problem with the whole file (empty, unreadable header): nothing is written.
    private static func invalidFile(_ diagnostics: [Diagnostic], _ file: String, _ what: String) -> CLIError {
        let errors = diagnostics.errors.sorted()
        return CLIError(exitCode: .invalidData, message: DiagnosticPrinter().render(errors) + "\nmandat-sante : \(QuotedText.path(file)) : \(what) ; aucune feuille de route n'a été écrite, les résultats précédents sont intacts.")
    }

    // MARK: Parallelism

    /// `transform` applied to every element on `jobs` threads, results in the order of `elements`.
    static func parallelMap<Element: Sendable, Result: Sendable>(_ elements: [Element], jobs: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard jobs > 1, elements.count > 1 else { return elements.map(transform) }
        var results = [Result?](repeating: nil, count: elements.count)
        let workers = min(jobs, elements.count)
        let dispenser = IndexDispenser(count: elements.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSlots(base: slots)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // Each worker takes the next element not yet taken: a slowed-down thread does not hold the others
                // back, and each slot is written by one worker only.
                while let index = dispenser.next() {
                    slots.base[index] = transform(elements[index])
                }
            }
        }
        // Every slot has been filled.
        return results.compactMap { $0 }
    }
}

/// The results buffer shared by the workers of `parallelMap`, each writing its own slots.
private struct UnsafeSlots<Value>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Value?>
}

/// Hands out the indices `0..<count` once each, to whichever worker asks first.
private final class IndexDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// Shows `\r`-refreshed progress on standard error, only on a terminal and only for a run that lasts.
private struct Progress {
    let started = ContinuousClock.now
    var shown = false

    /// Progress when standard error is a terminal, `nil` otherwise (a log file gets no `\r` lines).
    static func start() -> Progress? {
        isatty(STDERR_FILENO) == 1 ? Progress() : nil
    }

    mutating func show(_ rows: Int, console: Console) {
        guard ContinuousClock.now - started >= BatchCommand.progressDelay else { return }
        shown = true
        console.writeProgress("\r\(ValueFormatter.number(Double(rows))) ligne\(rows > 1 ? "s" : "") traitée\(rows > 1 ? "s" : "")…")
    }

    /// Erases the progress line, before an error message or at the end.
    mutating func clear(console: Console) {
        if shown { console.writeProgress("\r\u{1B}[K") }
        shown = false
    }
}
