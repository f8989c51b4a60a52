import Foundation
import PathwaysEngine
import PathwaysUI
import ShippedContent

/// The program's own words: the keys it uses, and the shipped strings files, put beneath any bundle's so a
/// content editor's folder without `strings/` still shows words (its own files win where it has them).
enum ProgramStrings {
    /// Every key the interface and the engine use.
    static let keys: Set<String> = Set(UIText.allCases.map(\.rawValue) + EngineWord.allCases.map(\.rawValue))

    /// The strings files of the shipped content.
    static let shipped: StringCatalog = {
        guard let dir = ShippedContent.directory,
              let files = try? ContentFiles.read(directory: dir.appendingPathComponent("strings"), displayRoot: "strings") else { return StringCatalog() }
        // Read as the strings folder of a bundle: paths must start with strings/.
        var inBundle = ContentFiles(files: [:], displayRoot: "Content")
        for (path, bytes) in files.files { inBundle.files["strings/" + path] = bytes }
        return StringCatalog.read(from: inBundle)
    }()

    /// A checked bundle with the program's words beneath its own, and what is wrong with them: keys the
    /// program does not know, and keys it uses with no text in the default locale.
    static func complete(_ checked: CheckedBundle) -> CheckedBundle {
        var out = checked
        out.bundle = checked.bundle.withStrings(under: shipped)
        out.diagnostics = checked.diagnostics + LocaleChecks.programKeys(out.bundle, known: keys)
        return out
    }

    /// "es: 680 of 1290 strings (…), unreviewed…", one line per declared locale.
    static func coverage(_ bundle: ContentBundle) -> [String] {
        LocaleCoverage.of(bundle, keys: keys).map(\.line)
    }
}
