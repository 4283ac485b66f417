import SheetModel

extension Rule {
    /// The text `sheetlint rules explain ID` prints: id, severity, summary, description,
    /// kind, selectors, options, both messages, then every example sheet with what it must
    /// give. Deterministic; `english` picks which message comes first.
    public func explanation(english: Bool = false) -> String {
        var out = "\(id) [\(severity.rawValue)]\n\(summary)\n\n\(description)\n\n"
        out += "kind: \(kind)\n"
        out += "stages: \(stagesDescription)\n"
        out += "selector: " + selectors.map(\.source).joined(separator: ", ") + "\n"
        let options = optionsText.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        if !options.isEmpty { out += "options:\n\(options)\n" }
        let messages = english ? [("message_en", messageEn), ("message", message)]
                               : [("message", message), ("message_en", messageEn)]
        for (label, template) in messages { out += "\(label): \(template.source)\n" }
        for example in failExamples + passExamples {
            var what = example.count > 0 ? "fails with \(example.count) finding(s)" : "passes"
            if let stage = example.stage { what += " at stage \(stage.rawValue)" }
            out += "\nexample (\(example.file):\(example.position.line)) \(what):\n"
            if !example.catalogs.isEmpty { out += "  with \(example.catalogs.count) catalogue(s) of its own\n" }
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
