import Dispatch
import Foundation
import MandatSante
import RuleKit

/// `mandat-sante batch TERRITOIRES.csv --output-dir DOSSIER`: the roadmaps of many territories at once.
///
/// The file is streamed: read in chunks, rows planned `batchSize` at a time (fewer for JSON) on `--jobs` threads,
/// then handed to a writer thread that writes them in row order while the next rows are planned. Only the batch
/// being planned, what waits for the writer (bounded by its bytes: `BatchWriter.maximumPendingBytes`) and the
/// summary's counts are in memory, whatever the size of the file, and the output is the same to the byte whatever
/// the number of threads.
struct BatchCommand {
    static let name = "batch"
    static let chunkSize = 64 * 1024
    static let batchSize = 256
    /// A JSON roadmap weighs about 140 KB, five times a text one: its batches are smaller, so that the one being
    /// planned weighs no more than a text one.
    static let jsonBatchSize = 64

    /// How many rows are planned together and handed to the writer at once.
    static func batchSize(_ format: RoadmapFormat, roadmaps: Bool) -> Int {
        roadmaps && format == .json ? jsonBatchSize : batchSize
    }
    static let maximumJobs = 256
    /// Progress is shown on a terminal once a run has lasted this long.
    static let progressDelay: Duration = .seconds(1)

    let console: Console
    let files: FileSystem

    /// Row errors printed in full; beyond, they are only counted (« … et N autres lignes en erreur »); all are in
    /// `erreurs.csv`.
    static let printedRowErrors = 100

    /// A row read but not yet planned.
    private enum PendingRow: Sendable {
        case record(CSVRecord)
        case invalid(line: Int, errors: [CSVReadError])
    }

    func run(_ arguments: [String]) throws(CLIError) -> ExitCode {
        let parsed = try Arguments.parse(arguments, valued: ["--output-dir", "--format", "--start", "--rules", "--jobs", "--modele"],
                                         flags: ["--syntheses-seulement"], command: Self.name)
        if let template = try parsed.value("--modele", command: Self.name) {
            return try writeTemplate(template, parsed: parsed)
        }
        guard parsed.positionals.count == 1, let input = parsed.positionals.first else {
            throw .usage(parsed.positionals.isEmpty ? "le fichier des territoires manque (par exemple Profiles/territoires-exemple.csv, ou « - » pour l'entrée standard ; « --modele modele.csv » écrit un modèle à remplir)" : "un seul fichier de territoires était attendu, \(parsed.positionals.count) ont été donnés", command: Self.name)
        }
        guard let directory = try parsed.value("--output-dir", command: Self.name) else {
            throw .usage("--output-dir DOSSIER manque : le dossier où écrire une feuille de route par territoire", command: Self.name)
        }
        let format = try FormatOption.parse(parsed.value("--format", command: Self.name), text: RoadmapFormat.text, markdown: .markdown, command: Self.name)
        let calendar = try RoadmapCommand.calendar(parsed.value("--start", command: Self.name), console: console, command: Self.name)
        let jobs = try Self.jobs(parsed.value("--jobs", command: Self.name))
        Self.shareOneHeap()
        let roadmaps = !parsed.flags.contains("--syntheses-seulement")
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let descriptor = try files.open(input, what: "le fichier des territoires", standardInput: true)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let name = input == "-" ? FileSystem.standardInputName : input
        let progress = BatchProgress.start(totalRows: descriptor == STDIN_FILENO ? nil : BatchProgress.countRows(descriptor))

        var reader = CSVReader()
        var writer: BatchWriter?
        var pending: [PendingRow] = []
        var noticedEncoding = false
        let batchSize = Self.batchSize(format, roadmaps: roadmaps)
        do throws(CLIError) {
            var finished = false
            while !finished {
                let chunk = try Self.read(descriptor, name)
                let events = chunk.isEmpty ? reader.finish() : reader.feed(chunk)
                finished = chunk.isEmpty
                if reader.encoding == .windows1252, !noticedEncoding {
                    noticedEncoding = true
                    console.writeError("mandat-sante : \(QuotedText.path(name)) est en Windows-1252 (l'encodage par défaut d'Excel en français, reconnu à la ligne \(reader.encodingLine ?? 1)) : il est lu comme tel, en entier ; « CSV UTF-8 » évite toute ambiguïté.\n")
                }
                for event in events {
                    switch event {
                    case .header(let record):
                        let (read, diagnostics) = BatchHeader.read(record, file: name, vocabulary: ruleBase.vocabulary, templateHint: "« mandat-sante batch --modele modele.csv » écrit un modèle")
                        guard let read else { throw Self.invalidFile(diagnostics, name, "l'en-tête n'est pas valide") }
                        let processor = BatchRowProcessor(ruleBase: ruleBase, calendar: calendar, format: format, header: read, file: name,
                                                          rendersRoadmaps: roadmaps)
                        let folder = try BatchOutputFolder.open(directory, files: files)
                        do throws(CLIError) {
                            writer = try BatchWriter(folder: folder, input: name, processor: processor, console: console, progress: progress)
                        } catch {
                            folder.abort()
                            throw error
                        }
                    case .invalid(let line, let errors):
                        guard writer != nil else {
                            throw Self.invalidFile(errors.map { Self.diagnostic($0, name) }, name, "l'en-tête (ligne \(line)) est illisible")
                        }
                        if errors.contains(where: { $0.code == CSVReader.mixedEncodingCode }) {
                            throw Self.invalidFile(errors.filter { $0.code == CSVReader.mixedEncodingCode }.map { Self.diagnostic($0, name) }, name,
                                                   "le fichier mélange deux encodages")
                        }
                        pending.append(.invalid(line: line, errors: errors))
                    case .record(let record):
                        pending.append(.record(record))
                    }
                }
                if let writer, pending.count >= batchSize || finished {
                    try flush(&pending, jobs: jobs, into: writer)
                }
            }
        } catch {
            writer?.abort()
            throw error
        }
        guard let writer else {
            throw Self.invalidFile([.error("csv.vide", "fichier vide : une ligne d'en-tête était attendue, avec au moins les colonnes \(Self.requiredColumns(ruleBase)) (séparées par « ; » ou « , »)", file: name, at: SourceLocation(line: 1, column: 1))], name, "le fichier est vide")
        }
        do throws(CLIError) {
            let summary = try writer.finishWriting()
            return try finish(writer, summary: summary, ruleBase: ruleBase, calendar: calendar, format: format, directory: directory,
                              roadmaps: roadmaps, encoding: reader.encoding)
        } catch {
            writer.abort()
            throw error
        }
    }

