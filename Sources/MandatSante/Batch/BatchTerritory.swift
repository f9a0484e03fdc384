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

    /// The territory's line in the territories file.
    public var line: Int
    public var name: String
    /// The roadmap's file name in the output folder.
    public var fileName: String
    /// The rendered roadmap.
    public var roadmap: String
    /// Its rows of `synthese.csv`, each ending with CRLF.
    public var synthesisRows: String
    public var selections: [Selection]

    public init(line: Int, name: String, fileName: String, roadmap: String, synthesisRows: String, selections: [Selection]) {
        self.line = line
        self.name = name
        self.fileName = fileName
        self.roadmap = roadmap
        self.synthesisRows = synthesisRows
        self.selections = selections
    }
}
