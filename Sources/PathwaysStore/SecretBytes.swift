import CProcessGuard
import Foundation

/// Bytes that must not outlive their use (keys, a passphrase): whole pages locked into RAM where the limit
/// allows, left out of core dumps, zeroed when wiped, when released and when the process exits.
public final class SecretBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    /// How many bytes it can hold.
    public let capacity: Int
    /// How many bytes it holds.
    public private(set) var count = 0
    /// Whether the pages are locked into RAM (mlock can fail under a low RLIMIT_MEMLOCK; they are still wiped).
    public let isLocked: Bool

    public init(capacity: Int) throws {
        var locked: Int32 = 0
        guard capacity > 0, let p = pg_secret_alloc(capacity, &locked) else { throw StoreError.outOfMemory }
        pointer = p
        self.capacity = capacity
        isLocked = locked == 1
    }

    /// A copy of `bytes`; the caller should drop its own copy as soon as it can.
    public convenience init<C: Collection>(copying bytes: C) throws where C.Element == UInt8 {
        try self.init(capacity: max(1, bytes.count))
        for b in bytes { _ = append(b) }
    }

    deinit { pg_secret_free(pointer, capacity) }

    /// Adds one byte; false when full.
    @discardableResult
    public func append(_ byte: UInt8) -> Bool {
        guard count < capacity else { return false }
        pointer.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
        return true
    }

    /// Drops the last byte (a backspace at a prompt), zeroing it.
    public func removeLast() {
        guard count > 0 else { return }
        count -= 1
        pointer.storeBytes(of: 0, toByteOffset: count, as: UInt8.self)
    }

    /// Lets C code write straight into the buffer: `body` gets the start and the capacity and returns how many
    /// bytes it wrote (more than the capacity, or less than 0, means nothing usable was written).
    public func fill(_ body: (UnsafeMutablePointer<UInt8>, Int) -> Int) -> Int {
        wipe()
        let written = body(pointer.assumingMemoryBound(to: UInt8.self), capacity)
        count = (0...capacity).contains(written) ? written : 0
        return written
    }

    /// Zeroes every byte; the buffer is then empty.
    public func wipe() {
        pg_wipe(pointer, capacity)
        count = 0
    }

    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Same length and bytes, compared in constant time.
    public func isEqual(to other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        return withBytes { a in other.withBytes { b in pg_equal(a.baseAddress, b.baseAddress, count) == 1 } }
    }

    /// Wipes every live secret of the process at once (the quick exit).
    public static func wipeAll() { pg_wipe_all_secrets() }
}
