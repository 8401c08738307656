import ArgumentParser
import Foundation
import Sharehouse
import SharehouseDB
import SharehouseHub
import SharehouseReports

struct MonthlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The month's shares from a listing in one command: import, derive, what changed, the report.",
        discussion: """
            Reads sharehouse-monthly.json beside the warehouse (or --config): {"listing_source": KEY, \
            "window_days": 30, "attribution_version": null (latest), "methods": ["publisher", \
            "base-model"], "pipeline_tag": null, "min_downloads": 1, "decimals": 2, "report_folder": \
            "reports"}. Imports the listing, derives by each method, prints what changed in the derived \
            shares and writes the HTML report to the report folder. Every step is idempotent: run again \
            after a failure, it finishes the month; after success, it writes nothing. One line per step \
            on standard error; the exit status says the first step that failed (65 bad input, 66 missing, \
            77 refused).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The month's listing: its files or a folder of its pages.", valueName: "path"))
    var listing: [String]
    @Option(
        name: .customLong("retrieved-on"),
        help: ArgumentHelp("When the listing was fetched (default: from the folder's fetch manifest).", valueName: "YYYY-MM-DD"),
        transform: ArgumentValue.date)
    var retrievedOn: CalendarDate?
    @Flag(
        help: """
            First fetch the month's listing from the Hub into the --listing folder (the configuration's \
            "endpoint", "fetch_min_downloads", "fetch_max_pages"; $HF_TOKEN when set), resuming an \
            interrupted fetch.
            """)
    var fetch = false
    @Option(help: ArgumentHelp("The configuration (default: sharehouse-monthly.json beside the warehouse).", valueName: "file"))
    var config: String?
    @Flag(name: .customLong("dry-run"), help: "Check the listing; store and write nothing.") var dryRun = false

    func run() throws {
        let database = global.databasePath
        let folder = (database as NSString).deletingLastPathComponent
        let configPath = config ?? ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("sharehouse-monthly.json")
        let configuration = try MonthlyConfiguration.read(from: configPath)
        if fetch {
            guard listing.count == 1, let endpoint = URL(string: configuration.endpoint), endpoint.host != nil else {
                throw ValidationError("--fetch takes one --listing folder and an \"endpoint\" URL in the configuration")
            }
            let token = ProcessInfo.processInfo.environment["HF_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            let receipt = try HubFetchRunner.fetch(
                options: FetchOptions(
                    endpoint: endpoint, maxPages: configuration.fetchMaximumPages, minDownloads: configuration.fetchMinimumDownloads,
                    token: token),
                into: listing[0])
            Terminal.note("fetch: \(receipt.outcome.rawValue), \(receipt.pagesFetched) page(s) fetched, \(receipt.models) models")
        }
        guard let retrievedOn = retrievedOn ?? listing.first.flatMap(HubFetchRunner.retrievedOn).flatMap({ CalendarDate($0) }) else {
            throw ValidationError("give --retrieved-on: the listing's folder has no fetch manifest that says when")
        }
        let selection = try ImportSelection.select(listing, sidecars: false)
        let warehouse = try global.openWarehouse(mustExist: true)
        let receipt = try warehouse.runMonth(
            listing: selection.inputs, retrievedOn: retrievedOn, configuration: configuration, dryRun: dryRun,
            step: { Terminal.note($0) })
        if receipt.wroteNothing, !dryRun { Terminal.note("month: already done; nothing new was stored") }
        guard let changes = receipt.changes else { return }
        Terminal.output(
            try ReportWriter.render(
                changes, as: .table, style: ReportDocument.Style(), names: try EntityNames(warehouse, language: .english)))
        // The report is rewritten only when it differs: a finished month writes nothing.
        let reports = ((configPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(configuration.reportFolder)
        let file = (reports as NSString).appendingPathComponent("report-\(retrievedOn).html")
        let page = OverviewPage.render(try warehouse.overview(), names: try warehouse.entityNames())
        if FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }) == page {
            Terminal.note("report: \(file) unchanged")
        } else {
            try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
            try Data(page.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            Terminal.note("report: wrote \(file)")
        }
    }
}
