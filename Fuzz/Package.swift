// swift-tools-version:6.0
// libFuzzer targets for sheetlint (issue #8). Not part of the main package, so a plain
// `swift build` / `swift test` never sees them. Build and run with scripts/fuzz.sh, which
// compiles every module with `-sanitize=fuzzer,address` and links each target itself:
// libFuzzer brings its own `main`, which a SwiftPM executable would clash with, so the
// targets are libraries whose objects the script links with `swiftc -sanitize=fuzzer,address`.
import PackageDescription

let package = Package(
    name: "SheetlintFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "sheetlint", path: "..")],
    targets: ["FuzzMarkdown", "FuzzCanonical", "FuzzRuleFile", "FuzzConfig"].map {
        .target(name: $0, dependencies: [.product(name: "SheetlintKit", package: "sheetlint")])
    },
    swiftLanguageModes: [.v6]
)
