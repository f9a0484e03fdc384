import Foundation

// The benchmark's process: arguments in, the table (or JSON) on standard output, progress on standard error.
func printError(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    if options.help {
        print(BenchOptions.usage)
        exit(0)
    }
    if options.batch {
        print(try BatchBench(options: options, progress: { printError("… " + $0) }).run(), terminator: "")
        exit(0)
    }
    let report = try BenchRunner(options: options, progress: { printError("… " + $0) }).run()
    print(options.json ? report.json() : report.text(), terminator: "")
} catch let error as BenchOptions.UsageError {
    printError("mandat-sante-bench : \(error)\n\n\(BenchOptions.usage)")
    exit(2)
} catch {
    printError("mandat-sante-bench : \(error)")
    exit(3)
}
