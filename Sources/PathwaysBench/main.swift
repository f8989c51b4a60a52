import Foundation
import PathwaysEngine
import PathwaysUI

// pathways-bench: timings the benchmark script reads (Scripts/bench). It measures the engine and the
// interface's state machine in-process; the script measures whole-program start-up from outside.
//
//   pathways-bench check DIR           load + check, in milliseconds
//   pathways-bench frames DIR [N]      answer a question and render the next frame, N times: p50, p99 (ms)
//   pathways-bench coverage DIR        the reachability analysis of every pathway, in milliseconds

func ms(_ start: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000 }

func load(_ dir: String) -> CheckedBundle {
    guard let files = try? ContentFiles.read(directory: URL(fileURLWithPath: dir), displayRoot: dir) else {
        FileHandle.standardError.write(Data("no content folder at \(dir)\n".utf8))
        exit(2)
    }
    return Checker.check(files, today: nil)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: pathways-bench check|frames|coverage DIR [N]\n".utf8))
    exit(2)
}
switch args[1] {
case "check":
    // The whole of `pathways check` in-process, then its three phases once more, each on its own.
    let start = DispatchTime.now()
    let checked = load(args[2])
    let total = ms(start)
    var phase = DispatchTime.now()
    let files = try! ContentFiles.read(directory: URL(fileURLWithPath: args[2]), displayRoot: args[2])
    let readMs = ms(phase)
    phase = DispatchTime.now()
    let loaded = BundleLoader.load(files)
    let loadMs = ms(phase)
    phase = DispatchTime.now()
    _ = Checker.check(loaded.bundle, today: nil)
    let checksMs = ms(phase)
    print(String(format: "{\"check_ms\": %.2f, \"read_ms\": %.2f, \"load_ms\": %.2f, \"checks_ms\": %.2f, \"questions\": %d, \"errors\": %d}",
                 total, readMs, loadMs, checksMs, checked.bundle.questions.count, checked.diagnostics.filter { $0.severity == .error }.count))
case "frames":
    let bundle = load(args[2]).bundle
    let n = args.count > 3 ? Int(args[3]) ?? 2000 : 2000
    var state = UIState(bundle: bundle, width: 80, height: 24)
    _ = state.handle(.key(.enter))
    var times: [Double] = []
    var rng = SystemRandomNumberGenerator()
    while times.count < n {
        guard let q = state.currentQuestion else {
            // The walk ended: start a new case.
            state = UIState(bundle: bundle, width: 80, height: 24)
            _ = state.handle(.key(.enter))
            continue
        }
        let start = DispatchTime.now()
        if q.kind.hasOptions {
            let digit = Character(String(Int.random(in: 1...min(9, q.options.count), using: &rng)))
            _ = state.handle(.key(.char(digit)))
            _ = state.handle(.key(.enter))
        } else {
            for c in (q.kind == .number ? "7" : q.kind == .date ? "2024-01-01" : "x") { _ = state.handle(.key(.char(c))) }
            _ = state.handle(.key(.enter))
        }
        _ = Renderer.frame(state)
        times.append(ms(start))
    }
    times.sort()
    print(String(format: "{\"answers\": %d, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}", times.count,
                 times[times.count / 2], times[times.count * 99 / 100], times.last!))
case "coverage":
    let bundle = load(args[2]).bundle
    let start = DispatchTime.now()
    let analysis = PathwayReachability(bundle: bundle)
    var decided = 0
    for r in analysis.analyseAll(bundle.pathways) { if case .undecided = r {} else { decided += 1 } }
    print(String(format: "{\"coverage_ms\": %.2f, \"pathways\": %d, \"decided\": %d}", ms(start), bundle.pathways.count, decided))
default:
    FileHandle.standardError.write(Data("unknown measurement '\(args[1])'\n".utf8))
    exit(2)
}
