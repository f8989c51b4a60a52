import Foundation

/// What can go wrong with the case store, in words for the caseworker.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case wrongPassphrase
    case weakPassphrase(String)
    case passphraseTooLong
    /// One case's record does not check out: changed, replaced by an older copy, or removed.
    case changedOutside(String)
    /// The store as a whole does not check out (its index or verifier is missing or changed).
    case storeChanged
    case noSuchCase(String)
    case unreadable(String)
    case oldFormat(String)
    case notCaseRecords(String)
    case notRegularFile(String)
    case symbolicLink(String)
    case locked
    case closed
    /// A save did not reach the disk.
    case notSaved(String)
    case tooLarge
    case retentionTooShort
    case notesTooLong
    case outOfMemory
    /// A file for printing was refused where it was asked for (a link, a device, an existing file).
    case fileRefused(String)
    /// A file could not be written for a reason of the system (a full disk, no permission).
    case writeFailed(String)

    public var description: String {
        switch self {
        case .wrongPassphrase: return "That passphrase does not open these case records."
        case .weakPassphrase(let why): return why
        case .passphraseTooLong: return "That passphrase is too long (at most \(Passphrase.maxBytes) bytes)."
        case .changedOutside(let code):
            return "Case \(code) was changed outside Pathways (edited, replaced by an older copy, or removed), so it was not read."
        case .storeChanged: return "The case records were changed outside Pathways, so they were not read."
        case .noSuchCase(let code): return "There is no case \(code)."
        case .unreadable(let why): return "The case records could not be opened: \(why)"
        case .oldFormat(let path):
            return "\(path) was made by an earlier version of Pathways, whose file showed too much about each case; "
                + "this version does not open it. Move it away (or delete it) to start new case records."
        case .notCaseRecords(let path): return "\(path) is not a Pathways case records file."
        case .notRegularFile(let path): return "\(path) is not a regular file, so it cannot hold case records."
        case .symbolicLink(let path): return "\(path) is a symbolic link; give the case records file's own path."
        case .locked: return "The case records are locked: type the passphrase to go on."
        case .closed: return "The case records are closed; start Pathways again to open them."
        case .notSaved(let why): return "The answers could not be saved: \(why)."
        case .tooLarge: return "This case is too large to save (more than 1 MiB)."
        case .retentionTooShort: return "A retention of less than one day would delete every case."
        case .notesTooLong: return "The notes are too long to save (at most \(CaseLimits.notesBytes / 1024) KiB)."
        case .outOfMemory: return "There is not enough memory to hold the keys."
        case .fileRefused(let why): return why
        case .writeFailed(let why): return "Could not write the file: \(why)."
        }
    }
}
