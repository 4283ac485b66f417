import SheetModel
import Yams

/// Reads a sheet in its canonical form, YAML or JSON (JSON is read as YAML, by Yams).
///
/// Every element gets its span from where it is in this file (1-based lines, Unicode-scalar
/// columns, end exclusive; see `CanonicalSource+Ends.swift` for how ends are found); `span`
/// keys in the input are accepted and ignored. See docs/sheet-format.md for the keys.
public enum CanonicalSheetReader {
    /// Deepest nesting accepted. Real sheets nest about 10 deep; the limit keeps a hostile file
    /// from exhausting the stack in the recursive parser.
    static let maxDepth = ResourceLimits.maxNestingDepth

    /// Reads `text` as a canonical sheet.
    ///
    /// - Parameter file: the file name as the user gave it; stored in the sheet and spans.
    /// - Throws: `ReadError` only: `.unknownKey` (position of the key), `.malformed` (YAML
    ///   syntax, wrong type, anchors or aliases, too deep; with a position), `.notASheet`
    ///   (empty document, or one that is not a mapping).
    public static func read(text: String, file: String) throws -> Sheet {
        let source = CanonicalSource(text: text)
        try checkNesting(source, file: file)
        do {
            let parser = try Parser(yaml: source.parseText, resolver: .default, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else {
                throw ReadError(.notASheet, file: file, message: "文書が空です（シートがありません）",
                                messageEn: "the document is empty: no sheet")
            }
            let decoder = CanonicalDecoder(file: file, source: source)
            guard case .mapping = root else {
                throw ReadError(.notASheet, file: file, position: decoder.position(root),
                                message: "文書がマッピングではありません（シートはキーと値の組で書きます）",
                                messageEn: "the document is not a mapping, so it is not a sheet")
            }
            // The parser owns the anchors; keep it alive until they have been checked.
            return try withExtendedLifetime(parser) {
                try rejectAnchors(root, decoder)
                return try decoder.sheet(root)
            }
        } catch let error as ReadError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, source, file: file)
        } catch {
            throw ReadError(.malformed, file: file, message: "読み取れません: \(error)", messageEn: "cannot read: \(error)")
        }
    }

    /// Anchors and aliases are not part of the canonical form: an alias would give one
    /// element two places, and expanding aliases can make a small file huge.
    private static func rejectAnchors(_ node: Node, _ decoder: CanonicalDecoder) throws {
        if node.anchor != nil {
            throw decoder.malformed(node, "アンカーとエイリアス（&名前, *名前）は使えません",
                                    "anchors and aliases (&name, *name) are not supported in a sheet")
        }
        switch node {
        case .mapping(let mapping):
            for pair in mapping { try rejectAnchors(pair.key, decoder); try rejectAnchors(pair.value, decoder) }
        case .sequence(let sequence):
            for element in sequence { try rejectAnchors(element, decoder) }
        case .scalar, .alias:
            break
        }
    }

    /// Rejects text nested deeper than `maxDepth` before the recursive parser sees it
    /// (`YAMLBounds.firstTooDeep`, on the lines as libyaml splits them).
    private static func checkNesting(_ source: CanonicalSource, file: String) throws {
        if let (line, column) = YAMLBounds.firstTooDeep(lines: source.lines, limit: maxDepth) {
            throw ReadError(.malformed, file: file,
                            position: source.position(MarkPosition(line: line, column: column)),
                            message: "入れ子が深すぎます（\(maxDepth) 段まで）",
                            messageEn: "nested too deeply (at most \(maxDepth) levels)")
        }
    }

    private static func syntaxError(_ error: YamlError, _ source: CanonicalSource, file: String) -> ReadError {
        let problem: String
        var position: SourcePosition?
        switch error {
        case let .scanner(context, text, mark, _), let .parser(context, text, mark, _), let .composer(context, text, mark, _):
            problem = (context.map { $0.text + " " } ?? "") + text
            position = source.position(MarkPosition(mark))
        case let .reader(text, offset, _, _):
            problem = text
            position = offset.map { source.position(characterOffset: $0) }
        case let .duplicatedKeysInMapping(duplicates, context):
            problem = "duplicate keys: " + duplicates.joined(separator: ", ")
            position = source.position(MarkPosition(context.mark))
        default:
            problem = "\(error)"
        }
        return ReadError(.malformed, file: file, position: position,
                         message: "YAML/JSON として読めません: \(problem)", messageEn: "not valid YAML/JSON: \(problem)")
    }
}
