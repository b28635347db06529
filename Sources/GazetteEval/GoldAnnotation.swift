import GazetteCore

/// Annotates the texts of a gold corpus with the current build, for `gazette eval --run`.
public enum GoldAnnotation {
    /// A prediction per gold document: its id, source, metadata and text, annotated afresh (the gold sentences,
    /// entities and relations are not looked at). A document the annotator rejects is recorded as rejected.
    public static func annotate(_ gold: AnnotatedCorpus, with annotator: some TextAnnotating) -> AnnotatedCorpus {
        var predicted = AnnotatedCorpus()
        for document in gold.documents {
            var fresh = Document(
                id: document.id, source: document.source, url: document.url, title: document.title,
                published: document.published, language: document.language, text: document.text)
            do throws(RejectReason) {
                try annotator.annotateText(&fresh)
                // Ids are unique in the gold corpus, so adding cannot fail.
                try? predicted.add(fresh, location: gold.locations[document.id] ?? document.id)
            } catch {
                predicted.addRejected(document.id)
            }
        }
        return predicted
    }
}
