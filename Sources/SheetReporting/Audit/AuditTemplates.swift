import Foundation
import Mustache

/// The templates the audit report is rendered with: `index.html.mustache`,
/// `summary.md.mustache` and the labels `labels.ja.json` / `labels.en.json`. The defaults
/// are built in (from `reports/templates/`); `--templates DIR` replaces any of them by a
/// file of the same name in DIR.
public struct AuditTemplates: Sendable {
    /// File name → text.
    public private(set) var files: [String: String]
    /// Where each file came from (`<default>/name` or the override's path), for errors.
    public private(set) var origins: [String: String]

    /// The names a template directory may hold.
    public static let names = ["index.html.mustache", "summary.md.mustache", "labels.ja.json", "labels.en.json"]

    /// The built-in templates.
    public static var builtIn: AuditTemplates {
        var files: [String: String] = [:], origins: [String: String] = [:]
        for file in ReportTemplates.files {
            files[file.name] = file.text
            origins[file.name] = "<default>/reports/templates/" + file.name
        }
        return AuditTemplates(files: files, origins: origins)
    }

    /// The built-in templates with every known file found in `directory` in their place.
    /// - Throws: `TemplateError` when the directory is missing, holds none of the names,
    ///   or a file cannot be read as UTF-8.
    public static func overridden(by directory: String) throws(TemplateError) -> AuditTemplates {
        var result = builtIn
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(file: directory, line: nil, column: nil,
                                message: "テンプレートのディレクトリが見つかりません", messageEn: "template directory not found")
        }
        var found = 0
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path), data.count <= 4 << 20,
                  let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, line: nil, column: nil,
                                    message: "UTF-8 のテキスト（4 MiB 以下）として読めません",
                                    messageEn: "cannot read as UTF-8 text of at most 4 MiB")
            }
            result.files[name] = text
            result.origins[name] = path
            found += 1
        }
        guard found > 0 else {
            throw TemplateError(file: directory, line: nil, column: nil,
                                message: "テンプレートがありません（\(names.joined(separator: ", "))）",
                                messageEn: "holds none of the templates (\(names.joined(separator: ", ")))")
        }
        return result
    }

    /// The parsed page and summary templates and the labels of `language`.
    func compiled(language: String) throws(TemplateError) -> (html: MustacheTemplate, markdown: MustacheTemplate, labels: [String: Any]) {
        Self.registerMarkdown
        return (try template("index.html.mustache"), try template("summary.md.mustache"), try labels("labels.\(language).json"))
    }

    private func template(_ name: String) throws(TemplateError) -> MustacheTemplate {
        let origin = origins[name] ?? name
        do {
            return try MustacheTemplate(string: files[name] ?? "")
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: origin, line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "テンプレートを解析できません: \(error.error)",
                                messageEn: "cannot parse the template: \(error.error)")
        } catch {
            throw TemplateError(file: origin, line: nil, column: nil, message: "\(error)", messageEn: "\(error)")
        }
    }

    private func labels(_ name: String) throws(TemplateError) -> [String: Any] {
        let origin = origins[name] ?? name
        guard let object = try? JSONSerialization.jsonObject(with: Data((files[name] ?? "").utf8)),
              let map = object as? [String: Any], map.values.allSatisfy({ $0 is String }) else {
            throw TemplateError(file: origin, line: nil, column: nil,
                                message: "ラベルは文字列だけの JSON オブジェクトで書いてください",
                                messageEn: "labels must be a JSON object of strings")
        }
        return map
    }

    /// `{{% CONTENT_TYPE: MARKDOWN}}`: values are written into Markdown table cells and
    /// lists, so a `|` would end a cell and a line break a row.
    private static let registerMarkdown: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Escapes values for a Markdown table cell or list item.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A template or label file that cannot be used; the report is not written.
public struct TemplateError: Error, Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var messageEn: String

    /// `file:line:col: message`, in the chosen language.
    public func formatted(english: Bool) -> String {
        let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "\(file)\(position): " + (english ? messageEn : message)
    }
}
