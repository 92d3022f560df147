// Purpose: the Catch2 main of the engine tests (native and wasm).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
