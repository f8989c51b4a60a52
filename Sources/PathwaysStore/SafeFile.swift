import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files for printing without harm: never through a symbolic link, never over anything but a
/// regular file, never a half-written file left behind, readable by the owner only.
public enum SafeFile {
    /// Writes `data` to `path`. A symbolic link, a device, a FIFO or a folder there is refused; so is an existing
    /// file unless `replacing`, when it is replaced whole (a new file renamed over it).
    public static func write(_ data: Data, to path: String, replacing: Bool) throws {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure("cannot write \(path)") }
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw refusal(path) }
            do {
                try writeAll(fd, data, path)
                close(fd)
            } catch {
                close(fd)
                unlink(path)
                throw error
            }
            return
        }
        if info.st_mode & S_IFMT == S_IFLNK { throw StoreError.fileRefused("\(path) is a symbolic link; Pathways writes nothing through one.") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.fileRefused("\(path) is not a regular file; Pathways writes only regular files.") }
        guard replacing else { throw StoreError.fileRefused("\(path) already exists; add --force to replace it.") }
        let url = URL(fileURLWithPath: path)
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw failure("cannot open the folder of \(path)") }
        defer { close(folder) }
        try replace(url.lastPathComponent, in: folder, with: data, shownAs: path)
    }

    /// Opens the folder at `path` (creating it, 0700, when absent), refusing a symbolic link or anything but a folder.
    static func openFolder(_ path: String, create: Bool = true) throws -> Int32 {
        var fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT && create {
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw failure("cannot create the folder \(path)") }
            fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else {
            if errno == ELOOP || errno == ENOTDIR {
                var info = stat()
                let link = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
                throw StoreError.fileRefused(link ? "\(path) is a symbolic link; Pathways writes nothing through one."
                                                  : "\(path) is not a folder.")
            }
            throw failure("cannot open the folder \(path)")
        }
        _ = fchmod(fd, 0o700)
        return fd
    }

    /// Writes `name` inside the open folder: a temporary file created exclusively, synced, then renamed over
    /// `name`, which must be absent or a regular file.
    static func replace(_ name: String, in folder: Int32, with data: Data, shownAs shown: String) throws {
        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK { throw StoreError.fileRefused("\(shown) is a symbolic link; Pathways writes nothing through one.") }
            guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.fileRefused("\(shown) is not a regular file; Pathways writes only regular files.") }
        }
        let temporary = ".\(name).\(UInt32.random(in: 0...UInt32.max)).part"
        let fd = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write \(shown)") }
        do {
            try writeAll(fd, data, shown)
            close(fd)
            guard renameat(folder, temporary, folder, name) == 0 else { throw failure("cannot write \(shown)") }
            _ = fsync(folder)
        } catch {
            close(fd)
            unlinkat(folder, temporary, 0)
            throw error
        }
    }

    /// Removes `name` from the open folder if it is a regular file (a link or anything else is left alone).
    static func remove(_ name: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        unlinkat(folder, name, 0)
    }

    /// The names of the regular files in the open folder.
    static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    static func writeAll(_ fd: Int32, _ data: Data, _ shown: String) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; throw failure("cannot write \(shown)") }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw failure("cannot write \(shown)") }
    }

    /// A refusal for what `open(O_EXCL|O_NOFOLLOW)` found at `path`.
    static func refusal(_ path: String) -> StoreError {
        switch errno {
        case EEXIST: return .fileRefused("\(path) already exists; add --force to replace it.")
        case ELOOP: return .fileRefused("\(path) is a symbolic link; Pathways writes nothing through one.")
        default: return failure("cannot write \(path)")
        }
    }

    /// A write that failed for a reason of the system (a full disk, no permission), with that reason.
    static func failure(_ what: String) -> StoreError {
        .writeFailed(what + ": " + String(cString: strerror(errno)))
    }
}
