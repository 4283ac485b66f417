import SheetReading
import SheetRules

/// The canonical YAML/JSON reader, then the default rules, then the writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanonical(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let sheet = try? CanonicalSheetReader.read(text: text, file: "fuzz.yaml") else { return 0 }
    _ = RuleEngine.evaluate(FuzzRules.defaults, on: sheet)
    return 0
}

enum FuzzRules {
    static let defaults = RuleSet.loadDefault()
}
