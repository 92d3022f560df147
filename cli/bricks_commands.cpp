// Purpose: `astradia bricks`: play (interactive, piped or --auto), replay (verify a
// replay file), bench (engine speed, hint latency, autoplayer strength) and tune
// (the seeded search that chose the autoplayer's weights).
#include <algorithm>
#include <array>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/bricks_auto.hpp"
#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "engine/bricks/ai.hpp"
#include "engine/bricks/game.hpp"
#include "engine/bricks/replay.hpp"
#include "engine/bricks/session.hpp"
#include "engine/core/random.hpp"

namespace astradia::cli {
namespace {

using bricks::Bits;
using bricks::Move;
using bricks::Planner;
using bricks::Ruleset;
using bricks::Session;
using bricks::State;

// --- small helpers --------------------------------------------------------------

bool write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double frac = pos - static_cast<double>(i);
    return i + 1 < v.size() ? v[i] * (1 - frac) + v[i + 1] * frac : v[i];
}

// Options of the form --name value or --flag; positional words are kept in order.
struct Options {
    std::vector<std::string> words;
    std::vector<std::pair<std::string, std::string>> values;
    std::vector<std::string> flags;
    std::string error;

    bool flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }
    const std::string* value(const std::string& name) const {
        for (const auto& [k, v] : values) {
            if (k == name) return &v;
        }
        return nullptr;
    }
    // Reads an unsigned option; false (with error set) when it is malformed.
    bool u64(const std::string& name, std::uint64_t& out) {
        const std::string* v = value(name);
        if (v == nullptr) return true;
        if (!parse_u64(*v, out)) {
            error = "--" + name + " expects a non-negative integer";
            return false;
        }
        return true;
    }
};

Options parse_options(const Args& args, std::size_t first, const std::vector<std::string>& with_value,
                      const std::vector<std::string>& flags) {
    Options o;
    for (std::size_t i = first; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            o.words.push_back(a);
            continue;
        }
        const std::string name = a.substr(2);
        if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
            if (i + 1 >= args.size()) {
                o.error = a + " needs a value";
                return o;
            }
            o.values.emplace_back(name, args[++i]);
        } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            o.flags.push_back(name);
        } else {
            o.error = "unknown option " + a;
            return o;
        }
    }
    return o;
}

// --- text display ---------------------------------------------------------------

void print_board(const Ruleset& rules, const State& state) {
    std::printf("   ");
    for (int c = 0; c < rules.cols(); ++c) std::printf(" %x", c);
    std::printf("\n");
    for (int r = 0; r < rules.rows(); ++r) {
        std::printf("%2x ", r);
        for (int c = 0; c < rules.cols(); ++c) {
            const int i = r * rules.cols() + c;
            std::printf(" %c", state.board.test(i) ? '#' : (state.last_cleared.test(i) ? '*' : '.'));
        }
        std::printf("\n");
    }
}

void print_tray(const Ruleset& rules, const State& state) {
    int height = 1;
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int s = state.tray[static_cast<std::size_t>(i)];
        if (s != bricks::kEmptySlot) height = std::max(height, rules.shape(s).height);
    }
    constexpr int kColumn = 14;
    std::string header;
    std::vector<std::string> lines(static_cast<std::size_t>(height));
    for (int i = 0; i < rules.tray_size(); ++i) {
        const int s = state.tray[static_cast<std::size_t>(i)];
        // Appended piece by piece: GCC 12 -O3 reports a false -Wrestrict on the chained '+'.
        std::string title = "[";
        title += std::to_string(i);
        title += "] ";
        title += s == bricks::kEmptySlot ? std::string("placed") : rules.shape(s).name;
        title.resize(kColumn, ' ');
        header += title;
        for (int r = 0; r < height; ++r) {
            std::string cell;
            if (s != bricks::kEmptySlot && r < rules.shape(s).height) {
                const bricks::Shape& sh = rules.shape(s);
                cell.assign(static_cast<std::size_t>(sh.width), '.');
                for (int k = 0; k < sh.size; ++k) {
                    if (sh.row_of[static_cast<std::size_t>(k)] == r) cell[static_cast<std::size_t>(sh.col_of[static_cast<std::size_t>(k)])] = '#';
                }
            }
            cell.resize(kColumn, ' ');
            lines[static_cast<std::size_t>(r)] += cell;
        }
    }
    std::printf("%s\n", header.c_str());
    for (const std::string& l : lines) std::printf("%s\n", l.c_str());
}

