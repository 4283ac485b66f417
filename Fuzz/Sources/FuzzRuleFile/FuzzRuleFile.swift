import SheetReading
import SheetRules

/// The rule-file and catalogue loader over the default rules, then the new rules' own
/// examples (as `--rules` runs them at load).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (set, _) = FuzzRules.defaults.adding(files: [("fuzz.yml", text)])
    let added = Set(set.rules.filter { $0.file == "fuzz.yml" }.map(\.id))
    if !added.isEmpty { _ = set.runExamples(ids: added) }
    return 0
}

enum FuzzRules {
    static let defaults = RuleSet.loadDefault()
}
