import ArgumentParser

/// `voc accounts`: the account list (default) and the CRM directory import.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List accounts, or import the account directory from a CRM export.",
        subcommands: [AccountsListCommand.self, AccountsImportCommand.self],
        defaultSubcommand: AccountsListCommand.self)
}
