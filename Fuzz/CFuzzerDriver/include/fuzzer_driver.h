#ifndef GAZETTE_FUZZER_DRIVER_H
#define GAZETTE_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses the libFuzzer flags in argv and fuzzes
/// the callback. Gazette's fuzz targets call it from their own entry point, since SwiftPM links every executable
/// with `main` aliased to the module's entry point, which hides libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer on `callback` with the process arguments.
int gazette_fuzzer_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

#endif
