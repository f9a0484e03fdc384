import Foundation

/// Runs a program to its end and reports its exit status, wall time and peak resident memory (`wait4`'s own
/// figure for that child, not the largest of all children).
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
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure(description: "attente de « \(program) » impossible") }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(status: exit, seconds: seconds, cpuSeconds: cpu, peakBytes: usage.ru_maxrss * 1024)
    }
}
