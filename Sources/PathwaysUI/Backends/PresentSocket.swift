import Foundation
import PathwaysEngine
#if canImport(Glibc)
import Glibc
#endif

/// Where a presentation's console and room meet: a Unix socket in a folder only its owner can enter (mode
/// 0700). Nothing goes on the network and nothing is saved: the socket and its folder are removed at the end.
public enum PresentPlace {
    /// A problem with the socket's folder or the socket, said plainly.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }

    /// `$XDG_RUNTIME_DIR/pathways-present/present.sock` when that folder is the user's, else
    /// `/tmp/pathways-present-UID/present.sock`.
    public static func defaultSocket(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), isPrivateFolder(runtime) {
            return runtime + "/pathways-present/present.sock"
        }
        return "/tmp/pathways-present-\(getuid())/present.sock"
    }

    /// True when `path` is a real folder (not a link) owned by this user that no one else can enter.
    static func isPrivateFolder(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFDIR && st.st_uid == getuid() && (st.st_mode & 0o077) == 0
    }

    /// Makes the socket's folder (mode 0700), or checks the one there: it must be a folder, not a link,
    /// owned by this user and closed to everyone else.
    static func prepareFolder(of socket: String) throws -> String {
        let folder = (socket as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { throw Problem("the socket '\(socket)' needs a folder") }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw Problem("could not make the folder '\(folder)': \(String(cString: strerror(errno)))")
        }
        guard isPrivateFolder(folder) else {
            throw Problem("the folder '\(folder)' is not a private folder of this user (it must be a folder, not a link, with mode 0700): refusing to use it")
        }
        return folder
    }

    /// The socket's address; nil when the path is too long for one.
    static func address(_ path: String) -> sockaddr_un? {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        return addr
    }

    static func connect(_ fd: Int32, _ path: String) -> Bool {
        guard var addr = address(path) else { return false }
        return withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }

    /// The other end is this same user (the folder's mode already keeps others out; this says so twice).
    static func peerIsSameUser(_ fd: Int32) -> Bool {
        // struct ucred (pid, uid, gid), which Glibc's module does not bring into Swift.
        struct PeerCred { var pid: Int32 = 0; var uid: UInt32 = 0; var gid: UInt32 = 0 }
        var cred = PeerCred()
        var length = socklen_t(MemoryLayout<PeerCred>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) == 0 else { return false }
        return cred.uid == getuid()
    }

    static func nonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Writes all of `data` to a non-blocking socket; false when the other end is gone or stuck.
    static func send(_ fd: Int32, _ data: Data) -> Bool {
        var sent = 0
        var tries = 0
        while sent < data.count {
            let n = data.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.send(fd, base + sent, data.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n > 0 { sent += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EINTR), tries < 50 { tries += 1; usleep(2_000); continue }
            return false
        }
        return true
    }
}

/// The facilitator's console: listens on the socket and sends each room what it shows.
public final class ConsoleLink: PresentLink {
    let path: String
    let folder: String
    var listener: Int32 = -1
    var rooms: [Int32] = []
    var last: PresentedView?
    var reported = -1
    var finished = false

