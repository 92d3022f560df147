// Purpose: the one Catch2 main of every C++ test executable (native and wasm), built
// once per preset as the catch_main library (tests/CMakeLists.txt).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
