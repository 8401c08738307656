#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sanitizer this test process (and so the `sharehouse` binary built with it) runs
/// under, if any: `swift test --sanitize=address` links in its runtime.
public enum Sanitizer {
    /// True under AddressSanitizer, whose shadow memory and quarantine of freed blocks
    /// (256 MB by default) add to every process's peak memory.
    public static let isAddress = isLoaded("__asan_init")

    /// True under ThreadSanitizer, whose runtime itself dies of SIGBUS in a process with
    /// a small file-size limit (`ulimit -f`), before any of the program's code runs.
    public static let isThread = isLoaded("__tsan_init")

    private static func isLoaded(_ symbol: String) -> Bool {
        // RTLD_DEFAULT (not imported into Swift): look in every loaded image.
        #if canImport(Darwin)
            let everyImage = UnsafeMutableRawPointer(bitPattern: -2)
        #else
            let everyImage: UnsafeMutableRawPointer? = nil
        #endif
        return dlsym(everyImage, symbol) != nil
    }

    /// A memory bound for a child process: `bytes`, or four times it under
    /// AddressSanitizer (its bookkeeping, not the program's).
    public static func memoryBound(_ bytes: Int) -> Int {
        isAddress ? bytes * 4 : bytes
    }
}
