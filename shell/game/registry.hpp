// Purpose: the games, in the order of their cards on the start screen: the one list a new
// game joins (its screen implements shell/game/game_screen.hpp). The app knows no game by
// name beyond this list.
#pragma once

#include <memory>
#include <vector>

#include "shell/game/game_screen.hpp"

namespace astradia::shell {

std::vector<std::unique_ptr<GameScreen>> make_games(GameContext context);

}  // namespace astradia::shell
