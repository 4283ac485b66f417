import SheetReading
import SheetRules

/// The published-form reader in every encoding, then the default rules. The first byte
/// picks the encoding (detected, or one forced as with --encoding); the rest is the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let choices: [SheetEncoding?] = [nil] + SheetEncoding.allCases
    let forced = choices[Int(data[0]) % choices.count]
    guard let decoded = try? SheetDecoder.decode(bytes, file: "fuzz.md", forced: forced),
          let sheet = try? SheetReader.read(decoded: decoded, path: "fuzz.md") else { return 0 }
    _ = RuleEngine.evaluate(FuzzRules.defaults, on: sheet)
    return 0
}

enum FuzzRules {
    static let defaults = RuleSet.loadDefault()
}
