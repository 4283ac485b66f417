import SheetModel

/// Why a file could not be read as a sheet. Carries the file and, where there is one,
/// the position that caused it. Messages are Japanese (`message`) and English (`messageEn`).
public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        case notFound = "not-found"
        case unreadable
        case tooLarge = "too-large"
        case empty
        case binary
        case badEncoding = "bad-encoding"
        case notASheet = "not-a-sheet"
        case malformed
        case unknownKey = "unknown-key"
        case unsupportedFormat = "unsupported-format"
    }

    public var kind: Kind
    /// The file as the user named it.
    public var file: String
    /// Where in the file, when known (1-based, Unicode-scalar columns).
    public var position: SourcePosition?
    /// Japanese explanation.
    public var message: String
    /// English explanation.
    public var messageEn: String

    public init(_ kind: Kind, file: String, position: SourcePosition? = nil, message: String, messageEn: String) {
        self.kind = kind
        self.file = file
        self.position = position
        self.message = message
        self.messageEn = messageEn
    }

    /// `file:line:col: message` (or `file: message`) in the chosen language.
    public func formatted(english: Bool = false) -> String {
        let location = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(location): \(english ? messageEn : message)"
    }

    public var description: String { formatted(english: true) }
}
