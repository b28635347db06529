import ArgumentParser
import Foundation
import GazetteSchema

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every line of JSONL files against a JSON Schema.",
        discussion: "Prints each violation as FILE:LINE: PATH: MESSAGE and exits 1 when there is any.")

    @Option(help: ArgumentHelp("The JSON Schema file, e.g. Schemas/gazette.article-1.schema.json.", valueName: "file"))
    var schema: String

    @Option(help: ArgumentHelp("Stop listing after this many violations.", valueName: "n"))
    var maxErrors = 50

    @Argument(help: ArgumentHelp("JSONL files to check.", valueName: "file"))
    var files: [String]

    func run() throws {
        let validator: JSONSchema
        do {
            validator = try JSONSchema(contentsOf: URL(fileURLWithPath: schema))
        } catch {
            printError("gazette: \(schema): \(error)")
            throw ExitCode.failure
        }
        var lines = 0
        var violations = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("gazette: cannot read \(file)")
                throw ExitCode.failure
            }
            var number = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                if line.isEmpty { continue }
                lines += 1
                for violation in validator.validate(data: Data(line)) {
                    violations += 1
                    if violations <= maxErrors { print("\(file):\(number): \(violation)") }
                }
            }
        }
        printError("gazette: \(lines) lines checked against \(schema), \(violations) violations")
        if violations > 0 { throw ExitCode.failure }
    }
}
