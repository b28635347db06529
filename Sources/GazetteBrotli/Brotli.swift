import CBrotli

/// Why a brotli stream could not be fully decompressed.
public struct BrotliError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was.
    public enum Kind: String, Sendable {
        /// The stream ends before its last block.
        case truncated = "brotli_truncated"
        /// The bytes are not a valid brotli stream.
        case corrupt = "brotli_corrupt"
        /// The decompressed size passed the caller's limit.
        case tooLarge = "brotli_too_large"
    }

    /// The category of the failure.
    public let kind: Kind
    /// What went wrong, for a person.
    public let message: String

    public var description: String { message }
}

/// brotli decompression (HTTP `Content-Encoding: br`) over libbrotlidec, in memory.
public enum Brotli {
    /// Decompresses a brotli stream. Never throws: a damaged or truncated stream returns what was decoded so far
    /// and the error. Output past `limit` bytes stops decoding with `.tooLarge`.
    public static func decompress(_ input: [UInt8], limit: Int = Int.max) -> (bytes: [UInt8], error: BrotliError?) {
        guard let decoder = BrotliDecoderCreateInstance(nil, nil, nil) else {
            return ([], BrotliError(kind: .corrupt, message: "libbrotli could not start a decoder"))
        }
        defer { BrotliDecoderDestroyInstance(decoder) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        return input.withUnsafeBufferPointer { source -> ([UInt8], BrotliError?) in
            var availableIn = source.count
            var nextIn = source.baseAddress
            while true {
                var availableOut = chunk.count
                let result = chunk.withUnsafeMutableBufferPointer { buffer -> BrotliDecoderResult in
                    var nextOut = buffer.baseAddress
                    return BrotliDecoderDecompressStream(decoder, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                output.append(contentsOf: chunk[..<(chunk.count - availableOut)])
                if output.count > limit {
                    return (Array(output.prefix(limit)),
                            BrotliError(kind: .tooLarge, message: "the brotli stream decompresses to more than \(limit) bytes"))
                }
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS:
                    return (output, nil)
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                    continue
                case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                    return (output, BrotliError(kind: .truncated, message: "the brotli stream ends before its last block"))
                default:
                    let code = BrotliDecoderGetErrorCode(decoder)
                    let name = BrotliDecoderErrorString(code).map { String(cString: $0) } ?? "unknown error"
                    return (output, BrotliError(kind: .corrupt, message: "the brotli stream is damaged (\(name))"))
                }
            }
        }
    }
}
