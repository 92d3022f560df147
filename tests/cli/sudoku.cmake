# Purpose: `astradia sudoku` end to end (included by CMakeLists.txt): solutions, counts,
# errors that name their file and line, exit codes.
set(_sudoku_fx ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/sudoku_puzzles.txt)
set(_classic "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79")

add_test(NAME "cli: sudoku solve prints the solution" COMMAND ${_cli} sudoku solve ${_classic})
set_tests_properties("cli: sudoku solve prints the solution" PROPERTIES
  PASS_REGULAR_EXPRESSION "^534678912672195348198342567859761423426853791713924856961537284287419635345286179\n$")

# The fixture's last line is bad: the others still get their line, and the exit code is 1.
add_test(NAME "cli: sudoku count prints 1, 3+ and 0"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|count|--limit|3|${_sudoku_fx}"
                 -DEXPECT_CODE=1 "-DEXPECT_STDOUT=^1\n3\\+\n0\n$" -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
add_test(NAME "cli: sudoku errors name the file and line"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|solve|${_sudoku_fx}" -DEXPECT_CODE=1
                 "-DEXPECT_STDERR=sudoku_puzzles.txt:6: bad character 'x' at position 49 \\(line 1, column 49\\)"
                 -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
add_test(NAME "cli: sudoku solve says when there is no solution"
         COMMAND ${_cli} sudoku solve "12345678.........9...............................................................")
set_tests_properties("cli: sudoku solve says when there is no solution" PROPERTIES PASS_REGULAR_EXPRESSION "^no solution\n$")
add_test(NAME "cli: sudoku count --limit 0 is a usage error"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|count|--limit|0|${_classic}" -DEXPECT_CODE=2
                 -DEXPECT_STDERR=--limit -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
add_test(NAME "cli: sudoku unknown subcommand is a usage error"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" -DARGS=sudoku|frobnicate -DEXPECT_CODE=2
                 "-DEXPECT_STDERR=unknown subcommand" -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)

# The benchmark prints tdoku's figure as a labelled reference, never a ratio to it (a ratio
# is only printed when both sides are timed in the same run).
add_test(NAME "cli: sudoku bench labels the tdoku reference and prints no ratio to it"
         COMMAND ${_cli} sudoku bench --runs 1 --mode unique --set kaggle_first10000)
set_tests_properties("cli: sudoku bench labels the tdoku reference and prints no ratio to it" PROPERTIES
  PASS_REGULAR_EXPRESSION "NOT in this run.*kaggle_first10000 +10000 unique +[0-9]+/s +[0-9.]+ +684000/s\n"
  FAIL_REGULAR_EXPRESSION "[0-9]x\n;ratio")

# The benchmarks' QQWing peer (native release, where libqqwing is installed): both sides
# agree on every count (else exit 1), and the generator side makes a puzzle of every level.
if(TARGET astradia-vs-qqwing)
  add_test(NAME "cli: vs-qqwing solve agrees with QQWing on the counts of 500 puzzles of two sets"
           COMMAND astradia-vs-qqwing solve --runs 1 --sample 500 --set 17_clue --set serg_benchmark)
  set_tests_properties("cli: vs-qqwing solve agrees with QQWing on the counts of 500 puzzles of two sets" PROPERTIES
    PASS_REGULAR_EXPRESSION "17_clue +500 +[0-9]+/s +[0-9]+/s +[0-9.]+x\n.*serg_benchmark +500 ")
  add_test(NAME "cli: vs-qqwing generate times both generators at every level"
           COMMAND astradia-vs-qqwing generate --count 2)
  set_tests_properties("cli: vs-qqwing generate times both generators at every level" PROPERTIES
    PASS_REGULAR_EXPRESSION "ours +extreme +p50.*qqwing +expert +p50")
endif()
