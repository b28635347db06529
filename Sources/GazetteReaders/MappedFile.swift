#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory, so that its records can be handed to other threads as
/// slices of the mapping (`RecordBytes`) without reading or copying them; unmapped when the last slice goes.
///
/// The mapping is `PROT_READ`, `MAP_PRIVATE`: nothing in the process can write it, which is what makes
/// sharing it between threads safe (`@unchecked Sendable`). It is not memory the process allocates: the
/// pages are the kernel's page cache, read in as they are first touched and dropped under memory pressure.
///
/// It covers the file's size when it was mapped. A file that grows meanwhile is read up to that size. A file
/// truncated while mapped makes a later access to a page past its new end raise SIGBUS, which ends the
/// process; and a file rewritten in place changes under the mapping. Both are accepted: reading a file that
/// another process is rewriting gives no meaningful result with `read(2)` either (torn or mixed lines), and
/// a crash is a loud failure where a torn read would be a silent one; Gazette's inputs are finished files.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>

    /// Maps the regular file open on `descriptor` (which stays open, and may be closed once this returns);
    /// nil for an empty file, one that is not regular (a pipe, a device) or one that cannot be mapped.
    init?(descriptor: Int32) {
        guard let size = regularFileSize(descriptor: descriptor), size > 0 else { return nil }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        // Read once from the start: a larger read-ahead, and pages behind may go first.
        _ = madvise(address, size, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    /// Unmaps the pages inside `range` from the process (MADV_DONTNEED), so that the part of a large file read
    /// long ago does not stay in its resident memory; the page cache keeps them. Safe while a record there is
    /// still being read: the mapping is private and never written, so a later access faults the same bytes
    /// back in from the file.
    /// Returns where the released pages end (whole pages only: `range` rounded inwards).
    @discardableResult
    func release(_ range: Range<Int>) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lower = (max(0, range.lowerBound) + page - 1) / page * page
        let upper = min(range.upperBound, bytes.count) / page * page
        guard lower < upper else { return range.lowerBound }
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + lower), upper - lower, MADV_DONTNEED)
        return upper
    }

    /// Faults in the pages of `range` in one call (MADV_POPULATE_READ, Linux 5.14 and later) where touching
    /// them would take a page fault every few pages; only a hint, without effect where it is not supported.
    ///
    /// Cheaper than mapping with MAP_POPULATE, which is as cheap per page but reads and maps the whole file
    /// before the first line, however large the file.
    func populate(_ range: Range<Int>) {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lower = max(0, range.lowerBound) / page * page
        let upper = min(range.upperBound, bytes.count)
        guard lower < upper else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + lower), upper - lower, MADV_POPULATE_READ)
        #endif
    }
}

/// The size of the regular file open on `descriptor`; nil for a pipe, a terminal, a device or a failed `fstat`.
func regularFileSize(descriptor: Int32) -> Int? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(exactly: status.st_size)
}
