import FuzzSupport
import Sharehouse

// A self-describing JSON snapshot through the whole import path (ImportHarness). The
// second warehouse already holds the snapshot below, so inputs with its measure, source
// and date take the path that hashes the file before writing it.
let json = ImportHarness(fileName: "fuzz.json", format: .json, optionsMetadata: false,
                         seed: Array("""
                             {"measure": {"key": "fuzz_share", "name": "Fuzzed share", "unit": "percent",
                                          "universe": "fuzzer inputs", "attribution": "none"},
                              "source": {"key": "fuzz-source", "title": "Fuzzer input (not real data)",
                                         "url": "https://example.invalid/fuzz", "kind": "dataset"},
                              "published_on": "2026-01-15", "period": "2025-08",
                              "observations": [{"entity": "CN", "value": 17.1}, {"entity": "US", "value": "15.80"}]}
                             """.utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    json.run(inputBytes(data, size))
    return 0
}

@main
struct JSONImportFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
