/// The documented exit codes of `mandat-sante`.
public enum ExitCode: Int32, Sendable {
    /// Everything went well.
    case success = 0
    /// Rule tests failed (`test`, `coverage`).
    case failures = 1
    /// The command line is wrong: unknown command or option, missing or invalid argument.
    case usage = 2
    /// An input is invalid: profile, rule base (including every error `check` finds), test file.
    case invalidData = 3
    /// A file cannot be read or written.
    case io = 4
    /// `serve` cannot listen: the port is taken or refused.
    case unavailable = 5
}
