import Dispatch
import Foundation
import MandatSante
import RuleKit

/// The writing side of a batch, on its own thread: the rows planned by `BatchCommand` are written in row order
/// (roadmap files, the rows of the four tables, the messages of rejected rows) while the next rows are planned.
/// At most `maximumPending` batches wait for it, so that memory stays flat whatever the size of the file; the
/// first failure (a full disk…) stops it, and is thrown to the planning side at its next `submit`.
final class BatchWriter: @unchecked Sendable {
    static let maximumPending = 2

    let folder: BatchOutputFolder
    let input: String
    let processor: BatchRowProcessor
    private let console: Console
    private let queue = DispatchQueue(label: "mandat-sante.batch.writer")
    private let slots = DispatchSemaphore(value: maximumPending)
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

    /// Queues `outcomes` for writing; waits while `maximumPending` batches already wait. Throws the writer's
    /// failure, if any.
    func submit(_ outcomes: [BatchRowOutcome]) throws(CLIError) {
        if let failed { throw failed }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failed == nil else { return }
            do throws(CLIError) {
                try write(outcomes)
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

    private func write(_ outcomes: [BatchRowOutcome]) throws(CLIError) {
        for outcome in outcomes {
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

    private func append(_ text: String, to table: BatchTables.Table) throws(CLIError) {
        guard !text.isEmpty, let index = BatchTables.Table.allCases.firstIndex(of: table), index < tables.count else { return }
        try tables[index].write(text)
    }
}
