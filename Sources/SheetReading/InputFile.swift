#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SheetModel

/// Reading any input file (a sheet, a configuration, a rule file, a catalogue, a baseline)
/// without ever blocking on or trusting what the path turns out to be.
///
/// Only a regular file is read: a FIFO, a socket, a device or a directory is refused with a
/// message that says so. The file is opened non-blocking (so opening a FIFO cannot hang)
/// and checked with `fstat` on the open descriptor (so a path swapped between the check and
/// the read cannot slip through), then read up to `ResourceLimits.maxFileSize` + 1 bytes.
public enum InputFile {
    /// What a path is, following symbolic links (as `stat`), or why it cannot be told.
    public enum Kind: Sendable, Equatable {
        case regular, directory, fifo, socket, device, other
        /// A symbolic link whose target does not exist.
        case danglingLink
        case missing
        /// Permission denied on the way to it, or another `stat` failure (errno text).
        case inaccessible(String)

        /// The Japanese and English names used in messages ("FIFO（名前付きパイプ）", "a FIFO").
        public var names: (ja: String, en: String) {
            switch self {
            case .regular: return ("通常のファイル", "a regular file")
            case .directory: return ("ディレクトリ", "a directory")
            case .fifo: return ("FIFO（名前付きパイプ）", "a FIFO (named pipe)")
            case .socket: return ("ソケット", "a socket")
            case .device: return ("デバイスファイル", "a device file")
            case .other: return ("特殊なファイル", "a special file")
            case .danglingLink: return ("リンク先のないシンボリックリンク", "a symbolic link to nothing")
            case .missing: return ("存在しないパス", "a missing path")
            case .inaccessible(let why): return ("アクセスできないパス（\(why)）", "an inaccessible path (\(why))")
            }
        }
    }

    /// The kind of `path`, following links.
    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                var link = stat()
                return lstat(path, &link) == 0 ? .danglingLink : .missing
            }
            return .inaccessible(String(cString: strerror(code)))
        }
        return kind(mode: st.st_mode)
    }

    /// The device and inode of `path` after following links, to tell when two paths are
    /// one file or directory; nil when it cannot be stat'ed.
    public static func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .other
        }
    }

    /// The bytes of the regular file at `path` (at most `limit`).
    ///
    /// - Throws: `ReadError` `.notFound`; `.unreadable` for a directory, a FIFO, a socket, a
    ///   device, a dangling link, or permission denied (each said as such); `.tooLarge`
    ///   past `limit` bytes.
    public static func read(_ path: String, limit: Int = ResourceLimits.maxFileSize) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw openError(path, errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ioError(path, errno) }
        let kind = kind(mode: st.st_mode)
        guard kind == .regular else { throw notRegular(path, kind) }
        if Int64(st.st_size) > Int64(limit) { throw tooLarge(path, size: "\(st.st_size)", sizeEn: "\(st.st_size)", limit: limit) }
        // Read straight into the array, sized as `fstat` says plus the byte that tells a file
        // that grew since (no zeroed buffer, no copy from one: the file's bytes are written
        // once, by the kernel).
        let expected = Int(st.st_size) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let n = Glibc_read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                initialized += n
            }
        }
        if failure != 0 { throw ioError(path, failure) }
        guard bytes.count == expected else { return bytes }
        // The file grew since `fstat`: read on in chunks; one byte over the limit is enough to tell.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress, min($0.count, limit + 1 - bytes.count)) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ioError(path, errno)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        if bytes.count > limit { throw tooLarge(path, size: "\(limit) 超", sizeEn: "over \(limit)", limit: limit) }
        return bytes
    }

    /// `read` as UTF-8 text; invalid UTF-8 is an `.badEncoding` error.
    public static func readText(_ path: String, limit: Int = ResourceLimits.maxFileSize) throws(ReadError) -> String {
        let bytes = try read(path, limit: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(.badEncoding, file: path, message: "UTF-8 のテキストとして読めません",
                            messageEn: "cannot read as UTF-8 text")
        }
        return text
    }

    static func notRegular(_ path: String, _ kind: Kind) -> ReadError {
        if kind == .directory {
            return ReadError(.unreadable, file: path, message: "ディレクトリです。ファイルを指定してください",
                             messageEn: "This is a directory, not a file")
        }
        let names = kind.names
        return ReadError(.unreadable, file: path, message: "通常のファイルではないため読みません（\(names.ja)）",
                         messageEn: "not a regular file, not read (\(names.en))")
    }

    private static func openError(_ path: String, _ code: Int32) -> ReadError {
        switch code {
        case ENOENT, ENOTDIR:
            let kind = kind(of: path)
            if kind == .danglingLink { return notRegular(path, kind) }
            return ReadError(.notFound, file: path, message: "ファイルが見つかりません", messageEn: "No such file")
        case EACCES, EPERM:
            return ReadError(.unreadable, file: path, message: "ファイルを開けません（読み取り権限がありません）",
                             messageEn: "Cannot open the file (permission denied)")
        case ENXIO:
            // O_NONBLOCK on a socket or device with no reader: not a regular file.
            return notRegular(path, kind(of: path))
        default:
            return ioError(path, code)
        }
    }

    private static func ioError(_ path: String, _ code: Int32) -> ReadError {
        let why = String(cString: strerror(code))
        return ReadError(.unreadable, file: path, message: "ファイルを読めません（\(why)）", messageEn: "Cannot read the file (\(why))")
    }

    static func tooLarge(_ path: String, size: String, sizeEn: String, limit: Int) -> ReadError {
        ReadError(.tooLarge, file: path,
                  message: "ファイルが大きすぎます（\(size) バイト）。上限は 10 MiB（\(limit) バイト）です",
                  messageEn: "The file is too large (\(sizeEn) bytes); the limit is 10 MiB (\(limit) bytes)")
    }
}

/// A file or directory's identity (device and inode), the same for every path to it.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

#if canImport(Glibc)
private let Glibc_read = Glibc.read
#elseif canImport(Darwin)
private let Glibc_read = Darwin.read
#endif
