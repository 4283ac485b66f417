import Foundation
import SheetModel
import SheetRules

/// `sheetlint catalog check FILE…`: validates catalogue files the way a run would load
/// them, reporting every mistake of a file at once.
public enum CatalogCheckRun {
    /// The outcome for all files: lines for standard output, and the exit status
    /// (0 every file is valid, 1 a file has mistakes, 2 a file cannot be read).
    public struct Outcome: Sendable {
        public var lines: [String]
        public var status: Int32
    }

    /// Checks each file in `paths` against `rules` (which say which catalogue ids are
    /// cited). Each mistake is a line `file:line:col: error: message`; a valid file gets one
    /// line saying what it holds and which rules use it.
    public static func check(_ paths: [String], rules: RuleSet, english: Bool) -> Outcome {
        var lines: [String] = [], status: Int32 = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                lines.append(english ? "\(path): error: no such file or unreadable" : "\(path): error: ファイルが見つからないか読めません")
                status = 2
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                lines.append(english ? "\(path): error: cannot read as UTF-8 text" : "\(path): error: UTF-8 のテキストとして読めません")
                status = 2
                continue
            }
            let (catalog, errors) = Catalog.parseReportingErrors(text: text, file: path)
            for error in errors {
                lines.append("\(error.file):\(error.line):\(error.column): error: \(english ? error.messageEn : error.message)")
            }
            guard let catalog else {
                status = max(status, 1)
                continue
            }
            let citing = rules.rules(citing: catalog.id)
            if citing.isEmpty {
                let ids = rules.citedCatalogIds.sorted().joined(separator: ", ")
                lines.append(english
                    ? "\(path):1:1: error: no rule cites the catalogue id '\(catalog.id)'; a city's catalogue takes the id of the one it replaces (\(ids))"
                    : "\(path):1:1: error: カタログ id「\(catalog.id)」を参照する規則がありません。置き換える既定のカタログの id（\(ids)）にしてください")
                status = max(status, 1)
                continue
            }
            let titled = catalog.entries.values.filter { $0.title != nil }.count
            let extent = catalog.complete ? (english ? "complete" : "完全") : (english ? "partial" : "一部")
            lines.append(english
                ? "\(path): ok: \(catalog.id) (\(catalog.name)): \(catalog.entries.count) entries, \(titled) with titles, \(extent); used by \(citing.joined(separator: ", "))"
                : "\(path): ok: \(catalog.id)（\(catalog.name)）: \(catalog.entries.count) 件、名称あり \(titled) 件、\(extent); 使う規則: \(citing.joined(separator: ", "))")
        }
        return Outcome(lines: lines, status: status)
    }
}
