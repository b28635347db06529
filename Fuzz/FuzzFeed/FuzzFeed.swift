import GazetteFuzzSupport

/// The file names byte 0 chooses between: RSS, Atom, NITF and generic XML (sniffed for a vocabulary).
let names = ["fuzz.rss", "fuzz.atom", "fuzz.nitf", "fuzz.xml"]

/// One libFuzzer input: byte 0 picks the file name (RSS, Atom, NITF or generic XML, and so the reader), the rest is
/// the file; every item is cleaned.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let bytes = FuzzHarness.bytes(data, size)
    FuzzHarness.readAndClean(Array(bytes.dropFirst()), path: names[Int(bytes[0]) % names.count])
    return 0
}

/// The process entry point (SwiftPM aliases `main` to it): libFuzzer's driver, with its usual flags.
@_cdecl("FuzzFeed_main")
public func fuzzFeedMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.runDriver(argc, argv, fuzzFeed)
}
