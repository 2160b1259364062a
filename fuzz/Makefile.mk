# Fuzz targets: make fuzz (clang, libFuzzer).
