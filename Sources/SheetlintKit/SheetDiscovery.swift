import Foundation
import SheetReading

/// Finds the sheet files named by the command line: files as given, directories searched
/// recursively for `.md`/`.markdown`/`.yaml`/`.yml`/`.json`, skipping hidden entries and
/// build folders. The result is sorted, so every run sees the same order.
public enum SheetDiscovery {
    /// Folder names never searched (besides any name starting with a dot).
    static let skippedDirectories: Set<String> = ["node_modules", "Package.resolved"]

    /// The files to lint (with whether the user named each one), and the paths that do
    /// not exist.
    public static func files(in paths: [String]) -> (files: [String], explicit: Set<String>, missing: [String]) {
        var files: [String] = []
        var explicit = Set<String>()
        var missing: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                missing.append(path)
                continue
            }
            if isDir.boolValue {
                files += search(directory: path)
            } else {
                files.append(path)
                explicit.insert(path)
            }
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0).inserted }, explicit, missing)
    }

    private static func search(directory: String) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") && !skippedDirectories.contains(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                out += search(directory: path)
            } else if SheetReader.isSheetFile(path) {
                out.append(path)
            }
        }
        return out
    }
}
