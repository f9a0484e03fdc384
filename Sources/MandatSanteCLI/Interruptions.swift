import Foundation

/// What happens when the program is interrupted (Ctrl-C, Ctrl-\, `kill`, a closed terminal): the files being
/// written are removed, a French message says so, and the program ends with the conventional 128 + signal
/// (130 for Ctrl-C, 131 for Ctrl-\, 129 for a hang-up, 143 for `kill`).
///
/// The signals are not caught by a handler, where almost nothing may be done safely: `install()` blocks them in
/// every thread and a dedicated thread waits for them (`sigwait`), then runs the registered cleanups as ordinary
/// code (removing a folder of temporary files included). Without `install()` (the tests, which run the command
/// line in process) registrations are simply kept and dropped.
public final class Interruptions: @unchecked Sendable {
    public static let shared = Interruptions()

    /// A registered cleanup, to unregister once its files are committed or discarded.
    struct Token: Hashable {
        fileprivate let number: Int
    }

    static let signals: [(number: Int32, name: String)] = [(SIGINT, "Ctrl-C"), (SIGQUIT, "Ctrl-\\"), (SIGHUP, "fin de session"), (SIGTERM, "signal TERM")]

    private let lock = NSLock()
    private var cleanups: [Int: @Sendable () -> Bool] = [:]
    private var nextNumber = 0
    private var committed = 0

    /// Registers what to do if the program is interrupted before `unregister`; the cleanup says whether it removed
    /// something.
    func register(_ cleanup: @escaping @Sendable () -> Bool) -> Token {
        lock.lock()
        defer { lock.unlock() }
        nextNumber += 1
        cleanups[nextNumber] = cleanup
        return Token(number: nextNumber)
    }

    /// `committed`: the files are in place (an interruption no longer says that nothing was written).
    func unregister(_ token: Token, committed wasCommitted: Bool) {
        lock.lock()
        defer { lock.unlock() }
        cleanups[token.number] = nil
        if wasCommitted { committed += 1 }
    }

    /// Blocks the interruption signals and starts the thread that handles them; a closed pipe (`SIGPIPE`) no
    /// longer kills the program but makes writes fail with `EPIPE`, which `StandardStream` handles. Call once, at
    /// the very start, before any other thread exists, so that every thread inherits the blocked set.
    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        for (number, _) in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let blocked = set
        let waiter = Thread {
            var waited = blocked
            while true {
                var received: Int32 = 0
                guard sigwait(&waited, &received) == 0 else { continue }
                shared.interrupted(by: received)
            }
        }
        waiter.name = "interruptions"
        waiter.start()
    }

    /// Runs the cleanups, says what happened and ends the process. The lock is kept: no file can be committed
    /// or registered meanwhile.
    private func interrupted(by signal: Int32) -> Never {
        lock.lock()
        var removed = false
        for cleanup in cleanups.values where cleanup() { removed = true }
        let name = Self.signals.first { $0.number == signal }?.name ?? "signal \(signal)"
        let outcome = removed ? "les fichiers en cours d'écriture ont été retirés, les précédents sont intacts"
            : (committed == 0 ? "aucun fichier n'a été écrit" : "les fichiers déjà écrits sont complets")
        let message = "\nmandat-sante : interrompu (\(name)) ; \(outcome).\n"
        _ = POSIXWrite.all(message.utf8, to: STDERR_FILENO)
        _exit(128 + signal)
    }
}
