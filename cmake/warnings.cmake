# Purpose: warnings are errors on every preset, and the sanitizer switch.
# Third-party sources (Dear ImGui) are compiled in their own target with warnings off;
# their headers come in as SYSTEM includes so they cannot trip our -Werror either.
add_compile_options(
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wformat=2 -Wimplicit-fallthrough)

if(ASTRADIA_SANITIZE)
  list(JOIN ASTRADIA_SANITIZE "," _san)
  add_compile_options(-fsanitize=${_san} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_san})
endif()

if(ASTRADIA_FUZZ)
  # Coverage instrumentation for everything libFuzzer drives (the engine included).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Debug builds check the standard library's preconditions (std::array and std::vector
# indices, front() of an empty container...): an out-of-range index aborts at once
# instead of reading a neighbour. Release builds (benchmarks, the site) do not pay for it.
if(NOT EMSCRIPTEN)
  add_compile_definitions($<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
endif()