void print_status(const Session& session) {
    const State& s = session.state();
    std::printf("score %" PRIu64 "  best %" PRIu64 "  placements %u  lines %u", s.score, session.best_score(),
                s.placements, s.lines);
    if (s.last_lines > 0) std::printf("  (last: %u lines, +%u)", static_cast<unsigned>(s.last_lines), s.last_points);
    std::printf("\n");
}

// --- play -----------------------------------------------------------------------

const char* kPlayHelp =
    "moves: 'PIECE ROW COL' (the piece's top-left cell; rows and columns from 0)\n"
    "other: 'hint', 'undo', 'board', 'quit'\n";

int play_auto(Session& session, Planner& planner, bool quiet, std::uint64_t max_placements) {
    const Ruleset& rules = session.rules();
    while (!session.state().over && session.state().placements < max_placements) {
        const bricks::Plan plan = planner.plan(session.state());
        if (plan.moves.empty()) break;
        for (const Move& m : plan.moves) {
            Expected<State> next = session.place(m);
            if (!next) {
                std::fprintf(stderr, "astradia bricks: the autoplayer chose an illegal move: %s\n",
                             next.error().message.c_str());
                return 1;
            }
            if (!quiet) std::printf("move %d %d %d\n", m.piece, m.row, m.col);
            if (session.state().over || session.state().placements >= max_placements) break;
        }
        if (!quiet) {
            print_board(rules, session.state());
            print_status(session);
        }
    }
    return 0;
}

int play_lines(Session& session, Planner& planner) {
    const Ruleset& rules = session.rules();
    const auto show = [&] {
        print_board(rules, session.state());
        print_tray(rules, session.state());
        print_status(session);
        if (!session.state().over) std::printf("> ");
        std::fflush(stdout);
    };
    std::printf("%s", kPlayHelp);
    show();
    if (session.state().over) return 0;
    for_each_line({}, [&](const InputLine& line) {
        std::istringstream in(line.text);
        std::string first;
        if (!(in >> first)) {
            std::printf("> ");
            std::fflush(stdout);
            return true;
        }
        if (first == "quit" || first == "q") return false;
        if (first == "help") {
            std::printf("%s> ", kPlayHelp);
            std::fflush(stdout);
            return true;
        }
        if (first == "board") {
            show();
            return true;
        }
        if (first == "undo" || first == "u") {
            std::printf(session.undo() ? "undone\n" : "nothing to undo\n");
            show();
            return true;
        }
        if (first == "hint" || first == "h") {
            Expected<Move> m = planner.hint(session.state());
            if (m) std::printf("hint: %d %d %d\n> ", m->piece, m->row, m->col);
            else std::printf("hint: %s\n> ", m.error().message.c_str());
            std::fflush(stdout);
            return true;
        }
        Move move;
        std::istringstream all(line.text);
        std::string extra;
        if (!(all >> move.piece >> move.row >> move.col) || (all >> extra)) {
            std::printf("line %d: not a move: '%s' (%s)\n> ", line.number, line.text.c_str(), "expected PIECE ROW COL");
            std::fflush(stdout);
            return true;
        }
        Expected<State> next = session.place(move);
        if (!next) {
            std::printf("illegal move [%s]: %s\n> ", next.error().code.c_str(), next.error().message.c_str());
            std::fflush(stdout);
            return true;
        }
        show();
        return !session.state().over;
    });
    return 0;
}

