import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: a NewsML-G2 or NewsML 1.x file (the reader tells them by the root); every item is cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNewsML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.newsml.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzNewsML_main")
public func fuzzNewsMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzNewsML)
}
