import ArgumentParser
import Foundation
import PathwaysStore

/// Entry point: harden the process, parse, run, and map failures to exit codes (0 fine, 1 problems found or
/// a failure such as a full disk, 2 usage or records changed outside Pathways).
@main
enum Main {
    static func main() {
        ProcessHygiene.harden()
        do {
            var command = try parse(Array(CommandLine.arguments.dropFirst()))
            // The root only dispatches; with no arguments, open the interface.
            if command is PathwaysCommand { command = try OpenCommand.parse([]) }
            try command.run()
            StandardOutput.finish()
        } catch let error as CLIError {
            StandardOutput.finish()
            printError("pathways: error: \(error.description)")
            exit(2)
        } catch let error as ExitFailure {
            StandardOutput.finish()
            printError("pathways: error: \(error.description)")
            exit(error.status)
        } catch {
            let code = PathwaysCommand.exitCode(for: error)
            if code == .success {
                print(PathwaysCommand.fullMessage(for: error))
                StandardOutput.finish()
                exit(0)
            }
            StandardOutput.finish()
            if code.rawValue == 1 { exit(1) }
            printError(PathwaysCommand.fullMessage(for: error))
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// Opening the interface (no subcommand, only options) is parsed by its own command, so start-up does not
    /// build the parser of every other command first; anything else, and any mistake, goes through the root
    /// so messages and usage stay the same.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        let wantsHelp = arguments.contains { ["-h", "--help", "help"].contains($0) }
        if !wantsHelp, arguments.first?.hasPrefix("-") ?? true, let command = try? OpenCommand.parseAsRoot(arguments) {
            return command
        }
        return try PathwaysCommand.parseAsRoot(arguments)
    }
}
