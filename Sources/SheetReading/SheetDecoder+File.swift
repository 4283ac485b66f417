import Foundation
import SheetModel

/// Reading a sheet file from disk.
extension SheetDecoder {
    /// Largest file accepted, in bytes: 10 MiB (10,485,760 bytes). A real sheet is a
    /// few tens of kilobytes; the limit keeps a mistaken argument (a log, an image
    /// folder's archive) from being read into memory whole.
    public static let maxFileSize = 10 * 1024 * 1024

    /// Reads the file at `path` and decodes it (see `decode(_:file:forced:)`); `path`
    /// is also the `file` named in errors and notes.
    ///
    /// - Throws: `ReadError` of kind `.notFound`, `.unreadable` (also for a directory),
    ///   `.tooLarge` (more than `maxFileSize` bytes), or any error of `decode`.
    public static func readFile(path: String, forced: SheetEncoding? = nil) throws -> DecodedText {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(.notFound, file: path, message: "ファイルが見つかりません", messageEn: "No such file")
        }
        if isDirectory.boolValue {
            throw ReadError(.unreadable, file: path, message: "ディレクトリです。ファイルを指定してください",
                            messageEn: "This is a directory, not a file")
        }
        // The size from the directory entry refuses a huge file without touching its contents.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.int64Value > Int64(maxFileSize) {
            throw tooLarge(path, size: "\(size.int64Value)", sizeEn: "\(size.int64Value)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(.unreadable, file: path, message: "ファイルを開けません（読み取り権限を確認してください）",
                            messageEn: "Cannot open the file (check read permission)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte over the limit is enough to tell; this also bounds pipes and
            // special files whose reported size is 0.
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw ReadError(.unreadable, file: path, message: "ファイルを読めません（\(error.localizedDescription)）",
                            messageEn: "Cannot read the file (\(error.localizedDescription))")
        }
        if data.count > maxFileSize { throw tooLarge(path, size: "\(maxFileSize) 超", sizeEn: "over \(maxFileSize)") }
        return try decode([UInt8](data), file: path, forced: forced)
    }

    private static func tooLarge(_ path: String, size: String, sizeEn: String) -> ReadError {
        ReadError(.tooLarge, file: path,
                         message: "ファイルが大きすぎます（\(size) バイト）。上限は 10 MiB（\(maxFileSize) バイト）です",
                         messageEn: "The file is too large (\(sizeEn) bytes); the limit is 10 MiB (\(maxFileSize) bytes)")
    }
}
