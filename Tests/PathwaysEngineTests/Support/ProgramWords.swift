import Foundation
@testable import PathwaysEngine

/// The program's words (Content/strings), put beneath test bundles that have no strings files of their own,
/// as the `pathways` command does for any content folder.
enum ProgramWords {
    static let shipped: StringCatalog = {
        guard let files = try? ContentFiles.read(directory: StarterBundle.shippedDirectory, displayRoot: "Content") else { return StringCatalog() }
        return StringCatalog.read(from: files)
    }()
}
