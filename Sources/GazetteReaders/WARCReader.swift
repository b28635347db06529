import Foundation
import GazetteCore
import GazetteZlib

/// Reads WARC 1.0/1.1 files: each `response` record with an HTML (or plain-text) HTTP payload becomes one
/// document; `request`, `metadata`, `warcinfo`, `revisit`, … records and non-HTML or non-2xx responses are
/// skipped and counted in `ReadStatistics.skippedRecords`.
///
/// The HTTP headers are stripped; `Transfer-Encoding: chunked` and `Content-Encoding: gzip` are undone and the
/// Content-Type charset travels with the document. The id is the WARC-Record-ID, the URL the WARC-Target-URI,
/// `source.index` the record's position in the file (skipped records count). A record that runs past the end is
/// `warc_truncated`; one whose Content-Length does not end at a record boundary is `warc_bad_length`, and reading
/// resumes at the next `WARC/1.` header.
struct WARCReader: ItemReader {
    let context: ReadContext
    let bytes: [UInt8]
    var offset = 0
    var index = 0
    var done = false

    static let crlf2 = Array("\r\n\r\n".utf8)
    static let lf2 = Array("\n\n".utf8)
    static let magic = Array("WARC/1.".utf8)

    init(context: ReadContext, bytes: [UInt8]) {
        self.context = context
        self.bytes = bytes
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        while !done {
            // Skip blank lines between records.
            while offset < bytes.count, bytes[offset] == 0x0D || bytes[offset] == 0x0A { offset += 1 }
            guard offset < bytes.count else {
                done = true
                return index == 0 ? reject(context.path, 0, "no_articles", "the WARC file holds no record") : nil
            }
            let recordIndex = index
            index += 1
            let start = offset
            guard bytes[start...].starts(with: Self.magic) else {
                let resume = nextRecord(after: start)
                offset = resume ?? bytes.count
                return reject(nil, recordIndex, "warc_malformed", "no WARC/1.x version line at byte \(start)")
            }
            guard let headerEnd = Self.headerEnd(bytes[...], from: start) else {
                done = true
                return reject(nil, recordIndex, "warc_truncated", "the record at byte \(start) ends inside its headers")
            }
            let headers = Self.headers(bytes[start..<headerEnd.start])
            let id = headers["warc-record-id"].map(Self.unbracketed)
            guard let lengthText = headers["content-length"], let length = Int(lengthText.trimmingCharacters(in: .whitespaces)),
                length >= 0
            else {
                offset = nextRecord(after: start) ?? bytes.count
                return reject(id, recordIndex, "warc_malformed", "the record at byte \(start) has no valid Content-Length")
            }
            let blockStart = headerEnd.end
            let (blockEnd, overflow) = blockStart.addingReportingOverflow(length)
            if overflow || blockEnd > bytes.count {
                // Either the file stops early, or the length is a lie and another record follows.
                if let resume = nextRecord(after: blockStart) {
                    offset = resume
                    return reject(id, recordIndex, "warc_bad_length",
                                  "Content-Length \(length) of the record at byte \(start) runs past the next record")
                }
                done = true
                return reject(id, recordIndex, "warc_truncated",
                              "the record at byte \(start) declares \(length) bytes but the file ends after \(bytes.count - blockStart)")
            }
            // A record ends with CRLF CRLF (tolerate LF LF, or the end of the file).
            let after = bytes[blockEnd...]
            if after.starts(with: Self.crlf2) {
                offset = blockEnd + 4
            } else if after.starts(with: Self.lf2) {
                offset = blockEnd + 2
            } else if after.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) {
                offset = bytes.count
            } else {
                offset = nextRecord(after: blockStart) ?? bytes.count
                return reject(id, recordIndex, "warc_bad_length",
                              "Content-Length \(length) of the record at byte \(start) does not end at a record boundary")
            }
            let block = bytes[blockStart..<blockEnd]
            let type = headers["warc-type"]?.lowercased() ?? "unknown"
            switch type {
            case "response":
                if let item = response(block, headers: headers, id: id, index: recordIndex, statistics: &statistics) {
                    return item
                }
            case "resource":
                let contentType = headers["content-type"] ?? ""
                if let item = payload(block, contentType: contentType, headers: headers, id: id, index: recordIndex,
                                      skipKind: "warc resource non-html", statistics: &statistics)
                {
                    return item
                }
            default:
                statistics.skip("warc \(type)")
            }
        }
        return nil
    }

    /// A response record: HTTP responses are unwrapped; other payloads are skipped.
    func response(_ block: ArraySlice<UInt8>, headers: [String: String], id: String?, index: Int,
                  statistics: inout ReadStatistics) -> ReadItem?
    {
        let contentType = headers["content-type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/http") else {
            return payload(block, contentType: contentType, headers: headers, id: id, index: index,
                           skipKind: "warc response non-html", statistics: &statistics)
        }
        guard let headerEnd = Self.headerEnd(block, from: block.startIndex) else {
            return reject(id, index, "warc_http_malformed", "the HTTP response has no end of headers")
        }
        let statusLine = Self.lines(block[block.startIndex..<headerEnd.start]).first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        guard statusLine.hasPrefix("HTTP/"), let status else {
            return reject(id, index, "warc_http_malformed", "the HTTP status line '\(statusLine.prefix(60))' is not valid")
        }
        guard (200..<300).contains(status) else {
            statistics.skip("warc response HTTP \(status / 100)xx")
            return nil
        }
        let http = Self.headers(block[block.startIndex..<headerEnd.start])
        var body = Array(block[headerEnd.end...])
        if http["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let dechunked = Self.dechunk(body) else {
                return reject(id, index, "warc_http_malformed", "the chunked HTTP body is damaged")
            }
            body = dechunked
        }
        switch http["content-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) ?? "identity" {
        case "identity", "":
            break
        case "gzip", "x-gzip":
            let result = Gzip.decompress(body, limit: context.options.maxDocumentBytes)
            if let error = result.error {
                return reject(id, index, error.kind.rawValue, "the gzip-encoded HTTP body: \(error.message)")
            }
            body = result.bytes
        case let other:
            return reject(id, index, "unsupported_content_encoding", "HTTP Content-Encoding '\(other)' is not supported")
        }
        return payload(body[...], contentType: http["content-type"] ?? "", headers: headers, id: id, index: index,
                       skipKind: "warc response non-html", statistics: &statistics)
    }

    /// An HTML or plain-text payload as a document; other media types are skipped and counted.
    func payload(_ body: ArraySlice<UInt8>, contentType: String, headers: [String: String], id: String?, index: Int,
                 skipKind: String, statistics: inout ReadStatistics) -> ReadItem?
    {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let mediaType = parts.first?.lowercased() ?? ""
        let charset = parts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased() }
        let format: InputFormat
        switch mediaType {
        case "text/html", "application/xhtml+xml", "": format = .html
        case "text/plain": format = .text
        default:
            statistics.skip(skipKind)
            return nil
        }
        var bytes = Array(body)
        if format == .text, let charset, !["utf-8", "utf8", "us-ascii", "ascii"].contains(charset) {
            guard let decoded = Transcoder.utf8(from: bytes, charset: charset) else {
                return reject(id, index, "invalid_encoding", "the text is not valid \(charset)")
            }
            bytes = decoded
        }
        let source = SourceLocator(path: context.path, format: InputFormat.warc.rawValue, index: index)
        return .document(RawDocument(
            id: id ?? context.fallbackID(index), source: source, format: format, bytes: bytes,
            url: headers["warc-target-uri"].map(Self.unbracketed), charset: format == .html ? charset : nil))
    }

    func reject(_ id: String?, _ index: Int, _ code: String, _ message: String) -> ReadItem {
        context.reject(id, format: .warc, index: index, code, message)
    }

    /// The start of the next line beginning with "WARC/1." after `position`.
    func nextRecord(after position: Int) -> Int? {
        var from = position
        while let found = FormatDetector.find(Self.magic, in: bytes[...], from: from) {
            if found == 0 || bytes[found - 1] == 0x0A { return found > position ? found : nil }
            from = found + 1
        }
        return nil
    }

    /// Where the header block that starts at `from` ends: the blank line's start and the first byte after it.
    static func headerEnd(_ bytes: ArraySlice<UInt8>, from: Int) -> (start: Int, end: Int)? {
        // One pass: each blank line is seen at its first "\n". "\r\n\r\n" starting at p-1 is found at p, before
        // any "\n\n" starting at p or later, so the earlier start wins as two separate searches would choose.
        let end = bytes.endIndex
        var p = from
        while p < end {
            if bytes[p] == 0x0A {
                if p + 1 < end, bytes[p + 1] == 0x0A { return (p, p + 2) }
                if p - 1 >= from, p + 2 < end, bytes[p - 1] == 0x0D, bytes[p + 1] == 0x0D, bytes[p + 2] == 0x0A {
                    return (p - 1, p + 3)
                }
            }
            p += 1
        }
        return nil
    }

    /// Header lines as a dictionary with lower-cased names (the version or status line is skipped).
    static func headers(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        for line in lines(bytes).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            result[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
        }
    }

    static func unbracketed(_ value: String) -> String {
        value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
    }

    /// Undoes HTTP chunked transfer encoding, or nil when the chunks are damaged.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let lineEnd = body[i...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self)
                .split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            if size == 0 { return output }
            let start = lineEnd + 1
            guard start + size <= body.count else { return nil }
            output.append(contentsOf: body[start..<(start + size)])
            i = start + size
            while i < body.count, body[i] == 0x0D || body[i] == 0x0A { i += 1 }
        }
        return output
    }
}
