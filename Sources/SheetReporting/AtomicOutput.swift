#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `--output FILE` (and baselines, and any report file) so that readers only ever see
/// the old file or the complete new one, and so that nothing but the file asked for is ever
/// replaced.
///
/// - A new path or a regular file is replaced atomically: the text goes to a temporary file
///   in the destination's directory (same file system), is flushed to disk, then renamed
///   over the destination. On Linux the temporary is created unlinked (`O_TMPFILE`) and only
///   given a name just before the rename, so a run killed while writing leaves nothing. A
///   named temporary (`.NAME.sheetlint-PID-RANDOM.tmp`) left by a killed run is removed by the
///   next write to the same destination once its process is gone.
/// - A symbolic link is written through: its target is replaced, the link stays.
/// - A character device or FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written into, never
///   replaced by a regular file; a FIFO with no reader is an error, not a hang.
/// - A directory, a socket, a block device or a link to nothing is refused.
public enum AtomicOutput {
    /// Writes `text` as UTF-8 to `path` (see the type's summary).
    ///
    /// On any failure the temporary file is removed and `path` is left as it was (absent,
    /// or with its old content); no partial file is left behind. A replaced file keeps its
    /// permission bits (and, when run as root, its owner); a new file gets `0666` minus the umask.
    /// - Throws: `OutputError` naming `path` and the system's reason.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`, as `write(_:to:)`.
    public static func write(bytes: [UInt8], to path: String) throws(OutputError) {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            // Nothing there (or a missing directory, reported when creating the temporary).
            return try replace(path, with: bytes, existing: nil)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try replace(path, with: bytes, existing: st)
        case S_IFLNK:
            guard let target = realpath(path, nil) else {
                throw OutputError(path: path, stage: .create, reason: "a symbolic link to nothing; not replaced")
            }
            defer { free(target) }
            let resolved = String(cString: target)
            var targetStat = stat()
            guard stat(resolved, &targetStat) == 0 else { throw OutputError(path: path, stage: .create, reason: reason()) }
            if targetStat.st_mode & S_IFMT == S_IFREG {
                try replace(resolved, with: bytes, existing: targetStat, shownAs: path)
            } else {
                try write(bytes: bytes, to: resolved, shownAs: path)
            }
        default:
            try write(bytes: bytes, to: path, shownAs: path)
        }
    }

    /// A destination that exists and is not a regular file: a device or FIFO is written
    /// into; anything else is refused.
    private static func write(bytes: [UInt8], to path: String, shownAs shown: String) throws(OutputError) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try replace(path, with: bytes, existing: st, shownAs: shown)
        case S_IFDIR:
            throw OutputError(path: shown, stage: .replace, reason: String(cString: strerror(EISDIR)))
        case S_IFCHR, S_IFIFO:
            // Non-blocking open: a FIFO nobody reads is ENXIO, not a hang. No O_CREAT, no O_TRUNC.
            let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            let failure = writeAll(fd, bytes, shown)
            _ = close(fd)
            if let failure { throw failure }
        default:
            throw OutputError(path: shown, stage: .create, reason: "not a regular file, a device or a pipe; not replaced")
        }
    }

    /// Replaces (or creates) the regular file `path` atomically.
    private static func replace(_ path: String, with bytes: [UInt8], existing: stat?, shownAs shown: String? = nil) throws(OutputError) {
        let shown = shown ?? path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw OutputError(path: shown, stage: .create, reason: "is a directory") }
        removeStaleTemporaries(directory: directory, name: name)
        let temporary = directory + temporaryPrefix(name) + String(getpid()) + "-"
            + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"

        var fd: Int32 = -1
        var unlinked = false
        #if os(Linux)
        fd = open(directory.isEmpty ? "." : directory, linuxTmpFile | O_WRONLY | O_CLOEXEC, 0o666)
        unlinked = fd >= 0
        #endif
        if fd < 0 { fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard fd >= 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
        if let existing {
            _ = fchmod(fd, existing.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
        }
        var failure = writeAll(fd, bytes, shown)
        if failure == nil && fsync(fd) != 0 { failure = OutputError(path: shown, stage: .write, reason: reason()) }
        var named = !unlinked
        if failure == nil && unlinked {
            // Give the unlinked file its temporary name only now, just before the rename.
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 {
                named = true
            } else {
                failure = OutputError(path: shown, stage: .write, reason: reason())
            }
        }
        if close(fd) != 0 && failure == nil { failure = OutputError(path: shown, stage: .write, reason: reason()) }
        if failure == nil && rename(temporary, path) != 0 {
            failure = OutputError(path: shown, stage: .replace, reason: reason())
        }
        if let failure {
            if named { _ = unlink(temporary) }
            throw failure
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ shown: String) -> OutputError? {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glue.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return OutputError(path: shown, stage: .write, reason: reason()) }
            written += n
        }
        return nil
    }

    /// `.NAME.sheetlint-`: every temporary for `NAME` starts so; the process id follows.
    static func temporaryPrefix(_ name: String) -> String { "." + name + ".sheetlint-" }

    /// Removes `.NAME.sheetlint-PID-….tmp` files in `directory` whose process no longer runs
    /// (left by a run that was killed between naming its temporary and renaming it).
    static func removeStaleTemporaries(directory: String, name: String) {
        let prefix = temporaryPrefix(name)
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            let rest = entryName.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                _ = unlink(directory + entryName)
            }
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import as a macro.
    private static let linuxTmpFile: Int32 = 0o20000000 | O_DIRECTORY
    #endif
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
        /// The temporary file could not be created (missing directory, no permission), or
        /// the destination is something that is never replaced.
        case create
        /// Writing or flushing failed (disk full, I/O error).
        case write
        /// Renaming it over the destination failed (destination is a directory, …).
        case replace
    }

    /// The destination as given.
    public var path: String
    public var stage: Stage
    /// The system's explanation (`strerror`), in English.
    public var reason: String

    public init(path: String, stage: Stage, reason: String) {
        self.path = path
        self.stage = stage
        self.reason = reason
    }

    /// `path: 出力を書き込めません（reason）`.
    public var message: String { "\(path): 出力を書き込めません（\(reason)）" }
    /// `path: cannot write output (reason)`.
    public var messageEn: String { "\(path): cannot write output (\(reason))" }
}
