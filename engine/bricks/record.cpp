// Purpose: implementation of the shared record format (moves text, summaries, verification).
#include "engine/bricks/record.hpp"

namespace astradia::bricks {
namespace {

constexpr char kHex[] = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string move_name(const Move& m) {
    return "piece " + std::to_string(m.piece) + " at row " + std::to_string(m.row) + ", column " +
           std::to_string(m.col);
}

Error mismatch(std::string_view path, std::string_view field, const std::string& detail) {
    return make_error("bricks.mismatch", "The recorded " + std::string(field) + " (" + std::string(path) + "." +
                                             std::string(field) + ") does not match replaying its moves: " +
                                             detail + ".");
}

}  // namespace

std::string moves_to_text(const std::vector<Move>& moves) {
    std::string out;
    out.reserve(moves.size() * 4);
    for (const Move& m : moves) {
        if (!out.empty()) out += ' ';
        out += static_cast<char>('0' + m.piece);
        out += kHex[m.row & 15];
        out += kHex[m.col & 15];
    }
    return out;
}

Expected<std::vector<Move>> moves_from_text(std::string_view text) {
    std::vector<Move> moves;
    if (text.empty()) return moves;
    std::size_t pos = 0;
    while (true) {
        const std::size_t n = moves.size() + 1;
        const auto bad = [&](std::string_view why) {
            const std::string token(text.substr(pos, 8));
            return make_error("bricks.format", "Move " + std::to_string(n) + " of the move list (\"" + token +
                                                   "\") is not a move: " + std::string(why) + ".");
        };
        if (moves.size() >= kMaxRecordedMoves) return bad("the list is longer than a million moves");
        if (text.size() - pos < 3) return bad("a move is three characters, slot, row and column");
        const int piece = text[pos] - '0';
        const int row = hex_value(text[pos + 1]);
        const int col = hex_value(text[pos + 2]);
        if (piece < 0 || piece >= kMaxTray) return bad("the slot must be a digit 0-4");
        if (row < 0 || col < 0) return bad("row and column are hexadecimal digits 0-9, a-f");
        moves.push_back(Move{piece, row, col});
        pos += 3;
        if (pos == text.size()) break;
        if (text[pos] != ' ' || pos + 1 == text.size()) return bad("moves are separated by single spaces");
        ++pos;
    }
    return moves;
}

Expected<State> replay_moves(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves,
                             std::vector<State>* states) {
    State state = new_game(rules, seed);
    if (states != nullptr) {
        states->clear();
        states->reserve(moves.size() + 1);
        states->push_back(state);
    }
    for (std::size_t i = 0; i < moves.size(); ++i) {
        Expected<State> next = place(rules, state, moves[i]);
        if (!next) {
            return make_error("bricks.history", "Move " + std::to_string(i + 1) + " (" + move_name(moves[i]) +
                                                    ") is illegal: " + next.error().message);
        }
        state = *next;
        if (states != nullptr) states->push_back(state);
    }
    return state;
}

Json summary_to_json(const Ruleset& rules, const State& state) {
    Json tray = Json::array();
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int s = state.tray[static_cast<std::size_t>(i)];
        if (s == kEmptySlot) tray.push_back(nullptr);
        else tray.push_back(rules.shape(s).name);
    }
    return Json{{"board", board_rows(rules, state.board)},
                {"score", state.score},
                {"placements", state.placements},
                {"lines", state.lines},
                {"trays", state.trays},
                {"tray", tray},
                {"over", state.over}};
}

Expected<bool> check_summary(const Ruleset& rules, const Json& summary, const State& state, std::string_view path) {
    JsonReader r("bricks.format");
    const Json& board = r.array(summary, "board", path, static_cast<std::size_t>(rules.rows()));
    const std::uint64_t score = r.u64(summary, "score", path);
    const std::uint64_t placements = r.u64(summary, "placements", path);
    const std::uint64_t lines = r.u64(summary, "lines", path);
    const std::uint64_t trays = r.u64(summary, "trays", path);
    const Json& tray = r.array(summary, "tray", path, static_cast<std::size_t>(rules.tray_size()));
    const bool over = r.boolean(summary, "over", path);
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < board.size() && !r.failed(); ++i) {
        rows.push_back(r.string(board[i], std::string(path) + ".board[" + std::to_string(i) + "]",
                                static_cast<std::size_t>(rules.cols())));
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < tray.size() && !r.failed(); ++i) {
        names.push_back(tray[i].is_null() ? std::string()
                                          : r.string(tray[i], std::string(path) + ".tray[" + std::to_string(i) + "]", 16));
    }
    if (r.failed()) return r.error();
    if (rows != board_rows(rules, state.board)) return mismatch(path, "board", "the cells differ");
    if (score != state.score) {
        return mismatch(path, "score", std::to_string(score) + " recorded, " + std::to_string(state.score) + " replayed");
    }
    if (placements != state.placements) return mismatch(path, "placements", "the counts differ");
    if (lines != state.lines) return mismatch(path, "lines", "the counts differ");
    if (trays != state.trays) return mismatch(path, "trays", "the counts differ");
    std::vector<std::string> expected;
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int s = state.tray[static_cast<std::size_t>(i)];
        expected.push_back(s == kEmptySlot ? std::string() : rules.shape(s).name);
    }
    if (names != expected) return mismatch(path, "tray", "the pieces differ");
    if (over != state.over) return mismatch(path, "over", "the game-over flag differs");
    return true;
}

Expected<LoadedRecord> load_record(const Json& payload, std::string_view summary_key, bool keep_states) {
    JsonReader r("bricks.format");
    const Json& rules_json = r.object(payload, "rules", "payload");
    const std::uint64_t seed = r.u64(payload, "seed", "payload");
    const std::string moves_text = r.string(payload, "moves", "payload", kMaxRecordedMoves * 4);
    const Json& summary = r.object(payload, summary_key, "payload");
    if (r.failed()) return r.error();
    Expected<Ruleset> rules = rules_from_json(rules_json);
    if (!rules) return rules.error();
    Expected<std::vector<Move>> moves = moves_from_text(moves_text);
    if (!moves) return moves.error();
    LoadedRecord record{std::move(*rules), seed, std::move(*moves), {}, {}};
    Expected<State> final_state =
        replay_moves(record.rules, seed, record.moves, keep_states ? &record.states : nullptr);
    if (!final_state) return final_state.error();
    record.final_state = *final_state;
    Expected<bool> same = check_summary(record.rules, summary, *final_state, "payload." + std::string(summary_key));
    if (!same) return same.error();
    return record;
}

Json record_to_json(const Ruleset& rules, std::uint64_t seed, const std::vector<Move>& moves,
                    const State& final_state, std::string_view summary_key) {
    Json out{{"rules", rules_to_json(rules.spec())}, {"seed", seed}, {"moves", moves_to_text(moves)}};
    out[std::string(summary_key)] = summary_to_json(rules, final_state);
    return out;
}

}  // namespace astradia::bricks
