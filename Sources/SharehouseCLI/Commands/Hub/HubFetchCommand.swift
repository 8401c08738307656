import ArgumentParser
import Foundation
import SharehouseDB
import SharehouseHub
import SharehouseReports

struct HubFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the Hub's model listing (/api/models, most downloaded first) into a folder of pages.",
        discussion: """
            Writes page-00001.json, page-00002.json, ... (each the API's JSON array, as received) and \
            .manifest.json (endpoint, query, times, pages with their SHA-256, the cursor reached) to \
            --out, each as it arrives. Run the same command again after an interruption: it goes on \
            from the manifest's cursor and fetches no page twice; a finished folder fetches nothing. \
            Import the folder with: sharehouse listing import DIR --source KEY --retrieved-on DATE.

            $HF_TOKEN, when set, is sent as Authorization: Bearer to the endpoint's host, and written \
            nowhere. A 429 is waited out as Retry-After (or RateLimit) says; a 5xx, a dropped connection \
            or an answer that is no page is asked again with a doubling delay, up to --attempts tries.
            """)

    @OptionGroup var output: FormatOptions

    @Option(help: ArgumentHelp("The folder the pages and the manifest go to (made when missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("The Hub's base URL; /api/models is added.", valueName: "url"))
    var endpoint: String = "https://huggingface.co"

    @Option(help: ArgumentHelp("Models a page (1 to 1000).", valueName: "n"))
    var limit: Int = FetchOptions.largestPage

    @Option(name: .customLong("max-pages"), help: ArgumentHelp("Fetch at most this many pages this run.", valueName: "n"))
    var maxPages: Int?

    @Option(
        name: .customLong("min-downloads"),
        help: ArgumentHelp("Stop after the page whose last model has fewer downloads than this.", valueName: "n"))
    var minDownloads: Int64?

    @Option(help: ArgumentHelp("Tries of a page in all, after 5xx or dropped connections.", valueName: "n"))
    var attempts: Int = 5

    @Option(name: .customLong("retry-delay"), help: ArgumentHelp("Seconds before the first retry; doubling after.", valueName: "seconds"))
    var retryDelay: Double = 1

    func validate() throws {
        guard (1...FetchOptions.largestPage).contains(limit) else { throw ValidationError("--limit is 1 to \(FetchOptions.largestPage)") }
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages is 1 or more") }
        if let minDownloads, minDownloads < 0 { throw ValidationError("--min-downloads is 0 or more") }
        guard attempts >= 1 else { throw ValidationError("--attempts is 1 or more") }
        guard retryDelay >= 0, retryDelay.isFinite else { throw ValidationError("--retry-delay is 0 or more") }
        guard URL(string: endpoint)?.host != nil else { throw ValidationError("--endpoint is a URL such as https://huggingface.co") }
    }

    func run() throws {
        let token = ProcessInfo.processInfo.environment["HF_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let options = FetchOptions(
            endpoint: URL(string: endpoint)!, limit: limit, maxPages: maxPages, minDownloads: minDownloads,
            retry: RetryPolicy(attempts: attempts, baseDelay: retryDelay), token: token)
        let receipt = try HubFetchRunner.fetch(options: options, into: out)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipt))
        case .table: Terminal.output(HubProgress.text(receipt))
        }
    }
}
