#ifndef SHAREHOUSE_FUZZ_DRIVER_H
#define SHAREHOUSE_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, FuzzerInterface.h): parses the command line and runs
/// the fuzzer with `callback` as the target. Linked in by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
