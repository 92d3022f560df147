// Purpose: the Sudoku game session (see session.hpp): the move rules, undo/redo by
// replaying the history, the clock, and the sealed save with every consistency check
// a loader needs before it hands back a game.
#include "engine/sudoku/session.hpp"

#include <algorithm>
#include <utility>

#include "engine/core/json_reader.hpp"
#include "engine/core/sealed.hpp"
#include "engine/sudoku/solver.hpp"

namespace astradia::sudoku {
namespace {

Error game_over(const State& s) {
    return make_error("sudoku.move.over", s.status == Status::won ? "The puzzle is solved." : "The game is lost.");
}

// Digits that no peer of `cell` holds, as a note mask.
NoteMask free_digits(const Grid& givens, const Grid& entries, int cell) {
    unsigned used = 0;
    for (auto p : peers()[static_cast<std::size_t>(cell)]) {
        used |= 1u << givens[p] | 1u << entries[p];
    }
    return static_cast<NoteMask>(~used >> 1 & kAllNotes);
}

bool solved(const State& s) {
    for (int c = 0; c < kCells; ++c) {
        if (s.digit(c) != s.solution[c]) return false;
    }
    return true;
}

// The status a state's board and counters imply.
Status derive_status(const State& s) {
    if (s.rules.mistake_limit > 0 && s.mistakes >= s.rules.mistake_limit) return Status::lost;
    return solved(s) ? Status::won : Status::playing;
}

const char* kind_name(MoveKind kind) {
    switch (kind) {
        case MoveKind::place: return "place";
        case MoveKind::erase: return "erase";
        case MoveKind::note: return "note";
        case MoveKind::auto_notes: return "auto_notes";
    }
    return "?";
}

const char* status_name(Status status) {
    switch (status) {
        case Status::playing: return "playing";
        case Status::won: return "won";
        case Status::lost: return "lost";
    }
    return "?";
}

// ---- save format ----------------------------------------------------------------

Json move_json(const Move& m) {
    Json j = Json::object();
    j["kind"] = kind_name(m.kind);
    if (m.kind != MoveKind::auto_notes) j["cell"] = m.cell;
    if (m.kind == MoveKind::place || m.kind == MoveKind::note) j["digit"] = m.digit;
    if (m.kind == MoveKind::place && m.keep_peer_notes) j["keep_peer_notes"] = true;
    return j;
}

Json board_json(const Board& b) {
    Json notes = Json::array();
    for (NoteMask n : b.notes) notes.push_back(n);
    return Json{{"entries", b.entries.to_string()}, {"notes", std::move(notes)}};
}

// An 81-character grid field: digits, and '.' where `allow_empty`.
Grid read_grid(JsonReader& r, const Json& parent, std::string_view key, const std::string& path, bool allow_empty) {
    Grid g;
    const std::string text = r.string(parent, key, path, kCells);
    if (r.failed()) return g;
    const std::string where = path.empty() ? std::string(key) : path + "." + std::string(key);
    if (text.size() != kCells) {
        r.fail(where, "expected 81 characters");
        return g;
    }
    for (int i = 0; i < kCells; ++i) {
        const char ch = text[static_cast<std::size_t>(i)];
        if (ch >= '1' && ch <= '9') {
            g[i] = static_cast<std::uint8_t>(ch - '0');
        } else if (!(allow_empty && ch == '.')) {
            r.fail(where, allow_empty ? "expected only 1-9 and '.'" : "expected only digits 1-9");
            return g;
        }
    }
    return g;
}

Board read_board(JsonReader& r, const Json& parent, std::string_view key) {
    Board b;
    const std::string path(key);
    const Json& j = r.object(parent, key, "");
    b.entries = read_grid(r, j, "entries", path, true);
    const Json& notes = r.array(j, "notes", path, kCells);
    if (!r.failed() && notes.size() != kCells) r.fail(path + ".notes", "expected 81 masks");
    if (r.failed()) return b;
    for (int i = 0; i < kCells; ++i) {
        b.notes[static_cast<std::size_t>(i)] = static_cast<NoteMask>(
            r.integer(notes[static_cast<std::size_t>(i)], path + ".notes[" + std::to_string(i) + "]", 0, kAllNotes));
    }
    return b;
}

Move read_move(JsonReader& r, const Json& j, const std::string& path) {
    Move m;
    const std::string kind = r.string(j, "kind", path, 16);
    if (r.failed()) return m;
    if (kind == "place" || kind == "note") {
        m.kind = kind == "place" ? MoveKind::place : MoveKind::note;
        m.cell = static_cast<std::uint8_t>(r.integer(j, "cell", path, 0, kCells - 1));
        m.digit = static_cast<std::uint8_t>(r.integer(j, "digit", path, 1, 9));
        if (m.kind == MoveKind::place && j.contains("keep_peer_notes")) {
            m.keep_peer_notes = r.boolean(j, "keep_peer_notes", path);
        }
    } else if (kind == "erase") {
        m.kind = MoveKind::erase;
        m.cell = static_cast<std::uint8_t>(r.integer(j, "cell", path, 0, kCells - 1));
    } else if (kind == "auto_notes") {
        m.kind = MoveKind::auto_notes;
    } else {
        r.fail(path + ".kind", "expected place, erase, note or auto_notes");
    }
    return m;
}

constexpr std::int64_t kMaxElapsedMs = std::int64_t{1} << 50;  // 35,000 years

Error inconsistent(const std::string& what) {
    return make_error("save.inconsistent", "The save contradicts itself: " + what + ".");
}

// The board after replaying moves[from, to) on `board`; an Error names the first move
// that does not apply.
Expected<Board> replay(const Grid& givens, Board board, const std::vector<Move>& moves, std::size_t from,
                       std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        Expected<Board> next = apply_to_board(givens, board, moves[i]);
        if (!next) {
            std::string why = next.error().message;
            if (!why.empty() && why.back() == '.') why.pop_back();
            return inconsistent("move " + std::to_string(i + 1) + " of the history does not apply (" + why + ")");
        }
        board = std::move(*next);
    }
    return board;
}

// A board fits the givens: no entry on a given, notes only on cells without a digit.
std::optional<Error> check_board(const Grid& givens, const Board& b, const char* name) {
    for (int c = 0; c < kCells; ++c) {
        if (givens[c] != 0 && b.entries[c] != 0) {
            return inconsistent(std::string(name) + " writes a digit over the given at " + cell_name(c));
        }
        if ((givens[c] != 0 || b.entries[c] != 0) && b.notes[static_cast<std::size_t>(c)] != 0) {
            return inconsistent(std::string(name) + " has notes on the filled cell " + cell_name(c));
        }
    }
    return std::nullopt;
}

}  // namespace