    /// Listens at `path`, in its private folder. Refuses when a console already listens there.
    public init(socket path: String) throws {
        self.path = path
        folder = try PresentPlace.prepareFolder(of: path)
        guard PresentPlace.address(path) != nil else { throw PresentPlace.Problem("the socket path '\(path)' is too long") }
        var st = stat()
        if lstat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFSOCK else { throw PresentPlace.Problem("'\(path)' is there and is not a socket: refusing to replace it") }
            let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(probe) }
            if PresentPlace.connect(probe, path) {
                throw PresentPlace.Problem("a presentation is already running at '\(path)' (pathways train --room joins it)")
            }
            unlink(path)  // left by a console that did not end cleanly
        }
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0, var addr = PresentPlace.address(path) else { throw PresentPlace.Problem("could not open a socket") }
        let bound = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        guard bound, chmod(path, 0o600) == 0, listen(listener, 4) == 0 else {
            let why = String(cString: strerror(errno))
            close(listener)
            throw PresentPlace.Problem("could not listen at '\(path)': \(why)")
        }
        PresentPlace.nonBlocking(listener)
    }

    deinit { finish(wipe: false) }

    public func poll() -> [PresentEvent] {
        guard !finished else { return [] }
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { break }
            PresentPlace.nonBlocking(fd)
            guard PresentPlace.peerIsSameUser(fd) else { close(fd); continue }
            if rooms.count >= 8 { close(fd); continue }
            if let last, !PresentPlace.send(fd, PresentMessage(view: last).line()) { close(fd); continue }
            rooms.append(fd)
        }
        // A room that closed shows as readable with nothing to read.
        rooms = rooms.filter { fd in
            var byte: UInt8 = 0
            let n = recv(fd, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK))
            if n == 0 { close(fd); return false }
            if n > 0 { _ = recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) }  // rooms send nothing: drop what came
            return true
        }
        guard rooms.count != reported else { return [] }
        reported = rooms.count
        return [.rooms(rooms.count)]
    }

    public func publish(_ view: PresentedView?) {
        guard !finished, let view, view != last else { return }
        last = view
        let line = PresentMessage(view: view).line()
        rooms = rooms.filter { fd in
            if PresentPlace.send(fd, line) { return true }
            close(fd)
            return false
        }
    }

    public func finish(wipe: Bool) {
        guard !finished else { return }
        finished = true
        let line = PresentMessage(end: true, wipe: wipe).line()
        for fd in rooms { _ = PresentPlace.send(fd, line); close(fd) }
        rooms = []
        if listener >= 0 { close(listener) }
        unlink(path)
        rmdir(folder)  // only when empty: another presentation's socket is left alone
    }
}

/// The room's view: connects to the console's socket (waiting for it to start) and reads what to show.
public final class RoomLink: PresentLink {
    let path: String
    var fd: Int32 = -1
    var buffer = Data()
    var connected = false
    var ended = false

    /// Joins the console at `path`; its folder must be a private folder of this user.
    public init(socket path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        var st = stat()
        if lstat(folder, &st) == 0, !PresentPlace.isPrivateFolder(folder) {
            throw PresentPlace.Problem("the folder '\(folder)' is not a private folder of this user: refusing to read from it")
        }
        guard PresentPlace.address(path) != nil else { throw PresentPlace.Problem("the socket path '\(path)' is too long") }
    }

    deinit { if fd >= 0 { close(fd) } }

    public func poll() -> [PresentEvent] {
        guard !ended else { return [] }
        if !connected {
            // Before the console starts there is nothing to join: try again at the next poll.
            guard PresentPlace.isPrivateFolder((path as NSString).deletingLastPathComponent) else { return [] }
            let s = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard s >= 0 else { return [] }
            guard PresentPlace.connect(s, path), PresentPlace.peerIsSameUser(s) else { close(s); return [] }
            PresentPlace.nonBlocking(s)
            fd = s
            connected = true
        }
        var events: [PresentEvent] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = recv(fd, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                if buffer.count > 4 * PresentedView.maxBytes { buffer.removeAll() }  // a line that never ends is dropped
                continue
            }
            if n == 0 {
                // The console is gone without a word: the presentation has ended.
                ended = true
                close(fd)
                fd = -1
                return events + lines() + [.ended(wipe: false)]
            }
            break
        }
        return events + lines()
    }

    /// The whole lines received so far, as events; a line that cannot be read is skipped.
    private func lines() -> [PresentEvent] {
        var out: [PresentEvent] = []
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            let line = buffer[buffer.startIndex..<newline]
            buffer.removeSubrange(buffer.startIndex...newline)
            guard let message = PresentMessage.read(Data(line)) else { continue }
            if let v = message.view { out.append(.view(v)) }
            if message.end == true {
                ended = true
                out.append(.ended(wipe: message.wipe == true))
                break
            }
        }
        return out
    }

    public func publish(_ view: PresentedView?) {}

    public func finish(wipe: Bool) {
        if fd >= 0 { close(fd) }
        fd = -1
        ended = true
    }
}
