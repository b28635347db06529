import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: a date string for `ISODate.normalise` (feed dates in every supported language and form).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.date.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzDate_main")
public func fuzzDateMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzDate)
}
