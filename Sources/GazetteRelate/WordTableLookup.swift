import GazetteBytes
import GazetteCore

extension ShortWordTable {
    /// The value of a lower-cased word of a document's text, if the table holds it.
    @inline(__always)
    func value(_ word: DocumentText.LowercasedWord) -> Value? { value(length: word.count, byte: word.byte) }
}

extension ShortWordTable where Value == Bool {
    /// Whether the table holds a lower-cased word of a document's text.
    @inline(__always)
    func contains(_ word: DocumentText.LowercasedWord) -> Bool { value(word) != nil }
}
