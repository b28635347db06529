import GazetteCore
import GazetteIndex
import GazetteRender

/// The web application over a read-only index: routes a request to its page and never throws. Pages:
/// `/search` (also `/`), `/article?id=`, `/entity?kb=` (a kb id, or a canonical name for entities without one) and
/// `/api/search` (the JSON of `gazette search --json`). Bad parameters give 400, unknown ids and paths 404.
public struct BrowserApp: Sendable {
    /// The index the pages read.
    public let index: IndexReader

    /// An application over `index`; throws when the index cannot be read.
    public init(index: IndexReader) throws(IndexError) {
        self.index = index
        _ = try index.search(SearchQuery(limit: 0))
    }

    /// The answer to a request.
    public func respond(to request: BrowserRequest) -> BrowserResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return Markup.errorPage(.methodNotAllowed, "only GET and HEAD are supported")
        }
        do {
            switch request.path {
            case "/", "/search": return try searchPage(request)
            case "/article": return try articlePage(request)
            case "/entity": return try entityPage(request)
            case "/api/search": return try searchAPI(request)
            default: return Markup.errorPage(.notFound, "no page at this address")
            }
        } catch let error as BadRequest {
            return Markup.errorPage(.badRequest, error.message)
        } catch let error as IndexError where error.message.hasPrefix("invalid full-text query") {
            return Markup.errorPage(.badRequest, error.message)
        } catch {
            return Markup.errorPage(.internalServerError, "\(error)")
        }
    }

    private func searchPage(_ request: BrowserRequest) throws -> BrowserResponse {
        let parameters = try SearchParameters(request)
        let result = try index.search(parameters.query, offset: parameters.offset, marks: .control)
        let relations = try index.relationFacets(parameters.query)
        let documents = parameters.isFiltered ? try index.search(SearchQuery(limit: 0)).total : result.total
        let page = SearchPage(parameters: parameters, result: result, relationFacets: relations, documents: documents)
        return BrowserResponse(status: .ok, contentType: .html, body: page.html())
    }

    private func articlePage(_ request: BrowserRequest) throws -> BrowserResponse {
        guard let id = request.value("id") else { throw BadRequest("the article page needs an id parameter") }
        guard id.count <= SearchParameters.maxQueryLength else { throw BadRequest("the id is too long") }
        guard let document = try index.document(id: id) else {
            return Markup.errorPage(.notFound, "the index has no article with the id '\(id)'")
        }
        let renderer = ArticleRenderer(entityPagePrefix: "/entity?kb=")
        let body = PageTemplate.legend + renderer.render(document, anchor: "a1")
        return BrowserResponse(status: .ok, contentType: .html, body: Markup.page(
            title: HTML.displayTitle(document.title, id: document.id), body: body, relationSlots: document.relations.count))
    }

    /// Articles per entity page.
    static let entityPageSize = 20

    private func entityPage(_ request: BrowserRequest) throws -> BrowserResponse {
        guard let key = request.value("kb") else { throw BadRequest("the entity page needs a kb parameter") }
        guard key.count <= SearchParameters.maxKeyLength else { throw BadRequest("the kb parameter is too long") }
        var page = 1
        if let value = request.value("page") {
            guard value.count <= 4, let number = Int(value), (1...SearchParameters.maxPage).contains(number) else {
                throw BadRequest("page must be a whole number from 1 to \(SearchParameters.maxPage)")
            }
            page = number
        }
        guard let profile = try index.entity(key, offset: (page - 1) * Self.entityPageSize, limit: Self.entityPageSize) else {
            return Markup.errorPage(.notFound, "the index has no entity '\(key)'")
        }
        let view = EntityPage(key: key, profile: profile, page: page, pageSize: Self.entityPageSize)
        return BrowserResponse(status: .ok, contentType: .html, body: view.html())
    }

    private func searchAPI(_ request: BrowserRequest) throws -> BrowserResponse {
        let parameters = try SearchParameters(request, api: true)
        let result = try index.search(parameters.query, offset: parameters.offset)
        return BrowserResponse(status: .ok, contentType: .json, body: SearchResultFormatter.json(result) + "\n")
    }
}
