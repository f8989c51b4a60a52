import Foundation
import XCTest

/// Scripts/install-deps installs what Scripts/system-packages lists; every Debian package a target declares
/// (`.apt([...])` in our Package.swift and in our dependencies') must be on that list, so a fresh machine
/// gets it by name and not by chance.
final class SystemPackagesTests: XCTestCase {
    func testEveryDeclaredSystemPackageIsInstalledByTheScripts() throws {
        let root = BinaryRunner.packageRoot
        let listed = try Self.listedPackages(in: String(contentsOf: root.appendingPathComponent("Scripts/system-packages"), encoding: .utf8))
        var manifests = [root.appendingPathComponent("Package.swift")]
        let checkouts = root.appendingPathComponent(".build/checkouts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: checkouts.path)) ?? [] {
            let manifest = checkouts.appendingPathComponent(name).appendingPathComponent("Package.swift")
            if FileManager.default.fileExists(atPath: manifest.path) { manifests.append(manifest) }
        }
        XCTAssertGreaterThan(manifests.count, 1, "no dependency checkouts found: build first")
        var declared: [String: String] = [:]
        for manifest in manifests {
            for package in Self.aptPackages(in: try String(contentsOf: manifest, encoding: .utf8)) {
                declared[package] = manifest.deletingLastPathComponent().lastPathComponent
            }
        }
        XCTAssertTrue(declared.keys.contains("libncursesw5-dev"), "the scan found no .apt providers: \(declared)")
        for (package, owner) in declared.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(listed.contains(package), "\(owner) declares the Debian package \(package), which Scripts/system-packages does not list")
        }
    }

    func testTheScanFindsProvidersAndTheListIgnoresComments() throws {
        XCTAssertEqual(Self.aptPackages(in: #".systemLibrary(name: "X", providers: [.apt(["liba-dev", "libb-dev"]), .brew(["c"])])"#),
                       ["liba-dev", "libb-dev"])
        XCTAssertEqual(try Self.listedPackages(in: "# a comment\nliba-dev   # why\n\nlibb-dev\n"), ["liba-dev", "libb-dev"])
    }

    /// The names inside every `.apt([...])` of a manifest.
    static func aptPackages(in manifest: String) -> [String] {
        var found: [String] = []
        var rest = manifest[...]
        while let start = rest.range(of: ".apt([") {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: "])") else { break }
            found += rest[..<end.lowerBound].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }.filter { !$0.isEmpty }
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The package names of Scripts/system-packages: the first word of each line that is not a comment.
    static func listedPackages(in text: String) throws -> [String] {
        text.split(separator: "\n").compactMap { line in
            let word = line.split(separator: " ").first.map(String.init) ?? ""
            return word.isEmpty || word.hasPrefix("#") ? nil : word
        }
    }
}
