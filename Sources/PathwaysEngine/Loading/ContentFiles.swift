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

    /// Reads every file under `directory`, skipping hidden files and folders.
    public static func read(directory: URL, displayRoot: String? = nil) throws -> ContentFiles {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentFolderError(path: directory.path)
        }
        var files: [String: [UInt8]] = [:]
        let base = directory.resolvingSymlinksInPath().standardizedFileURL.path
        if let walker = fm.enumerator(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey],
                                      options: [.skipsHiddenFiles]) {
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                var relative = url.standardizedFileURL.path
                if relative.hasPrefix(base) { relative.removeFirst(base.count) }
                while relative.hasPrefix("/") { relative.removeFirst() }
                if let data = fm.contents(atPath: url.path) { files[relative] = Array(data) }
            }
        }
        return ContentFiles(files: files, displayRoot: displayRoot ?? directory.path)
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
