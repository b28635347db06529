import GazetteBrotli
import GazetteCore
import GazetteZlib

extension RejectCode {
    /// The reject code of a gzip failure while reading.
    init(_ kind: GzipError.Kind) {
        switch kind {
        case .truncated: self = .gzipTruncated
        case .corrupt: self = .gzipCorrupt
        case .tooLarge: self = .gzipTooLarge
        // Only writing compresses; a reader never meets this kind.
        case .compression: self = .gzipCorrupt
        }
    }

    /// The reject code of a brotli failure while reading.
    init(_ kind: BrotliError.Kind) {
        switch kind {
        case .truncated: self = .brotliTruncated
        case .corrupt: self = .brotliCorrupt
        case .tooLarge: self = .brotliTooLarge
        }
    }
}
