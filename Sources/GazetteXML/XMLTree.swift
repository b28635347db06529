import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why libxml2 could not give Gazette a tree.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was.
    public enum Kind: String, Sendable {
        /// The input is not well-formed XML.
        case notWellFormed = "not_well_formed"
        /// Entity expansion was refused (a loop or an amplification attack).
        case entityExpansion = "entity_expansion"
        /// The document declares an external entity (XXE): refused even though it would never be loaded.
        case externalEntity = "external_entity"
        /// Nesting deeper than the parser allows.
        case tooDeep = "too_deep"
        /// The document declares an encoding libxml2 cannot decode, or its bytes do not fit it.
        case encoding = "encoding"
        /// The input is empty.
        case empty = "empty"
        /// libxml2 gave no tree and no reason.
        case unknown = "unknown"
    }

    /// The category of the failure.
    public let kind: Kind
    /// libxml2's message, trimmed.
    public let message: String
    /// Line of the input where the error was found, when known.
    public let line: Int

    public var description: String { line > 0 ? "\(message) (line \(line))" : message }
}

/// Initialises libxml2 once and installs an entity loader that refuses every external
/// resource (files, network), so no document can make Gazette read anything but itself.
private let parserInitialised: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
}()

/// A parsed HTML or XML document owned by libxml2; nodes keep it alive.
public final class XMLTree: @unchecked Sendable {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) { self.document = document }

    deinit { xmlFreeDoc(document) }

    /// The root element, if the document has one.
    public var root: XMLNode? {
        guard let node = xmlDocGetRootElement(document) else { return nil }
        return XMLNode(node: node, tree: self)
    }

    /// Parses messy HTML as browsers would: recovering from errors, never touching the network.
    ///
    /// - Parameter encoding: the charset to assume, or nil to let libxml2 read `<meta charset>`.
    public static func parseHTML(_ bytes: UnsafeRawBufferPointer, url: String? = nil, encoding: String? = nil) throws(XMLError) -> XMLTree {
        _ = parserInitialised
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw XMLError(kind: .empty, message: "empty HTML input", line: 0)
        }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard let context = htmlNewParserCtxt() else {
            throw XMLError(kind: .unknown, message: "libxml2 could not allocate an HTML parser", line: 0)
        }
        defer { htmlFreeParserCtxt(context) }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlCtxtReadMemory(context, chars, Int32(clamping: bytes.count), url, encoding, options)
        }
        guard let document else { throw lastError(of: context, fallback: "libxml2 could not parse the HTML") }
        return XMLTree(document: document)
    }

    /// Parses XML strictly and safely: no network, no external entities, entity loops refused.
    public static func parseXML(_ bytes: UnsafeRawBufferPointer, url: String? = nil, encoding: String? = nil) throws(XMLError) -> XMLTree {
        let parsed = try parse(bytes, url: url, encoding: encoding, recover: false)
        return parsed.tree
    }

    /// Parses XML as `parseXML` does, but reads past well-formedness errors as libxml2's recover mode does (the
    /// way feed readers keep the items of a damaged feed). Returns the tree of what could be read and the first
    /// error, nil when the document was well-formed. Entity loops, external entities, excessive depth and an
    /// empty input still throw: those are refused, not repaired.
    public static func parseXMLRecovering(_ bytes: UnsafeRawBufferPointer, url: String? = nil, encoding: String? = nil)
        throws(XMLError) -> (tree: XMLTree, error: XMLError?)
    {
        try parse(bytes, url: url, encoding: encoding, recover: true)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, url: String?, encoding: String?, recover: Bool)
        throws(XMLError) -> (tree: XMLTree, error: XMLError?)
    {
        _ = parserInitialised
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw XMLError(kind: .empty, message: "empty XML input", line: 0)
        }
        // Never XML_PARSE_NOENT (loads external entities), DTDVALID, or HUGE (lifts the entity and depth limits).
        var flags = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue
        if recover { flags |= XML_PARSE_RECOVER.rawValue }
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(kind: .unknown, message: "libxml2 could not allocate an XML parser", line: 0)
        }
        defer { xmlFreeParserCtxt(context) }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            xmlCtxtReadMemory(context, chars, Int32(clamping: bytes.count), url, encoding, Int32(flags))
        }
        guard let document else { throw lastError(of: context, fallback: "libxml2 could not parse the XML") }
        var damage: XMLError?
        if context.pointee.wellFormed == 0 {
            let error = lastError(of: context, fallback: "the XML is not well-formed")
            guard recover, error.kind == .notWellFormed || error.kind == .encoding || error.kind == .unknown,
                xmlDocGetRootElement(document) != nil
            else {
                xmlFreeDoc(document)
                throw error
            }
            damage = error
        }
        if let name = externalEntityName(in: document) {
            xmlFreeDoc(document)
            throw XMLError(kind: .externalEntity, message: "the document declares the external entity '\(name)'", line: 0)
        }
        return (XMLTree(document: document), damage)
    }

    /// The name of the first external entity declared in the internal DTD subset, if any.
    private static func externalEntityName(in document: xmlDocPtr) -> String? {
        guard let subset = document.pointee.intSubset else { return nil }
        var child = subset.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ENTITY_DECL else { continue }
            let entity = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlEntity.self)
            switch entity.pointee.etype {
            case XML_EXTERNAL_GENERAL_PARSED_ENTITY, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, XML_EXTERNAL_PARAMETER_ENTITY:
                return entity.pointee.name.map { String(cString: $0) } ?? "?"
            default:
                continue
            }
        }
        return nil
    }

    private static func lastError(of context: xmlParserCtxtPtr, fallback: String) -> XMLError {
        let error = context.pointee.lastError
        var message = error.message.map { String(cString: $0) } ?? fallback
        while message.last?.isWhitespace == true { message.removeLast() }
        let code = error.code
        let kind: XMLError.Kind
        switch code {
        case Int32(XML_ERR_ENTITY_LOOP.rawValue):
            kind = .entityExpansion
        case Int32(XML_ERR_INTERNAL_ERROR.rawValue) where message.contains("depth"):
            kind = .tooDeep
        case Int32(XML_ERR_INVALID_CHAR.rawValue), Int32(XML_ERR_INVALID_ENCODING.rawValue),
            Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int32(XML_ERR_UNKNOWN_ENCODING.rawValue):
            kind = .encoding
        case Int32(XML_ERR_DOCUMENT_EMPTY.rawValue):
            kind = .empty
        default:
            kind = message.lowercased().contains("entity") && message.lowercased().contains("loop") ? .entityExpansion
                : message.contains("Excessive depth") ? .tooDeep : .notWellFormed
        }
        return XMLError(kind: kind, message: message, line: Int(error.line))
    }
}

