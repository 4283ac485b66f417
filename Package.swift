// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sheetlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sheetlint", targets: ["sheetlint"]),
        .library(name: "SheetlintKit", targets: ["SheetlintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
    ],
    targets: [
        .target(name: "SheetModel"),
        .target(name: "SheetReading", dependencies: ["SheetModel", .product(name: "Yams", package: "Yams")]),
        // The toolchain's own ICU regex engine, whose step limit bounds untrusted patterns.
        .target(name: "CICURegex", linkerSettings: [
            .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
        ]),
        .target(name: "SheetRules", dependencies: [
            "SheetModel", "SheetReading", "CICURegex", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "SheetReporting", dependencies: [
            "SheetModel", "SheetRules",
            .product(name: "Mustache", package: "swift-mustache"), .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "SheetlintKit", dependencies: ["SheetModel", "SheetReading", "SheetRules", "SheetReporting"]),
        .executableTarget(name: "sheetlint", dependencies: [
            "SheetlintKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SheetModelTests", dependencies: ["SheetModel"]),
        .testTarget(name: "SheetReadingTests", dependencies: ["SheetReading", .product(name: "Yams", package: "Yams")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SheetRulesTests", dependencies: ["SheetRules", "SheetReading"]),
        .testTarget(name: "SheetReportingTests", dependencies: [
            "SheetReporting", "SheetReading", "SheetRules", .product(name: "CSV", package: "CSV.swift"),
        ], exclude: ["Goldens"]),
        .testTarget(name: "SheetlintKitTests", dependencies: ["SheetlintKit"]),
        .testTarget(name: "CLITests", dependencies: ["sheetlint"], exclude: ["Fixtures", "Browser"]),
    ],
    swiftLanguageModes: [.v6]
)
