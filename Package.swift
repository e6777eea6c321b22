// swift-tools-version:6.0
import PackageDescription

// Layers, outermost last: Domain ← Store, Console, Export ← Curses ← etjanst.
// The domain knows no store and no screen; the console knows no curses; only
// ETjanstCurses imports CNcursesw.
let package = Package(
  name: "etjanst",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "etjanst", targets: ["etjanst"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .target(name: "ETjanstDomain"),
    // The commit the build was made from (scripts/commit-flags), for --version.
    .target(name: "CBuildInfo"),
    .target(name: "ETjanstStore", dependencies: ["ETjanstDomain"]),
    .target(
      name: "ETjanstResources",
      dependencies: ["ETjanstDomain"],
      path: "Resources",
      exclude: ["README.md", "import"],
      resources: [.copy("demo")]
    ),
    .target(name: "ETjanstConsole", dependencies: ["ETjanstDomain"]),
    .target(
      name: "ETjanstExport",
      dependencies: ["ETjanstDomain", .product(name: "CSV", package: "CSV.swift")]
    ),
    .target(name: "ETjanstCurses", dependencies: ["CNcursesw", "ETjanstConsole"]),
    .executableTarget(
      name: "etjanst",
      dependencies: [
        "ETjanstDomain", "ETjanstStore", "ETjanstConsole", "ETjanstCurses", "ETjanstExport",
        "ETjanstResources", "CBuildInfo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "etjanst-bench",
      dependencies: ["ETjanstDomain", "ETjanstStore", "ETjanstConsole", "ETjanstResources"]
    ),
    .target(
      name: "TestSupport",
      dependencies: ["ETjanstDomain", "ETjanstStore", "ETjanstConsole", "ETjanstResources"],
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "ETjanstDomainTests",
      dependencies: ["ETjanstDomain", "ETjanstResources", "TestSupport"]),
    .testTarget(
      name: "ETjanstStoreTests", dependencies: ["ETjanstStore", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ETjanstConsoleTests",
      dependencies: ["ETjanstConsole", "TestSupport"],
      exclude: ["Golden"]
    ),
    .testTarget(name: "ETjanstCursesTests", dependencies: ["ETjanstCurses", "TestSupport"]),
    .testTarget(name: "ETjanstExportTests", dependencies: ["ETjanstExport", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["etjanst", "TestSupport"]),
  ]
)
