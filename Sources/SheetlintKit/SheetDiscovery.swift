import Foundation
import SheetReading

/// Finds the sheet files named by the command line: files as given, directories searched
/// recursively for `.md`/`.markdown`/`.yaml`/`.yml`/`.json`, skipping hidden entries, build
/// folders and audit-report folders (those holding `ReportRequest.markerFileName`). The
/// result is sorted, so every run sees the same order.
///
/// Symbolic links are followed, but each real directory is searched once and each real
/// file linted once (by device and inode), so a link loop (`self -> .`, `up -> ..`) ends and
/// is reported as a notice. Only regular files are sheets: a FIFO or device found in a
/// search is skipped with a notice, and named on the command line is an error, as is an
/// unreadable directory or a dangling link named there. In a search each of those is a notice.
public enum SheetDiscovery {
    /// Folder names never searched (besides any name starting with a dot).
    static let skippedDirectories: Set<String> = ["node_modules", "Package.resolved"]

    /// What a search found.
    public struct Result: Sendable {
        /// The files to lint, in order, each real file once.
        public var files: [String] = []
        /// The files the user named.
        public var explicit = Set<String>()
        /// Paths given that do not exist.
        public var missing: [String] = []
        /// Paths given that cannot be linted (not a regular file, unreadable directory, dangling link): exit 2.
        public var errors: [LintError] = []
        /// Entries a search skipped and why (link loops, special files, unreadable directories, dangling links).
        public var notices: [LintError] = []
    }

    /// The files to lint (with whether the user named each one), and the paths that do
    /// not exist.
    public static func files(in paths: [String]) -> (files: [String], explicit: Set<String>, missing: [String]) {
        let found = discover(paths)
        return (found.files, found.explicit, found.missing)
    }

    /// Searches `paths` (see the type's summary).
    public static func discover(_ paths: [String]) -> Result {
        var walk = Walk()
        for path in paths {
            let kind = InputFile.kind(of: path)
            switch kind {
            case .missing:
                walk.result.missing.append(path)
            case .directory:
                if let identity = InputFile.identity(of: path) { walk.directories.insert(identity) }
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    walk.result.errors.append(LintError(message: "\(path): ディレクトリを読めません（権限を確認してください）",
                                                        messageEn: "\(path): cannot read the directory (check permissions)"))
                    continue
                }
                walk.search(path, names)
            case .regular:
                if let identity = InputFile.identity(of: path), !walk.files.insert(identity).inserted,
                   walk.result.files.contains(path) { continue }
                walk.result.files.append(path)
                walk.result.explicit.insert(path)
            default:
                let names = kind.names
                walk.result.errors.append(LintError(message: "\(path): 通常のファイルではないため読みません（\(names.ja)）",
                                                    messageEn: "\(path): not a regular file, not read (\(names.en))"))
            }
        }
        var seen = Set<String>()
        walk.result.files = walk.result.files.filter { seen.insert($0).inserted }
        return walk.result
    }

    /// One search's state: the real directories and files already visited.
    private struct Walk {
        var result = Result()
        var directories = Set<FileIdentity>()
        var files = Set<FileIdentity>()

        mutating func search(_ directory: String, _ names: [String]) {
            for name in names.sorted() where !name.hasPrefix(".") && !skippedDirectories.contains(name) {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                let kind = InputFile.kind(of: path)
                switch kind {
                case .directory:
                    guard let identity = InputFile.identity(of: path), directories.insert(identity).inserted else {
                        notice(path, "既に検索したディレクトリのため飛ばしました（リンクの循環など）",
                               "skipped, a directory already searched (a link loop, or named twice)")
                        continue
                    }
                    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                        notice(path, "ディレクトリを読めないため飛ばしました（権限を確認してください）",
                               "skipped, cannot read the directory (check permissions)")
                        continue
                    }
                    // A report's output folder (`sheetlint report` marks it): its summary.md
                    // and report.json are not sheets. Skipped silently, like hidden and build
                    // folders; named on the command line, it is still searched.
                    if entries.contains(ReportRequest.markerFileName) { continue }
                    search(path, entries)
                case .regular where SheetReader.isSheetFile(path):
                    guard let identity = InputFile.identity(of: path), files.insert(identity).inserted else {
                        notice(path, "既に検査するファイルと同じファイル（リンク）のため飛ばしました",
                               "skipped, the same file as one already linted (a link)")
                        continue
                    }
                    result.files.append(path)
                case .regular, .missing:
                    continue
                case .danglingLink:
                    notice(path, "リンク先のないシンボリックリンクのため飛ばしました", "skipped, a symbolic link to nothing")
                case .inaccessible(let why):
                    notice(path, "アクセスできないため飛ばしました（\(why)）", "skipped, cannot access it (\(why))")
                case .fifo, .socket, .device, .other:
                    guard SheetReader.isSheetFile(path) else { continue }
                    let names = kind.names
                    notice(path, "通常のファイルではないため飛ばしました（\(names.ja)）", "skipped, not a regular file (\(names.en))")
                }
            }
        }

        private mutating func notice(_ path: String, _ ja: String, _ en: String) {
            result.notices.append(LintError(message: "\(path): \(ja)", messageEn: "\(path): \(en)"))
        }
    }
}
