// swift-tools-version: 6.1
// Gazette: raw news in, annotated JSONL out. See README.md for the layout.
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazettePipeline", targets: ["GazettePipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `gazette serve`: a small HTTP/1.1 server on plain sockets (no SwiftNIO), chosen for its build time.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries, reached only through their wrapper modules.
        .systemLibrary(
            name: "CICU", path: "Sources/CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .target(name: "CICUShim", dependencies: ["CICU"], path: "Sources/CICUShim"),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "GazetteICU", dependencies: ["CICUShim", "GazetteBytes"]),
        .target(name: "GazetteXML", dependencies: ["CLibXML2"]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "GazetteZlib", dependencies: ["CZlib"]),
        .systemLibrary(
            name: "CBrotli", path: "Sources/CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "GazetteBrotli", dependencies: ["CBrotli"]),

        // Byte-level routines (SWAR scans, UTF-8, hashing, packed word tables), each with a reference and a test.
        .target(name: "GazetteBytes"),
        // The document model shared by every stage.
        .target(name: "GazetteCore", dependencies: ["GazetteBytes"]),
        // Stages, in pipeline order.
        .target(name: "GazetteClean", dependencies: ["GazetteBytes", "GazetteCore", "GazetteXML"]),
        .target(name: "GazetteSegment", dependencies: ["GazetteBytes", "GazetteCore", "GazetteICU"]),
        .target(name: "GazetteGazetteer", dependencies: ["GazetteCore", "GazetteICU"]),
        .target(
            name: "GazetteMatch", dependencies: ["GazetteBytes", "GazetteCore", "GazetteGazetteer", "GazetteSegment"],
            exclude: ["DESIGN.md"]),
        .target(name: "GazetteRelate", dependencies: ["GazetteBytes", "GazetteCore", "GazetteGazetteer"]),
        .target(name: "GazetteOutput", dependencies: ["GazetteBytes", "GazetteCore"]),
        .target(
            name: "GazetteReaders", dependencies: ["GazetteBytes", "GazetteCore", "GazetteXML", "GazetteZlib", "GazetteBrotli", "GazetteICU"]),
        .target(name: "GazetteSchema"),
        // Scores predictions against gold files (gazette.article/1 JSONL or CoNLL BIO), validates gold, and
        // scores the cleaner against cleaning corpora.
        .target(name: "GazetteEval", dependencies: ["GazetteCore", "GazetteOutput", "GazetteClean"]),
        .target(
            name: "GazettePipeline",
            dependencies: [
                "GazetteBytes", "GazetteCore", "GazetteReaders", "GazetteClean", "GazetteSegment", "GazetteGazetteer", "GazetteMatch",
                "GazetteRelate", "GazetteOutput", "GazetteZlib",
            ]),
        // Writers that feed search indexes: an SQLite full-text index and Elasticsearch bulk files.
        .target(
            name: "GazetteIndex",
            dependencies: ["GazetteCore", "GazetteOutput", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazettePipeline", "GazetteSchema", "GazetteGazetteer", "GazetteEval", "GazetteClean", "GazetteIndex",
                "GazetteOutput", "GazetteRender", "GazetteServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Browser views: annotated articles as self-contained HTML (`gazette render`), and the web application
        // over the SQLite index (`gazette serve`).
        .target(name: "GazetteRender", dependencies: ["GazetteCore"]),
        .target(
            name: "GazetteServe",
            dependencies: [
                "GazetteCore", "GazetteIndex", "GazetteRender", .product(name: "FlyingFox", package: "FlyingFox"),
            ]),
        // `make bench-index`: indexing and search speed of GazetteIndex on synthesised documents.
        .executableTarget(
            name: "IndexBenchmark",
            dependencies: [
                "GazetteIndex", "GazetteOutput", "GazetteCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "benchmarks/Sources/IndexBenchmark"),

        // Shared by the test targets only: repository paths and a once-loaded gazetteer.
        .target(name: "GazetteTestSupport", dependencies: ["GazettePipeline"], path: "Tests/GazetteTestSupport"),
        // `make bench`: in-process stage timings, beside the peers (see benchmarks/README.md).
        .executableTarget(
            name: "gazette-bench",
            dependencies: [
                "GazetteBytes", "GazetteCore", "GazetteGazetteer", "GazetteICU", "GazetteMatch", "GazetteSegment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "benchmarks/Sources/GazetteBench"),

        .testTarget(name: "GazetteBytesTests", dependencies: ["GazetteBytes", "GazetteTestSupport"]),
        .testTarget(name: "GazetteICUTests", dependencies: ["GazetteICU", "GazetteTestSupport"]),
        .testTarget(name: "GazetteXMLTests", dependencies: ["GazetteXML"]),
        .testTarget(
            name: "GazetteCleanTests",
            dependencies: ["GazetteBytes", "GazetteClean", "GazetteEval", "GazetteReaders", "GazetteTestSupport"]),
        .testTarget(
            name: "GazetteReadersTests",
            dependencies: ["GazetteReaders", "GazetteClean", "GazetteZlib", "GazetteXML", "GazetteICU", "GazetteTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "GazetteSegmentTests", dependencies: ["GazetteBytes", "GazetteSegment"]),
        .testTarget(
            name: "GazetteMatchTests",
            dependencies: ["GazetteBytes", "GazetteMatch", "GazetteSegment", "GazetteGazetteer", "GazetteTestSupport"]),
        .testTarget(name: "GazetteRelateTests", dependencies: ["GazetteBytes", "GazetteRelate", "GazetteEval", "GazettePipeline", "GazetteTestSupport"]),
        .testTarget(name: "GazetteSchemaTests", dependencies: ["GazetteSchema"]),
        .testTarget(name: "GazetteOutputTests", dependencies: ["GazetteOutput", "GazetteSchema", "GazetteTestSupport"]),
        .testTarget(
            name: "GazetteIndexTests",
            dependencies: [
                "GazetteIndex", "GazetteOutput", "GazettePipeline", "GazetteSchema", "GazetteTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["make-fixtures.py", "Fixtures"]),
        .testTarget(
            name: "GazettePipelineTests",
            dependencies: ["GazettePipeline", "GazetteSchema", "GazetteOutput", "GazetteTestSupport"]),
        // What each `make fuzz` target runs on one input, and the invariants it checks (Fuzz/Harness); the
        // robustness tests replay fuzz findings through it. The libFuzzer targets themselves are at the end.
        .target(
            name: "GazetteFuzzHarness",
            dependencies: ["GazetteCore", "GazetteReaders", "GazetteClean", "GazettePipeline", "GazetteOutput"],
            path: "Fuzz/Harness"),
        // Hostile and broken inputs through the whole pipeline, and regression inputs found by `make fuzz`.
        .testTarget(
            name: "GazetteRobustnessTests",
            dependencies: [
                "GazettePipeline", "GazetteOutput", "GazetteSchema", "GazetteZlib", "GazetteFuzzHarness", "GazetteTestSupport",
            ],
            exclude: ["Regressions"]),
        .testTarget(
            name: "GazetteEvalTests", dependencies: ["GazetteEval", "GazetteOutput", "GazetteTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "GazetteZlibTests", dependencies: ["GazetteZlib"]),
        .testTarget(
            name: "GazetteRenderTests",
            dependencies: ["GazetteRender", "GazetteIndex", "GazettePipeline", "GazetteTestSupport"]),
        .testTarget(
            name: "GazetteServeTests",
            dependencies: [
                "GazetteServe", "GazetteRender", "GazetteIndex", "GazetteOutput", "GazettePipeline", "GazetteTestSupport",
            ]),
        .testTarget(name: "GazetteBrotliTests", dependencies: ["GazetteBrotli"]),
    ]
)

// `make fuzz` (GAZETTE_FUZZ=1): libFuzzer targets, one per parser, built with -sanitize=fuzzer,address into
// .build-fuzz. Declared only then, so `swift build` and `swift test` never compile them. See FUZZING.md.
if Context.environment["GAZETTE_FUZZ"] == "1" {
    package.targets.append(.target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"))
    for name in ["FuzzHTML", "FuzzFeed", "FuzzSGML", "FuzzWARC", "FuzzJSONL", "FuzzAnnotate", "FuzzNewsML", "FuzzDate"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["CFuzzerDriver", "GazetteFuzzHarness"], path: "Fuzz/\(name)"))
    }
}
