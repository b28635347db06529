import GazetteCore

/// A destination for annotated documents besides the JSONL output (a search index, an ES bulk file):
/// `AnnotationRun` hands it every annotated document in input order.
public protocol DocumentSink: AnyObject {
    /// Takes one annotated document.
    func write(_ document: Document) throws(PipelineError)
}