    /// Plans the pending rows on `jobs` threads and hands them to the writer, which writes them in row order while
    /// the next rows are read and planned.
    private func flush(_ pending: inout [PendingRow], jobs: Int, into writer: BatchWriter) throws(CLIError) {
        let processor = writer.processor
        let safe = processor.format.escapesControlCharacters
        let outcomes = Self.parallelMap(pending, jobs: jobs) { row -> BatchRowOutcome in
            switch row {
            case .record(let record):
                let outcome = processor.process(record)
                guard !safe, case .territory(var territory) = outcome else { return outcome }
                // Made safe here, on the planning threads, rather than on the writer's.
                territory.roadmap = territory.roadmap.map { TerminalText.neutralized(bytes: $0, .keepLineBreaks) }
                return .territory(territory)
            case .invalid(_, let errors): return .invalid(errors.map { Self.diagnostic($0, processor.file) }, territory: "")
            }
        }
        pending.removeAll(keepingCapacity: true)
        // Handed over, not copied: the writer frees each roadmap as soon as it is written.
        try writer.submit(consume outcomes)
    }

    private func finish(_ writer: BatchWriter, summary: BatchSummary, ruleBase: RuleBase, calendar: MandateCalendar, format: RoadmapFormat,
                        directory: String, roadmaps: Bool, encoding: TextFileEncoding?) throws(CLIError) -> ExitCode {
        if summary.failedRows > Self.printedRowErrors {
            let hidden = summary.failedRows - Self.printedRowErrors
            console.writeError("… et \(ValueFormatter.number(Double(hidden))) autre\(hidden > 1 ? "s" : "") ligne\(hidden > 1 ? "s" : "") en erreur (non affichée\(hidden > 1 ? "s" : ""), toutes dans erreurs.csv).\n")
        }
        let input = writer.input
        guard summary.territories + summary.failedRows > 0 else {
            throw Self.invalidFile([.error("csv.aucun-territoire", "aucun territoire : le fichier ne contient que la ligne d'en-tête ; ajoutez une ligne par territoire", file: input, at: SourceLocation(line: 2, column: 1))], input, "aucune ligne de territoire")
        }
        guard summary.territories > 0 else {
            throw CLIError(exitCode: .invalidData, message: "mandat-sante : \(QuotedText.path(input)) : aucune ligne valide ; rien n'a été écrit, les résultats précédents de \(QuotedText.path(directory)) sont intacts.")
        }
        try writer.commitTables()
        let name = input == FileSystem.standardInputName ? input : (input as NSString).lastPathComponent
        let text = summary.render(ruleBase: ruleBase, input: TerminalText.neutralized(name, []), startMonth: calendar.start.longFrench, format: format,
                                  roadmaps: roadmaps, encoding: encoding)
        try writer.folder.write(text, named: "resume.txt")
        try writer.folder.commit()
        let rows = summary.territories + summary.failedRows
        let written = summary.territories
        func number(_ count: Int) -> String { ValueFormatter.number(Double(count)) }
        var counts = "\(number(rows)) ligne\(rows > 1 ? "s" : "") lue\(rows > 1 ? "s" : "")"
        if summary.failedRows > 0 {
            let plural = summary.failedRows > 1 ? "s" : ""
            counts += " dont \(number(summary.failedRows)) en erreur, ignorée\(plural) et détaillée\(plural) dans erreurs.csv"
        }
        if roadmaps {
            console.writeError("\(number(written)) feuille\(written > 1 ? "s" : "") de route écrite\(written > 1 ? "s" : "") dans \(QuotedText.path(directory)) (\(counts)), avec synthese.csv, actions.csv, leviers.csv, erreurs.csv et resume.txt.\n")
        } else {
            console.writeError("Synthèses de \(number(written)) territoire\(written > 1 ? "s" : "") écrites dans \(QuotedText.path(directory)) (\(counts)) : synthese.csv, actions.csv, leviers.csv, erreurs.csv et resume.txt.\n")
        }
        return summary.failedRows == 0 ? .success : .invalidData
    }

