import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: the bytes as an `.html` file, read (size and nesting limits) and cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.html.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzHTML)
}
