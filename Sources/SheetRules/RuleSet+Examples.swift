import SheetModel
import SheetReading

/// A rule example that did not behave as declared.
public struct ExampleFailure: Sendable, Hashable, CustomStringConvertible {
    /// The rule whose example failed.
    public var ruleId: String
    /// Where the example is written (rule file, 1-based line and column).
    public var file: String
    public var position: SourcePosition
    /// `fail` or `pass`.
    public var expectation: String
    /// Findings declared (`count`, 0 for pass examples) and found; -1 when the sheet did not read.
    public var expected: Int
    public var actual: Int
    /// Bilingual explanation, including the reader's error when the example did not read.
    public var message: String
    public var messageEn: String

    /// The failure as a load error, for `lint` with user rule directories (exit 2).
    public var asRuleFileError: RuleFileError {
        RuleFileError(file: file, position: position, message: message, messageEn: messageEn)
    }

    public var description: String { "\(file):\(position.line):\(position.column): \(messageEn)" }
}

extension RuleSet {
    /// Runs every example of every rule (or of the rules in `ids`): each fail example must
    /// give exactly its `count` findings of its rule, each pass example none. Pure apart
    /// from parsing the example text.
    public func runExamples(ids: Set<String>? = nil) -> [ExampleFailure] {
        rules.filter { ids?.contains($0.id) ?? true }.flatMap { rule in
            (rule.failExamples.map { ("fail", $0) } + rule.passExamples.map { ("pass", $0) }).compactMap {
                check(rule, $0.1, expectation: $0.0)
            }
        }
    }

    /// The findings of `rule` on an example sheet (on all its sheets, for a cross-sheet
    /// rule), or the reader's error. The example's own catalogues are added first.
    /// For a single sheet, the example's stage (its `stage:`, else inferred from its content
    /// as `lint` does): a rule that does not apply at that stage gives none.
    public func findings(of rule: Rule, on example: RuleExample) -> Result<[Finding], ReadError> {
        let name = "\(example.file)#\(rule.id)@\(example.position.line)"
        do {
            var set = self
            for (i, text) in example.catalogs.enumerated() {
                do {
                    set.add(try Catalog.parse(text: text, file: "\(name)/catalogs[\(i)]"))
                } catch {
                    return .failure(ReadError(.malformed, file: name, message: error.formatted(), messageEn: error.formatted(english: true)))
                }
            }
            if CrossSheetEngine.isCrossSheet(rule) {
                let sheets = try example.sheets.map { try CanonicalSheetReader.read(text: $0.text, file: name + "/" + $0.path) }
                var only = RuleSet()
                only.add(rule)
                for catalog in set.catalogs.values { only.add(catalog) }
                return .success(CrossSheetEngine.evaluate(only, on: sheets))
            }
            let sheet = try CanonicalSheetReader.read(text: example.sheet, file: name)
            guard rule.applies(at: example.stage ?? .inferred(from: sheet)) else { return .success([]) }
            return .success(RuleEngine.evaluate(rule, on: sheet, catalogs: set.catalogs))
        } catch let error as ReadError {
            return .failure(error)
        } catch {
            return .failure(ReadError(.malformed, file: name, message: "\(error)", messageEn: "\(error)"))
        }
    }

    /// The stage an example is checked at: its `stage:`, else the stage inferred from its
    /// sheet; nil when the sheet does not read.
    public func stage(of example: RuleExample) -> SheetStage? {
        if let stage = example.stage { return stage }
        return (try? CanonicalSheetReader.read(text: example.sheet, file: example.file)).map { SheetStage.inferred(from: $0) }
    }

    private func check(_ rule: Rule, _ example: RuleExample, expectation: String) -> ExampleFailure? {
        func failure(_ actual: Int, _ ja: String, _ en: String) -> ExampleFailure {
            ExampleFailure(ruleId: rule.id, file: example.file, position: example.position, expectation: expectation,
                           expected: example.count, actual: actual, message: ja, messageEn: en)
        }
        switch findings(of: rule, on: example) {
        case .failure(let error):
            return failure(-1, "\(rule.id) の\(expectation)の例がシートとして読めません: \(error.formatted())",
                           "\(rule.id): the \(expectation) example does not read as a sheet: \(error.formatted(english: true))")
        case .success(let found) where found.count != example.count:
            let list = found.map { "\($0.span.start.line):\($0.span.start.column) \($0.path)" }.joined(separator: "; ")
            let (stageJa, stageEn) = example.stage.map { ("段階 \($0.rawValue)", "stage \($0.rawValue)") }
                ?? ("段階は内容から推定", "stage inferred from the sheet")
            return failure(found.count,
                           "\(rule.id) の\(expectation)の例（\(stageJa)）: 指摘 \(example.count) 件のはずが \(found.count) 件でした [\(list)]",
                           "\(rule.id): \(expectation) example (\(stageEn)) expected \(example.count) finding(s), got \(found.count) [\(list)]")
        default:
            return nil
        }
    }
}
