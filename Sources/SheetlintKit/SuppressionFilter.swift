import SheetModel
import SheetRules

/// Applies a sheet's suppression directives to its findings, and reports directives that
/// suppress nothing (`unused-suppression`) or name unknown rules (`invalid-suppression`).
enum SuppressionFilter {
    /// The findings that survive, plus the findings about the directives themselves.
    /// `notRun` are known rules that did not run on this sheet (not at its stage): a
    /// suppression of one is not unused, since it will be needed at the other stage.
    /// `digests`, when given, holds for each directive the digests of the findings about it
    /// (`directiveDigests`), worked out while the sheet's lines were at hand.
    static func apply(_ findings: [Finding], suppressions: [Suppression], knownRules: Set<String>,
                      notRun: Set<String> = [], digests: [DirectiveDigests] = []) -> [Finding] {
        guard !suppressions.isEmpty else { return findings }
        var directiveFindings: [Finding] = []
        // Each (directive index, rule id or "*") that hid something.
        var used = Set<String>()
        let regions = Self.regions(suppressions)
        let kept = findings.filter { finding in
            for (index, directive) in suppressions.enumerated() {
                guard let rule = covering(directive, region: regions[index], finding: finding) else { continue }
                used.insert("\(index)|\(rule)")
                return false
            }
            return true
        }
        func digest(_ index: Int) -> DirectiveDigests { index < digests.count ? digests[index] : DirectiveDigests() }
        for (index, directive) in suppressions.enumerated() where directive.kind != .enable {
            if directive.kind == .unknown {
                directiveFindings.append(invalid(directive, digests: digest(index), ja: "「\(directive.rules.joined())」は sheetlint の指示ではありません（sheetlint-disable / sheetlint-enable / sheetlint-disable-next-line）",
                                                 en: "'\(directive.rules.joined())' is not a sheetlint directive (sheetlint-disable / sheetlint-enable / sheetlint-disable-next-line)"))
                continue
            }
            for rule in directive.rules where !knownRules.contains(rule) {
                let near = Spelling.closest(rule, in: knownRules.sorted())
                directiveFindings.append(invalid(directive, digests: digest(index), ja: "抑止に指定したルール「\(rule)」はありません" + (near.map { "（\($0) の誤りですか）" } ?? ""),
                                                 en: "the suppression names rule '\(rule)', which does not exist" + (near.map { " (did you mean '\($0)'?)" } ?? "")))
            }
            let names = directive.rules.isEmpty ? ["*"] : directive.rules.filter(knownRules.contains)
            for rule in names where !used.contains("\(index)|\(rule)") && !notRun.contains(rule) {
                let what = rule == "*" ? "すべてのルール" : "「\(rule)」"
                let whatEn = rule == "*" ? "all rules" : "'\(rule)'"
                var unused = Finding(
                    ruleId: MetaRules.unusedSuppression.id, severity: MetaRules.unusedSuppression.severity,
                    message: "\(what)の抑止は何も抑止していません。不要なら削除してください",
                    messageEn: "the suppression of \(whatEn) suppresses nothing; remove it if it is no longer needed",
                    span: directive.span, path: directive.path ?? "")
                unused.digest = digest(index).unused
                directiveFindings.append(unused)
            }
        }
        return (kept + directiveFindings).sorted()
    }

    /// For `disable` directives, the line where they stop (exclusive; nil = end of file).
    private static func regions(_ suppressions: [Suppression]) -> [Int?] {
        suppressions.enumerated().map { index, directive in
            guard directive.kind == .disable else { return nil }
            let end = suppressions[(index + 1)...].first { later in
                later.kind == .enable && (later.rules.isEmpty || !Set(later.rules).isDisjoint(with: directive.rules)
                                          || directive.rules.isEmpty)
            }
            return end?.span.start.line
        }
    }

    /// The rule name (or "*") under which `directive` hides `finding`; nil when it doesn't.
    private static func covering(_ directive: Suppression, region end: Int?, finding: Finding) -> String? {
        let line = finding.span.start.line
        let applies: Bool
        switch directive.kind {
        case .disable: applies = line >= directive.span.start.line && end.map { line < $0 } ?? true
        case .disableNextLine: applies = directive.targetLine == line
        case .sheet:
            applies = directive.path.map { p in
                finding.path == p || finding.path.hasPrefix(p + ".") || finding.path.hasPrefix(p + "[")
            } ?? true
        case .enable, .unknown: applies = false
        }
        guard applies else { return nil }
        if directive.rules.isEmpty { return "*" }
        return directive.rules.contains(finding.ruleId) ? finding.ruleId : nil
    }

    private static func invalid(_ directive: Suppression, digests: DirectiveDigests, ja: String, en: String) -> Finding {
        var f = Finding(ruleId: MetaRules.invalidSuppression.id, severity: MetaRules.invalidSuppression.severity,
                        message: ja, messageEn: en, span: directive.span, path: directive.path ?? "")
        f.digest = digests.invalid
        return f
    }

    /// The digests of the two findings a directive may get, `unused-suppression` and
    /// `invalid-suppression` (at its span and path).
    struct DirectiveDigests: Sendable {
        var unused = SourceDigest.none
        var invalid = SourceDigest.none
    }

    /// Each directive's `DirectiveDigests`, from the sheet's lines (`none` where its line is
    /// not in the sheet: the message then stands in for it at output).
    static func directiveDigests(_ suppressions: [Suppression], digester: SourceDigester) -> [DirectiveDigests] {
        suppressions.map { directive in
            DirectiveDigests(
                unused: digester.digest(ruleId: MetaRules.unusedSuppression.id, path: directive.path ?? "", span: directive.span),
                invalid: digester.digest(ruleId: MetaRules.invalidSuppression.id, path: directive.path ?? "", span: directive.span))
        }
    }
}
