import SheetModel

/// Reading a sheet file from disk.
extension SheetDecoder {
    /// Largest file accepted, in bytes: `ResourceLimits.maxFileSize` (10 MiB). A real sheet
    /// is a few tens of kilobytes; the limit keeps a mistaken argument (a log, an image
    /// folder's archive) from being read into memory whole.
    public static let maxFileSize = ResourceLimits.maxFileSize

    /// Reads the file at `path` and decodes it (see `decode(_:file:forced:)`); `path`
    /// is also the `file` named in errors and notes. Only a regular file is read
    /// (`InputFile.read`): a FIFO or a device is an error, never a hang.
    ///
    /// - Throws: `ReadError` of kind `.notFound`, `.unreadable` (also for a directory, a
    ///   FIFO, a device, permission denied), `.tooLarge` (more than `maxFileSize` bytes), or
    ///   any error of `decode`.
    public static func readFile(path: String, forced: SheetEncoding? = nil) throws -> DecodedText {
        try decode(InputFile.read(path, limit: maxFileSize), file: path, forced: forced)
    }
}
