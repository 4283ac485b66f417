import Foundation
import SheetModel
@testable import SheetReading

/// The quirk fixtures in `Fixtures/quirks/`: small sheets of fictional departments, each
/// showing one quirk of the published (PDF → Markdown) form, with a golden dump beside it.
///
/// The folder is found from this file's path, not from the bundle, so that recording
/// writes next to the sources. Sheets are read under their bare file name, so spans and
/// file names do not depend on where the repository is checked out.
enum QuirkFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/quirks", isDirectory: true)

    /// Fixture names (file names without `.md`), sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") }
            .map { String($0.dropLast(3)) }
            .sorted()
    }

    /// The fixture's bytes, decoded as `SheetReader.read(path:)` would decode them.
    static func decoded(_ name: String) throws -> DecodedText {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".md"))
        return try SheetDecoder.decode([UInt8](data), file: name + ".md")
    }

    /// The fixture read as a published-form sheet.
    static func read(_ name: String) throws -> Sheet {
        try SheetReader.read(decoded: decoded(name), path: name + ".md")
    }

    /// The golden dump's URL.
    static func goldenURL(_ name: String) -> URL {
        folder.appendingPathComponent(name + ".dump")
    }

    /// The first line where two texts differ, for failure messages.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        for i in 0..<max(a.count, e.count) {
            let x = i < a.count ? a[i] : "<end>", y = i < e.count ? e[i] : "<end>"
            if x != y { return "line \(i + 1):\n  actual:   \(x)\n  expected: \(y)" }
        }
        return "no difference"
    }
}
