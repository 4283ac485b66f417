/// The tool's version, as reported by `--version` and in SARIF.
public enum SheetlintVersion {
    public static let current = "0.1.0"

    /// The commit the binary was built from: set by `scripts/package.sh` (in
    /// `SheetlintBuild.swift` of the copy it builds); nil in a development build.
    public static var commit: String? { SheetlintBuild.commit }

    /// `sheetlint --version`: `0.1.0 (commit 1a2b3c4d5e6f)`, or for a development build
    /// `0.1.0 (development build; commit not recorded)`.
    public static var long: String {
        "\(current) (" + (commit.map { "commit \($0)" } ?? "development build; commit not recorded") + ")"
    }
}
