import SheetModel

/// Why a configuration file (`.sheetlint.yml`) or something it names could not be used.
/// Carries the file and the 1-based line and column (Unicode scalars) of the YAML node
/// that caused it, so the user can go straight to the mistake.
public struct ConfigError: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as shown to the user: relative to the working directory when inside it.
    public var file: String
    /// 1-based line and column of the offending node; 1:1 when the whole file is at fault.
    public var position: SourcePosition
    /// Japanese explanation.
    public var message: String
    /// English explanation.
    public var messageEn: String

    /// Creates an error at `position` of `file`.
    public init(file: String, position: SourcePosition = SourcePosition(line: 1, column: 1),
                message: String, messageEn: String) {
        self.file = file
        self.position = position
        self.message = message
        self.messageEn = messageEn
    }

    /// The same error as a rule-file error (a catalogue named by `catalogs:` fails this way).
    public init(_ error: RuleFileError) {
        self.init(file: error.file, position: error.position, message: error.message, messageEn: error.messageEn)
    }

    /// 1-based line.
    public var line: Int { position.line }
    /// 1-based column, in Unicode scalars.
    public var column: Int { position.column }

    /// `file:line:col: message` in the chosen language.
    public func formatted(english: Bool = false) -> String {
        "\(file):\(line):\(column): \(english ? messageEn : message)"
    }

    public var description: String { formatted(english: true) }

    /// Deterministic order: file, line, column, then message.
    public static func < (lhs: ConfigError, rhs: ConfigError) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.messageEn) < (rhs.file, rhs.line, rhs.column, rhs.messageEn)
    }
}
