import GazetteReaders

/// A numbered batch of consecutive records on its way to a worker.
struct Job: Sendable {
    let sequence: Int
    let items: [JobItem]
    /// The bytes of the records (for sizing the output).
    var bytes = 0
}

/// One record for a worker, with the input bytes read up to it.
struct JobItem: Sendable {
    let record: ReadRecord
    let inputBytes: Int
    /// A record already done in an earlier run (`--resume`): read only for the id it claims, not annotated.
    let claimOnly: Bool
}
