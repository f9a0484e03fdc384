import Dispatch
import Foundation
import MandatSante
import RuleKit

/// The writing side of a batch, on its own thread: the rows planned by `BatchCommand` are written in row order
/// (roadmap files, the rows of the four tables, the messages of rejected rows) while the next rows are planned.
/// What waits for it is bounded by its bytes (`maximumPendingBytes`), not by a count of batches: a JSON roadmap
/// weighs five times a text one, and JSON roadmaps range from some 110 to 265 KB. Each roadmap is
/// let go as soon as it is written, so that memory stays flat whatever the size of the file; the first failure (a
/// full disk…) stops the writer, and is thrown to the planning side at its next `submit`.
final class BatchWriter: @unchecked Sendable {
    /// About one batch of JSON roadmaps (64 of some 140 KB) or of text ones (256 of some 25 KB): the next batch is
    /// planned while one is written (the writer is much faster than the planning), and a batch is taken whatever
    /// its size when nothing waits. Measured (JSON, `--jobs 2`, 5,000 rows): 78 MB at most with 8 MB, 79 – 86 MB
    /// with 16 MB, 98 MB with two whole batches held until their last file.
    static let maximumPendingBytes = 8 << 20

    let folder: BatchOutputFolder
    let input: String
    let processor: BatchRowProcessor
    private let console: Console
    private let queue = DispatchQueue(label: "mandat-sante.batch.writer")
    /// Guards `pendingBytes`: the bytes handed to the writer and not yet written.
    private let room = NSCondition()
    private var pendingBytes = 0
    // Touched on `queue` only, until `finishWriting` has waited for it.
    /// The four tables, in the order of `BatchTables.Table.allCases` (mutated in place: never copied out, which
    /// would copy their buffers).
    private var tables: [OutputFile] = []
    private var summary = BatchSummary()
    /// How many rows had a notice (`BatchTerritory.notices`); the first ones are printed.
    private var printedNotices = 0
    private var progress: BatchProgress?
    private var failure: CLIError?
    private let failureLock = NSLock()
    private var failed: CLIError? {
        failureLock.lock()
        defer { failureLock.unlock() }
        return failure
    }

    init(folder: BatchOutputFolder, input: String, processor: BatchRowProcessor, console: Console, progress: BatchProgress?) throws(CLIError) {
        self.folder = folder
        self.input = input
        self.processor = processor
        self.console = console
        self.progress = progress
        let levers = processor.ruleBase.levers
        do throws(CLIError) {
            for table in BatchTables.Table.allCases {
                tables.append(try folder.file(named: table.fileName))
                try tables[tables.count - 1].write(BatchTables.header(table, levers: levers))
            }
        } catch {
            discardTables()
            throw error
        }
    }

    /// Queues `outcomes` for writing; waits while more than `maximumPendingBytes` wait already (a batch is taken
    /// whatever its size when nothing waits). Throws the writer's failure, if any.
    func submit(_ outcomes: consuming [BatchRowOutcome]) throws(CLIError) {
        if let failed { throw failed }
        let batch = PendingBatch(outcomes)
        room.lock()
        while pendingBytes > 0 && pendingBytes + batch.bytes > Self.maximumPendingBytes { room.wait() }
        pendingBytes += batch.bytes
        room.unlock()
        queue.async { [self] in
            // What is left of the batch once it stops (all of it after a failure) is no longer waiting either.
            defer { written(batch.bytes) }
            guard failed == nil else { return }
            do throws(CLIError) {
                try write(batch)
            } catch {
                failureLock.lock()
                failure = error
                failureLock.unlock()
            }
        }
    }

    /// Waits for every queued batch; the counts of the run, or the writer's failure.
    func finishWriting() throws(CLIError) -> BatchSummary {
        queue.sync {}
        if let failed { throw failed }
        progress?.clear(console: console)
        return summary
    }

    /// Puts the four tables in the staging folder, complete (after `finishWriting`).
    func commitTables() throws(CLIError) {
        for index in tables.indices { try tables[index].commit() }
    }

    /// Gives the run up: the tables' files and the staging folder go; waits for the writer first.
    func abort() {
        queue.sync {}
        progress?.clear(console: console)
        discardTables()
        folder.abort()
    }

    private func discardTables() {
        for index in tables.indices { tables[index].discard() }
    }

    // MARK: On the writer's thread

    /// Writes the batch's outcomes in order, each let go (its roadmap freed) as soon as it is written.
    private func write(_ batch: PendingBatch) throws(CLIError) {
        while let outcome = batch.next() {
            switch outcome {
            case .territory(let territory):
                if !territory.notices.isEmpty {
                    // Printed like the rows' errors, as many and no more: a notice on stderr, the row is planned.
                    if printedNotices < BatchCommand.printedRowErrors {
                        progress?.clear(console: console)
                        console.writeError(DiagnosticPrinter().render(territory.notices) + "\n")
                    }
                    printedNotices += 1
                }
                if let roadmap = territory.roadmap { try folder.write(bytes: roadmap, named: territory.fileName) }
                try append(territory.rows.synthesis, to: .synthesis)
                try append(territory.rows.actions, to: .actions)
                try append(territory.rows.levers, to: .levers)
                summary.add(territory)
                let bytes = PendingBatch.bytes(of: outcome)
                batch.bytes -= bytes
                written(bytes)
            case .invalid(let diagnostics, let territory):
                if summary.failedRows < BatchCommand.printedRowErrors {
                    progress?.clear(console: console)
                    console.writeError(DiagnosticPrinter().render(diagnostics) + "\n")
                }
                try append(BatchTables.errorRows(diagnostics.sorted(), territory: territory), to: .errors)
                summary.addFailedRow()
            }
        }
        progress?.show(rows: summary.territories + summary.failedRows, errors: summary.failedRows, console: console)
    }

    /// `bytes` handed to the writer are written (or dropped): room for the planning side.
    private func written(_ bytes: Int) {
        guard bytes > 0 else { return }
        room.lock()
        pendingBytes -= bytes
        room.broadcast()
        room.unlock()
    }

    private func append(_ text: String, to table: BatchTables.Table) throws(CLIError) {
        guard !text.isEmpty, let index = BatchTables.Table.allCases.firstIndex(of: table), index < tables.count else { return }
        try tables[index].write(text)
    }
}

/// A batch on its way to the disk: a class, so that the writer takes its outcomes out one by one (and frees each
/// roadmap once written) rather than holding the whole batch until its last file.
private final class PendingBatch: @unchecked Sendable {
    /// Reversed, so that the next one is taken from the end.
    private var outcomes: [BatchRowOutcome]
    /// The bytes of the outcomes not yet written (`bytes(of:)`); touched on the writer's queue once handed to it.
    var bytes: Int

    init(_ outcomes: consuming [BatchRowOutcome]) {
        outcomes.reverse()
        self.outcomes = outcomes
        bytes = self.outcomes.reduce(0) { $0 + Self.bytes(of: $1) }
    }

    func next() -> BatchRowOutcome? { outcomes.popLast() }

    /// What an outcome holds that weighs: its roadmap and its rows of the tables.
    static func bytes(of outcome: BatchRowOutcome) -> Int {
        guard case .territory(let territory) = outcome else { return 0 }
        let rows = territory.rows
        return (territory.roadmap?.count ?? 0) + rows.synthesis.utf8.count + rows.actions.utf8.count + rows.levers.utf8.count
    }
}
