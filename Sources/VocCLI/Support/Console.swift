#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error. A closed pipe (`voc accounts | head`) ends the process quietly with 0,
/// as `grep` and `ripgrep` do.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Overwrites the current stderr line (progress), only when stderr is a terminal.
    static func progress(_ text: String) {
        guard isTerminal(STDERR_FILENO) else { return }
        write("\r\u{1B}[K" + text, to: STDERR_FILENO)
    }

    static func endProgress() {
        guard isTerminal(STDERR_FILENO) else { return }
        write("\r\u{1B}[K", to: STDERR_FILENO)
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The terminal's width when stdout is a terminal; nil (no limit) for pipes and files.
    static var width: Int? {
        guard isTerminal(STDOUT_FILENO) else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EPIPE {
                    exit(ExitStatus.ok.rawValue)
                } else if errno != EINTR {
                    return
                }
            }
        }
    }
}
