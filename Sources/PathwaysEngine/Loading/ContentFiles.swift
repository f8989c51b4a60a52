import Foundation

/// The files of a bundle, read into memory: relative path → bytes. Loading never touches the disk again.
public struct ContentFiles: Sendable {
    /// Relative path (with '/') → contents, e.g. "pathways/vtip-trp.yaml".
    public var files: [String: [UInt8]]
    /// How paths are shown to editors: the folder as given on the command line, e.g. "Content".
    public var displayRoot: String
    /// Files left unread because they are larger than `InputLimits.fileBytes`: relative path → size.
    public var tooLarge: [String: Int] = [:]
    /// When each file was last changed (seconds since 1970), where known: tells a copy from its original.
    public var modified: [String: Int] = [:]

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
        var out = ContentFiles(files: [:], displayRoot: displayRoot ?? directory.path)
        // Folders to read, as a list rather than recursion, so no folder tree can use up the stack.
        var folders = [(absolute: directory.resolvingSymlinksInPath().path, relative: "")]
        while let (absolute, relative) = folders.popLast() {
            guard let dir = opendir(absolute) else { continue }
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
                // Symbolic links are neither (DT_LNK), so they are never followed: no loops.
                if kind == Int32(DT_DIR) {
                    folders.append((path, rel))
                } else if kind == Int32(DT_REG) {
                    switch FileBytes.contents(path) {
                    case .success(let file):
                        out.files[rel] = file.bytes
                        out.modified[rel] = file.modified
                    case .failure(.tooLarge(_, let size, _)): out.tooLarge[rel] = size
                    case .failure: continue
                    }
                }
            }
        }
        return out
    }

    /// The path shown in diagnostics for a relative path.
    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    /// The relative path of a path as shown (the inverse of `displayPath`).
    public func relativePath(_ display: String) -> String {
        let root = displayRoot.isEmpty ? "" : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/")
        return display.hasPrefix(root) ? String(display.dropFirst(root.count)) : display
    }

    /// A SHA-256 over every file's path and contents, in path order.
    public var hash: String {
        var digest = BundleDigest()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            digest.add(Array(path.utf8) + [0])
            digest.add(Array(String(bytes.count).utf8) + [0])
            digest.add(bytes)
        }
        return digest.hex
    }
}

/// The content folder does not exist or is not a folder.
public struct ContentFolderError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "no content folder at '\(path)'" }
}
