import Foundation
import GazetteClean
import GazetteCore
import GazetteReaders
import GazetteTestSupport

/// What a read produced, with helpers for compact assertions.
struct ReadResult {
    var items: [ReadItem]
    var statistics: ReadStatistics

    var documents: [RawDocument] {
        items.compactMap { if case .document(let raw) = $0 { raw } else { nil } }
    }
    var rejects: [Reject] {
        items.compactMap { if case .reject(let reject) = $0 { reject } else { nil } }
    }
    /// Reject codes by the file name they came from.
    var codesByFile: [String: [String]] {
        var result: [String: [String]] = [:]
        for reject in rejects { result[(reject.source.path as NSString).lastPathComponent, default: []].append(reject.reason.code.rawValue) }
        return result
    }
}

enum Reading {
    /// Reads paths with the given options, collecting every item and the statistics.
    static func read(_ paths: [String], options: ReaderOptions = ReaderOptions()) -> ReadResult {
        var iterator = DocumentStream(inputs: paths, options: options).makeIterator()
        var items: [ReadItem] = []
        while let item = iterator.next() { items.append(item) }
        return ReadResult(items: items, statistics: iterator.statistics)
    }

    /// Writes files into a fresh directory and returns it.
    static func directory(_ files: [String: [UInt8]]) throws -> URL {
        let directory = try Repository.temporaryDirectory()
        for (name, bytes) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return directory
    }

    static func fixture(_ name: String) -> String { Repository.path("Tests/GazetteReadersTests/Fixtures/\(name)").path }

    /// Cleans a raw document as the pipeline would.
    static func clean(_ raw: RawDocument) throws -> Document { try ArticleCleaner().clean(raw) }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
