import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: the bytes as a Reuters-21578 `.sgm` file, split into articles, each parsed and cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSGML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.sgml.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzSGML_main")
public func fuzzSGMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzSGML)
}
