// A libFuzzer target for the YAML loader, the checker, the condition parser and the translations CSV
// import. Built only by Scripts/fuzz, with -sanitize=fuzzer and -DFUZZING; a plain `swift build` gets a
// stub instead.
import PathwaysEngine

#if FUZZING
/// A small valid bundle; the input replaces one of its files (chosen by the first byte), or is a condition,
/// or a translations CSV imported into the bundle.
let base: [String: String] = [
    "bundle.yaml": "id: fuzz\ntitle: {en: Fuzz, fr: Fuzz}\nversion: \"1\"\nlocales: [en, fr]\ndefault_locale: en\nreviewed_on: 2026-11-20\n",
    "questions/q.yaml": "questions:\n  - {id: age, kind: number, prompt: {en: Age?, fr: Âge?}}\n  - id: status\n    kind: single_choice\n    prompt: {en: Status?, fr: Statut?}\n    options: [{id: a, label: {en: A, fr: A}}, {id: b, label: {en: B, fr: B}}]\n",
    "flow.yaml": "start: age\nnodes:\n  age: {next: status}\n  status:\n    next:\n      - {if: \"status = a\", go: done}\n      - go: done\n",
    "outcomes.yaml": "outcomes:\n  - {id: done, title: {en: Done, fr: Fini}}\n",
    "pathways/p.yaml": "id: p\ntitle: {en: P, fr: P}\neligibility:\n  - when: \"age < 18 and status in [a, b]\"\nsources: [S1]\n",
    "sources.yaml": "sources:\n  - {id: S1, title: S, citation: s, date: \"2026\"}\n",
    "scenarios/s.yaml": "id: s\ntitle: {en: S, fr: S}\nanswers: {age: 3, status: a}\nexpect: {recommended: [p]}\n",
]
let targets = ["bundle.yaml", "questions/q.yaml", "flow.yaml", "outcomes.yaml", "pathways/p.yaml", "sources.yaml", "scenarios/s.yaml"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let choice = Int(bytes[0]) % (targets.count + 2)
    let rest = Array(bytes.dropFirst())
    if choice == targets.count + 1 {
        // The whole import: read, checked row by row, edits worked out and the bundle checked after.
        let files = ContentFiles(files: base.mapValues { Array($0.utf8) }, displayRoot: "fuzz")
        let bundle = BundleLoader.load(files).bundle
        if case .success(let report) = TranslationExchange.importCSV(rest, locale: "fr", files: files, bundle: bundle) {
            var after = files
            for (path, bytes) in report.files { after.files[path] = bytes }
            precondition(!Checker.check(after, today: Day("2026-11-23")).hasErrors || Checker.check(files, today: Day("2026-11-23")).hasErrors,
                         "an accepted import broke the bundle")
        }
        return 0
    }
    if choice == targets.count {
        let text = String(decoding: rest, as: UTF8.self)
        let (condition, error) = ConditionText.parse(text, at: SourceLocation(file: "fuzz", line: 1, column: 1))
        if let error { precondition(error.offset >= 0 && error.offset <= text.count, "offset out of bounds") }
        if let parsed = condition.parsed {
            let bundle = BundleLoader.load(ContentFiles(files: base.mapValues { Array($0.utf8) }, displayRoot: "fuzz")).bundle
            _ = ConditionEvaluator(bundle: bundle, today: Day(year: 2026, month: 1, day: 1)).evaluate(parsed) { _ in .unanswered }
        }
        return 0
    }
    var files = base.mapValues { Array($0.utf8) }
    files[targets[choice]] = rest
    let checked = Checker.check(ContentFiles(files: files, displayRoot: "fuzz"), today: Day("2026-11-23"))
    _ = checked.diagnostics.count
    for scenario in checked.bundle.scenarios { _ = ScenarioRunner(bundle: checked.bundle, today: Day(year: 2026, month: 1, day: 1)).run(scenario) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM names an executable's entry point `<Module>_main`; here it hands over to libFuzzer.
@_cdecl("PathwaysFuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzz(data, size) }
}
#else
@main
enum FuzzStub {
    static func main() { print("pathways-fuzz: build it with Scripts/fuzz (libFuzzer)") }
}
#endif
