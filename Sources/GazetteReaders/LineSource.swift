#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a `JSONLReader` streams its lines from: a `LineReader` (pipes, standard input, files that cannot be
/// mapped) or a `MappedLineReader` (regular files).
protocol LineSource: AnyObject {
    /// Bytes of the lines handed out so far (newlines included).
    var consumed: Int { get }
    /// The next line without its newline (a final unterminated line included), or nil at end of input.
    func nextLineBytes() -> RecordBytes?
}

extension LineReader: LineSource {
    func nextLineBytes() -> RecordBytes? { nextLineSlice().map(RecordBytes.init) }
}

/// Opens the line source for a JSONL file: its mapping when it is a regular file that is not empty and can
/// be mapped, else a `LineReader` on the same descriptor (so a FIFO is opened only once); nil when the file
/// cannot be opened.
func openLineSource(path: String) -> (any LineSource)? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    if let file = MappedFile(descriptor: descriptor) {
        close(descriptor)
        return MappedLineReader(file: file)
    }
    return LineReader(descriptor: descriptor, owns: true)
}
