#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VocCore

/// A forward-only stream of bytes read in chunks: a file, standard input, or a transcoding wrapper.
protocol ByteSource {
    /// Reads up to `buffer.count` bytes; 0 means end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VocError) -> Int
}

/// Reads a file descriptor with `read(2)`, straight into the caller's buffer (no intermediate `Data`).
final class FileDescriptorSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    let displayName: String

    /// Opens `path`, or standard input when `path` is `-`.
    init(path: String) throws(VocError) {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            displayName = "<stdin>"
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw VocError(.fileUnreadable, "cannot open: \(String(cString: strerror(errno)))", at: SourcePosition(file: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw VocError(.fileUnreadable, "is a directory", at: SourcePosition(file: path))
        }
        descriptor = fd
        ownsDescriptor = true
        displayName = path
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(VocError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw VocError(.fileUnreadable, "read failed: \(String(cString: strerror(errno)))", at: SourcePosition(file: displayName))
        }
    }
}

/// Replays bytes already read (while sniffing) before continuing with the underlying source.
struct PrefixedSource: ByteSource {
    private var prefix: [UInt8]
    private var prefixOffset = 0
    private var base: any ByteSource

    init(prefix: [UInt8], base: any ByteSource) {
        self.prefix = prefix
        self.base = base
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VocError) -> Int {
        if prefixOffset < prefix.count {
            let count = min(buffer.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + prefixOffset, byteCount: count)
            }
            prefixOffset += count
            if prefixOffset == prefix.count { prefix = [] ; prefixOffset = Int.max }
            return count
        }
        return try base.read(into: buffer)
    }
}

/// Reads the first `count` bytes of a source (fewer at end of input), for sniffing.
func readPrefix(of source: inout some ByteSource, count: Int) throws(VocError) -> [UInt8] {
    var prefix = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
        let read = try prefix.withUnsafeMutableBytes { bytes in
            Result { () throws(VocError) in try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled...])) }
        }.get()
        if read == 0 { break }
        filled += read
    }
    prefix.removeLast(count - filled)
    return prefix
}
