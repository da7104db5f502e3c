import Crypto

/// SHA-256 over a table's rows, as `loa archive copy` compares a source with its copy read back: each value
/// tagged and length-prefixed, so that no two different rows hash alike. Times are hashed to the millisecond
/// (the precision both stores keep), JSON in its canonical form (``CopiedValue/canonicalJSON(_:)``).
struct RowHash {
    private var hash = SHA256()
    /// The rows added so far.
    private(set) var rows = 0

    /// Adds one row, its values in the table's column order.
    mutating func add(_ row: [CopiedValue]) {
        rows += 1
        for value in row {
            switch value {
            case .null: put(0, [])
            case .text(let text): put(1, Array(text.utf8))
            case .integer(let number): put(2, withUnsafeBytes(of: number.littleEndian, Array.init))
            case .real(let number): put(3, withUnsafeBytes(of: number.bitPattern.littleEndian, Array.init))
            case .time(let micro):
                put(4, withUnsafeBytes(of: CopiedValue.milliseconds(micro).littleEndian, Array.init))
            case .json(let text): put(5, Array(CopiedValue.canonicalJSON(text).utf8))
            case .flag(let flag): put(6, [flag ? 1 : 0])
            }
        }
    }

    private mutating func put(_ tag: UInt8, _ bytes: [UInt8]) {
        hash.update(data: [tag])
        hash.update(data: withUnsafeBytes(of: UInt64(bytes.count).littleEndian, Array.init))
        hash.update(data: bytes)
    }

    /// The digest of every row added.
    func finish() -> SHA256.Digest { hash.finalize() }
}
