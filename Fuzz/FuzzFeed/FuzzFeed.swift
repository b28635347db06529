import CFuzzerDriver
import GazetteFuzzHarness

/// One libFuzzer input: byte 0 picks the file name (RSS, Atom, NITF or generic XML, and so the reader), the rest is
/// the file; every item is cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.feed.run(FuzzHarness.bytes(data, size))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzFeed_main")
public func fuzzFeedMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    gazette_fuzzer_run(argc, argv, fuzzFeed)
}
