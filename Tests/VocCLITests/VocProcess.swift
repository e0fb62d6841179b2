import Dispatch
import Foundation
import VocTestSupport

/// Runs the built `voc` executable as a user would, capturing its exit status and output.
struct VocProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `voc` binary built beside the test bundle.
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("voc")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/voc")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, store: String? = nil, executable: URL = executable) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + (store.map { ["--store", $0] } ?? [])
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Written from another thread: a child that answers as it reads would otherwise fill its stdout pipe while
        // this thread is still blocked writing its stdin.
        let writer = input.fileHandleForWriting
        let written = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if let stdin { writer.write(Data(stdin.utf8)) }
            try? writer.close()
            written.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        written.wait()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func temporaryStore() -> String {
        Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path
    }

    static var sampleSurveys: [String] {
        let folder = Fixtures.corpora.appendingPathComponent("surveys")
        return try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { "corpora/surveys/\($0)" }
    }
}
