import FuzzSupport
import Sharehouse

// NDJSON bytes through the whole import path, with the snapshot's metadata given as
// options (ImportHarness).
let ndjson = ImportHarness(fileName: "fuzz.ndjson", format: .ndjson, optionsMetadata: true,
                           seed: Array("""
                               {"entity": "CN", "period": "2025-08", "value": 17.1}
                               {"entity": "US", "period": "2025-08", "value": 15.8}
                               """.utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ndjson.run(inputBytes(data, size))
    return 0
}

@main
struct NDJSONImportFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
