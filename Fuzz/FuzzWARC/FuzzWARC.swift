import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: the bytes as a `.warc` file (gzip members are decompressed first), each payload cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.warc.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzWARC_main")
public func fuzzWARCMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzWARC)
}
