// Purpose: the Sudoku game session, the model the UI drives. Moves are values; apply()
// is the pure rule "state + move -> next state or Error"; Session owns one game: the
// state, undo/redo history, mistakes, hints used, the clock (time comes from the caller
// in milliseconds; the session never reads a clock), and saving to / loading from a
// sealed, versioned JSON save (kind "sudoku-game").
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/document.hpp"
#include "engine/core/expected.hpp"
#include "engine/sudoku/grid.hpp"
#include "engine/sudoku/level.hpp"

namespace astradia::sudoku {

// Pencil marks of one cell: bit d - 1 set when digit d is noted.
using NoteMask = std::uint16_t;
constexpr NoteMask kAllNotes = 0x1FF;

// What the player has written: what undo and redo restore.
struct Board {
    Grid entries;                        // the player's digits (0 = empty); never on a given
    std::array<NoteMask, kCells> notes{};  // pencil marks; only on cells without a digit
    bool operator==(const Board&) const = default;
};

enum class MoveKind : std::uint8_t {
    place,       // write `digit` in `cell` (replacing the player's digit there); the cell's
                 // notes go, and `digit` leaves the notes of the cell's 20 peers
    erase,       // clear the player's digit and the notes of `cell`
    note,        // toggle the pencil mark `digit` in the empty `cell`
    auto_notes,  // note every candidate in every empty cell (digits no peer holds)
};

struct Move {
    MoveKind kind = MoveKind::place;
    std::uint8_t cell = 0;   // 0..80 (unused by auto_notes)
    std::uint8_t digit = 0;  // 1..9 for place and note, else 0
    // place only: leave the digit in its peers' notes (the player's "remove notes when
    // a digit is placed" setting is off). Part of the move, so undo, redo and a saved
    // history replay exactly what the player saw, whatever the setting is now.
    bool keep_peer_notes = false;
    bool operator==(const Move&) const = default;

    static Move place(int cell, int digit, bool keep_peer_notes = false);
    static Move erase(int cell);
    static Move note(int cell, int digit);
    static Move auto_notes();
};

enum class Status : std::uint8_t { playing, won, lost };

struct Rules {
    int mistake_limit = 0;  // 0: no limit; N: the N-th mistake loses the game (at most 99)
    bool operator==(const Rules&) const = default;
};

// One moment of a game.
struct State {
    Grid givens;
    Grid solution;  // the puzzle's only solution; mistakes are digits that differ from it
    Board board;
    Rules rules;
    int mistakes = 0;    // wrong digits placed so far (undo does not give them back)
    int hints_used = 0;  // hints taken so far (undo does not give them back)
    int undos = 0;       // moves taken back by undo so far (for the site's statistics)
    Status status = Status::playing;
    bool operator==(const State&) const = default;

    // The digit shown in a cell: the given, else the player's entry, else 0.
    std::uint8_t digit(int cell) const { return givens[cell] != 0 ? givens[cell] : board.entries[cell]; }
};

// What a played move did, for the UI's feedback.
struct Outcome {
    bool mistake = false;  // the move placed a digit that differs from the solution
    Status status = Status::playing;
};

// The state after `move`. Errors (code, then meaning):
//   sudoku.move.over    the game is won or lost
//   sudoku.move.cell    cell outside 0..80;  sudoku.move.digit  digit outside 1..9
//   sudoku.move.given   the cell holds a given
//   sudoku.move.filled  a note on a cell that holds a digit
//   sudoku.move.noop    the move would change nothing
Expected<State> apply(const State& state, const Move& move);

// The board after `move`, ignoring mistakes and the game's status (the same errors
// as apply() except sudoku.move.over). Replays of the history use it.
Expected<Board> apply_to_board(const Grid& givens, const Board& board, const Move& move);

// Cells whose digit (given or entry) repeats in their row, column or box.
std::bitset<kCells> conflicts(const State& state);

// Digits that no peer of `cell` holds (given or entry), as a note mask; 0 for a cell
// that holds a digit.
NoteMask candidates(const State& state, int cell);

// How a new game is set up (valid by default).
struct NewGame {
    Level level = Level::easy;
    // e.g. "daily-2026-11-21", "hard-42", or an imported puzzle's 81 cells: carried along,
    // at most kMaxGameId characters
    std::string game_id;
    Rules rules;
};

constexpr std::size_t kMaxGameId = 96;

class Session {
public:
    static constexpr std::size_t kMaxHistory = 20000;  // moves kept for undo; older ones are folded in

