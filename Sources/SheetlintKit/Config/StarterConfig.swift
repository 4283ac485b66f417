import Foundation
import SheetModel
import SheetRules

/// The commented configuration `sheetlint init` writes: every key, explained in Japanese
/// with English in parentheses, all commented out, and every rule of the set listed under
/// `rules:` at its default severity so that a user switches one by removing a `#`.
public enum StarterConfig {
    /// The file name `sheetlint init` writes by default.
    public static let defaultFileName = ConfigResolver.fileNames[0]

    /// The starter text for `rules` (normally the default set) plus the built-in rules
    /// (`MetaRules`: reader notes, suppressions). As written it parses to an empty
    /// configuration; uncommenting any line keeps it valid.
    public static func text(rules: RuleSet) -> String {
        // Reader notes and suppression findings are findings too, and may be switched like any rule.
        let listed = (rules.rules.map { ($0.id, $0.severity, $0.summary) }
            + MetaRules.all.map { ($0.id, $0.severity, $0.summary) })
            .sorted { $0.0 < $1.0 }
        let width = listed.map { $0.0.count + $0.1.rawValue.count }.max() ?? 0
        let ruleLines = listed.map { id, severity, summary in
            let setting = "\(id): \(severity.rawValue)"
            return "  # " + setting.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "  # " + summary
        }
        return """
        # sheetlint の設定ファイル (sheetlint configuration file)
        # シートのディレクトリから上へたどって最も近い .sheetlint.yml が、そのシートに使われます。
        # (The nearest .sheetlint.yml, walking up from a sheet's directory, applies to that sheet.)
        # 上の階層の設定は、extends で指定しない限り合わせて使われません。
        # (Configurations further up are not merged unless named by extends.)
        # 詳しくは docs/configuration.md を参照 (See docs/configuration.md.)

        # 先に適用する設定ファイル。このファイルからの相対パス、またはそのリスト
        # (Configuration files applied first: a path relative to this file, or a list of them.)
        # extends: ../base.sheetlint.yml

        # 年度（西暦）。--fiscal-year と同じで、コマンドラインの指定が優先されます
        # (Fiscal year, western calendar; like --fiscal-year, which wins over it.)
        # fiscalYear: 2024

        # メッセージの言語: ja または en。--lang の指定が優先されます
        # (Message language: ja or en; --lang wins over it.)
        # lang: ja

        # シートの段階: plan（当初設定: 実績・課題・今後の方向性・総括は空）, review（振り返り）, auto（シートごとに内容から推定）。
        # 既定は auto。--stage の指定が優先されます。overrides の項目にも書けます
        # (The sheets' stage: plan = goal-setting, review = year-end review, auto = inferred per sheet from its
        # content, the default; --stage wins. An overrides item may set it too.)
        # stage: auto

        # 追加のカタログファイル。このファイルからの相対パス。同じ id の既定カタログを置き換えます
        # (Extra catalogue files, relative to this file; one replaces a default catalogue with the same id.)
        # catalogs: [catalogs/my-plan.yml]

        # ルールごとの設定: off（無効）, error, warning, info。# を外すと有効になります。値は既定の重大度です
        # (Per-rule setting: off, error, warning or info. Remove a # to use a line; the values shown are the defaults.)
        # 書き方は「id: warning」または「id: {severity: warning, options: {…}}」。options はルールの
        # options にキーごとに重ねます（sheetlint rules explain ID で確認できます）
        # (Write "id: warning" or "id: {severity: warning, options: {…}}"; options are merged over the
        # rule's own, key by key: see `sheetlint rules explain ID`.)
        rules:
        \(ruleLines.joined(separator: "\n"))

        # 検査しないシート。このファイルのディレクトリからの glob（* はパス要素の中、** は任意の階層、? は 1 文字）
        # (Sheets not to lint: globs relative to this file's directory; * within a segment, ** any depth, ? one character.)
        # ignore:
        #   - "drafts/**"
        #   - "**/*.draft.md"

        # 一部のシートだけルールの設定を変える。後に書いたものが優先されます
        # (Rule settings for some sheets only; a later item wins.)
        # overrides:
        #   - files: ["legacy/**"]
        #     rules:
        #       plan-code-missing: off
        #   - files: ["submitted/2026-04/**"]
        #     stage: plan

        """
    }

    /// Writes `text` to `path`, refusing to replace an existing file.
    ///
    /// - Throws: `ConfigError` at 1:1 of `path` when the file exists or cannot be written.
    public static func write(_ text: String, to path: String) throws(ConfigError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(file: path, message: "ファイルが既にあります。上書きしません",
                              messageEn: "the file already exists; not overwriting it")
        }
        do {
            // `.withoutOverwriting` also refuses a file created since the check above.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw ConfigError(file: path, message: "書き込めません: \(error.localizedDescription)",
                              messageEn: "cannot write: \(error.localizedDescription)")
        }
    }
}