// ---- moves ------------------------------------------------------------------------

Move Move::place(int cell, int digit, bool keep_peer_notes) {
    return Move{MoveKind::place, static_cast<std::uint8_t>(cell), static_cast<std::uint8_t>(digit), keep_peer_notes};
}
Move Move::erase(int cell) { return Move{MoveKind::erase, static_cast<std::uint8_t>(cell), 0}; }
Move Move::note(int cell, int digit) {
    return Move{MoveKind::note, static_cast<std::uint8_t>(cell), static_cast<std::uint8_t>(digit)};
}
Move Move::auto_notes() { return Move{MoveKind::auto_notes, 0, 0}; }

Expected<Board> apply_to_board(const Grid& givens, const Board& board, const Move& move) {
    Board next = board;
    if (move.kind == MoveKind::auto_notes) {
        for (int c = 0; c < kCells; ++c) {
            if (givens[c] == 0 && board.entries[c] == 0) {
                next.notes[static_cast<std::size_t>(c)] = free_digits(givens, board.entries, c);
            }
        }
        if (next == board) return make_error("sudoku.move.noop", "Every empty cell already notes its candidates.");
        return next;
    }
    const int cell = move.cell;
    if (cell >= kCells) return make_error("sudoku.move.cell", "There is no cell " + std::to_string(cell) + ".");
    const std::string name = cell_name(cell);
    const bool wants_digit = move.kind == MoveKind::place || move.kind == MoveKind::note;
    if (wants_digit && (move.digit < 1 || move.digit > 9)) {
        return make_error("sudoku.move.digit", "A digit is 1 to 9, not " + std::to_string(move.digit) + ".");
    }
    if (move.kind != MoveKind::erase && move.kind != MoveKind::place && move.kind != MoveKind::note) {
        return make_error("sudoku.move.kind", "That is not a move.");
    }
    if (givens[cell] != 0) return make_error("sudoku.move.given", name + " holds a given.");
    const auto at = static_cast<std::size_t>(cell);
    switch (move.kind) {
        case MoveKind::place: {
            if (board.entries[cell] == move.digit) {
                return make_error("sudoku.move.noop", name + " already holds " + std::to_string(move.digit) + ".");
            }
            next.entries[cell] = move.digit;
            next.notes[at] = 0;
            const auto bit = static_cast<NoteMask>(1u << (move.digit - 1));
            if (!move.keep_peer_notes) {
                for (auto p : peers()[at]) next.notes[p] = static_cast<NoteMask>(next.notes[p] & ~bit);
            }
            return next;
        }
        case MoveKind::erase:
            if (board.entries[cell] == 0 && board.notes[at] == 0) {
                return make_error("sudoku.move.noop", name + " is already empty.");
            }
            next.entries[cell] = 0;
            next.notes[at] = 0;
            return next;
        case MoveKind::note:
            if (board.entries[cell] != 0) return make_error("sudoku.move.filled", name + " holds a digit.");
            next.notes[at] = static_cast<NoteMask>(next.notes[at] ^ (1u << (move.digit - 1)));
            return next;
        case MoveKind::auto_notes: break;
    }
    return make_error("sudoku.move.kind", "That is not a move.");
}

