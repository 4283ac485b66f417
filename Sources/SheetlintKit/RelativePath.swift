import Foundation

/// Relative paths between folders, computed on standardized absolute paths.
enum RelativePath {
    /// `file` relative to `directory`, with `../` where needed; never absolute.
    static func from(_ directory: String, to file: String) -> String {
        let base = components(absolute(directory))
        let target = components(absolute(file))
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let path = (ups + target[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }
    }
}