int run_play(const Args& args) {
    Options o = parse_options(args, 1, {"seed", "max-placements", "load", "save", "replay-out"}, {"auto", "quiet"});
    std::uint64_t seed = 0;
    std::uint64_t max_placements = UINT64_MAX;
    if (o.error.empty()) o.u64("seed", seed);
    if (o.error.empty()) o.u64("max-placements", max_placements);
    if (!o.error.empty() || !o.words.empty()) {
        std::fprintf(stderr, "astradia bricks play: %s\nusage: astradia bricks play [--seed S] [--auto [--quiet] "
                             "[--max-placements N]] [--load SAVE] [--save SAVE] [--replay-out FILE]\n",
                     o.error.empty() ? "unexpected argument" : o.error.c_str());
        return 2;
    }
    Session session(bricks::classic_rules(), seed);
    if (const std::string* load = o.value("load")) {
        Expected<std::string> text = read_file(*load);
        if (!text) {
            std::fprintf(stderr, "astradia bricks play: %s\n", text.error().message.c_str());
            return 1;
        }
        Expected<Session> loaded = open_document(bricks::kGameDocument, *text);
        if (!loaded) {
            std::fprintf(stderr, "astradia bricks play: %s: %s [%s]\n", load->c_str(), loaded.error().message.c_str(),
                         loaded.error().code.c_str());
            return 1;
        }
        session = std::move(*loaded);
    }
    Planner planner(session.rules(), bricks::tuned_weights(),
                    o.flag("auto") ? bricks::autoplay_options() : bricks::hint_options());
    int status = o.flag("auto") ? play_auto(session, planner, o.flag("quiet"), max_placements) : play_lines(session, planner);
    const State& s = session.state();
    std::printf("%s: seed %" PRIu64 ", score %" PRIu64 ", placements %u, lines %u\n",
                s.over ? "game over" : "stopped", session.seed(), s.score, s.placements, s.lines);
    if (const std::string* path = o.value("save"); path && !write_text(*path, session.save())) {
        std::fprintf(stderr, "astradia bricks play: cannot write %s\n", path->c_str());
        status = 1;
    }
    if (const std::string* path = o.value("replay-out"); path && !write_text(*path, session.replay())) {
        std::fprintf(stderr, "astradia bricks play: cannot write %s\n", path->c_str());
        status = 1;
    }
    return status;
}

// --- replay ---------------------------------------------------------------------

int run_replay(const Args& args) {
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: astradia bricks replay FILE\n");
        return 2;
    }
    Expected<std::string> text = read_file(args[1]);
    if (!text) {
        std::fprintf(stderr, "astradia bricks replay: %s\n", text.error().message.c_str());
        return 1;
    }
    Expected<bricks::Replay> replay = open_document(bricks::kReplayDocument, *text);
    if (!replay) {
        std::fprintf(stderr, "%s: %s [%s]\n", args[1].c_str(), replay.error().message.c_str(),
                     replay.error().code.c_str());
        return 1;
    }
    const State& s = replay->final_state;
    std::printf("%s: ok, %dx%d board, %d shapes, seed %" PRIu64 ", %zu moves, score %" PRIu64
                ", lines %u, %s\n",
                args[1].c_str(), replay->rules.rows(), replay->rules.cols(), replay->rules.shape_count(), replay->seed,
                replay->moves.size(), s.score, s.lines, s.over ? "game over" : "in progress");
    return 0;
}

// --- bench ----------------------------------------------------------------------

// The k-th (0-based) set cell of b; precondition: k < b.count().
int nth_cell(Bits b, int k) {
    int base = 0;
    std::uint64_t w = b.lo;
    if (const int low = bricks::popcount64(b.lo); k >= low) {
        k -= low;
        w = b.hi;
        base = 64;
    }
    for (int half = 32; half > 0; half /= 2) {  // narrow down by halves
        const std::uint64_t mask = (std::uint64_t{1} << half) - 1;
        if (const int c = bricks::popcount64(w & mask); k >= c) {
            k -= c;
            w >>= half;
            base += half;
        } else {
            w &= mask;
        }
    }
    return base;
}

