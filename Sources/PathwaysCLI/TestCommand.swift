import ArgumentParser
import PathwaysEngine

/// `pathways test [DIR]`: runs the bundle's scenarios; the last line is `N passed, N failed`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the bundle's scenarios and compare their pathways with what each expects.")

    @Argument(help: "The bundle folder (default: ./Content when there is one, else the built-in bundle).")
    var directory: String?

    @Option(help: "Show reasons in this language (default: the bundle's default).")
    var lang: String?

    @Option(help: "Run only the scenarios whose id contains this text.")
    var filter: String?

    @OptionGroup var options: ContentOptions
    @OptionGroup var day: DayOptions

    func run() throws {
        let today = try day.day()
        let loaded = try options.load(positional: directory)
        let checked = loaded.checked
        print("Testing \(loaded.description)")
        if checked.hasErrors {
            printDiagnostics(checked) { print($0) }
            let errors = checked.allDiagnostics.filter { $0.severity == .error }
            print("the bundle has \(errors.count) error\(errors.count == 1 ? "" : "s"); fix them (pathways check) before testing")
            print("0 passed, \(max(1, checked.bundle.scenarios.count)) failed")
            throw ExitCode(1)
        }
        // Scenarios with `today:` are assessed on their own day; the others on this one.
        let runner = ScenarioRunner(bundle: checked.bundle, today: today, locale: lang)
        var passed = 0, failed = 0
        for scenario in checked.bundle.scenarios where filter.map({ scenario.id.contains($0) }) ?? true {
            let result = runner.run(scenario)
            if result.passed {
                passed += 1
                print("PASS \(scenario.id)")
            } else {
                failed += 1
                print("FAIL \(scenario.id) (\(scenario.location.file))")
                for f in result.failures { print("    " + f) }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
