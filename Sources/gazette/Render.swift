import ArgumentParser
import Foundation
import GazetteIndex
import GazettePipeline
import GazetteRender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render annotated JSONL (gazette.article/1) as one self-contained HTML page.",
        discussion: """
            Each article is shown with its entities highlighted by type (hover or focus a mention for its type, \
            canonical name, kb id and Wikidata link), its relations beside it (hover or focus one to highlight its \
            evidence in the text) and its quotes. The page has no scripts, fonts or network references, is \
            readable without JavaScript and prints well. Article text is escaped, so markup in it shows as text.
            """)

    @Argument(help: ArgumentHelp("Annotated JSONL files, or - for standard input.", valueName: "file"))
    var files: [String] = ["-"]

    @Option(name: [.short, .long], help: ArgumentHelp("Output HTML file; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("The page title (default: the input file names).", valueName: "text"))
    var title: String?

    func run() throws {
        var page = ArticlesPage(title: title ?? "Gazette: " + files.joined(separator: ", "))
        var bad = 0
        for file in files {
            for item in ArticleFileReader(path: file) {
                switch item {
                case .success(let document): page.add(document)
                case .failure(let error):
                    bad += 1
                    printError("gazette: \(error)")
                }
            }
        }
        let html = page.html()
        do {
            try OutputFile.writeWhole(Array(html.utf8), to: output)
            if output != "-" { printError("gazette: \(page.count) articles rendered into \(output)") }
        } catch {
            throw failure(error)
        }
        if bad > 0 { throw ExitCode.failure }
    }
}
