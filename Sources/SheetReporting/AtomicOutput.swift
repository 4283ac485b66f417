#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `--output FILE` so that readers only ever see the old file or the complete new
/// one: the text goes to a temporary file in the destination's directory (same file
/// system), is flushed to disk, then renamed over the destination.
public enum AtomicOutput {
    /// Writes `text` as UTF-8 to `path`, replacing any existing file atomically.
    ///
    /// On any failure the temporary file is removed and `path` is left as it was (absent,
    /// or with its old content); no partial file is left behind. A replaced file keeps its
    /// permission bits; a new file gets `0666` minus the umask.
    /// - Throws: `OutputError` naming `path` and the system's reason.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw OutputError(path: path, stage: .create, reason: "is a directory") }
        let temporary = directory + "." + name + ".sheetlint-" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(path: path, stage: .create, reason: reason()) }
        var failure: OutputError? = nil
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count && failure == nil {
            let n = bytes[written...].withUnsafeBytes { Glue.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failure = OutputError(path: path, stage: .write, reason: reason()) } else { written += n }
        }
        if failure == nil && fsync(fd) != 0 { failure = OutputError(path: path, stage: .write, reason: reason()) }
        if close(fd) != 0 && failure == nil { failure = OutputError(path: path, stage: .write, reason: reason()) }
        if failure == nil && rename(temporary, path) != 0 {
            failure = OutputError(path: path, stage: .replace, reason: reason())
        }
        if let failure {
            _ = unlink(temporary)
            throw failure
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}

/// `write(2)` under a name that does not clash with `AtomicOutput.write`.
private enum Glue {
    static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }
}

/// `--output` could not be written; the destination was left untouched.
public struct OutputError: Error, Sendable, Hashable {
    /// What failed.
    public enum Stage: String, Sendable, Hashable {
        /// The temporary file could not be created (missing directory, no permission).
        case create
        /// Writing or flushing the temporary file failed (disk full, I/O error).
        case write
        /// Renaming it over the destination failed (destination is a directory, …).
        case replace
    }

    /// The destination as given.
    public var path: String
    public var stage: Stage
    /// The system's explanation (`strerror`), in English.
    public var reason: String

    /// `path: 出力を書き込めません（reason）`.
    public var message: String { "\(path): 出力を書き込めません（\(reason)）" }
    /// `path: cannot write output (reason)`.
    public var messageEn: String { "\(path): cannot write output (\(reason))" }
}
