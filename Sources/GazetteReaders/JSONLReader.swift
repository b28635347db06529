import Foundation
import GazetteBytes
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

    /// The defaults with some fields renamed: "text=body,title=headline"; "text=body|content" tries
    /// several names in order. Fields: id, url, title, published, language, text, html.
    public init(spec: String) throws(JSONLFieldsError) {
        self.init()
        for assignment in spec.split(separator: ",") {
            let pair = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[1].isEmpty else {
                throw JSONLFieldsError(message: "'\(assignment)' is not FIELD=NAME")
            }
            let names = pair[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch pair[0] {
            case "id": id = names
            case "url": url = names
            case "title": title = names
            case "published": published = names
            case "language": language = names
            case "text": text = names
            case "html": html = names
            default:
                throw JSONLFieldsError(
                    message: "unknown JSONL field '\(pair[0])' (known: id, url, title, published, language, text, html)")
            }
        }
    }
}

/// A `--jsonl-field` specification that cannot be understood.
public struct JSONLFieldsError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads one document per line of a JSONL file; a bad line becomes a reject, the rest go on.
///
/// Lines come from bytes in memory or, for JSONL files and standard input, from a `LineSource` (a file's
/// mapping, or a `LineReader`). `next`
/// reads each line at once; `nextRecord` hands the line on unread (`PendingRecord`), for a worker thread
/// to read, and leaves the duplicate-id check to the consumer's `DuplicateIDFilter`.
struct JSONLReader: ItemReader {
    let path: String
    let bytes: [UInt8]
    let stream: (any LineSource)?
    let parser: JSONLRecordParser
    var offset = 0
    var lineNumber = 0
    /// The ids seen so far, when lines are read here (`next`).
    var duplicates = DuplicateIDFilter()

    init(path: String, bytes: [UInt8], fields: JSONLFields, file: Int = 0) {
        self.path = path
        self.bytes = bytes
        stream = nil
        parser = JSONLRecordParser(path: path, fields: fields, file: file)
    }

    /// Reads lines as they come from a stream, holding one line at a time.
    init(path: String, stream: any LineSource, fields: JSONLFields, file: Int = 0) {
        self.path = path
        bytes = []
        self.stream = stream
        parser = JSONLRecordParser(path: path, fields: fields, file: file)
    }

    /// Input bytes consumed so far.
    var consumed: Int { stream?.consumed ?? min(offset, bytes.count) }

    /// The next line that is not blank, with its 1-based number.
    mutating func nextLine() -> (line: RecordBytes, number: Int)? {
        while true {
            let line: RecordBytes
            if let stream {
                guard let next = stream.nextLineBytes() else { return nil }
                line = next
            } else {
                guard offset < bytes.count else { return nil }
                let end = LineReader.newline(in: bytes, from: offset) ?? bytes.count
                line = RecordBytes(bytes[offset..<end])
                offset = end + 1
            }
            lineNumber += 1
            if line.isBlank { continue }
            return (line, lineNumber)
        }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        guard let (line, number) = nextLine() else { return nil }
        let (item, claim) = line.withUnsafeBufferPointer { parser.read($0, lineNumber: number) }
        return duplicates.admit(item, claim: claim)
    }

    mutating func nextRecord(_ statistics: inout ReadStatistics, context: ReadContext) -> ReadRecord? {
        guard let (line, number) = nextLine() else { return nil }
        return .pending(PendingRecord(jsonl: line, lineNumber: number, parser: parser, context: context))
    }
}

/// Turns one JSONL line into a raw document or a reject, on any thread; the duplicate-id check is not its
/// business (it needs the lines before, in order: `DuplicateIDFilter`).
///
/// A class: every pending record of a file holds it, and sharing one reference costs a single retain where
/// copying its field names, scanner tables and groups would retain each of them.
final class JSONLRecordParser: Sendable {
    let path: String
    let fields: JSONLFields
    /// Reads the simple records without building every value; the others go to `JSONSerialization`.
    let scanner: JSONRecordScanner
    /// The number of the input file among the JSONL files of the stream, for `IDClaim`.
    let file: Int