    // A new game on `puzzle`, paused at 0 ms. Errors: sudoku.start.rules (a repeated
    // digit), sudoku.start.unsolvable, sudoku.start.ambiguous (several solutions),
    // sudoku.start.options (game id too long, mistake limit outside 0..99).
    static Expected<Session> start(const Grid& puzzle, const NewGame& game);

    // Reads a save's opened envelope (kGameDocument; open_document() opens its text).
    // Errors: save.format (a field missing or of the wrong type or range) and
    // save.inconsistent (entries on givens, notes on filled cells, a solution that does
    // not solve the givens, a history that does not replay, a status that does not
    // follow from the board); never a half-loaded game. The loaded game is paused.
    static Expected<Session> load(const Sealed& opened);

    // The save's payload, with the clock read at now_ms; save() seals it.
    Json payload(std::int64_t now_ms) const;
    std::string save(std::int64_t now_ms) const;

    const State& state() const { return state_; }
    Level level() const { return level_; }
    const std::string& game_id() const { return game_id_; }

    // Plays a move (errors: those of apply()). A move while paused resumes the clock;
    // a move that ends the game stops it.
    Expected<Outcome> play(const Move& move, std::int64_t now_ms);
    // Plays the move a hint produced: like play(), and counts the hint.
    Expected<Outcome> play_hint(const Move& move, std::int64_t now_ms);
    // The move the last hint produced, if any.
    const std::optional<Move>& last_hint() const { return last_hint_; }

    bool can_undo() const { return state_.status == Status::playing && cursor_ > 0; }
    bool can_redo() const { return state_.status == Status::playing && cursor_ < moves_.size(); }
    // Takes back / plays again one move (the board only: mistakes and hints stay).
    // Errors: sudoku.undo.none / sudoku.redo.none, sudoku.move.over.
    Expected<Outcome> undo();
    Expected<Outcome> redo(std::int64_t now_ms);

    // The clock. Time that goes backwards counts as no time.
    void resume(std::int64_t now_ms);
    void pause(std::int64_t now_ms);
    bool paused() const { return !running_; }
    std::int64_t elapsed_ms(std::int64_t now_ms) const;

    // The cell the player has selected: not game state (undo leaves it alone), but kept
    // with the game so a reload puts the player back where they were. 40 (the centre)
    // for a new game and for saves from before it was kept. A cell outside 0..80 is ignored.
    int selected() const { return selected_; }
    void select(int cell);
    // Whether the player has done anything a replacement would throw away: a move (even
    // one undone since), a mistake or a hint. A game only opened has nothing to lose.
    bool has_progress() const { return !moves_.empty() || state_.mistakes > 0 || state_.hints_used > 0; }

    // The moves that undo can take back (the first `undo_depth()` of history()) and
    // those redo can play again (the rest).
    const std::vector<Move>& history() const { return moves_; }
    std::size_t undo_depth() const { return cursor_; }

private:
    Session() = default;
    Expected<Outcome> play_counted(const Move& move, std::int64_t now_ms, bool hint);
    void stop_if_over(std::int64_t now_ms);
    // The board after the first n moves of the history, replayed from the nearest checkpoint.
    Expected<Board> board_at(std::size_t n) const;
    void note_checkpoint();        // records state_.board when the undo depth is a checkpoint
    void rebuild_checkpoints();

    static constexpr std::size_t kCheckpointEvery = 64;

    State state_;
    Level level_ = Level::easy;
    std::string game_id_;
    Board base_;               // the board history starts from
    std::vector<Move> moves_;  // history: moves_[0, cursor_) are applied, the rest can be redone
    std::size_t cursor_ = 0;
    std::vector<Board> checkpoints_{Board{}};  // [k]: the board after k * kCheckpointEvery moves
    std::optional<Move> last_hint_;
    std::int64_t elapsed_ms_ = 0;  // time counted up to the last pause (or resume)
    std::int64_t since_ms_ = 0;    // when the clock last resumed
    bool running_ = false;
    int selected_ = 40;
};

// A game in progress, saved after every move: kind "sudoku-game".
inline constexpr DocumentType<Session> kGameDocument{"sudoku-game", 1, &Session::load};

inline std::string Session::save(std::int64_t now_ms) const { return seal_document(kGameDocument, payload(now_ms)); }

}  // namespace astradia::sudoku
