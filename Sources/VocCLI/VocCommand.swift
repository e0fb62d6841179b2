public import ArgumentParser
import Foundation
import VocCore

/// The `voc` command: voice-of-customer feedback in, per-account metrics out.
public struct VocCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "voc",
        abstract: "Turn survey exports into per-account NPS, CSAT and CES you can trust.",
        discussion: """
            Exit codes: 0 ok; 1 ok with findings (quarantined records); 2 error (a file or the store could not be \
            used; other files are still processed); 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, InspectCommand.self, AccountsCommand.self, AccountCommand.self, HealthCommand.self, AlertsCommand.self, QuarantineCommand.self,
            RunsCommand.self, ServeCommand.self, ReportCommand.self, ExportCommand.self,
            SentimentCommand.self, ExplainCommand.self, EvalCommand.self, GenerateCommand.self, BenchCommand.self,
        ])

    public init() {}

    /// Parses the process arguments, runs the command and exits with voc's documented exit codes.
    public static func runAndExit() -> Never {
        signal(SIGPIPE, SIG_IGN)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
            Foundation.exit(ExitStatus.ok.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as VocError {
            Console.error("voc: error: \(error)")
            Foundation.exit(ExitStatus.error.rawValue)
        } catch let error as ValidationError {
            Console.error("voc: error: \(error)")
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch where exitCode(for: error) == .success {
            // `voc help` and `--help` reach here: ArgumentParser's help command "fails" with the help request.
            exit(withError: error)
        } catch {
            Console.error("voc: error: \(error)")
            Foundation.exit(ExitStatus.error.rawValue)
        }
    }
}
