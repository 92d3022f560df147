// Purpose: the Bricks screen's drawing and input: the board, the tray of three, a
// dragged piece with its ghost snapped to the grid (green where it fits, none where
// it does not) and the lines its drop would clear, the clear animation, score and
// best, the optional glowing hint, keyboard selection, and the game-over dialog.
// Reads a view model; returns intents. Never changes game state itself.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "engine/bricks/game.hpp"
#include "engine/bricks/ruleset.hpp"
#include "engine/bricks/stats.hpp"
#include "shell/ui/ui.hpp"

namespace astradia::shell {

struct BricksLayout {
    ImVec2 board;              // top-left, device px
    float board_size = 0;
    float cell = 0;            // board_size / cols
    std::array<ImVec2, 5> slot{};  // tray slots' top-left
    ImVec2 slot_size;
    float tray_cell = 0;       // a tray piece's cell size
    ImVec2 score;              // where the score line starts
    float score_width = 0;
    bool side_panel = false;
};
BricksLayout bricks_layout(const Ui& ui, const bricks::Ruleset& rules);

// Where a dragged piece would land: the board cell under its top-left corner, for a
// pointer at `pointer` holding the piece at `grab` (in cells from its top-left), lifted
// `lift` device px above a finger. nullopt when that corner is off the board.
struct Anchor {
    int row = 0;
    int col = 0;
};
std::optional<Anchor> snap(const BricksLayout& L, const bricks::Shape& shape, ImVec2 pointer, ImVec2 grab, float lift);

// The engine's answer for the piece in hand (on the board, fits, its cells, the lines it
// would clear) and where on the board it was asked for.
struct BricksPreview : bricks::Preview {
    Anchor at;
};

struct BricksViewModel {
    const bricks::Ruleset* rules = nullptr;
    const bricks::State* state = nullptr;
    const bricks::CellShapes* shapes = nullptr;  // which shape put each brick down (colours)
    std::uint64_t best = 0;
    // Dragging (or the keyboard's chosen piece)
    int held = -1;            // tray slot being dragged or chosen, -1 none
    bool dragging = false;
    ImVec2 pointer;           // device px
    ImVec2 grab;              // cells from the piece's top-left
    float lift = 0;           // device px above the pointer (touch)
    BricksPreview preview;
    // Feedback
    bricks::Bits clearing_now;   // cells of the last clear, fading
    float clear_t = 1;           // 0 .. 1 through the clear animation
    std::optional<bricks::Move> hint;
    bool over = false;
    bool new_record = false;
};

struct BricksIntent {
    enum Kind { pick, drop, cancel, choose, nudge, place_chosen, new_game, back, menu } kind;
    int slot = -1;
    ImVec2 grab = ImVec2(0, 0);  // pick: where in the piece it was taken (cells)
    int drow = 0;     // nudge
    int dcol = 0;
};

std::vector<BricksIntent> draw_bricks_view(const Ui& ui, const BricksViewModel& m);

// The start screen's Bricks card: Continue and New game when there is a game to continue,
// else New game alone (a greyed-out Continue read as a second, broken button); the best score.
struct BricksCardModel {
    bool can_continue = false;
    std::uint64_t best = 0;
};
enum class BricksCardAction { none, continue_game, new_game };
BricksCardAction draw_bricks_card(const Ui& ui, float width, const BricksCardModel& m);

// Bricks' part of Statistics and of How to play.
void draw_bricks_statistics(const Ui& ui, const bricks::Stats& stats);
void draw_bricks_help(const Ui& ui);

}  // namespace astradia::shell
