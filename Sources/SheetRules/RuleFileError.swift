import SheetModel

/// Why a rule or catalogue file could not be used. Carries the file and the 1-based line
/// and column (Unicode scalars) of the YAML node that caused it.
public struct RuleFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (`<default>/name.yml` for built-in files).
    public var file: String
    /// 1-based line and column of the offending node; 1:1 when the whole file is at fault.
    public var position: SourcePosition
    /// Japanese explanation.
    public var message: String
    /// English explanation.
    public var messageEn: String

    public init(file: String, position: SourcePosition, message: String, messageEn: String) {
        self.file = file
        self.position = position
        self.message = message
        self.messageEn = messageEn
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
}
