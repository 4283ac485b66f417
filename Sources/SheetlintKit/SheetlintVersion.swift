/// The tool's version, as reported by `--version` and in SARIF.
public enum SheetlintVersion {
    public static let current = "0.1.0"
}
