# Purpose: `astradia sudoku grade|hint|generate` end to end (included by CMakeLists.txt):
# grades, hints in both languages, pinned generated puzzles, errors with file and line.
set(_logic_fx ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/sudoku_logic_puzzles.txt)
set(_se_first ".83.2..9....8..1...293....8....987...7.....6...674....3....698...2..5....1..3.54.")

add_test(NAME "cli: sudoku grade prints level, score and hardest technique" COMMAND ${_cli} sudoku grade ${_se_first})
set_tests_properties("cli: sudoku grade prints level, score and hardest technique" PROPERTIES
  PASS_REGULAR_EXPRESSION "^extreme 7.2 aic\n$")
# Bad lines are reported with file and line; the good ones still get their grade; exit 1.
add_test(NAME "cli: sudoku grade skips bad lines and names them"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|grade|${_logic_fx}" -DEXPECT_CODE=1
                 "-DEXPECT_STDOUT=^easy 2.3 naked_single\nextreme 7.2 aic\n$"
                 "-DEXPECT_STDERR=sudoku_logic_puzzles.txt:4: the puzzle has more than one solution\n.*sudoku_logic_puzzles.txt:6: expected 81 cells, found 5"
                 -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
add_test(NAME "cli: sudoku hint gives the next step in English and Russian" COMMAND ${_cli} sudoku hint ${_se_first})
set_tests_properties("cli: sudoku hint gives the next step in English and Russian" PROPERTIES
  PASS_REGULAR_EXPRESSION "^hidden_single: In box 2, 9 fits only in row 2, column 6: [^|]+ \\| В блоке 2 цифре 9 есть место только в одной клетке \\(строка 2, столбец 6\\)")
add_test(NAME "cli: sudoku hint points at a wrong digit"
         COMMAND ${_cli} sudoku hint "${_se_first} 583.2..9....8..1...293....8....987...7.....6...674....3....698...2..5....1..3.54.")
set_tests_properties("cli: sudoku hint points at a wrong digit" PROPERTIES
  PASS_REGULAR_EXPRESSION "^wrong_entry: The 5 in row 1, column 1 is wrong")
add_test(NAME "cli: sudoku hint rejects malformed notes"
         COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|hint|${_se_first} ${_se_first} 1,2,3" -DEXPECT_CODE=1
                 "-DEXPECT_STDERR=<argument 1>:1: the notes need 81 comma-separated groups" -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
add_test(NAME "cli: sudoku generate pins seed to puzzle" COMMAND ${_cli} sudoku generate --level medium --seed 5 --count 2)
set_tests_properties("cli: sudoku generate pins seed to puzzle" PROPERTIES PASS_REGULAR_EXPRESSION
  "^medium-5 3\\.\\.72\\.\\.\\.1\\.\\.8\\.\\.5\\.4\\.\\.\\.\\.\\.9\\.7\\.\\.8\\.\\.\\.\\.\\.3\\.2\\.\\.92\\.36\\.\\.1\\.2\\.\\.\\.\\.\\.8\\.\\.6\\.4\\.\\.\\.\\.\\.2\\.8\\.\\.1\\.\\.5\\.\\.\\.32\\.\\.4\nmedium-6 \\.\\.845\\.\\.\\.64\\.3\\.16\\.\\.\\.\\.\\.9\\.\\.\\.\\.4\\.\\.42\\.\\.\\.\\.\\.\\.\\.\\.\\.3\\.2\\.\\.\\.\\.\\.\\.\\.\\.\\.17\\.\\.8\\.\\.\\.\\.7\\.\\.\\.\\.\\.78\\.5\\.45\\.\\.\\.418\\.\\.\n$")
add_test(NAME "cli: sudoku generate --daily" COMMAND ${_cli} sudoku generate --daily 2026-11-21)
set_tests_properties("cli: sudoku generate --daily" PROPERTIES PASS_REGULAR_EXPRESSION
  "^expert-10073753164549356218 \\.2\\.\\.5\\.\\.7\\.7\\.\\.\\.\\.\\.\\.\\.9\\.9\\.7\\.\\.53\\.\\.\\.\\.3\\.1\\.4\\.9\\.\\.\\.\\.\\.\\.\\.2\\.3\\.6\\.5\\.\\.\\.\\.17\\.\\.3\\.5\\.2\\.\\.\\.\\.\\.\\.\\.3\\.6\\.\\.8\\.\\.2\\.\n$")
foreach(_bad "--level|insane" "--level|hard|--seed|-1" "--level|hard|--count|0" "--daily|2026-02-30" "--seed|5")
  string(REPLACE "|" " " _name "${_bad}")
  add_test(NAME "cli: sudoku generate usage error ${_name}"
           COMMAND ${CMAKE_COMMAND} "-DCMD=${_cli_words}" "-DARGS=sudoku|generate|${_bad}" -DEXPECT_CODE=2
                   -P ${CMAKE_SOURCE_DIR}/cmake/expect_run.cmake)
endforeach()
