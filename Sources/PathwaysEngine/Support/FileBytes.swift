import Foundation

/// Reads whole files into memory with a size limit, without trusting the size the file claims.
public enum FileBytes {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String)
        case notRegularFile(path: String)
        case tooLarge(path: String, bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .unreadable(let path): return "cannot read '\(path)'"
            case .notRegularFile(let path): return "'\(path)' is not a regular file"
            case .tooLarge(let path, let bytes, let limit):
                return "'\(path)' is \(InputLimits.describe(bytes: bytes)); files of more than \(InputLimits.describe(bytes: limit)) are not read"
            }
        }
    }

    /// The file's bytes; fails when it holds more than `limit` bytes (checked while reading too, so a file
    /// that grows meanwhile is not read without end). `streams`: a pipe or device (`/dev/stdin`) is read
    /// too, up to the limit; otherwise anything but a regular file is refused.
    public static func read(_ path: String, limit: Int = InputLimits.fileBytes, streams: Bool = false) -> Result<[UInt8], Failure> {
        contents(path, limit: limit, streams: streams).map(\.bytes)
    }

    /// The bytes and when the file was last changed (seconds since 1970).
    static func contents(_ path: String, limit: Int = InputLimits.fileBytes, streams: Bool = false) -> Result<(bytes: [UInt8], modified: Int), Failure> {
        // Non-blocking, so a FIFO given by mistake is refused instead of waited on.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable(path: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(path: path)) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || (streams && (kind == S_IFIFO || kind == S_IFCHR || kind == S_IFSOCK)) else {
            return .failure(.notRegularFile(path: path))
        }
        if kind != S_IFREG {
            // A stream is waited on like any reader would: blocking again after the open.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        let claimed = kind == S_IFREG ? max(Int(info.st_size), 0) : 0
        guard claimed <= limit else { return .failure(.tooLarge(path: path, bytes: claimed, limit: limit)) }
        // Straight into an array of the file's size (no zero-filled buffer: 10,000 small files add up), then
        // on to the end in case the file grew meanwhile.
        var out = [UInt8](unsafeUninitializedCapacity: claimed) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let n = Foundation.read(fd, base + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path: path))
            }
            if n == 0 { return .success((out, Int(info.st_mtim.tv_sec))) }
            guard out.count + n <= limit else { return .failure(.tooLarge(path: path, bytes: out.count + n, limit: limit)) }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}
