// Purpose: the Bricks screen's drawing and input: the board, the tray of three (pieces that
// fit nowhere dimmed), a dragged piece with its ghost snapped to the grid (green where it
// fits, none where it does not) and the lines its drop would clear, the clear animation
// (the cleared bricks go in a wave from the placement), "+N" score pop-ups and call-outs for
// several lines or a streak, score and best, the suggested move (the Hint button, or always
// by a setting), keyboard selection, the pause sheet (Escape), and game over in two steps:
// the board with the pieces that no longer fit, then the dialog. Reads a view model;
// returns intents. Never changes game state itself.
#pragma once

#include <array>
#include <optional>
#include <string>
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
    bool side_panel = false;   // landscape: the board left, score and tray right
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

// Text rising from the board after a placement ("+15", "2 lines!"), at a point in board
// cells (column, row as floats), `t` 0..1 through its life.
struct BricksPop {
    std::string text;
    float col = 0;
    float row = 0;
    float t = 0;
    bool callout = false;  // a call-out (several lines, a streak): larger, in a pill
};

// Milliseconds the feedback lasts (full motion / reduced motion).
inline constexpr double kBricksClearMs = 520;
inline constexpr double kBricksClearReducedMs = 200;
inline constexpr double kBricksPopMs = 900;
inline constexpr double kBricksOverBoardMs = 1600;  // game over: the board and why, before the dialog

struct BricksViewModel {
    const bricks::Ruleset* rules = nullptr;
    const bricks::State* state = nullptr;
    const bricks::CellShapes* shapes = nullptr;  // which shape put each brick down (colours)
    std::uint64_t best = 0;
    std::array<bool, 5> fits{};  // each tray piece fits somewhere (dimmed when not)
    // Dragging (or the keyboard's chosen piece)
    int held = -1;            // tray slot being dragged or chosen, -1 none
    bool dragging = false;
    ImVec2 pointer;           // device px
    ImVec2 grab;              // cells from the piece's top-left
    float lift = 0;           // device px above the pointer (touch)
    BricksPreview preview;
    // Feedback
    bricks::Bits clearing_now;                  // cells of the last clear
    bricks::CellShapes clearing_shapes{};       // the shape each of them came from (its colour)
    float clear_origin_col = 0;                 // the placed piece's centre, in cells: the wave starts there
    float clear_origin_row = 0;
    float clear_ms = 1e9f;                      // milliseconds since the clear
    std::vector<BricksPop> pops;
    std::optional<bricks::Move> hint;  // shown on the board and the tray
    bool hint_available = false;       // the Hint button can show one
    bool paused = false;
    bool over = false;
    bool over_dialog = false;          // game over: the dialog is up (else the board and why)
    bool new_record = false;
};

struct BricksIntent {
    enum Kind { pick, drop, cancel, choose, nudge, place_chosen, new_game, back, menu, hint, pause, resume,
                show_result } kind;
    int slot = -1;
    ImVec2 grab = ImVec2(0, 0);  // pick: where in the piece it was taken (cells)
    int drow = 0;     // nudge
    int dcol = 0;
};

std::vector<BricksIntent> draw_bricks_view(const Ui& ui, const BricksViewModel& m);

// The colour of a brick of shape `shape` (by its family: a shape and its turns share one).
ImU32 bricks_shape_colour(const Ui& ui, const bricks::Ruleset& rules, int shape);

// The start screen's Bricks card: Continue and New game when there is a game to continue,
// else New game alone (a greyed-out Continue read as a second, broken button); the best score.
struct BricksCardModel {
    bool can_continue = false;
    std::uint64_t best = 0;
};
enum class BricksCardAction { none, continue_game, new_game };
BricksCardAction draw_bricks_card(const Ui& ui, float width, const BricksCardModel& m);

// Bricks' part of Statistics and of How to play (the keys only where there is a keyboard).
void draw_bricks_statistics(const Ui& ui, const bricks::Stats& stats);
void draw_bricks_help(const Ui& ui);

}  // namespace astradia::shell
