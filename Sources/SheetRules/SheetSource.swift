import Foundation
import SheetReading

/// A sheet's decoded text, for findings that point at part of a text (`FocusedSpan`). It
/// is split into lines (`SheetDecoder.splitLines`' rules) only when first asked, so a sheet
/// with no such finding pays nothing; then once, whichever rule asks.
public final class SheetSource: @unchecked Sendable {
    private let text: String
    private let lock = NSLock()
    private var split: [Substring]?

    public init(text: String) {
        self.text = text
    }

    /// The lines, without their terminators; index 0 is line 1.
    public var lines: [Substring] {
        lock.lock()
        defer { lock.unlock() }
        if let split { return split }
        let lines = SheetDecoder.splitLines(text)
        split = lines
        return lines
    }
}
