// Purpose: the Bricks screen's controller (see bricks_screen.hpp).
#include "shell/game/bricks_screen.hpp"

#include <algorithm>
#include <random>

#include "shell/audio.hpp"
#include "shell/i18n.hpp"
#include "shell/usage.hpp"

namespace astradia::shell {
namespace {

std::uint64_t random_seed() {
    std::random_device entropy;
    return ((std::uint64_t{entropy()} << 32) ^ entropy()) % 1'000'000'000'000ull;
}

// A Bricks seed as written in a link: 1 to 19 decimal digits.
std::optional<std::uint64_t> parse_seed(std::string_view text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t seed = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        seed = seed * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return seed;
}

}  // namespace

Reloaded BricksScreen::reload() {
    Reloaded out;
    const bool first = !loaded_;  // a new screen reads everything; later only what changed
    loaded_ = true;
    if (first || ctx_.store->changed(kStats.slot)) {
        stats_ = bricks::Stats{};
        Opened<bricks::Stats> s = ctx_.store->open(kStats);
        if (s.value) stats_ = *s.value;
        if (s.damage) out.damaged = "storage.what.bricks";
    }
    if (first || ctx_.store->changed(kGame.slot)) {
        out.replaced = session_ != nullptr;
        drop_game();
        Opened<bricks::Session> g = ctx_.store->open(kGame);
        if (g.value) {
            session_ = std::make_unique<bricks::Session>(std::move(*g.value));
            recorded_ = session_->state().over;
            shapes_ = session_->cell_shapes();
            out.replaced = true;
        }
        if (g.damage) out.damaged = "storage.what.bricks";
    }
    best_before_ = stats_.best;
    return out;
}

void BricksScreen::drop_game() {
    session_.reset();
    planner_.reset();  // it reads the old session's rules, which are gone now
    shapes_ = bricks::no_shapes();
    held_ = -1;
    dragging_ = false;
    preview_ = {};
    hint_.reset();
    hint_for_ = ~0u;
    recorded_ = false;
    new_record_ = false;
    started_here_ = false;  // a game loaded from a save started on another visit
    first_frame_ms_.reset();
    hints_asked_ = 0;
    paused_ = false;
    hint_asked_ = ~0u;
    clearing_ = {};
    clear_started_ = -1e9;
    pops_.clear();
    over_at_ = -1e9;
}

std::string BricksScreen::link() const { return session_ ? "bricks/" + std::to_string(session_->seed()) : "bricks"; }

GameEntry BricksScreen::open_link(std::string_view rest, double) {
    if (rest.empty()) {
        if (!playing()) start_random();
        return GameEntry::shown();
    }
    const std::optional<std::uint64_t> seed = parse_seed(rest);
    if (!seed) return GameEntry::refused(tr("bricks.bad_link"));
    if (!playing() || session_->seed() != *seed) start(*seed);
    return GameEntry::shown();
}

GameEntry BricksScreen::draw_card(const Ui& ui, float width, double) {
    switch (draw_bricks_card(ui, width, BricksCardModel{playing(), stats_.best})) {
        case BricksCardAction::continue_game: return GameEntry::shown();
        case BricksCardAction::new_game: start_random(); return GameEntry::shown();
        case BricksCardAction::none: break;
    }
    return GameEntry{};
}

void BricksScreen::draw_statistics(const Ui& ui) const { draw_bricks_statistics(ui, stats_); }

void BricksScreen::draw_help(const Ui& ui) const { draw_bricks_help(ui); }

void BricksScreen::leave(double) {
    held_ = -1;  // a piece in hand goes back to the tray
    dragging_ = false;
    preview_ = {};
    paused_ = false;
}

void BricksScreen::describe(Json& hook, double now_ms) const { hook["bricks"] = state_json(now_ms); }

void BricksScreen::start_random() { start(random_seed()); }

void BricksScreen::start(std::uint64_t seed) {
    if (session_ && !recorded_ && session_->state().placements > 0) {
        stats_ = bricks::record_game(stats_, session_->state());  // an unfinished game ends here
        save_stats();
    }
    drop_game();
    session_ = std::make_unique<bricks::Session>(bricks::classic_rules(), seed, stats_.best);
    report_event("bricks_started", Json::object());
    started_here_ = true;
    first_frame_ms_.reset();
    hints_asked_ = 0;
    best_before_ = stats_.best;
    save_game();
}

void BricksScreen::save_game() {
    if (!session_) return;
    ctx_.store->write(kGame, session_->payload());
}

void BricksScreen::save_stats() {
    ctx_.store->write(kStats, bricks::stats_payload(stats_));
}

BricksPreview BricksScreen::preview_at(int slot, int row, int col) const {
    BricksPreview pv;
    if (!session_ || slot < 0) return pv;
    static_cast<bricks::Preview&>(pv) = bricks::preview(session_->rules(), session_->state(), bricks::Move{slot, row, col});
    pv.at = Anchor{row, col};
    return pv;
}

void BricksScreen::place(const bricks::Move& move, double now_ms) {
    const bricks::State before = session_->state();
    const bricks::CellShapes shapes_before = shapes_;
    Expected<bricks::State> next = session_->place(move);
    held_ = -1;
    dragging_ = false;
    preview_ = {};
    if (!next) return;
    const bricks::Ruleset& rules = session_->rules();
    const int shape = before.tray[static_cast<std::size_t>(move.piece)];
    const bricks::Shape& sh = rules.shape(shape);
    bricks::track_shapes(rules, shapes_, before, move, *next);
    // Where the piece went (its centre, in cells): the pop-ups rise and the clear wave starts there.
    const float col = static_cast<float>(move.col) + static_cast<float>(sh.width) / 2;
    const float row = static_cast<float>(move.row) + static_cast<float>(sh.height) / 2;
    pops_.erase(std::remove_if(pops_.begin(), pops_.end(), [&](const Pop& p) { return now_ms - p.started >= kBricksPopMs; }),
                pops_.end());
    std::string points = "+";  // appended, not "+" + string: GCC 12 -O3 reports a false -Wrestrict in the insert
    points += std::to_string(next->last_points);
    pops_.push_back(Pop{std::move(points), col, row, now_ms, false});
    if (next->last_cleared.any()) {
        clearing_ = next->last_cleared;
        clearing_shapes_ = shapes_before;
        for (int i = 0; i < sh.size; ++i) {  // the piece just placed, cleared with its lines
            const int cell = (move.row + sh.row_of[static_cast<std::size_t>(i)]) * rules.cols() + move.col +
                             sh.col_of[static_cast<std::size_t>(i)];
            clearing_shapes_[static_cast<std::size_t>(cell)] = static_cast<std::int8_t>(shape);
        }
        clear_col_ = col;
        clear_row_ = row;
        clear_started_ = now_ms;
        // Call-outs: several lines at once, and placements in a row that cleared lines.
        const float callout_row = std::max(1.0f, row - 1.2f);
        if (next->last_lines >= 2) {
            pops_.push_back(Pop{plural("bricks.callout.lines", next->last_lines), col, callout_row, now_ms, true});
        }
        const int streak = session_->clear_streak();
        if (streak >= 2) {
            pops_.push_back(Pop{fill(tr("bricks.callout.streak"), {{"n", std::to_string(streak)}}), col,
                                callout_row + (next->last_lines >= 2 ? 1.1f : 0.0f), now_ms, true});
        }
        audio::play(audio::Effect::clear);
    } else {
        audio::play(audio::Effect::place);
    }
    save_game();
    if (next->over) {
        over_at_ = now_ms;
        finish_game(now_ms);
        audio::play(new_record_ ? audio::Effect::win : audio::Effect::game_over);
    }
}

const std::optional<bricks::Move>& BricksScreen::shown_hint() const {
    static const std::optional<bricks::Move> none;
    if (!session_ || session_->state().over) return none;
    return ctx_.settings->bricks_hint || hint_asked_ == session_->state().placements ? hint_ : none;
}

bool BricksScreen::over_dialog(double now_ms) const { return now_ms - over_at_ >= kBricksOverBoardMs; }

Json BricksScreen::over_event(double now_ms) const {
    if (!session_) return Json::object();
    const bricks::State& st = session_->state();
    Json out{{"score", st.score}, {"placements", st.placements}, {"lines", st.lines}};
    if (started_here_ && first_frame_ms_) {
        out["hints"] = hints_asked_;
        out["duration"] = static_cast<std::int64_t>(std::max(0.0, now_ms - *first_frame_ms_) / 1000);
    }
    return out;
}

void BricksScreen::finish_game(double now_ms) {
    if (!session_ || recorded_) return;
    recorded_ = true;
    new_record_ = session_->state().score > best_before_;
    stats_ = bricks::record_game(stats_, session_->state());
    save_stats();
    report_event("bricks_over", over_event(now_ms));
}

GameFrame BricksScreen::frame(const Ui& ui, double now_ms) {
    GameFrame result;
    if (!session_) {
        result.leave = true;
        return result;
    }
    if (started_here_ && !first_frame_ms_) first_frame_ms_ = now_ms;
    const bricks::Ruleset& rules = session_->rules();
    const bricks::State& st = session_->state();
    layout_ = bricks_layout(ui, rules);
    scale_ = ui.s;
    const bool want_hint = ctx_.settings->bricks_hint || hint_asked_ == st.placements;
    if (want_hint && !st.over && hint_for_ != st.placements) {
        if (!planner_) planner_ = std::make_unique<bricks::Planner>(rules);
        Expected<bricks::Move> h = planner_->hint(st);
        hint_ = h ? std::optional<bricks::Move>(*h) : std::nullopt;
        hint_for_ = st.placements;
    }
    if (dragging_) pointer_ = ImGui::GetIO().MousePos;
    const float lift = touch_drag_ ? layout_.cell * 2.0f : 0.0f;
    if (held_ >= 0 && dragging_) {
        const int shape = st.tray[static_cast<std::size_t>(held_)];
        const auto at = shape >= 0 ? snap(layout_, rules.shape(shape), pointer_, grab_, lift) : std::nullopt;
        preview_ = at ? preview_at(held_, at->row, at->col) : BricksPreview{};
    } else if (held_ >= 0) {
        preview_ = preview_at(held_, kb_row_, kb_col_);
    } else {
        preview_ = {};
    }

    BricksViewModel m;
    m.rules = &rules;
    m.state = &st;
    m.shapes = &shapes_;
    m.best = std::max(best_before_, session_->best_score());
    m.held = held_;
    m.dragging = dragging_;
    m.pointer = pointer_;
    m.grab = grab_;
    m.lift = lift;
    m.preview = preview_;
    for (int slot = 0; slot < rules.tray_size(); ++slot) m.fits[static_cast<std::size_t>(slot)] = bricks::piece_fits(rules, st, slot);
    m.clear_ms = static_cast<float>(std::min(1e6, now_ms - clear_started_));
    if (m.clear_ms < (ui.reduce_motion ? kBricksClearReducedMs : kBricksClearMs)) {
        m.clearing_now = clearing_;
        m.clearing_shapes = clearing_shapes_;
        m.clear_origin_col = clear_col_;
        m.clear_origin_row = clear_row_;
    }
    for (const Pop& p : pops_) {
        const double age = now_ms - p.started;
        if (age >= 0 && age < kBricksPopMs) {
            m.pops.push_back(BricksPop{p.text, p.col, p.row, static_cast<float>(age / kBricksPopMs), p.callout});
        }
    }
    m.hint = shown_hint();
    m.hint_available = !st.over && !paused_;
    m.paused = paused_;
    m.over = st.over;
    m.over_dialog = over_dialog(now_ms);
    m.new_record = new_record_;

    for (const BricksIntent& in : draw_bricks_view(ui, m)) {
        const bricks::State& now = session_->state();
        switch (in.kind) {
            case BricksIntent::pick:
                held_ = in.slot;
                dragging_ = true;
                touch_drag_ = ui.touch;
                grab_ = in.grab;
                pointer_ = ImGui::GetIO().MousePos;
                break;
            case BricksIntent::drop:
                if (preview_.fits && held_ >= 0) {
                    place(bricks::Move{held_, preview_.at.row, preview_.at.col}, now_ms);
                } else {
                    held_ = -1;  // back to the tray
                    dragging_ = false;
                }
                break;
            case BricksIntent::cancel:
                held_ = -1;
                dragging_ = false;
                break;
            case BricksIntent::choose: {
                if (now.tray[static_cast<std::size_t>(in.slot)] < 0) break;
                held_ = in.slot;
                dragging_ = false;
                // Start where the piece fits, scanning from the top-left, so Enter works at once.
                const bricks::Shape& sh = rules.shape(now.tray[static_cast<std::size_t>(in.slot)]);
                kb_row_ = (rules.rows() - sh.height) / 2;
                kb_col_ = (rules.cols() - sh.width) / 2;
                for (int a = 0; a < rules.cells(); ++a) {
                    if (preview_at(in.slot, a / rules.cols(), a % rules.cols()).fits) {
                        kb_row_ = a / rules.cols();
                        kb_col_ = a % rules.cols();
                        break;
                    }
                }
                break;
            }
            case BricksIntent::nudge: {
                if (held_ < 0) break;  // placed or put back earlier in this frame
                const int shape = now.tray[static_cast<std::size_t>(held_)];
                if (shape < 0) break;
                const bricks::Shape& sh = rules.shape(shape);
                kb_row_ = std::clamp(kb_row_ + in.drow, 0, rules.rows() - sh.height);
                kb_col_ = std::clamp(kb_col_ + in.dcol, 0, rules.cols() - sh.width);
                break;
            }
            case BricksIntent::place_chosen: {
                const BricksPreview pv = preview_at(held_, kb_row_, kb_col_);
                if (pv.fits) place(bricks::Move{held_, kb_row_, kb_col_}, now_ms);
                break;
            }
            case BricksIntent::new_game:
                start_random();
                return result;  // `rules` and any later intent belong to the game that just ended
            case BricksIntent::back:
            case BricksIntent::menu: result.leave = true; break;
            case BricksIntent::hint:
                if (!now.over && hint_asked_ != now.placements) ++hints_asked_;
                if (!now.over) hint_asked_ = now.placements;  // shown until the next placement
                break;
            case BricksIntent::pause:
                held_ = -1;
                dragging_ = false;
                paused_ = true;
                break;
            case BricksIntent::resume: paused_ = false; break;
            case BricksIntent::show_result: over_at_ = std::min(over_at_, now_ms - kBricksOverBoardMs); break;
        }
    }
    return result;
}

std::optional<double> BricksScreen::next_redraw_ms(double now_ms) const {
    // Animations draw every frame; the game-over step waits for its moment.
    if (now_ms - clear_started_ < kBricksClearMs) return 0.0;
    for (const Pop& p : pops_) {
        if (now_ms - p.started < kBricksPopMs) return 0.0;
    }
    if (session_ && session_->state().over) {
        const double until_dialog = over_at_ + kBricksOverBoardMs - now_ms;
        if (until_dialog > 0) return until_dialog;
        // The dialog sizes itself in its first frame and shows in the next ones: keep drawing
        // for a moment after it comes up, or the last frame drawn would be the empty one.
        if (until_dialog > -250) return 0.0;
    }
    return std::nullopt;
}

Json BricksScreen::state_json(double now) const {
    if (!session_) return nullptr;
    const bricks::Ruleset& rules = session_->rules();
    const bricks::State& st = session_->state();
    Json tray = Json::array();
    for (int slot = 0; slot < rules.tray_size(); ++slot) {
        const int s = st.tray[static_cast<std::size_t>(slot)];
        if (s < 0) {
            tray.push_back(nullptr);
            continue;
        }
        const bricks::Shape& sh = rules.shape(s);
        Json cells = Json::array();
        for (int i = 0; i < sh.size; ++i) {
            cells.push_back(Json::array({sh.row_of[static_cast<std::size_t>(i)], sh.col_of[static_cast<std::size_t>(i)]}));
        }
        tray.push_back(Json{{"shape", sh.name}, {"width", sh.width}, {"height", sh.height}, {"cells", cells},
                            {"family", sh.family}, {"fits", bricks::piece_fits(rules, st, slot)}});
    }
    Json hint = nullptr;
    if (const auto& h = shown_hint()) hint = Json{{"piece", h->piece}, {"row", h->row}, {"col", h->col}};
    Json pops = Json::array();
    for (const Pop& p : pops_) {
        if (now - p.started < kBricksPopMs) pops.push_back(Json{{"text", p.text}, {"callout", p.callout}});
    }
    Json preview = Json{{"valid", preview_.on_board}, {"fits", preview_.fits}, {"row", preview_.at.row},
                        {"col", preview_.at.col}, {"clearing", preview_.clearing.count()}};
    return Json{{"seed", session_->seed()},
                {"score", st.score},
                {"best", std::max(best_before_, session_->best_score())},
                {"placements", st.placements},
                {"lines", st.lines},
                {"over", st.over},
                {"board", bricks::board_rows(rules, st.board)},
                {"tray", tray},
                {"held", held_},
                {"dragging", dragging_},
                {"preview", preview},
                {"hint", hint},
                {"paused", paused_},
                // Game over in two steps: "board" (the board and the pieces with no room), then "dialog".
                {"result", st.over ? Json(over_dialog(now) ? "dialog" : "board") : Json(nullptr)},
                {"streak", session_->clear_streak()},
                {"pops", pops},
                {"clearing", now - clear_started_ < kBricksClearMs},
                {"stats", Json{{"games", stats_.games}, {"best", stats_.best}, {"lines", stats_.lines}}},
                // Geometry in CSS px for tests and embeds: a tray piece is drawn centred in its
                // slot at tray_cell per cell; a finger's drag lifts the piece by lift.
                {"layout", Json{{"cell", layout_.cell / scale_}, {"tray_cell", layout_.tray_cell / scale_},
                                {"lift", layout_.cell * 2.0f / scale_}}}};
}

}  // namespace astradia::shell
