import SheetModel

extension Rule {
    /// The text `sheetlint rules explain ID` prints: id, severity, summary, description,
    /// kind, selectors, options, both messages, then every example sheet with what it must
    /// give. Deterministic; `english` picks which message comes first.
    /// Japanese (summary_ja, description_ja, labels) unless `english`.
    public func explanation(english: Bool = false) -> String {
        let ja = !english
        var out = "\(id) [\(severity.rawValue)]\n\(ja ? summaryJa ?? summary : summary)\n\n"
            + "\(ja ? descriptionJa ?? description : description)\n\n"
        out += (ja ? "種類 (kind): " : "kind: ") + "\(kind)\n"
        out += (ja ? "段階 (stages): " : "stages: ") + "\(ja ? stagesDescriptionJa : stagesDescription)\n"
        out += (ja ? "セレクタ (selector): " : "selector: ") + selectors.map(\.source).joined(separator: ", ") + "\n"
        let options = optionsText.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        if !options.isEmpty { out += (ja ? "オプション (options):\n" : "options:\n") + "\(options)\n" }
        let messages = english ? [("message_en", messageEn), ("message", message)]
                               : [("message", message), ("message_en", messageEn)]
        for (label, template) in messages { out += "\(label): \(template.source)\n" }
        for example in failExamples + passExamples {
            var what: String
            if ja {
                what = example.count > 0 ? "指摘 \(example.count) 件" : "指摘なし"
                if let stage = example.stage { what = "段階 \(stage.rawValue) で" + what }
                out += "\n例 (\(example.file):\(example.position.line)) \(what):\n"
                if !example.catalogs.isEmpty { out += "  専用のカタログ \(example.catalogs.count) 件を使用\n" }
            } else {
                what = example.count > 0 ? "fails with \(example.count) finding(s)" : "passes"
                if let stage = example.stage { what += " at stage \(stage.rawValue)" }
                out += "\nexample (\(example.file):\(example.position.line)) \(what):\n"
                if !example.catalogs.isEmpty { out += "  with \(example.catalogs.count) catalogue(s) of its own\n" }
            }
            for sheet in example.sheets.isEmpty ? [ExampleSheet(path: "", text: example.sheet)] : example.sheets {
                if example.sheets.count > 1 { out += "  \(sheet.path):\n" }
                out += sheet.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n").trimmingTrailingWhitespace() + "\n"
            }
        }
        return out
    }
}

extension Rule {
    /// `stagesDescription` in Japanese.
    public var stagesDescriptionJa: String {
        let words = stages.map(\.rawValue).joined(separator: ", ")
        switch stages {
        case SheetStage.allCases: return words + "（すべての段階）"
        case [.review]: return words + "（振り返りのみ）"
        case [.plan]: return words + "（当初設定のみ）"
        default: return words
        }
    }

    /// `plan, review (every stage)`, `review (year-end review only)`…: the stages the rule
    /// runs at, for `rules explain` and the generated docs.
    public var stagesDescription: String {
        let words = stages.map(\.rawValue).joined(separator: ", ")
        switch stages {
        case SheetStage.allCases: return words + " (every stage)"
        case [.review]: return words + " (year-end review only: 振り返り)"
        case [.plan]: return words + " (goal-setting only: 当初設定)"
        default: return words
        }
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
