// Purpose: the list of games (see registry.hpp).
#include "shell/game/registry.hpp"

#include "shell/game/bricks_screen.hpp"
#include "shell/game/sudoku_screen.hpp"

namespace astradia::shell {

std::vector<std::unique_ptr<GameScreen>> make_games(GameContext context) {
    std::vector<std::unique_ptr<GameScreen>> games;
    games.push_back(std::make_unique<SudokuScreen>(context));
    games.push_back(std::make_unique<BricksScreen>(context));
    return games;
}

}  // namespace astradia::shell
