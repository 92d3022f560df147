# Purpose: `astradia bricks` end to end (included by tests/cli/CMakeLists.txt, so on
# every preset, under node for wasm): play with piped moves and --auto, replays of
# fixture files, good and bad.
set(_bfx ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/bricks)
set(_brun ${CMAKE_CURRENT_SOURCE_DIR}/bricks_run.cmake)

function(bricks_cli_test name)
  cmake_parse_arguments(T "" "INPUT;CODE;STDOUT;STDOUT2;STDERR" "ARGS" ${ARGN})
  list(JOIN T_ARGS "|" _args)
  set(_defs "-DCMD=${_cli_words}" "-DARGS=${_args}" "-DEXPECT_CODE=${T_CODE}")
  foreach(_k INPUT STDOUT STDOUT2 STDERR)
    if(DEFINED T_${_k})
      if(_k STREQUAL "INPUT")
        list(APPEND _defs "-DINPUT=${T_INPUT}")
      else()
        list(APPEND _defs "-DEXPECT_${_k}=${T_${_k}}")
      endif()
    endif()
  endforeach()
  add_test(NAME "cli: bricks ${name}" COMMAND ${CMAKE_COMMAND} ${_defs} -P ${_brun})
endfunction()

bricks_cli_test("play reads moves from a pipe"
  ARGS bricks play --seed 1 INPUT ${_bfx}/play_seed1.txt CODE 0
  STDOUT "illegal move \\[bricks.overlap\\].*hint: [0-9] [0-9] [0-9].*undone.*not a move.*\\[0\\] v4 +\\[1\\] sq3 +\\[2\\] v2"
  STDOUT2 "stopped: seed 1, score 18, placements 3, lines 0\n$")
bricks_cli_test("play --auto plays and prints as it goes"
  ARGS bricks play --seed 2 --auto --max-placements 6 CODE 0
  STDOUT "move [0-2] [0-9] [0-9]\nmove [0-2] [0-9] [0-9]\nmove [0-2] [0-9] [0-9]\n    0 1 2 3 4 5 6 7 8 9\n.*score [0-9]+  best"
  STDOUT2 "stopped: seed 2, score [0-9]+, placements 6, lines [0-9]+\n$")
bricks_cli_test("play --auto --quiet prints only the result"
  ARGS bricks play --seed 2 --auto --quiet --max-placements 45 CODE 0
  STDOUT "^stopped: seed 2, score [0-9]+, placements 45, lines [0-9]+\n$")
bricks_cli_test("play rejects a bad seed"
  ARGS bricks play --seed minus-one CODE 2 STDERR "--seed expects a non-negative integer")
bricks_cli_test("replay verifies a good replay"
  ARGS bricks replay ${_bfx}/good.replay CODE 0
  STDOUT "good.replay: ok, 10x10 board, 19 shapes, seed 5, 30 moves, score 202, lines 9, in progress")
bricks_cli_test("replay rejects an edited score"
  ARGS bricks replay ${_bfx}/edited-score.replay CODE 1 STDERR "302 recorded, 202 replayed.*bricks.mismatch")
bricks_cli_test("replay rejects an edited move"
  ARGS bricks replay ${_bfx}/edited-move.replay CODE 1 STDERR "Move 2 .* is illegal.*bricks.history")
bricks_cli_test("replay rejects a truncated file"
  ARGS bricks replay ${_bfx}/truncated.replay CODE 1 STDERR "save.syntax")
bricks_cli_test("replay of a missing file is an error"
  ARGS bricks replay ${_bfx}/missing.replay CODE 1 STDERR "cannot open")
bricks_cli_test("bench rejects unknown benchmarks"
  ARGS bricks bench nonsense CODE 2 STDERR "unknown benchmark nonsense")