void bench_speed(const Ruleset& rules) {
    // Random play: a random remaining piece that fits, at a random position where it
    // fits; each placement clears lines, scores, refills and checks for game over.
    Rng rng(2024);
    std::uint64_t placements = 0;
    std::uint64_t games = 0;
    std::uint64_t checksum = 0;
    const double t0 = thread_cpu_seconds();
    double t = t0;
    while (t - t0 < 2.0) {
        for (int g = 0; g < 5000; ++g) {
            State state = bricks::new_game(rules, rng.next_u64());
            while (!state.over) {
                const Bits free = rules.full() & ~state.board;
                std::array<int, bricks::kMaxTray> slots{};
                std::array<Bits, bricks::kMaxTray> anchors{};
                int n = 0;
                for (int i = 0; i < rules.tray_size(); ++i) {
                    const int s = state.tray[static_cast<std::size_t>(i)];
                    if (s == bricks::kEmptySlot) continue;
                    anchors[static_cast<std::size_t>(n)] = rules.fitting_anchors(s, free);
                    if (anchors[static_cast<std::size_t>(n)].any()) slots[static_cast<std::size_t>(n++)] = i;
                }
                const auto pick = static_cast<std::size_t>(rng.below(static_cast<std::uint32_t>(n)));
                const Bits a = anchors[pick];
                const int anchor = nth_cell(a, static_cast<int>(rng.below(static_cast<std::uint32_t>(a.count()))));
                bricks::place_unchecked(rules, state, slots[pick], anchor);
                ++placements;
            }
            checksum += state.score;
            ++games;
        }
        t = thread_cpu_seconds();
    }
    const double secs = t - t0;
    std::printf("[bench] bricks speed: random play (a random piece that fits, at a random position where it fits;\n"
                "  each placement clears, scores, refills the tray and checks for game over)\n");
    std::printf("  %" PRIu64 " games, %" PRIu64 " placements (%.1f per game) in %.2f s CPU: %.1f M placements/s\n", games,
                placements, static_cast<double>(placements) / static_cast<double>(games), secs,
                static_cast<double>(placements) / secs * 1e-6);

    // The transition alone: the same kind of games recorded first, then replayed
    // through place_unchecked (no move choice in the timing).
    struct Recorded {
        std::uint64_t seed;
        std::vector<std::pair<int, int>> moves;
    };
    std::vector<Recorded> recorded;
    std::size_t total = 0;
    while (total < 1'000'000) {
        Recorded r{rng.next_u64(), {}};
        State state = bricks::new_game(rules, r.seed);
        while (!state.over) {
            const Bits free = rules.full() & ~state.board;
            for (int i = 0; i < rules.tray_size(); ++i) {
                const int s = state.tray[static_cast<std::size_t>(i)];
                if (s == bricks::kEmptySlot) continue;
                const Bits a = rules.fitting_anchors(s, free);
                if (a.none()) continue;
                const int anchor = nth_cell(a, static_cast<int>(rng.below(static_cast<std::uint32_t>(a.count()))));
                r.moves.emplace_back(i, anchor);
                bricks::place_unchecked(rules, state, i, anchor);
                break;
            }
        }
        total += r.moves.size();
        recorded.push_back(std::move(r));
    }
    double best = 1e9;
    for (int round = 0; round < 5; ++round) {
        const double r0 = thread_cpu_seconds();
        for (const Recorded& r : recorded) {
            State state = bricks::new_game(rules, r.seed);
            for (const auto& [piece, anchor] : r.moves) bricks::place_unchecked(rules, state, piece, anchor);
            checksum += state.score;
        }
        best = std::min(best, thread_cpu_seconds() - r0);
    }
    std::printf("  the transition alone (%zu recorded random-play placements replayed, best of 5): %.1f M placements/s\n",
                total, static_cast<double>(total) / best * 1e-6);
    std::printf("  (score checksum %" PRIu64 ")\n", checksum);
}

// Boards a hint sees in practice: the start of every 37th tray (trays 37, 74, ...) of
// games the hint itself plays (seeds 500,000 up), at most 10 boards from one game, so
// that 300 boards come from 30 games rather than the first one or two long ones.
std::vector<State> midgame_states(const Ruleset& rules, int count) {
    constexpr int kPerGame = 10;
    std::vector<State> out;
    Planner planner(rules, bricks::tuned_weights(), bricks::hint_options());
    for (std::uint64_t seed = 500'000; static_cast<int>(out.size()) < count; ++seed) {
        State state = bricks::new_game(rules, seed);
        int taken = 0;
        while (!state.over && taken < kPerGame && static_cast<int>(out.size()) < count) {
            if (state.trays > 0 && state.trays % 37 == 0) {
                out.push_back(state);
                ++taken;
            }
            const bricks::Plan plan = planner.plan(state);
            if (plan.moves.empty()) break;
            for (const Move& m : plan.moves) {
                bricks::place_unchecked(rules, state, m.piece, m.row * rules.cols() + m.col);
                if (state.over) break;
            }
        }
    }
    return out;
}

