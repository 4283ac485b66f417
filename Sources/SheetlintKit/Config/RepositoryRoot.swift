import Foundation

/// Where a configuration found in a repository may reach: its repository root.
///
/// A configuration, rule file or catalogue found in the repository being checked is
/// untrusted (docs/SECURITY.md). Paths it names (`extends`, `catalogs`) must resolve, after
/// following symbolic links, inside the repository root: the nearest directory at or above
/// the configuration's own directory that holds `.git`. Outside a git checkout it is the
/// run's current directory (chosen on the command line) when the configuration is inside
/// it, else the configuration's own directory. Paths given on the command line are not confined.
public enum RepositoryRoot {
    /// The repository root for a file in `directory` (absolute), symbolic links resolved;
    /// `currentDirectory` is the run's (absolute).
    public static func of(directory: String, currentDirectory: String) -> String {
        let start = realPath(directory) ?? directory
        var current = start
        while true {
            if FileManager.default.fileExists(atPath: ConfigPath.join(current, ".git")) { return current }
            let parent = ConfigPath.parent(of: current)
            if parent == current { break }
            current = parent
        }
        let cwd = realPath(currentDirectory) ?? currentDirectory
        return contains(start, root: cwd) ? cwd : start
    }

    /// True when `path` (absolute) resolves, links followed, to `root` or inside it. A path
    /// that does not exist is judged by its nearest existing ancestor, so a missing file
    /// inside the repository is reported as missing, not as outside.
    public static func contains(_ path: String, root: String) -> Bool {
        var existing = path, rest: [String] = []
        while realPath(existing) == nil, existing != "/" {
            rest.insert(String(existing[existing.index(after: existing.lastIndex(of: "/")!)...]), at: 0)
            existing = ConfigPath.parent(of: existing)
        }
        let resolved = ConfigPath.normalize(([realPath(existing) ?? existing] + rest).joined(separator: "/"))
        let base = realPath(root) ?? root
        return resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// `realpath(3)`: absolute, every link resolved; nil when the path does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
