import GazetteBytes
import GazetteCore
import GazetteXML

/// Parses an XML container (a feed, a NITF or NewsML file, one Reuters article) safely: nesting checked by a byte
/// scan first, the charset decided and the bytes converted to UTF-8 (`CharsetResolver`; invalid UTF-8 repaired),
/// then libxml2 without network or external entities.
enum XMLContainer {
    /// Parses `bytes`, or returns the reject code and message.
    static func parse(_ bytes: [UInt8], context: ReadContext, statistics: inout ReadStatistics)
        -> Result<XMLTree, RejectReason>
    {
        let input: [UInt8]
        switch prepared(bytes, context: context, statistics: &statistics) {
        case .failure(let reason): return .failure(reason)
        case .success(let converted): input = converted
        }
        do {
            let tree = try input.withUnsafeBytes { (buffer) throws(XMLError) -> XMLTree in
                try XMLTree.parseXML(buffer, url: nil)
            }
            return .success(tree)
        } catch {
            guard let failure = error as? XMLError else {
                return .failure(RejectReason(code: "xml_malformed", message: "libxml2: \(error)"))
            }
            return .failure(rejectReason(for: failure))
        }
    }

    /// Parses `bytes` reading past well-formedness errors (libxml2's recover mode): the tree of what could be
    /// read and the damage found, nil when there was none; or the reject when nothing could be read or the input
    /// is refused (too deep, entity loops, external entities).
    static func parseRecovering(_ bytes: [UInt8], context: ReadContext, statistics: inout ReadStatistics)
        -> Result<(tree: XMLTree, damage: XMLError?), RejectReason>
    {
        let input: [UInt8]
        switch prepared(bytes, context: context, statistics: &statistics) {
        case .failure(let reason): return .failure(reason)
        case .success(let converted): input = converted
        }
        let parsed: Result<(tree: XMLTree, error: XMLError?), XMLError> = input.withUnsafeBytes { buffer in
            do throws(XMLError) {
                return .success(try XMLTree.parseXMLRecovering(buffer, url: nil))
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let result): return .success((result.tree, result.error))
        case .failure(let error): return .failure(rejectReason(for: error))
        }
    }

    /// The nesting check, then the bytes in UTF-8 with the charset decision counted.
    static func prepared(_ bytes: [UInt8], context: ReadContext, statistics: inout ReadStatistics)
        -> Result<[UInt8], RejectReason>
    {
        if let depth = NestingScanner.exceeds(bytes, limit: context.options.maxNestingDepth, mode: .xml) {
            return .failure(RejectReason(
                code: "too_deep",
                message: "elements nest deeper than the limit of \(context.options.maxNestingDepth) (reached \(depth))"))
        }
        let decision = CharsetResolver.decide(bytes)
        statistics.record(decision)
        let converted = CharsetResolver.utf8(bytes, decision: decision)
        statistics.replacedBytes += converted.replaced
        return .success(converted.bytes)
    }

    /// The reject for a libxml2 failure.
    static func rejectReason(for error: XMLError) -> RejectReason {
        let code: String
        switch error.kind {
        case .notWellFormed, .unknown: code = "xml_malformed"
        case .entityExpansion: code = "entity_expansion"
        case .externalEntity: code = "external_entity"
        case .tooDeep: code = "too_deep"
        case .encoding: code = "invalid_encoding"
        case .empty: code = "empty_document"
        }
        return RejectReason(code: code, message: "libxml2: \(error)")
    }
}

extension XMLNode {
    /// The first element child with a local name and, when given, a namespace prefix.
    func child(_ name: String, prefix: String? = nil) -> XMLNode? {
        children.first { $0.kind == .element && $0.name == name && (prefix == nil || $0.namespacePrefix == prefix) }
    }

    /// The collapsed text of the first child element named `name`, or nil when missing or empty.
    func childText(_ name: String, prefix: String? = nil) -> String? {
        guard let text = child(name, prefix: prefix).map({ collapse($0.textContent) }), !text.isEmpty else { return nil }
        return text
    }
}

/// Runs of whitespace to one space, ends trimmed.
func collapse(_ text: String) -> String {
    if let ascii = ASCIIText.collapsed(text) { return ascii }
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// Byte-level versions of the text helpers for text that is all ASCII (nearly all newswire), where a
/// Character is one byte and whitespace is the six ASCII White_Space characters; nil for any other text,
/// which the Character-level code handles.
enum ASCIIText {
    /// The index of the first `&` or control byte (below 0x20) at or after `start`, or `count`; eight bytes
    /// are tested at a time (tab, newline and carriage return count too: the caller keeps them).
    static func nextAmpersandOrControl(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        ByteScan.firstOffset(
            in: UnsafeBufferPointer(start: base, count: count), from: start, to: count,
            where: { ByteWord.firstEqual($0, UInt8(ascii: "&")) | ByteWord.firstBelow($0, 0x20) },
            matching: { $0 == UInt8(ascii: "&") || $0 < 0x20 })
    }

    /// `collapse` for ASCII text.
    static func collapsed(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            guard appendWords(bytes[...], to: &output) else { return nil }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends the words of `bytes` to `output`, one space before each word when `output` is not empty;
    /// false (output unspecified) when a byte is not ASCII.
    static func appendWords(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to output: inout [UInt8]) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte < 0x80 else { return false }
            if ASCIIBytes.isSpace(byte) {
                index += 1
                continue
            }
            if !output.isEmpty { output.append(0x20) }
            while index < bytes.endIndex, !ASCIIBytes.isSpace(bytes[index]) {
                guard bytes[index] < 0x80 else { return false }
                output.append(bytes[index])
                index += 1
            }
        }
        return true
    }
}
