import Foundation
import GazetteCore

/// The JSONL field names Gazette reads; configurable for other dumps.
public struct JSONLFields: Sendable {
    public var id = ["id"]
    public var url = ["url", "link"]
    public var title = ["title", "headline"]
    public var published = ["published", "date", "datePublished", "pubDate"]
    public var language = ["language", "lang"]
    public var text = ["text", "body", "content"]
    public var html = ["html"]

    public init() {}
}

/// Reads one document per line of a JSONL file; a bad line becomes a reject, the rest go on.
struct JSONLReader {
    let path: String
    let bytes: [UInt8]
    let fields: JSONLFields
    var offset = 0
    var lineNumber = 0
    var ids: Set<String> = []

    init(path: String, bytes: [UInt8], fields: JSONLFields) {
        self.path = path
        self.bytes = bytes
        self.fields = fields
    }

    mutating func next() -> ReadItem? {
        while offset < bytes.count {
            let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[offset..<end]
            offset = end + 1
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return item(line)
        }
        return nil
    }

    mutating func item(_ line: ArraySlice<UInt8>) -> ReadItem {
        let index = lineNumber - 1
        let fallbackID = "\(path)#\(lineNumber)"
        func reject(_ id: String, _ code: String, _ message: String, format: InputFormat = .jsonl) -> ReadItem {
            .reject(Reject(id: id, source: SourceLocator(path: path, format: format.rawValue, index: index),
                           reason: RejectReason(code: code, message: "line \(lineNumber): \(message)")))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return reject(fallbackID, "jsonl_not_object", "the line is not a JSON object")
            }
            object = parsed
        } catch {
            return reject(fallbackID, "jsonl_malformed", "the line is not valid JSON")
        }
        func string(_ names: [String]) -> (value: String?, wrongType: String?) {
            for name in names {
                guard let value = object[name], !(value is NSNull) else { continue }
                if let text = value as? String { return (text, nil) }
                if let number = value as? NSNumber, names == fields.id { return (number.stringValue, nil) }
                return (nil, name)
            }
            return (nil, nil)
        }
        let id = string(fields.id).value ?? fallbackID
        for names in [fields.id, fields.url, fields.title, fields.published, fields.language, fields.text, fields.html] {
            if let wrong = string(names).wrongType {
                return reject(id, "jsonl_field_type", "field '\(wrong)' is not a string")
            }
        }
        guard ids.insert(id).inserted else {
            return reject(id, "duplicate_id", "id '\(id)' already appeared earlier in \(path)")
        }
        let html = string(fields.html).value
        let text = string(fields.text).value
        guard let body = html ?? text else {
            return reject(id, "jsonl_no_text", "the record has none of the fields \((fields.text + fields.html).joined(separator: ", "))")
        }
        let format: InputFormat = html != nil ? .html : .jsonl
        return .document(RawDocument(
            id: id, source: SourceLocator(path: path, format: InputFormat.jsonl.rawValue, index: index), format: format,
            bytes: Array(body.utf8), url: string(fields.url).value, title: string(fields.title).value,
            published: string(fields.published).value.flatMap(ISODate.normalise),
            language: string(fields.language).value))
    }
}

/// Publication dates as ISO 8601.
public enum ISODate {
    /// "2025-09-04", "2025-09-04T10:00:00Z" stay; "26-FEB-1987 15:01:01.79" becomes "1987-02-26"; other forms are dropped.
    public static func normalise(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { (0x30...0x39).contains($0) }
        }
        if digits(0..<4), bytes.count >= 10, bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) {
            return trimmed
        }
        // "26-FEB-1987 ..." (Reuters-21578).
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == " " })
        if parts.count >= 3, let day = Int(parts[0]), let month = months.firstIndex(of: parts[1].uppercased()),
            let year = Int(parts[2]), (1...31).contains(day), (1000...9999).contains(year)
        {
            return String(format: "%04d-%02d-%02d", year, month + 1, day)
        }
        return nil
    }
}
