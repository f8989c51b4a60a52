import Foundation

/// `map` shared out between the machine's cores, results in input order. For pure work on independent
/// items only (reading one content file, say): the transform runs on several threads at once.
enum ParallelMap {
    /// `splittingFrom`: fewer items than this are mapped on the calling thread (not worth the threads).
    static func map<T, R>(_ items: [T], splittingFrom minimum: Int = 8, _ transform: (T) -> R) -> [R] {
        guard items.count >= minimum, ProcessInfo.processInfo.activeProcessorCount > 1 else { return items.map(transform) }
        let results = UnsafeMutablePointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil, count: items.count)
        defer { results.deinitialize(count: items.count); results.deallocate() }
        let slots = Slots(base: results)
        withoutActuallyEscaping(transform) { transform in
            let work = Work(items: items, transform: transform)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                slots.base[i] = work.transform(work.items[i])
            }
        }
        return (0..<items.count).map { results[$0]! }
    }

    /// Each iteration writes its own slot, so sharing the buffer between threads is safe.
    private struct Slots<R>: @unchecked Sendable { let base: UnsafeMutablePointer<R?> }
    private struct Work<T, R>: @unchecked Sendable { let items: [T]; let transform: (T) -> R }

    /// Two pieces of work side by side (reading the files and hashing them, say); both results. The second
    /// runs on a pool thread and the first here, so a `map` inside the first still gets every core (a
    /// `concurrentPerform` nested in another runs on one thread).
    static func both<A, B>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let results = SecondResult<B>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            results.b = second()
            done.signal()
        }
        let a = first()
        done.wait()
        return (a, results.b!)
    }
}

/// Where `ParallelMap.both` keeps the second result, written by its pool thread before it signals.
private final class SecondResult<B>: @unchecked Sendable {
    var b: B?
}