Expected<State> apply(const State& state, const Move& move) {
    if (state.status != Status::playing) return game_over(state);
    Expected<Board> board = apply_to_board(state.givens, state.board, move);
    if (!board) return board.error();
    State next = state;
    next.board = std::move(*board);
    if (move.kind == MoveKind::place && move.digit != state.solution[move.cell]) ++next.mistakes;
    next.status = derive_status(next);
    return next;
}

std::bitset<kCells> conflicts(const State& state) {
    std::bitset<kCells> out;
    for (const auto& house : houses()) {
        int first[10];
        std::fill(std::begin(first), std::end(first), -1);
        for (auto c : house) {
            const int d = state.digit(c);
            if (d == 0 || d > 9) continue;
            if (first[d] >= 0) {
                out.set(c);
                out.set(static_cast<std::size_t>(first[d]));
            } else {
                first[d] = c;
            }
        }
    }
    return out;
}

NoteMask candidates(const State& state, int cell) {
    if (cell < 0 || cell >= kCells || state.digit(cell) != 0) return 0;
    return free_digits(state.givens, state.board.entries, cell);
}

// ---- the session ------------------------------------------------------------------

Expected<Session> Session::start(const Grid& puzzle, const NewGame& game) {
    if (game.game_id.size() > kMaxGameId) {
        return make_error("sudoku.start.options", "A game id has at most " + std::to_string(kMaxGameId) + " characters.");
    }
    if (game.rules.mistake_limit < 0 || game.rules.mistake_limit > 99) {
        return make_error("sudoku.start.options", "The mistake limit is 0 (none) to 99.");
    }
    for (int c = 0; c < kCells; ++c) {
        if (puzzle[c] > 9) return make_error("sudoku.start.rules", cell_name(c) + " holds no digit 1-9.");
    }
    if (!consistent(puzzle)) return make_error("sudoku.start.rules", "A digit repeats in a row, column or box.");
    Grid solution;
    const int n = count_solutions(puzzle, 2, &solution);
    if (n == 0) return make_error("sudoku.start.unsolvable", "This puzzle has no solution.");
    if (n > 1) return make_error("sudoku.start.ambiguous", "This puzzle has more than one solution.");
    Session s;
    s.state_.givens = puzzle;
    s.state_.solution = solution;
    s.state_.rules = game.rules;
    s.state_.status = derive_status(s.state_);
    s.level_ = game.level;
    s.game_id_ = game.game_id;
    return s;
}

Expected<Outcome> Session::play(const Move& move, std::int64_t now_ms) { return play_counted(move, now_ms, false); }

Expected<Outcome> Session::play_hint(const Move& move, std::int64_t now_ms) {
    return play_counted(move, now_ms, true);
}

