import Foundation

/// Writes the report's files into its directory so that a failed run leaves the previous
/// report as it was: every file is first written completely (and flushed) under a hidden
/// temporary name in the directory, by `AtomicOutput`; only when all are written are they
/// renamed over the old ones. Nothing is written outside the directory.
public enum ReportOutput {
    /// Writes `files` (plain names) into `directory`, created when missing.
    /// - Throws: `OutputError` naming the file that could not be written; no file of the
    ///   previous report has then been replaced.
    public static func write(_ files: [(name: String, text: String)], into directory: String) throws(OutputError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: directory, stage: .create, reason: "not a directory") }
        } else {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: directory, stage: .create, reason: (error as NSError).localizedDescription)
            }
        }
        let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        var staged: [(temporary: String, final: String)] = []
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        for file in files {
            precondition(!file.name.contains("/"), "report file names are plain names")
            let temporary = path(".\(file.name).sheetlint-report-\(tag).tmp")
            do {
                try AtomicOutput.write(file.text, to: temporary)
            } catch {
                for s in staged { _ = unlink(s.temporary) }
                throw OutputError(path: path(file.name), stage: error.stage, reason: error.reason)
            }
            staged.append((temporary, path(file.name)))
        }
        // A destination that is a directory would fail its rename half-way through: refuse
        // before any file of the previous report is replaced.
        for s in staged {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: s.final, isDirectory: &isDir), isDir.boolValue {
                for t in staged { _ = unlink(t.temporary) }
                throw OutputError(path: s.final, stage: .replace, reason: "is a directory")
            }
        }
        for (i, s) in staged.enumerated() where rename(s.temporary, s.final) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { _ = unlink(rest.temporary) }
            throw OutputError(path: s.final, stage: .replace, reason: reason)
        }
    }
}