    /// Each field's names with their slots in the scanner's answer.
    let groups: (id: FieldGroup, url: FieldGroup, title: FieldGroup, published: FieldGroup, language: FieldGroup,
                 text: FieldGroup, html: FieldGroup)

    /// The names of one field, tried in order, and where the scanner puts each.
    struct FieldGroup: Sendable {
        let names: [String]
        let slots: [Int]

        init(_ names: [String], _ scanner: JSONRecordScanner) {
            self.names = names
            slots = names.map { scanner.slot(of: $0)! }
        }
    }

    init(path: String, fields: JSONLFields, file: Int) {
        self.path = path
        self.fields = fields
        let scanner = JSONRecordScanner(fields)
        self.scanner = scanner
        self.file = file
        groups = (FieldGroup(fields.id, scanner), FieldGroup(fields.url, scanner), FieldGroup(fields.title, scanner),
                  FieldGroup(fields.published, scanner), FieldGroup(fields.language, scanner),
                  FieldGroup(fields.text, scanner), FieldGroup(fields.html, scanner))
    }

    /// What a record gives, before it becomes a document or a reject.
    struct RecordFields: Equatable {
        var id: String?
        var url: String?
        var title: String?
        var published: String?
        var language: String?
        /// The body: the `html` field's bytes when it has one (then `isHTML`), else the `text` field's.
        var body: [UInt8]?
        var isHTML = false
        /// The name of the first field, in field order, whose value is not a string.
        var wrongType: String?
    }

    /// The line's item, and the id it claims when it is a record that must not repeat an earlier id.
    func read(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> (item: ReadItem, claim: IDClaim?) {
        let index = lineNumber - 1
        func reject(_ id: String?, _ code: String, _ message: String) -> ReadItem {
            .reject(Reject(id: id ?? "\(path)#\(lineNumber)",
                           source: SourceLocator(path: path, format: InputFormat.jsonl.rawValue, index: index),
                           reason: RejectReason(code: code, message: "line \(lineNumber): \(message)")))
        }
        let fields: RecordFields
        if let scanned = scannedFields(line) {
            fields = scanned
        } else {
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(buffer: line)) as? [String: Any] else {
                    return (reject(nil, "jsonl_not_object", "the line is not a JSON object"), nil)
                }
                object = parsed
            } catch {
                return (reject(nil, "jsonl_malformed", "the line is not valid JSON"), nil)
            }
            fields = generalFields(object)
        }
        let id = fields.id ?? "\(path)#\(lineNumber)"
        if let wrong = fields.wrongType {
            return (reject(id, "jsonl_field_type", "field '\(wrong)' is not a string"), nil)
        }
        let source = SourceLocator(path: path, format: InputFormat.jsonl.rawValue, index: index)
        let claim = IDClaim(file: file, id: id, source: source, lineNumber: lineNumber)
        guard let body = fields.body else {
            return (reject(id, "jsonl_no_text", "the record has none of the fields \((self.fields.text + self.fields.html).joined(separator: ", "))"), claim)
        }
        return (.document(RawDocument(
            id: id, source: source, format: fields.isHTML ? .html : .text, bytes: body, url: fields.url, title: fields.title,
            published: fields.published.flatMap(ISODate.normalise), language: fields.language)), claim)
    }

    /// The fields of the record as the scanner reads them, or nil when the general parser must read it.
    func scannedFields(_ line: UnsafeBufferPointer<UInt8>) -> RecordFields? {
        withUnsafeTemporaryAllocation(of: JSONRecordScanner.Field?.self, capacity: scanner.names.count) { found in
            found.initialize(repeating: nil)
            guard scanner.scan(line, into: found) else { return nil }
            return scannedFields(UnsafeBufferPointer(found), in: line)
        }
    }

    /// The fields of a record the scanner read: in each group the first name present and not null counts;
    /// only the strings used are decoded (none but the id when a field has a wrong type).
    func scannedFields(_ found: UnsafeBufferPointer<JSONRecordScanner.Field?>, in line: UnsafeBufferPointer<UInt8>) -> RecordFields {
        var fields = RecordFields()
        /// The first field of the group that is present and not null: its string's place, or its wrong type.
        func pick(_ group: FieldGroup) -> (range: Range<Int>, escaped: Bool)? {
            for (name, slot) in zip(group.names, group.slots) {
                switch found[slot] {
                case nil, .null?: continue
                case .string(let range, let escaped)?: return (range, escaped)
                case .other?:
                    if fields.wrongType == nil { fields.wrongType = name }
                    return nil
                }
            }
            return nil
        }
        func string(_ group: FieldGroup) -> String? {
            pick(group).map { JSONRecordScanner.string($0.range, escaped: $0.escaped, in: line) }
        }
        fields.id = string(groups.id)
        let url = pick(groups.url), title = pick(groups.title), published = pick(groups.published)
        let language = pick(groups.language), text = pick(groups.text), html = pick(groups.html)
        guard fields.wrongType == nil else { return fields }
        func decoded(_ place: (range: Range<Int>, escaped: Bool)?) -> String? {
            place.map { JSONRecordScanner.string($0.range, escaped: $0.escaped, in: line) }
        }
        fields.url = decoded(url)
        fields.title = decoded(title)
        fields.published = decoded(published)
        fields.language = decoded(language)
        if let body = html ?? text {
            fields.body = JSONRecordScanner.bytes(body.range, escaped: body.escaped, in: line)
            fields.isHTML = html != nil
        }
        return fields
    }

    /// The fields of a record `JSONSerialization` read; a number is a string only in the id.
    func generalFields(_ object: [String: Any]) -> RecordFields {
        var fields = RecordFields()
        func string(_ group: FieldGroup) -> String? {
            let names = group.names
            for name in names {
                guard let value = object[name], !(value is NSNull) else { continue }
                if let text = value as? String { return text }
                if let number = value as? NSNumber, names == self.fields.id { return number.stringValue }
                if fields.wrongType == nil { fields.wrongType = name }
                return nil
            }
            return nil
        }
        fields.id = string(groups.id)
        fields.url = string(groups.url)
        fields.title = string(groups.title)
        fields.published = string(groups.published)
        fields.language = string(groups.language)
        let text = string(groups.text), html = string(groups.html)
        if let body = html ?? text {
            fields.body = Array(body.utf8)
            fields.isHTML = html != nil
        }
        return fields
    }
}

