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
        let file = try open(path)
        bytes.withUnsafeBytes { _ = file.write($0) }
        try file.commit()
    }

    /// Opens `path` for writing a text piece by piece (`File.write`), to be made the file's
    /// content by `File.commit()` only once it is complete, with the guarantees of
    /// `write(_:to:)`: a regular file (or a new one) is written to an unlinked temporary
    /// that replaces it at `commit()`, and a run stopped before then leaves the file as it
    /// was; a device or FIFO is written into as the text comes. A `File` not committed is
    /// removed when released.
    /// - Throws: `OutputError` when the destination cannot be written (it is then left as it was).
    public static func open(_ path: String) throws(OutputError) -> File {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            // Nothing there (or a missing directory, reported when creating the temporary).
            return try temporary(replacing: path, existing: nil)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return try temporary(replacing: path, existing: st)
        case S_IFLNK:
            guard let target = realpath(path, nil) else {
                throw OutputError(path: path, stage: .create, reason: "a symbolic link to nothing; not replaced")
            }
            defer { free(target) }
            let resolved = String(cString: target)
            var targetStat = stat()
            guard stat(resolved, &targetStat) == 0 else { throw OutputError(path: path, stage: .create, reason: reason()) }
            if targetStat.st_mode & S_IFMT == S_IFREG {
                return try temporary(replacing: resolved, existing: targetStat, shownAs: path)
            }
            return try special(resolved, shownAs: path)
        default:
            return try special(path, shownAs: path)
        }
    }

    /// A destination that exists and is not a regular file: a device or FIFO is written
    /// into; anything else is refused.
    private static func special(_ path: String, shownAs shown: String) throws(OutputError) -> File {
        var st = stat()
        guard stat(path, &st) == 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return try temporary(replacing: path, existing: st, shownAs: shown)
        case S_IFDIR:
            throw OutputError(path: shown, stage: .replace, reason: String(cString: strerror(EISDIR)))
        case S_IFCHR, S_IFIFO:
            // Non-blocking open: a FIFO nobody reads is ENXIO, not a hang. No O_CREAT, no O_TRUNC.
            let fd = SystemCall.open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return File(fd: fd, shown: shown, replacing: nil)
        default:
            throw OutputError(path: shown, stage: .create, reason: "not a regular file, a device or a pipe; not replaced")
        }
    }

    /// A temporary in the directory of the regular file `path` (or of the new file), to be
    /// renamed over it at `commit()`.
    private static func temporary(replacing path: String, existing: stat?, shownAs shown: String? = nil) throws(OutputError) -> File {
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
        fd = SystemCall.open(directory.isEmpty ? "." : directory, linuxTmpFile | O_WRONLY | O_CLOEXEC, 0o666)
        unlinked = fd >= 0
        #endif
        if fd < 0 { fd = SystemCall.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
        guard fd >= 0 else { throw OutputError(path: shown, stage: .create, reason: reason()) }
        if let existing {
            _ = fchmod(fd, existing.st_mode & 0o7777)
            if geteuid() == 0 { _ = fchown(fd, existing.st_uid, existing.st_gid) }
        }
        return File(fd: fd, shown: shown, replacing: (path: path, temporary: temporary, named: !unlinked))
    }

    /// An output being written (`AtomicOutput.open`). Used by one thread.
    public final class File {
        private var fd: Int32
        private let shown: String
        /// For a regular file: the file replaced, the temporary's name and whether the
        /// temporary has that name yet (an `O_TMPFILE` gets it only at `commit()`).
        private var replacing: (path: String, temporary: String, named: Bool)?
        /// The first failure; nothing is written after it.
        private var failure: OutputError?

        fileprivate init(fd: Int32, shown: String, replacing: (path: String, temporary: String, named: Bool)?) {
            self.fd = fd
            self.shown = shown
            self.replacing = replacing
        }

        /// Appends `bytes`; false (and nothing more written) once writing has failed.
        @discardableResult
        public func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard failure == nil, fd >= 0 else { return false }
            var written = 0
            while written < bytes.count {
                let n = SystemCall.write(fd, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = OutputError(path: shown, stage: .write, reason: AtomicOutput.reason())
                    return false
                }
                written += n
            }
            return true
        }

        /// Makes what was written the destination's content: flushed to disk and renamed
        /// over the file it replaces (closed, for a device or FIFO).
        /// - Throws: the first failure of writing, flushing or renaming; the temporary is then
        ///   removed and the destination left as it was.
        public func commit() throws(OutputError) {
            guard fd >= 0 else { return }
            defer { fd = -1 }
            guard var target = replacing else {
                _ = SystemCall.close(fd)
                if let failure { throw failure }
                return
            }
            if failure == nil && fsync(fd) != 0 { failure = OutputError(path: shown, stage: .write, reason: AtomicOutput.reason()) }
            if failure == nil && !target.named {
                // Give the unlinked file its temporary name only now, just before the rename.
                if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, target.temporary, AT_SYMLINK_FOLLOW) == 0 {
                    target.named = true
                } else {
                    failure = OutputError(path: shown, stage: .write, reason: AtomicOutput.reason())
                }
            }
            if SystemCall.close(fd) != 0 && failure == nil { failure = OutputError(path: shown, stage: .write, reason: AtomicOutput.reason()) }
            if failure == nil && rename(target.temporary, target.path) != 0 {
                failure = OutputError(path: shown, stage: .replace, reason: AtomicOutput.reason())
            }
            if let failure {
                if target.named { _ = unlink(target.temporary) }
                throw failure
            }
        }

        /// Drops what was written: the temporary is removed, the destination left as it was.
        public func discard() {
            guard fd >= 0 else { return }
            _ = SystemCall.close(fd)
            fd = -1
            if let target = replacing, target.named { _ = unlink(target.temporary) }
        }

        deinit { discard() }
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

    fileprivate static func reason() -> String { String(cString: strerror(errno)) }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import as a macro.
    private static let linuxTmpFile: Int32 = 0o20000000 | O_DIRECTORY
    #endif
}

/// `write(2)`, `open(2)` and `close(2)` under names that do not clash with
/// `AtomicOutput.write`, `AtomicOutput.open`, `File`'s members and `TextOutputStream.write`
/// (`ReportStream`).
enum SystemCall {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags, mode)
        #elseif canImport(Musl)
        Musl.open(path, flags, mode)
        #else
        Darwin.open(path, flags, mode)
        #endif
    }

    static func close(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(fd)
        #elseif canImport(Musl)
        Musl.close(fd)
        #else
        Darwin.close(fd)
        #endif
    }

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
