import ArgumentParser
import Foundation
import ShippedContent

/// `pathways schema [KIND]`: the JSON Schema of each kind of content file, for YAML editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a kind of content file (bundle, flow, questions, pathway, …), or list the kinds.",
        discussion: "Each shipped file names its schema on its first line: # yaml-language-server: $schema=…")

    @Argument(help: "The kind of file: bundle, flow, questions, outcomes, pathway, referrals, sources, glossary, scenario, training.")
    var kind: String?

    @OptionGroup var options: ContentOptions

    func run() throws {
        // The schemas describe this version of the format: the bundle's own copy when it has one, else the built-in.
        var folder = try options.folder().url.appendingPathComponent("schema")
        if !FileManager.default.fileExists(atPath: folder.path), let shipped = ShippedContent.directory {
            folder = shipped.appendingPathComponent("schema")
        }
        let kinds = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) }.sorted()
        guard let kind else {
            for k in kinds { print(k) }
            return
        }
        guard kinds.contains(kind), let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(kind).schema.json").path) else {
            throw CLIError("no schema '\(kind)'; kinds: " + kinds.joined(separator: ", "))
        }
        print(String(decoding: data, as: UTF8.self), terminator: "")
    }
}
