import ArgumentParser
import Foundation
import Sharehouse

/// Where a chart goes, and in which language and digits.
struct ChartOutputOptions: ParsableArguments {
    @OptionGroup var words: LanguageOptions

    @Option(name: .long, help: ArgumentHelp("Write the SVG to this file (default: standard output).", valueName: "file.svg"))
    var out: String?

    /// Writes the chart where it was asked for.
    func write(_ svg: String) throws {
        guard let out else {
            // The SVG ends with a newline and output adds one: the same bytes as --out.
            Terminal.output(svg.hasSuffix("\n") ? String(svg.dropLast()) : svg)
            return
        }
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            Terminal.error("cannot write \(out): \(error.localizedDescription)")
            throw ExitStatus.failure
        }
        Terminal.note("Wrote \(out)")
    }
}
