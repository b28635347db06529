import GazetteCore
import GazetteReaders

/// What became of one record, on its way to the writer: an article (its line in the batch's block), or a
/// reject line.
struct Line: Sendable {
    /// The reject line; empty for an article.
    let text: String
    /// The reject code when the line is a reject.
    let rejectCode: RejectCode?
    /// The index of the article's line in the batch's block, when the document was annotated and is written.
    var article: Int? = nil
    /// Input bytes read up to this document, for progress.
    let inputBytes: Int
    let textBytes: Int
    /// The document itself, kept only when document sinks need it.
    var document: Document? = nil
    /// The id the record claims; the writer turns the line into a `duplicate_id` reject when it is not the first.
    var claim: IDClaim? = nil
    /// Only a claim, of a record skipped because an earlier run did it: nothing is written.
    var claimOnly = false

    init(text: String, rejectCode: RejectCode?, inputBytes: Int, textBytes: Int, document: Document? = nil,
         claim: IDClaim? = nil) {
        self.text = text
        self.rejectCode = rejectCode
        self.inputBytes = inputBytes
        self.textBytes = textBytes
        self.document = document
        self.claim = claim
    }

    init(article: Int?, inputBytes: Int, textBytes: Int, document: Document?, claim: IDClaim?) {
        self.init(text: "", rejectCode: nil, inputBytes: inputBytes, textBytes: textBytes, document: document,
                  claim: claim)
        self.article = article
    }

    init(claimOnly claim: IDClaim) {
        self.init(text: "", rejectCode: nil, inputBytes: 0, textBytes: 0, claim: claim)
        claimOnly = true
    }
}
