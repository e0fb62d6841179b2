import Dispatch
import Foundation
import VocTestSupport

/// A `voc serve` process on a free loopback port, stopped with SIGTERM.
final class ServeProcess {
    let process = Process()
    let port: Int
    private let exited = DispatchSemaphore(value: 0)

    /// Starts the server and waits (up to 30 s) until it prints the address it listens on.
    init(_ arguments: [String]) throws {
        process.executableURL = VocProcess.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: "dashboard at http://127.0.0.1:"),
               let port = Int(seen[range.upperBound...].prefix { $0.isNumber }) {
                self.port = port
                return
            }
        }
        process.terminate()
        throw ServeError(output: seen)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
        process.terminate()
        _ = exited.wait(timeout: .now() + 15)
    }

    struct ServeError: Error, CustomStringConvertible {
        var output: String
        var description: String { "voc serve did not start: \(output)" }
    }
}
