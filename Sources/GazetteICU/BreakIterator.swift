import CICUShim

/// Finds word or sentence boundaries in UTF-8 text with ICU, without a UTF-16 copy.
///
/// Opening an iterator is costly, so keep one per worker and reuse it across
/// documents. An instance is not safe to share between threads.
public final class BreakIterator {
    /// What the iterator segments.
    public enum Kind: Sendable {
        case word, sentence
    }

    /// The kind of segment that ends at a boundary, from ICU's word rule status.
    public enum WordStatus: Sendable, Equatable {
        /// Spaces, punctuation and symbols.
        case none
        /// Digits and numbers.
        case number
        /// Letters.
        case letter
        /// Kana.
        case kana
        /// Ideographs.
        case ideographic

        @inlinable
        init(ruleStatus: Int32) {
            switch ruleStatus {
            case 100..<200: self = .number
            case 200..<300: self = .letter
            case 300..<400: self = .kana
            case 400..<500: self = .ideographic
            default: self = .none
            }
        }
    }

    @usableFromInline let handle: OpaquePointer
    /// The kind this iterator was opened for.
    public let kind: Kind
    /// The ICU locale it was opened with.
    public let locale: String
    /// Whether `ASCIIWordBreak` gives what this iterator gives: words in locale "en" with ICU 72's
    /// rules, the ones it was checked against (other locales or versions may tailor them).
    @usableFromInline let asciiRulesApply: Bool

    /// Opens an iterator for a kind of boundary and an ICU locale ("en", "en@ss=standard").
    public init(kind: Kind, locale: String = "en") throws(ICUError) {
        var status: Int32 = 0
        let raw = gz_break_open(kind == .word ? Int32(GZ_BREAK_WORD) : Int32(GZ_BREAK_SENTENCE), locale, &status)
        try ICU.check(status, "opening a \(kind) break iterator for \(locale)")
        guard let raw else { throw ICUError(status: 7, operation: "opening a break iterator") }
        self.handle = raw
        self.kind = kind
        self.locale = locale
        self.asciiRulesApply = kind == .word && locale == "en" && ICU.version.hasPrefix("72.")
    }

    deinit { gz_break_close(handle) }