Expected<Outcome> Session::play_counted(const Move& move, std::int64_t now_ms, bool hint) {
    Expected<State> next = apply(state_, move);
    if (!next) return next.error();
    resume(now_ms);
    const bool mistake = next->mistakes > state_.mistakes;
    state_ = std::move(*next);
    moves_.resize(cursor_);  // a new move drops what could have been redone
    checkpoints_.resize(std::min(checkpoints_.size(), cursor_ / kCheckpointEvery + 1));
    moves_.push_back(move);
    ++cursor_;
    note_checkpoint();
    if (moves_.size() > kMaxHistory) {
        // Fold the oldest half into the base board: they can no longer be undone.
        const std::size_t fold = moves_.size() / 2;
        Expected<Board> base = board_at(fold);
        if (base) {
            base_ = std::move(*base);
            moves_.erase(moves_.begin(), moves_.begin() + static_cast<std::ptrdiff_t>(fold));
            cursor_ -= fold;
            rebuild_checkpoints();
        }
    }
    if (hint) {
        ++state_.hints_used;
        last_hint_ = move;
    }
    stop_if_over(now_ms);
    return Outcome{mistake, state_.status};
}

Expected<Outcome> Session::undo() {
    if (state_.status != Status::playing) return game_over(state_);
    if (cursor_ == 0) return make_error("sudoku.undo.none", "There is nothing to undo.");
    Expected<Board> board = board_at(cursor_ - 1);
    if (!board) return board.error();
    --cursor_;
    ++state_.undos;
    state_.board = std::move(*board);
    return Outcome{false, state_.status};
}

Expected<Outcome> Session::redo(std::int64_t now_ms) {
    if (state_.status != Status::playing) return game_over(state_);
    if (cursor_ == moves_.size()) return make_error("sudoku.redo.none", "There is nothing to redo.");
    Expected<Board> board = apply_to_board(state_.givens, state_.board, moves_[cursor_]);
    if (!board) return board.error();
    resume(now_ms);
    ++cursor_;
    state_.board = std::move(*board);
    note_checkpoint();
    state_.status = derive_status(state_);  // a mistake redone is not counted twice
    stop_if_over(now_ms);
    return Outcome{false, state_.status};
}

Expected<Board> Session::board_at(std::size_t n) const {
    const std::size_t k = std::min(n / kCheckpointEvery, checkpoints_.size() - 1);
    return replay(state_.givens, checkpoints_[k], moves_, k * kCheckpointEvery, n);
}

void Session::note_checkpoint() {
    if (cursor_ % kCheckpointEvery == 0 && checkpoints_.size() == cursor_ / kCheckpointEvery) {
        checkpoints_.push_back(state_.board);
    }
}

void Session::rebuild_checkpoints() {
    checkpoints_.assign(1, base_);
    Board board = base_;
    for (std::size_t i = 0; i < cursor_; ++i) {
        Expected<Board> next = apply_to_board(state_.givens, board, moves_[i]);
        if (!next) return;  // cannot happen: the history was checked when it was made
        board = std::move(*next);
        if ((i + 1) % kCheckpointEvery == 0) checkpoints_.push_back(board);
    }
}

void Session::resume(std::int64_t now_ms) {
    if (running_ || state_.status != Status::playing) return;
    running_ = true;
    since_ms_ = now_ms;
}

void Session::pause(std::int64_t now_ms) {
    if (!running_) return;
    elapsed_ms_ += std::max<std::int64_t>(0, now_ms - since_ms_);
    running_ = false;
}

std::int64_t Session::elapsed_ms(std::int64_t now_ms) const {
    return elapsed_ms_ + (running_ ? std::max<std::int64_t>(0, now_ms - since_ms_) : 0);
}

void Session::select(int cell) {
    if (cell >= 0 && cell < kCells) selected_ = cell;
}

void Session::stop_if_over(std::int64_t now_ms) {
    if (state_.status != Status::playing) pause(now_ms);
}

// ---- saving and loading -----------------------------------------------------------

