import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: the bytes as text (invalid UTF-8 repaired to U+FFFD, as a decoder would), segmented,
/// matched against the repository's gazetteer and related; every span and reference is checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.annotate.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzAnnotate_main")
public func fuzzAnnotateMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzAnnotate)
}