void bench_latency(const Ruleset& rules, int boards, const char* label, bricks::SearchOptions options) {
    const std::vector<State> states = midgame_states(rules, boards);
    Planner planner(rules, bricks::tuned_weights(), options);
    std::vector<double> ms;
    std::vector<double> leaves;
    double filled = 0;
    for (const State& s : states) {
        const double t0 = thread_cpu_seconds();
        const bricks::Plan p = planner.plan(s);
        ms.push_back((thread_cpu_seconds() - t0) * 1e3);
        leaves.push_back(static_cast<double>(planner.counters().leaves));
        filled += s.board.count();
        (void)p;
    }
    std::printf("[bench] bricks %s latency (beam %d, last %d): full %d-piece tray, %zu mid-game boards (every "
                "37th tray of games the hint plays, seeds 500000+, at most 10 a game; %.1f filled cells on average)\n",
                label, options.beam, options.last, rules.tray_size(), states.size(), filled / static_cast<double>(states.size()));
    std::printf("  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (CPU time per plan)\n", quantile(ms, 0.5),
                quantile(ms, 0.9), quantile(ms, 0.99), quantile(ms, 1.0));
}

void print_strength(const std::vector<GameResult>& results, std::uint64_t max_score, double wall) {
    std::vector<double> scores;
    double placements = 0;
    double cpu = 0;
    // A game reaches a mark when its score gets there; one stopped at the cap (score >= cap)
    // has got there when the cap is at or above the mark, and is unknown for a mark above it.
    int reached_100k = 0, unknown_100k = 0;
    int reached_1m = 0, unknown_1m = 0;
    int capped = 0;
    for (const GameResult& r : results) {
        scores.push_back(static_cast<double>(r.score));
        placements += r.placements;
        cpu += r.cpu;
        reached_100k += r.score >= 100'000;
        reached_1m += r.score >= 1'000'000;
        unknown_100k += r.capped && r.score < 100'000;
        unknown_1m += r.capped && r.score < 1'000'000;
        capped += r.capped;
    }
    const double n = static_cast<double>(results.size());
    double mean = 0;
    for (double s : scores) mean += s;
    mean /= n;
    std::printf("  games %zu  median %.0f  mean %.0f%s  mean placements %.0f\n", results.size(), quantile(scores, 0.5),
                mean, capped > 0 ? " (a lower bound: capped games count as their score at the cap)" : "", placements / n);
    const auto unknown = [](int k) { return k > 0 ? " (" + std::to_string(k) + " capped below it: unknown)" : std::string(); };
    std::printf("  reached 100,000: %d/%zu (%.1f%%)%s  reached 1,000,000: %d/%zu (%.1f%%)%s  capped at %" PRIu64 ": %d\n",
                reached_100k, results.size(), 100.0 * reached_100k / n, unknown(unknown_100k).c_str(), reached_1m,
                results.size(), 100.0 * reached_1m / n, unknown(unknown_1m).c_str(), max_score, capped);
    std::printf("  min %.0f  p10 %.0f  p25 %.0f  p75 %.0f  p90 %.0f  max %.0f\n", quantile(scores, 0), quantile(scores, 0.1),
                quantile(scores, 0.25), quantile(scores, 0.75), quantile(scores, 0.9), quantile(scores, 1));
    std::printf("  time: %.0f s wall, %.0f s CPU (%.2f ms CPU per tray)\n", wall, cpu,
                cpu * 1e3 / std::max(1.0, placements / 3.0));
}