Json Session::payload(std::int64_t now_ms) const {
    Json moves = Json::array();
    for (const Move& m : moves_) moves.push_back(move_json(m));
    Json payload = Json::object();
    payload["level"] = std::string(level_name(level_));
    payload["game"] = game_id_;
    payload["rules"] = Json{{"mistake_limit", state_.rules.mistake_limit}};
    payload["givens"] = state_.givens.to_string();
    payload["solution"] = state_.solution.to_string();
    payload["base"] = board_json(base_);
    payload["board"] = board_json(state_.board);
    payload["moves"] = std::move(moves);
    payload["undo_depth"] = cursor_;
    payload["mistakes"] = state_.mistakes;
    payload["hints"] = state_.hints_used;
    payload["undos"] = state_.undos;
    payload["last_hint"] = last_hint_ ? move_json(*last_hint_) : Json(nullptr);
    payload["status"] = status_name(state_.status);
    payload["elapsed_ms"] = std::clamp<std::int64_t>(elapsed_ms(now_ms), 0, kMaxElapsedMs);
    payload["selected"] = selected_;
    return payload;
}

Expected<Session> Session::load(const Sealed& opened) {
    const Json& p = opened.payload;

    JsonReader r("save.format");
    Session s;
    const std::string level = r.string(p, "level", "", 16);
    s.game_id_ = r.string(p, "game", "", kMaxGameId);
    s.state_.rules.mistake_limit = static_cast<int>(r.integer(r.object(p, "rules", ""), "mistake_limit", "rules", 0, 99));
    s.state_.givens = read_grid(r, p, "givens", "", true);
    s.state_.solution = read_grid(r, p, "solution", "", false);
    s.base_ = read_board(r, p, "base");
    const Board board = read_board(r, p, "board");
    const Json& moves = r.array(p, "moves", "", kMaxHistory);
    for (std::size_t i = 0; i < moves.size() && !r.failed(); ++i) {
        s.moves_.push_back(read_move(r, moves[i], "moves[" + std::to_string(i) + "]"));
    }
    s.cursor_ = static_cast<std::size_t>(r.integer(p, "undo_depth", "", 0, static_cast<std::int64_t>(moves.size())));
    s.state_.mistakes = static_cast<int>(r.integer(p, "mistakes", "", 0, 1000000));
    s.state_.hints_used = static_cast<int>(r.integer(p, "hints", "", 0, 1000000));
    // Saves made before undos were counted have none: 0.
    if (r.has(p, "undos")) s.state_.undos = static_cast<int>(r.integer(p, "undos", "", 0, 1000000));
    if (r.has(p, "last_hint") && !p["last_hint"].is_null()) s.last_hint_ = read_move(r, p["last_hint"], "last_hint");
    if (!r.has(p, "last_hint")) r.fail("last_hint", "is missing");
    const std::string status = r.string(p, "status", "", 16);
    s.elapsed_ms_ = r.integer(p, "elapsed_ms", "", 0, kMaxElapsedMs);
    // Saves made before the selection was kept have none: the centre, as a new game.
    if (r.has(p, "selected")) s.selected_ = static_cast<int>(r.integer(p, "selected", "", 0, kCells - 1));
    if (r.failed()) {
        return make_error("save.format", "The save is not in a format this app knows (" + r.error().message + ").");
    }
    const std::optional<Level> parsed_level = parse_level(level);
    if (!parsed_level) return make_error("save.format", "The save names an unknown level \"" + level + "\".");
    s.level_ = *parsed_level;

    // The puzzle and its solution.
    if (!consistent(s.state_.givens)) return inconsistent("a digit repeats among the givens");
    if (!solves(s.state_.givens, s.state_.solution)) return inconsistent("the solution does not solve the givens");
    if (count_solutions(s.state_.givens, 2) != 1) return inconsistent("the givens have more than one solution");
    // The boards and the history between them.
    if (auto e = check_board(s.state_.givens, s.base_, "the base board")) return *e;
    if (auto e = check_board(s.state_.givens, board, "the board")) return *e;
    Expected<Board> current = replay(s.state_.givens, s.base_, s.moves_, 0, s.cursor_);
    if (!current) return current.error();
    if (!(*current == board)) return inconsistent("the history does not lead to the board");
    if (Expected<Board> redone = replay(s.state_.givens, board, s.moves_, s.cursor_, s.moves_.size()); !redone) {
        return redone.error();
    }
    s.state_.board = board;
    // The status follows from the board and the counters.
    const Status derived = derive_status(s.state_);
    if (status != status_name(derived)) {
        return inconsistent("it says the game is " + status + " but the board and mistakes say " +
                            status_name(derived));
    }
    s.state_.status = derived;
    s.rebuild_checkpoints();
    return s;
}

}  // namespace astradia::sudoku
