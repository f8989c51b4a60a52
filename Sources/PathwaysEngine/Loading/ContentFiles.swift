import Foundation

/// The files of a bundle, read into memory: relative path → bytes. Loading never touches the disk again.
public struct ContentFiles: Sendable {
    /// Relative path (with '/') → contents, e.g. "pathways/vtip-trp.yaml".
    public var files: [String: [UInt8]]
    /// How paths are shown to editors: the folder as given on the command line, e.g. "Content".
    public var displayRoot: String

    public init(files: [String: [UInt8]], displayRoot: String) {
        self.files = files
        self.displayRoot = displayRoot
    }

    /// Reads every regular file under `directory`, skipping hidden files and folders (and symbolic links).
    public static func read(directory: URL, displayRoot: String? = nil) throws -> ContentFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentFolderError(path: directory.path)
        }
        // A plain POSIX walk: Foundation's enumerator with resource values cost more than parsing the files.
        var files: [String: [UInt8]] = [:]
        func walk(_ absolute: String, _ relative: String) {
            guard let dir = opendir(absolute) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = absolute + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
                }
                if kind == Int32(DT_DIR) { walk(path, rel) }
                else if kind == Int32(DT_REG), let bytes = readFile(path) { files[rel] = bytes }
            }
        }
        walk(directory.resolvingSymlinksInPath().path, "")
        return ContentFiles(files: files, displayRoot: displayRoot ?? directory.path)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        // Read straight into an array of the file's size (no zero-filled buffer per file); a file that grows
        // meanwhile is read on to its end.
        var out = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, count in
            while count < buffer.count {
                let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// The path shown in diagnostics for a relative path.
    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    /// A SHA-256 over every file's path and contents, in path order.
    public var hash: String {
        var bytes: [UInt8] = []
        for path in files.keys.sorted() {
            bytes += Array(path.utf8) + [0]
            bytes += Array(String(files[path]!.count).utf8) + [0]
            bytes += files[path]!
        }
        return SHA256.hex(bytes)
    }
}

/// The content folder does not exist or is not a folder.
public struct ContentFolderError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "no content folder at '\(path)'" }
}
