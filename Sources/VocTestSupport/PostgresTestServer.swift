import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for tests: `initdb` in a temporary directory, listening on 127.0.0.1 on a free
/// port, trust authentication for user `voc`; `stop()` shuts it down and removes its files.
///
/// The server binaries come from Debian's `postgresql` package (`.ci/run` installs it), or `VOC_PG_BIN`. PostgreSQL
/// refuses to run as root, so as root the server runs as the `postgres` user the package creates.
public final class PostgresTestServer: Sendable {
    public let url: String
    private let directory: URL
    private let binaries: String

    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case command(String, status: Int32, output: String)

        public var description: String {
            switch self {
            case .notInstalled: "PostgreSQL server binaries not found (apt-get install postgresql, or set VOC_PG_BIN)"
            case .command(let command, let status, let output): "\(command) exited with \(status): \(output)"
            }
        }
    }

    public static func start() throws -> PostgresTestServer {
        guard let binaries = locateBinaries() else { throw Failure.notInstalled }
        let directory = Fixtures.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        let data = directory.appendingPathComponent("data").path
        try run(binaries + "/initdb", ["-D", data, "-U", "voc", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"])
        var lastError: (any Error)?
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<60_000)
            do {
                try run(binaries + "/pg_ctl", ["-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o",
                                               "-p \(port) -h 127.0.0.1 -k \(directory.path) -c fsync=off -c full_page_writes=off -c max_connections=60",
                                               "start"])
                return PostgresTestServer(url: "postgres://voc@127.0.0.1:\(port)/postgres", directory: directory, binaries: binaries)
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }

    private init(url: String, directory: URL, binaries: String) {
        self.url = url
        self.directory = directory
        self.binaries = binaries
    }

    /// Stops the server and removes its directory.
    public func stop() {
        _ = try? Self.run(binaries + "/pg_ctl", ["-D", directory.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    private static func locateBinaries() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["VOC_PG_BIN"] { return explicit }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// Runs a server command to completion with posix_spawn and waitpid. (Foundation's Process missed the exit of
    /// `pg_ctl start`, whose server daemonizes, and waited forever.) Output goes to a file read back on failure.
    private static func run(_ executable: String, _ arguments: [String]) throws {
        let command = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", executable] + arguments : [executable] + arguments
        let log = Fixtures.temporaryDirectory().appendingPathComponent("output.txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure.command(command.joined(separator: " "), status: spawned, output: "posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitCode == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure.command(command.joined(separator: " "), status: exitCode, output: output)
        }
    }
}
