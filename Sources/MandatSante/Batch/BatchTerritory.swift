import RuleKit

/// What a batch keeps of one territory once planned: its files' content and what its summary needs.
public struct BatchTerritory: Sendable {
    /// One selected recommendation, for the summary's counts.
    public struct Selection: Hashable, Sendable {
        public var id: String
        public var lever: String

        public init(id: String, lever: String) {
            self.id = id
            self.lever = lever
        }
    }

    /// Its rows in the spreadsheets of the batch (`BatchTables`), each ending with CRLF.
    public struct Rows: Sendable {
        public var synthesis: String
        public var actions: String
        public var levers: String

        public init(synthesis: String, actions: String, levers: String) {
            self.synthesis = synthesis
            self.actions = actions
            self.levers = levers
        }
    }

    /// Warnings about the row that did not keep it from being planned (`OverseasCoherence.notices`).
    public var notices: [Diagnostic] = []
    /// The territory's line in the territories file.
    public var line: Int
    public var name: String
    /// The roadmap's file name in the output folder.
    public var fileName: String
    /// The rendered roadmap, as the UTF-8 bytes of its file; `nil` when the batch writes the syntheses only.
    public var roadmap: [UInt8]?
    public var rows: Rows
    public var selections: [Selection]

    public init(line: Int, name: String, fileName: String, roadmap: [UInt8]?, rows: Rows, selections: [Selection]) {
        self.line = line
        self.name = name
        self.fileName = fileName
        self.roadmap = roadmap
        self.rows = rows
        self.selections = selections
    }
}