/// A node of an `XMLTree`: an element, text, CDATA or comment.
public struct XMLNode {
    let node: xmlNodePtr
    /// The tree that owns this node; kept so the node stays valid.
    public let tree: XMLTree

    init(node: xmlNodePtr, tree: XMLTree) {
        self.node = node
        self.tree = tree
    }

    /// The kinds of node the cleaner distinguishes.
    public enum Kind: Sendable, Equatable {
        case element, text, cdata, comment, other
    }

    /// The node's kind.
    public var kind: Kind {
        switch node.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        default: return .other
        }
    }

    /// The element name as written (HTML names are lower-case), without namespace prefix.
    public var name: String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace prefix of an element ("content" for `content:encoded`), if any.
    public var namespacePrefix: String? {
        guard let ns = node.pointee.ns, let prefix = ns.pointee.prefix else { return nil }
        return String(cString: prefix)
    }

    /// The value of an attribute, if present.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// All attributes as (name, value) pairs in document order.
    public var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            result.append((String(cString: current.pointee.name), Self.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// An attribute's value as `xmlGetProp` gives it, read from the attribute itself rather than looked up again
    /// by name (which walked the attribute list and copied the value once more, for every attribute of every
    /// element): the text of its one text child in place, else the string libxml2 joins from its children.
    private static func value(of attribute: xmlAttrPtr) -> String {
        guard let child = attribute.pointee.children else { return "" }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
            guard let content = child.pointee.content else { return "" }
            return String(cString: content)
        }
        guard let joined = xmlNodeListGetString(attribute.pointee.doc, child, 1) else { return "" }
        defer { free(joined) }
        return String(cString: joined)
    }

    /// The node's own text for text, CDATA and comment nodes.
    public var content: String {
        guard let content = node.pointee.content else { return "" }
        return String(cString: content)
    }

    /// The concatenated text and CDATA of the node and its descendants (entity references are not expanded).
    public var textContent: String {
        var result = ""
        Self.appendText(of: node, to: &result)
        return result
    }

    private static func appendText(of node: xmlNodePtr, to result: inout String) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { result += String(cString: content) }
        case XML_ELEMENT_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
            var child = node.pointee.children
            while let current = child {
                appendText(of: current, to: &result)
                child = current.pointee.next
            }
        default:
            break
        }
    }

    /// The parent element, or nil for the root element (and for nodes outside any element).
    public var parentElement: XMLNode? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(node: parent, tree: tree)
    }

    /// The node's children in document order.
    public var children: XMLChildren { XMLChildren(first: node.pointee.children, tree: tree) }

    /// The nodes after this one under the same parent (for HTML, elements libxml2 left beside the root
    /// after a stray `</html>`).
    public var followingSiblings: XMLChildren { XMLChildren(first: node.pointee.next, tree: tree) }

    /// The element children with a given name.
    public func elements(named name: String) -> [XMLNode] {
        children.filter { $0.kind == .element && $0.name == name }
    }

    /// The first element child with a given name.
    public func firstElement(named name: String) -> XMLNode? {
        children.first { $0.kind == .element && $0.name == name }
    }

    /// The markup of the node's children, serialised by libxml2 (for XHTML carried inside XML, as in Atom).
    public var innerXML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, tree.document, current, 0, 0)
            child = current.pointee.next
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Line of the node in its source, when libxml2 recorded it.
    public var line: Int { Int(xmlGetLineNo(node)) }
}

/// The children of an `XMLNode`, iterated without copying the tree.
public struct XMLChildren: Sequence {
    let first: xmlNodePtr?
    let tree: XMLTree

    public func makeIterator() -> Iterator { Iterator(cursor: first, tree: tree) }

    /// Walks a sibling list.
    public struct Iterator: IteratorProtocol {
        var cursor: xmlNodePtr?
        let tree: XMLTree

        public mutating func next() -> XMLNode? {
            guard let current = cursor else { return nil }
            cursor = current.pointee.next
            return XMLNode(node: current, tree: tree)
        }
    }
}
