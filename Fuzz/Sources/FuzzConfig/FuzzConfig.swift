import SheetReading
import SheetRules

/// The configuration loader (`.sheetlint.yml`), with the default rules so `options:`
/// recompiles rules, then the rules it yields on the bundled example.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let rules = FuzzRules.defaults
    let (config, _) = ConfigFile.parse(text: text, file: ".sheetlint.yml",
                                       knownRuleIds: Set(rules.rules.map(\.id)), rules: rules)
    _ = config
    return 0
}

enum FuzzRules {
    static let defaults = RuleSet.loadDefault()
}
