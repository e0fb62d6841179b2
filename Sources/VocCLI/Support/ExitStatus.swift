/// voc's exit codes, stable for scripts and schedulers (see README, "Exit codes").
enum ExitStatus: Int32 {
    /// Everything worked and there is nothing to flag.
    case ok = 0
    /// The command worked and has findings: quarantined records (`ingest`, `quarantine`).
    case findings = 1
    /// An error: an unreadable file, a bad mapping, a store that cannot be opened. Other files were still processed.
    case error = 2
    /// The command line is wrong (ArgumentParser's validation errors use the same code, EX_USAGE).
    case usage = 64
}
