/// Facts about the build. `scripts/package.sh` rewrites this file in the copy of the
/// sources it builds a release from; in this repository it stays as it is.
enum SheetlintBuild {
    /// The commit of a packaged build; nil otherwise.
    static let commit: String? = nil
}
