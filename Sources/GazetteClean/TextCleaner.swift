import GazetteCore

/// Turns plain-text bytes into clean article text: UTF-8 checked, lines trimmed,
/// paragraphs separated by blank lines, the first paragraph taken as the title.
public struct TextCleaner: Sendable {
    public init() {}

    /// Cleans a plain-text document; rejects bytes that are not UTF-8 or hold no text.
    public func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        let text = try Self.decodeUTF8(raw.bytes, what: "the text")
        let paragraphs = Self.paragraphs(of: text)
        guard !paragraphs.isEmpty else {
            throw RejectReason(code: "empty_document", message: "the document holds no text")
        }
        var document = Document(
            id: raw.id, source: raw.source, url: raw.url, title: raw.title ?? paragraphs[0],
            published: raw.published, language: raw.language, text: paragraphs.joined(separator: "\n\n"))
        if let title = raw.title, !title.isEmpty, title != paragraphs[0] {
            document.text = title + "\n\n" + document.text
        }
        return document
    }

    /// Decodes UTF-8 strictly (BOM dropped), naming the first bad byte's offset on failure.
    public static func decodeUTF8(_ bytes: [UInt8], what: String) throws(RejectReason) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = firstInvalidUTF8Offset(body) {
            throw RejectReason(
                code: "invalid_utf8",
                message: "\(what) is not valid UTF-8 (first bad byte at offset \(offset + (bytes.count - body.count)))")
        }
        if body.contains(0) {
            throw RejectReason(code: "binary_content", message: "\(what) contains NUL bytes; it looks like a binary file")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    public static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// Paragraphs of plain text: blank-line separated blocks with their inner line
    /// breaks joined by spaces; when there are no blank lines, every line is a paragraph.
    public static func paragraphs(of text: String) -> [String] {
        // Carriage returns are whitespace to `collapse`, so "\r\n" and "\n" end lines alike.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Whitespace.collapse(String(decoding: $0, as: UTF8.self)) }
        let hasBlankLineBetweenText: Bool = {
            guard let first = lines.firstIndex(where: { !$0.isEmpty }),
                let last = lines.lastIndex(where: { !$0.isEmpty })
            else { return false }
            return lines[first...last].contains { $0.isEmpty }
        }()
        guard hasBlankLineBetweenText else { return lines.filter { !$0.isEmpty } }
        var result: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}

/// Whitespace normalisation shared by the cleaners.
public enum Whitespace {
    /// Collapses runs of whitespace (including no-break spaces) to one space, drops control
    /// characters, and trims the ends.
    public static func collapse(_ text: some StringProtocol) -> String {
        var source = String(text)
        return source.withUTF8 { utf8 in
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count)
            var pendingSpace = false
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    index += 1
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = !output.isEmpty
                    } else if byte < 0x20 || byte == 0x7F {
                        continue
                    } else {
                        if pendingSpace { output.append(0x20) }
                        pendingSpace = false
                        output.append(byte)
                    }
                    continue
                }
                // A multi-byte scalar: decode it to ask whether it is whitespace or a control.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, utf8.count)
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<end]), as: UTF8.self).unicodeScalars.first
                if let scalar, scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                    pendingSpace = !output.isEmpty
                } else if let scalar, (0x80..<0xA0).contains(scalar.value) {
                    // C1 controls carry no text.
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                }
                index = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