    /// `batch --modele CHEMIN`: the territories file to fill, with French headers and one example row.
    private func writeTemplate(_ path: String, parsed: Arguments) throws(CLIError) -> ExitCode {
        guard parsed.positionals.isEmpty else {
            throw .usage("--modele écrit un modèle et ne lit aucun fichier de territoires ; retirez \(QuotedText.path(parsed.positionals[0]))", command: Self.name)
        }
        let ruleBase = try RuleBaseReader.readValid(try parsed.value("--rules", command: Self.name) ?? RuleBaseReader.defaultDirectory, files: files)
        let text = BatchTemplate.csv(vocabulary: ruleBase.vocabulary)
        if try OutputFile.emit(text, to: path, console: console, files: files) {
            console.writeError("Modèle écrit dans \(QuotedText.path(path)) : une colonne par fait, une ligne d'exemple à remplacer, les valeurs permises en bas (lignes « # », ignorées). Puis : mandat-sante batch \(path) --output-dir DOSSIER\n")
        }
        return .success
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

    // MARK: Memory

    /// Asks the C library's allocator (glibc) for one heap (arena) shared by every thread, before the planning
    /// threads start. By default each thread that allocates gets an arena of its own, and the dispatch threads that
    /// plan the rows are not always the same ones: a long batch ends up with several arenas, each keeping as free
    /// space the peak of the rendered roadmaps it once held on their way to the writer. At the end of a JSON batch of
    /// 5,000 rows, 19 MB were in use but 76 MB held (`malloc_stats`: two planning arenas of 19 MB, 1.6 MB used in
    /// each), against 17 and 47 MB after 500 rows: what grew with the rows was that free space, not a memory of the
    /// program. With one arena, peak resident memory 71–72 MB at 500 rows and 79–94 MB at 5,000, against 71–73 and
    /// 83–107 MB (four pairs, output on tmpfs; batch24, bench/README.md).
    ///
    /// Then blocks of `mappedBlockSize` or more (a JSON roadmap, 110 to 265 KB) are mapped each for itself and given
    /// back to the system when freed, rather than taken from that heap: glibc raises its threshold for this to the
    /// size of any mapped block freed, so that after the first roadmaps every one was cut from the heap, between the
    /// wordings kept for later territories, and the heap grew with the rows by the holes they left (10,000 rows:
    /// 58 MB held for 22 to 49 MB in use, 7.8 MB at the end). Setting the threshold keeps it fixed. Looked up at run
    /// time: another C library has no `mallopt`, and its allocator is left as it is.
    private static func shareOneHeap() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        // M_ARENA_MAX and M_MMAP_THRESHOLD in glibc's <malloc.h>.
        let arenaMax: Int32 = -8, mmapThreshold: Int32 = -3
        _ = mallopt(arenaMax, 1)
        _ = mallopt(mmapThreshold, Int32(mappedBlockSize))
    }

    /// Below the smallest JSON roadmap, above a chunk of the territories file (`chunkSize`) and a text roadmap
    /// (some 25 KB): only what a JSON batch holds by the hundred is mapped block by block.
    static let mappedBlockSize = 96 * 1024

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
