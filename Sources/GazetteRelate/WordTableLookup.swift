import GazetteBytes
import GazetteCore

extension ShortWordTable {
    /// The value of a lower-cased word of a document's text, if the table holds it.
    @inline(__always)
    func value(_ word: DocumentText.LowercasedWord, in text: DocumentText) -> Value? {
        if let string = word.lowercasedString { return PackedWord(string).flatMap { value($0) } }
        let start = word.range.lowerBound
        return value(length: word.range.count) { text.scalars.lowercasedASCII(at: start + $0) }
    }
}

extension ShortWordTable where Value == Bool {
    /// Whether the table holds a lower-cased word of a document's text.
    @inline(__always)
    func contains(_ word: DocumentText.LowercasedWord, in text: DocumentText) -> Bool { value(word, in: text) != nil }
}
