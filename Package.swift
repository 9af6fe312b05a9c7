// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "selfeval",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "selfeval", targets: ["selfeval"]),
        .library(name: "SelfEvaluation", targets: ["SelfEvaluation"]),
        .library(name: "Conversion", targets: ["Conversion"]),
        .library(name: "WebPages", targets: ["WebPages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The intranet page (`selfeval serve`): HTTP server and its test client; SQLite index.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libxlsxwriter 1.1.4 from Debian (libxlsxwriter-dev); only XLSXReport sees its C types.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev", "zlib1g-dev"])]
        ),
        // zlib's inflate (Debian zlib1g-dev, already linked through libxlsxwriter): the ZIP of an .xlsx.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // expat (Debian libexpat1-dev): the streaming XML parser of the .xlsx reader.
        .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
        // FreeXL (Debian libfreexl-dev) run in a child process: cell values of .xls (BIFF8) workbooks.
        .target(name: "CXLSReader", linkerSettings: [.linkedLibrary("freexl")]),
        // Bytes ⇄ records: tokenizer, decoding, writer, source locations.
        .target(name: "CSV"),
        // Workbooks → the same positioned grid as CSV: .xlsx (ZIP + XML), .xls (FreeXL), content sniffing.
        .target(name: "Spreadsheet", dependencies: ["CSV", "CZlib", "CExpat", "CXLSReader"]),
        // The domain, no I/O: template reader, values, scoring, diagnostics.
        .target(name: "SelfEvaluation", dependencies: ["CSV"]),
        // The XLSX writer: a safe wrapper over libxlsxwriter and the printed-form layout.
        .target(name: "XLSXReport", dependencies: ["CXLSXWriter", "SelfEvaluation", "CSV"]),
        // Convert one form or a batch: naming, atomic writes, reports.
        .target(name: "Conversion", dependencies: ["SelfEvaluation", "XLSXReport", "CSV", "Spreadsheet"]),
        // HTML of a scored form for the intranet page: the printed grid with every finding at its cell.
        .target(name: "WebPages", dependencies: ["Conversion", "SelfEvaluation", "XLSXReport", "CSV"]),
        // argon2id (Debian libargon2-dev): the administrator's password hash of `selfeval serve`.
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        // The intranet page: Hummingbird routes over Conversion, a GRDB (SQLite, WAL) index, files on disk.
        .target(
            name: "Server",
            dependencies: [
                "Conversion", "SelfEvaluation", "XLSXReport", "CSV", "Spreadsheet", "WebPages", "CArgon2", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // glibc malloc settings for the command line (mallopt is not visible from Swift).
        .target(name: "CMallocTuning"),
        .executableTarget(
            name: "selfeval",
            dependencies: [
                "Conversion", "SelfEvaluation", "CSV", "CMallocTuning", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["CSV", "SelfEvaluation"], path: "Tests/TestSupport"),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "TestSupport"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "CSV", "TestSupport"]),
        .testTarget(name: "SelfEvaluationTests", dependencies: ["SelfEvaluation", "CSV", "TestSupport"]),
        .testTarget(name: "XLSXReportTests", dependencies: ["XLSXReport", "SelfEvaluation", "CSV", "TestSupport"]),
        .testTarget(name: "ConversionTests", dependencies: ["Conversion", "XLSXReport", "SelfEvaluation", "CSV", "TestSupport"]),
        .testTarget(name: "WebPagesTests", dependencies: ["WebPages", "Conversion", "SelfEvaluation", "XLSXReport", "CSV", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Conversion", "SelfEvaluation", "XLSXReport", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
