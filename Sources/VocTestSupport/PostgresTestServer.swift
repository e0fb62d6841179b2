import Foundation

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

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.command(([executable] + arguments).joined(separator: " "), status: process.terminationStatus, output: text)
        }
    }
}
