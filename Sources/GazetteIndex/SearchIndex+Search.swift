import GRDB
import GazetteCore

extension SearchIndex {
    /// Runs a query: the matching documents (ranked), their total number and, on request, entity facets.
    /// The SQL is `SearchRunner`'s, which the web view's `IndexReader` pages through the same way.
    public func search(_ query: SearchQuery) throws(IndexError) -> SearchResult {
        let text = query.text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        do {
            return try queue.read { db in
                try SearchRunner(query: query, offset: 0, marks: .plain).run(db)
            }
        } catch let error as DatabaseError where text != nil && error.resultCode == .SQLITE_ERROR {
            throw IndexError("invalid full-text query '\(text ?? "")': \(error.message ?? "\(error)")")
        } catch {
            throw IndexError("cannot search index \(path): \(error)")
        }
    }
}
