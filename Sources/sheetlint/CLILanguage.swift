import Foundation

/// The language of the command line's own texts (option errors, `--help`): Japanese unless
/// the arguments say `--lang en`. Decided from the raw arguments, because these texts are
/// needed before (or instead of) parsing them, and before any configuration is read.
enum CLILanguage {
    static let isEnglish: Bool = isEnglish(CommandLine.arguments)

    static func isEnglish(_ arguments: [String]) -> Bool {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang=en" || (argument == "--lang" && i + 1 < arguments.count && arguments[i + 1] == "en") {
                return true
            }
        }
        return false
    }

    /// True for `--help` or `-h` with nothing else but `--lang ja|en` (in any order, either
    /// spelling): a request for the root command's help in that language.
    static func asksRootHelp(_ arguments: [String]) -> Bool {
        var rest: [String] = []
        var sawLanguage = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--lang", i + 1 < arguments.count, ["ja", "en"].contains(arguments[i + 1]) {
                sawLanguage = true
                i += 2
                continue
            }
            if argument == "--lang=ja" || argument == "--lang=en" {
                sawLanguage = true
            } else {
                rest.append(argument)
            }
            i += 1
        }
        return sawLanguage && (rest == ["--help"] || rest == ["-h"])
    }

    /// `ja` or `en`, whichever the user reads.
    static func text(_ ja: String, _ en: String) -> String { isEnglish ? en : ja }
}

/// swift-argument-parser writes its errors, usage lines and help headers in English, with
/// no hook for another language (its help strings are plain `String`; localisation was
/// never merged upstream). sheetlint translates them at the boundary, line by line, from a
/// table of the forms it prints; a line of no known form stays as it is.
enum OptionMessages {
    private typealias Rule = (pattern: String, ja: String)

    /// Errors of the parser and of sheetlint's own option checks (`ValidationError`s).
    private static let errors: [Rule] = [
        (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, "オプション「$1」はありません（$2 の誤りですか）"),
        (#"^Unknown option '(.+)'$"#, "オプション「$1」はありません"),
        (#"^The value '(.*)' is invalid for '(.+)'(: .*)?$"#, "「$1」は $2 の値として使えません"),
        (#"^Missing value for '(.+)'$"#, "$1 の値がありません"),
        (#"^Missing expected argument '(.+)'$"#, "引数 $1 がありません"),
        (#"^Unexpected argument '(.+)'$"#, "余分な引数「$1」があります"),
        (#"^(\d+) unexpected arguments: (.+)$"#, "余分な引数が $1 個あります: $2"),
        (#"^--lang must be ja or en$"#, "--lang には ja か en を指定してください"),
        (#"^--format must be one of: (.+)$"#, "--format には次のいずれかを指定してください: $1"),
        (#"^--fail-on must be error, warning or info$"#, "--fail-on には error, warning, info のいずれかを指定してください"),
        (#"^--jobs must be 1 or more$"#, "--jobs には 1 以上の数を指定してください"),
        (#"^--max-warnings must be 0 or more$"#, "--max-warnings には 0 以上の数を指定してください"),
        (#"^--stage must be one of: (.+)$"#, "--stage には次のいずれかを指定してください: $1"),
        (#"^unknown --encoding '(.+?)'(: use .*)?$"#, "--encoding「$1」は使えません。使えるもの: utf-8, utf-16le, utf-16be, cp932"),
        (#"^--fiscal-year must be a western-calendar fiscal year from (\d+) to (\d+) \(e\.g\. (\d+)\), not (.+)$"#,
         "--fiscal-year には西暦の年度（$1〜$2、例: $3）を指定してください（指定値: $4）"),
    ]

    /// The frame around an error (`Usage:`, `Help:`, the pointer to `--help`) and the
    /// headers of a help text.
    private static let frame: [Rule] = [
        (#"^Usage: (.*)$"#, "使い方: $1"),
        (#"^Help:  (.*)$"#, "説明:  $1"),
        (#"^  See '(.+)' for more information\.$"#, "  詳しくは '$1' を見てください。"),
        (#"^OVERVIEW: (.*)$"#, "概要: $1"),
        (#"^USAGE: (.*)$"#, "使い方: $1"),
        (#"^ARGUMENTS:$"#, "引数:"),
        (#"^OPTIONS:$"#, "オプション:"),
        (#"^SUBCOMMANDS:$"#, "サブコマンド:"),
        (#"^  See '(.+)' for detailed help\.$"#, "  詳しくは '$1' を見てください。"),
        (#"^(.*)\(default: (.*)\)$"#, "$1(既定: $2)"),
        (#"^(.*)\(default:$"#, "$1(既定:"),
        (#"^(\s+-h, --help\s+)Show help information\.$"#, "$1この説明を表示します。"),
        (#"^(\s+--version\s+)Show the version\.$"#, "$1バージョンを表示します。"),
    ]

    /// `message` (a parser error with its usage lines) in the user's language.
    static func localized(_ message: String, english: Bool = CLILanguage.isEnglish) -> String {
        guard !english else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            if text.hasPrefix("Error: ") {
                return "エラー: " + translate(String(text.dropFirst(7)), errors)
            }
            return translate(text, frame)
        }.joined(separator: "\n")
    }

    /// A help text in the user's language: the parser's headers translated; the
    /// commands' own texts are already written in that language (`CLILanguage.text`).
    static func localizedHelp(_ help: String, english: Bool = CLILanguage.isEnglish) -> String {
        guard !english else { return help }
        return help.split(separator: "\n", omittingEmptySubsequences: false).map { translate(String($0), frame) }
            .joined(separator: "\n")
    }

    private static func translate(_ line: String, _ rules: [Rule]) -> String {
        for rule in rules {
            guard let regex = try? NSRegularExpression(pattern: rule.pattern),
                  let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            return regex.replacementString(for: match, in: line, offset: 0, template: rule.ja)
        }
        return line
    }

    /// True when `line`'s error text is one the table translates (for tests).
    static func knowsError(_ text: String) -> Bool {
        errors.contains { rule in
            (try? NSRegularExpression(pattern: rule.pattern))?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}
