import Foundation
import Testing
import VocTestSupport

/// Every sample session in README.md is run as written and must print what the README shows, so the README cannot
/// drift from the build.
///
/// A sample is a fenced block whose lines starting with `$ ` are shell commands and whose other lines are what they
/// print (stdout and stderr together). A last output line `…` means "the output starts with these lines". The
/// samples run in the README's order, from the repository root, with the built `voc` first on PATH and one fresh
/// store (VOC_STORE) shared by all of them, so a later sample sees what an earlier one ingested.
///
/// After a deliberate change of output, regenerate the samples: `VOC_UPDATE_README=1 swift test --filter ReadmeSamplesTests`.
@Suite(.serialized) struct ReadmeSamplesTests {
    struct Sample {
        /// Line range of the block's content in the README (without the fences).
        var lines: Range<Int>
        /// The block's indentation (a sample inside a list item is indented).
        var indent: String
        var steps: [(command: String, output: [String], prefixOnly: Bool)]
    }

    static let readme = Fixtures.repositoryRoot.appendingPathComponent("README.md")

    static func samples(in lines: [String]) -> [Sample] {
        var samples: [Sample] = []
        var index = 0
        while index < lines.count {
            let indent = String(lines[index].prefix { $0 == " " })
            guard lines[index].dropFirst(indent.count).hasPrefix("```"), index + 1 < lines.count,
                  lines[index + 1].hasPrefix(indent + "$ ") else { index += 1; continue }
            let start = index + 1
            var end = start
            while end < lines.count, !lines[end].dropFirst(indent.count).hasPrefix("```") { end += 1 }
            var steps: [(String, [String], Bool)] = []
            for line in lines[start..<end].map({ String($0.dropFirst(indent.count)) }) {
                if line.hasPrefix("$ ") {
                    steps.append((String(line.dropFirst(2)), [], false))
                } else if line == "…" {
                    steps[steps.count - 1].2 = true
                } else {
                    steps[steps.count - 1].1.append(line)
                }
            }
            samples.append(Sample(lines: start..<end, indent: indent, steps: steps))
            index = end + 1
        }
        return samples
    }

    /// Runs `command` with `sh`, returning its stdout and stderr interleaved as lines.
    static func shell(_ command: String, store: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>&1"]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = VocProcess.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["VOC_STORE"] = store
        environment["COLUMNS"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test func everySampleSessionPrintsWhatTheReadmeShows() throws {
        var lines = try String(contentsOf: Self.readme, encoding: .utf8).components(separatedBy: "\n")
        let samples = Self.samples(in: lines)
        #expect(samples.count >= 8, "the README's sample sessions are found")
        let store = Fixtures.temporaryDirectory().appendingPathComponent("readme.sqlite").path
        let updating = ProcessInfo.processInfo.environment["VOC_UPDATE_README"] == "1"
        var replacements: [(Range<Int>, [String])] = []
        for sample in samples {
            // A sample over the third-party corpora runs only where they are (they are never copied into the repo).
            if Fixtures.sharedCorpora == nil, sample.steps.contains(where: { $0.command.contains("../shared/") }) { continue }
            var regenerated: [String] = []
            for step in sample.steps {
                let actual = try Self.shell(step.command, store: store)
                regenerated.append("$ " + step.command)
                if step.prefixOnly {
                    let shown = Array(actual.prefix(step.output.count))
                    #expect(updating || shown == step.output, "README sample `\(step.command)` starts differently:\n\(actual.prefix(step.output.count + 2).joined(separator: "\n"))")
                    regenerated += shown + ["…"]
                } else {
                    #expect(updating || actual == step.output, "README sample `\(step.command)` prints:\n\(actual.joined(separator: "\n"))")
                    regenerated += actual
                }
            }
            replacements.append((sample.lines, regenerated.map { $0.isEmpty ? $0 : sample.indent + $0 }))
        }
        if updating {
            for (range, replacement) in replacements.reversed() { lines.replaceSubrange(range, with: replacement) }
            try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
        }
    }
}
