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
            IngestCommand.self, InspectCommand.self, AccountsCommand.self, AccountCommand.self, HealthCommand.self, DriversCommand.self, ThemesCommand.self, QuestionsCommand.self, AspectsCommand.self, RetentionCommand.self, AlertsCommand.self, QuarantineCommand.self,
            RunsCommand.self, RollupsCommand.self, ServeCommand.self, ReportCommand.self, ExportCommand.self,
            SentimentCommand.self, ExplainCommand.self, EvalCommand.self, GenerateCommand.self, BenchCommand.self,
        ])

    public init() {}

    /// Each command's name with its subcommands' names.
    static var commandNames: [String: [String]] {
        var names: [String: [String]] = [:]
        for command in configuration.subcommands {
            let children: [any ParsableCommand.Type] = command.configuration.subcommands
            names[command.configuration.commandName ?? ""] = children.map { $0.configuration.commandName ?? "" }
        }
        return names
    }

    /// Parses the process arguments, runs the command and exits with voc's documented exit codes.
    public static func runAndExit() async -> Never {
        signal(SIGPIPE, SIG_IGN)
        var command: any ParsableCommand
        let arguments = CommandLineArguments(Array(CommandLine.arguments.dropFirst()), commands: commandNames)
        if let unknown = arguments.unknownCommand {
            let suggestion = arguments.suggestion(for: unknown).map { " Did you mean '\($0)'?" } ?? ""
            Console.error("voc: error: unknown command '\(unknown)'.\(suggestion) `voc --help` lists the commands.")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            command = try parseAsRoot(arguments.reordered)
        } catch where exitCode(for: error) == .success {
            exit(withError: error)  // --help, --version
        } catch {
            Console.error("voc: error: \(message(for: error))")
            Console.error(fullMessage(for: error).split(separator: "\n").filter { !$0.hasPrefix("Error:") }.joined(separator: "\n"))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
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
