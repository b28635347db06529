import Foundation
import GazetteCore
import GazetteOutput

/// A line of a `gazette.article/1` file that could not be read back.
public struct ArticleLineError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public var description: String { "\(path):\(line): \(message)" }
}

/// Streams the documents of a `gazette.article/1` JSONL file (or `-` for standard input), one line at a time,
/// so memory does not grow with the file. Empty lines are skipped; a bad line yields an error and reading goes on.
public struct ArticleFileReader: Sequence {
    public let path: String

    public init(path: String) { self.path = path }

    public func makeIterator() -> Iterator { Iterator(path: path) }

    /// Reads chunks and splits them into lines.
    public struct Iterator: IteratorProtocol {
        let path: String
        let handle: FileHandle?
        var failedToOpen: Bool
        var buffer: [UInt8] = []
        var position = 0
        var atEnd = false
        var lineNumber = 0
        let decoder = ArticleDecoder()

        init(path: String) {
            self.path = path
            handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
            failedToOpen = handle == nil
        }

        public mutating func next() -> Result<Document, ArticleLineError>? {
            if failedToOpen {
                failedToOpen = false
                atEnd = true
                return .failure(ArticleLineError(path: path, line: 0, message: "cannot open the file"))
            }
            while let line = nextLine() {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                let text = String(decoding: line, as: UTF8.self)
                do {
                    return .success(try decoder.decode(text))
                } catch {
                    return .failure(ArticleLineError(path: path, line: lineNumber, message: error.message))
                }
            }
            return nil
        }

        private mutating func nextLine() -> ArraySlice<UInt8>? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    let line = buffer[position..<newline]
                    position = newline + 1
                    return line
                }
                if atEnd {
                    guard position < buffer.count else { return nil }
                    let line = buffer[position...]
                    position = buffer.count
                    return line
                }
                buffer.removeFirst(position)
                position = 0
                let chunk = (try? handle?.read(upToCount: 1 << 20)) ?? nil
                if let chunk, !chunk.isEmpty {
                    buffer.append(contentsOf: chunk)
                } else {
                    atEnd = true
                }
            }
        }
    }
}