/// The id a JSONL record claims: a later record of the same file with the same id is a `duplicate_id` reject.
public struct IDClaim: Sendable {
    /// The number of the file among the stream's JSONL files: ids repeat freely across files.
    let file: Int
    /// FNV-1a over the id's UTF-8 bytes: 8 bytes an id instead of the id's string, so a stream of millions
    /// of records stays small (a false duplicate needs a 64-bit collision).
    let fingerprint: UInt64
    let id: String
    let source: SourceLocator
    let lineNumber: Int

    init(file: Int, id: String, source: SourceLocator, lineNumber: Int) {
        self.file = file
        self.id = id
        self.source = source
        self.lineNumber = lineNumber
        fingerprint = FNV1a.hash(id.utf8)
    }

    /// The reject of a record whose id appeared before.
    public var duplicate: Reject {
        Reject(id: id, source: source, reason: RejectReason(
            code: "duplicate_id", message: "line \(lineNumber): id '\(id)' already appeared earlier in \(source.path)"))
    }
}

/// Rejects the second and later records with one id in a JSONL file; records must be admitted in input order.
public struct DuplicateIDFilter: Sendable {
    var file = -1
    var seen: Set<UInt64> = []

    public init() {}

    /// The item itself, or its `duplicate_id` reject when its claim repeats an earlier one of the same file.
    public mutating func admit(_ item: ReadItem, claim: IDClaim?) -> ReadItem {
        guard let claim else { return item }
        return isFirst(claim) ? item : .reject(claim.duplicate)
    }

    /// Records the claim; false when an earlier record of the same file claimed the same id.
    public mutating func isFirst(_ claim: IDClaim) -> Bool {
        if claim.file != file {
            file = claim.file
            seen.removeAll()
        }
        return seen.insert(claim.fingerprint).inserted
    }
}
