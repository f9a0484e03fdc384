import Foundation

/// Runs a program to its end and reports its exit status, wall time and peak resident memory.
///
/// The peak is the child's `VmHWM` (`/proc/PID/status`), read every 20 ms while it runs, not `wait4`'s `ru_maxrss`:
/// glibc's `posix_spawn` starts the child in the benchmark's own memory (`CLONE_VM`), and Linux counts that memory
/// into the child's `ru_maxrss` when it execs (`setmax_mm_hiwater_rss`), so a child reported at least what the
/// benchmark held when it was spawned — 117 MB for every format, at 3,485 communes as at 34,857 (2026-12-06); 63 MB
/// for `batch` texte of 1,000 communes whose own peak is 51 MB. `VmHWM` is the peak of the child's own memory since
/// its exec; only its last 20 ms go unread (`ru_maxrss` is kept where `/proc` is not).
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        /// Processor time of the child (user + system, every thread), from `wait4`: less sensitive than the wall
        /// time to the other processes of a shared machine, which only delay it.
        var cpuSeconds: Double
        var peakBytes: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Standard output goes to /dev/null, standard error to `errorLog`.
    static func run(_ program: String, _ arguments: [String], errorLog: String) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "impossible de lancer « \(program) » : \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        var peak: Int?
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            guard waited == 0 || errno == EINTR else { throw Failure(description: "attente de « \(program) » impossible") }
            if let now = peakBytes(of: pid) { peak = max(peak ?? 0, now) }
            usleep(20_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(status: exit, seconds: seconds, cpuSeconds: cpu, peakBytes: peak ?? usage.ru_maxrss * 1024)
    }

    /// The peak resident memory of a running process since its exec (`VmHWM`), or nil where there is no `/proc`.
    private static func peakBytes(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst("VmHWM:".count).filter(\.isNumber)).map { $0 * 1024 }
        }
        return nil
    }
}