int run_bench(const Args& args) {
    const std::vector<std::string> names = {"games", "first-seed", "jobs", "max-score", "boards", "rows", "cols", "beam", "last"};
    std::vector<std::string> with_value = names;
    with_value.push_back("weights");
    Options o = parse_options(args, 1, with_value, {"progress"});
    std::uint64_t values[] = {200, 1, 1, 5'000'000, 300, 10, 10, UINT64_MAX, UINT64_MAX};
    for (std::size_t i = 0; i < names.size() && o.error.empty(); ++i) o.u64(names[i], values[i]);
    const std::uint64_t games = values[0], first = values[1], jobs = values[2], max_score = values[3], boards = values[4],
                        rows = values[5], cols = values[6], beam = values[7], last = values[8];
    std::vector<std::string> what = o.words;
    if (what.empty()) what = {"speed", "latency", "strength"};
    for (const std::string& w : what) {
        if (w != "speed" && w != "latency" && w != "strength") o.error = "unknown benchmark " + w;
    }
    bricks::RulesetSpec spec = bricks::classic_spec();
    spec.rows = static_cast<int>(std::min<std::uint64_t>(rows, 99));
    spec.cols = static_cast<int>(std::min<std::uint64_t>(cols, 99));
    Expected<Ruleset> made = Ruleset::make(spec);
    if (o.error.empty() && !made) o.error = made.error().message;
    if (!o.error.empty() || games == 0 || jobs == 0 || jobs > 64 || boards == 0 || boards > 100000 ||
        (beam != UINT64_MAX && beam > 1000) || (last != UINT64_MAX && last > 1000)) {
        std::fprintf(stderr, "astradia bricks bench: %s\nusage: astradia bricks bench [speed] [latency] [strength] "
                             "[--games N] [--first-seed S] [--jobs J] [--max-score X] [--boards N] [--progress]\n"
                             "  experiments: [--rows R --cols C] (classic shapes on another board) [--beam B --last L]\n"
                             "               [--weights name=value,...] (the autoplayer's evaluation; see bricks tune)\n",
                     o.error.empty() ? "a value is out of range" : o.error.c_str());
        return 2;
    }
    bricks::Weights weights = bricks::tuned_weights();
    if (const std::string* text = o.value("weights")) {
        Expected<bricks::Weights> w = bricks::weights_from_text(*text);
        if (!w) {
            std::fprintf(stderr, "astradia bricks bench: %s\n", w.error().message.c_str());
            return 2;
        }
        weights = *w;
    }
    const Ruleset& rules = *made;
    const auto options = [&](bricks::SearchOptions base) {
        if (beam != UINT64_MAX) base.beam = static_cast<int>(beam);
        if (last != UINT64_MAX) base.last = static_cast<int>(last);
        return base;
    };
    for (const std::string& w : what) {
        if (w == "speed") bench_speed(rules);
        if (w == "latency") {
            bench_latency(rules, static_cast<int>(boards), "hint", options(bricks::hint_options()));
            if (beam == UINT64_MAX && last == UINT64_MAX) {
                bench_latency(rules, static_cast<int>(boards), "autoplayer", bricks::autoplay_options());
            }
        }
        if (w == "strength") {
            const bricks::SearchOptions search = options(bricks::autoplay_options());
            std::printf("[bench] bricks autoplayer strength: %dx%d board, %" PRIu64 " games, seeds %" PRIu64 "..%" PRIu64
                        ", beam %d, last %d, %" PRIu64 " jobs, cap %" PRIu64 " points\n",
                        rules.rows(), rules.cols(), games, first, first + games - 1, search.beam, search.last, jobs, max_score);
            std::fflush(stdout);
            const double t0 = wall_seconds();
            std::vector<std::uint64_t> seeds;
            for (std::uint64_t i = 0; i < games; ++i) seeds.push_back(first + i);
            const std::vector<GameResult> results = autoplay_many(rules, weights, search, seeds,
                                                                  AutoplayLimits{.max_score = max_score},
                                                                  static_cast<int>(jobs), o.flag("progress"));
            print_strength(results, max_score, wall_seconds() - t0);
        }
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

int run_bricks(const Args& args) {
    const std::string sub = args.empty() ? "" : args[0];
    if (sub == "play") return run_play(args);
    if (sub == "replay") return run_replay(args);
    if (sub == "bench") return run_bench(args);
    if (sub == "tune") return run_bricks_tune(args);
    std::fprintf(stderr,
                 "usage: astradia bricks play [--seed S] [--auto [--quiet]] ...\n"
                 "       astradia bricks replay FILE\n"
                 "       astradia bricks bench [speed] [latency] [strength] [--games N] [--jobs J] ...\n"
                 "       astradia bricks tune [--rows R] [--cols C] [--games N] [--iterations K] ...\n");
    return 2;
}

}  // namespace astradia::cli
