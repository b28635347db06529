/// Something that annotates a document's text in place (sentences, tokens, entities, relations): the
/// pipeline's `Annotator`. Evaluation takes this instead of the whole pipeline.
public protocol TextAnnotating {
    /// Annotates `document.text`; throws the reason when the document is rejected.
    func annotateText(_ document: inout Document) throws(RejectReason)
}
