import Foundation
import Synchronization

/// `map` shared out between the machine's cores, results in input order. For pure work on independent
/// items only (reading one content file, say). No unsafe code: each share of the work keeps its results to
/// itself and hands them over once, under a lock.
enum ParallelMap {
    /// `splittingFrom`: fewer items than this are mapped on the calling thread (not worth the threads).
    static func map<T: Sendable, R: Sendable>(_ items: [T], splittingFrom minimum: Int = 8, _ transform: @Sendable (T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count >= minimum, cores > 1 else { return items.map(transform) }
        // Several shares per core, so one large item (the flow of a big bundle) does not keep a core busy
        // while the others wait; few enough that handing results over costs nothing measurable.
        let shares = min(items.count, cores * 16)
        let results = Mutex<[[R]]>(Array(repeating: [], count: shares))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let part = items[items.count * share / shares ..< items.count * (share + 1) / shares].map(transform)
            results.withLock { $0[share] = part }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    /// Two pieces of work side by side (reading the files and hashing them, say); both results. The second
    /// runs on a pool thread and the first here, so a `map` inside the first still gets every core (a
    /// `concurrentPerform` nested in another runs on one thread).
    static func both<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let box = ResultBox<B>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let b = second()
            box.value.withLock { $0 = b }
            done.signal()
        }
        let a = first()
        done.wait()
        // The pool thread stored its result before it signalled; computing it here is only a fallback.
        return (a, box.value.withLock { $0 } ?? second())
    }
}

/// Where `ParallelMap.both` keeps the second result until the calling thread takes it.
private final class ResultBox<B: Sendable>: Sendable {
    let value = Mutex<B?>(nil)
}
