import SheetModel
import Yams

/// Turns Yams nodes into model values: typed access with every error located in the file.
///
/// Paths in messages use the canonical key names (`annualGoals[1].planCodes[0].code`), the
/// same names `ModelNode` and the docs use, so an author can find what was meant.
struct CanonicalDecoder {
    let file: String
    let source: CanonicalSource

    func span(_ node: Node) -> SourceSpan {
        source.span(of: node, file: file)
    }

    func position(_ node: Node) -> SourcePosition? {
        node.mark.map { source.position(MarkPosition($0)) }
    }

    func malformed(_ node: Node, _ message: String, _ messageEn: String) -> ReadError {
        ReadError(.malformed, file: file, position: position(node), message: message, messageEn: messageEn)
    }

    /// The members of a mapping, each key checked against `allowed`. `span` is allowed
    /// everywhere and ignored: spans always come from where things are in this file.
    func members(_ node: Node, _ path: String, allowed: [String]) throws -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw typeError(node, path, expectedJa: "マッピング", expectedEn: "a mapping")
        }
        var result: [String: Node] = [:]
        for pair in mapping {
            let key = pair.key.scalar?.string
            guard let key, allowed.contains(key) || key == "span" else {
                let shown = key ?? "(\(kindEn(pair.key)))"
                let place = path.isEmpty ? "" : "（\(path)）"
                let placeEn = path.isEmpty ? "at the top level" : "in \(path)"
                throw ReadError(.unknownKey, file: file, position: position(pair.key),
                                message: "不明なキー「\(shown)」です\(place)。使えるキー: \(allowed.joined(separator: ", "))",
                                messageEn: "unknown key '\(shown)' \(placeEn); allowed keys: \(allowed.joined(separator: ", "))")
            }
            // Yams reports plain duplicate keys; `a` and `"a"` can slip past it.
            guard result[key] == nil else {
                throw ReadError(.malformed, file: file, position: position(pair.key),
                                message: "キー「\(key)」が重複しています", messageEn: "duplicate key '\(key)'")
            }
            result[key] = pair.value
        }
        return result
    }

    /// True for a plain `null`, `~` or empty scalar: the value is absent.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar (numbers and booleans as written); nil for null.
    func string(_ node: Node, _ path: String) throws -> String? {
        guard case .scalar(let scalar) = node else {
            throw typeError(node, path, expectedJa: "文字列", expectedEn: "a string")
        }
        return isNull(node) ? nil : scalar.string
    }

    /// A string with its span; nil for null.
    func field(_ node: Node, _ path: String) throws -> Field? {
        try string(node, path).map { Field(text: $0, span: span(node)) }
    }

    /// A decimal integer written plain (not quoted); nil for null.
    func int(_ node: Node, _ path: String) throws -> Int? {
        if isNull(node) { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
           let value = Self.decimal(scalar.string) {
            return value
        }
        throw typeError(node, path, expectedJa: "整数", expectedEn: "an integer")
    }

    /// The elements of a sequence; null is an empty sequence.
    func sequence(_ node: Node, _ path: String) throws -> [Node] {
        if isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            throw typeError(node, path, expectedJa: "リスト", expectedEn: "a list")
        }
        return Array(sequence)
    }

    func typeError(_ node: Node, _ path: String, expectedJa: String, expectedEn: String) -> ReadError {
        malformed(node, "「\(path)」は\(expectedJa)でなければなりません（\(kindJa(node))が書かれています）",
                  "\(path) must be \(expectedEn), found \(kindEn(node))")
    }

    /// `[-+]?[0-9]+` that fits an `Int`.
    static func decimal(_ text: String) -> Int? {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        else { return nil }
        return Int(text.first == "+" ? String(digits) : text)
    }

    private func kindJa(_ node: Node) -> String {
        switch node {
        case .mapping: return "マッピング"
        case .sequence: return "リスト"
        case .scalar, .alias: return isNull(node) ? "null" : "スカラー「\(node.scalar?.string ?? "")」"
        }
    }

    private func kindEn(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar, .alias: return isNull(node) ? "null" : "the scalar '\(node.scalar?.string ?? "")'"
        }
    }
}