    /// Calls `body` for each segment of the UTF-8 text with its byte range and word status.
    ///
    /// The buffer must stay valid during the call.
    ///
    /// With `skippingASCIISpaces`, segments made only of ASCII spaces, tabs and line breaks are not
    /// reported (nor is their rule status asked, which saves half the calls on running text).
    ///
    /// Inlinable so that the caller's `body` is inlined into the loop instead of called per segment.
    @inlinable
    public func forEachSegment(
        in utf8: UnsafeBufferPointer<UInt8>, skippingASCIISpaces: Bool = false,
        _ body: (_ start: Int, _ end: Int, _ status: WordStatus) -> Void
    ) throws(ICUError) {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return }
        var status: Int32 = 0
        base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
            gz_break_set_utf8(handle, chars, Int64(utf8.count), &status)
        }
        try ICU.check(status, "setting text of a break iterator")
        var start = Int(gz_break_first(handle))
        while true {
            let end = gz_break_next(handle)
            if end == Int32(GZ_DONE) { break }
            if skippingASCIISpaces && Self.isASCIISpace(utf8, start, Int(end)) {
                start = Int(end)
                continue
            }
            let ruleStatus = kind == .word ? WordStatus(ruleStatus: gz_break_rule_status(handle)) : .none
            body(start, Int(end), ruleStatus)
            start = Int(end)
        }
        // Detach from the caller's buffer so no dangling pointer outlives the call.
        gz_break_set_utf8(handle, nil, 0, &status)
    }

    /// Calls `body` for each word-break segment of the UTF-8 text, exactly as `forEachSegment` does,
    /// but segments ASCII stretches with `ASCIIWordBreak` and gives ICU only the stretches around
    /// non-ASCII bytes (from one certain boundary to the next, offsets shifted back to the text's).
    ///
    /// ICU's word iterator was the largest single cost of annotating English news. Where the
    /// ASCII rules may not be ICU's (another locale or ICU version), ICU does it all.
    @inlinable
    public func forEachWord(
        in utf8: UnsafeBufferPointer<UInt8>, skippingASCIISpaces: Bool = false,
        _ body: (_ start: Int, _ end: Int, _ status: WordStatus) -> Void
    ) throws(ICUError) {
        precondition(kind == .word, "forEachWord needs a word iterator")
        guard asciiRulesApply else {
            return try forEachSegment(in: utf8, skippingASCIISpaces: skippingASCIISpaces, body)
        }
        guard let text = utf8.baseAddress else { return }
        let count = utf8.count
        var position = 0
        while position < count {
            let nonASCII = ASCIIWordBreak.firstNonASCII(in: text, from: position, count: count)
            let extent = nonASCII == count
                ? count..<count : ASCIIWordBreak.icuExtent(around: nonASCII, in: text, from: position, count: count)
            // Safety: position..<extent.lowerBound is inside the text and all ASCII, and its end is
            // the text's end or a certain boundary.
            while position < extent.lowerBound {
                // A segment that starts with an ASCII space, tab or line break is made only of such
                // bytes (a run of spaces, CR LF, or one byte), so skipping them all skips those segments.
                if skippingASCIISpaces && Self.isASCIISpace(text[position]) {
                    position += 1
                    continue
                }
                let (end, status) = ASCIIWordBreak.segment(in: text, from: position, limit: extent.lowerBound)
                body(position, end, WordStatus(ruleStatus: status))
                position = end
            }
            guard !extent.isEmpty else { break }
            let base = extent.lowerBound
            try forEachSegment(in: UnsafeBufferPointer(rebasing: utf8[extent]), skippingASCIISpaces: skippingASCIISpaces) {
                body(base + $0, base + $1, $2)
            }
            position = extent.upperBound
        }
    }

    /// Points the iterator at UTF-8 text until `detach()`; the caller keeps the buffer alive until then.
    public func attach(_ utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) {
        var status: Int32 = 0
        if let base = utf8.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                gz_break_set_utf8(handle, chars, Int64(utf8.count), &status)
            }
        } else {
            gz_break_set_utf8(handle, "", 0, &status)
        }
        try ICU.check(status, "setting text of a break iterator")
    }

    /// Releases the text given to `attach`.
    public func detach() {
        var status: Int32 = 0
        gz_break_set_utf8(handle, nil, 0, &status)
    }

    /// Whether a UTF-8 byte offset of the current text (see `attach`) is a boundary.
    public func isBoundary(_ offset: Int) -> Bool {
        gz_break_is_boundary(handle, Int32(clamping: offset)) != 0
    }

    @inlinable @inline(__always)
    static func isASCIISpace(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where !isASCIISpace(utf8[index]) {
            return false
        }
        return true
    }

    /// Space, tab, line feed, vertical tab, form feed or carriage return.
    @inlinable @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// Every segment of UTF-8 text with ICU's raw rule status, straight from ICU (the reference for tests).
    func icuSegments(of utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [(start: Int, end: Int, status: Int32)] {
        var result: [(start: Int, end: Int, status: Int32)] = []
        try attach(utf8)
        defer { detach() }
        var start = Int(gz_break_first(handle))
        while true {
            let end = gz_break_next(handle)
            if end == Int32(GZ_DONE) { break }
            result.append((start, Int(end), gz_break_rule_status(handle)))
            start = Int(end)
        }
        return result
    }

    /// The segments of a string as UTF-8 byte ranges with their word status.
    public func segments(of text: String) throws(ICUError) -> [(start: Int, end: Int, status: WordStatus)] {
        var result: [(start: Int, end: Int, status: WordStatus)] = []
        var copy = text
        var failure: ICUError?
        copy.withUTF8 { buffer in
            do throws(ICUError) {
                try forEachSegment(in: buffer) { result.append(($0, $1, $2)) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return result
    }
}
