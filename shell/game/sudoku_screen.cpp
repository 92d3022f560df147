// Purpose: the Sudoku screen's controller (see sudoku_screen.hpp).
#include "shell/game/sudoku_screen.hpp"

#include <cmath>
#include <random>

#include "engine/core/random.hpp"
#include "engine/sudoku/generator.hpp"
#include "engine/sudoku/input.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/sudoku_view.hpp"
#include "shell/usage.hpp"

namespace astradia::shell {
namespace {

constexpr std::string_view kDailyPrefix = "daily-";
constexpr double kCopiedMs = 2000;  // how long the copy button says "Copied"

std::int64_t ms(double now) { return static_cast<std::int64_t>(now); }

bool is_daily(std::string_view id) { return id.rfind(kDailyPrefix, 0) == 0; }

// A game id that is a puzzle of its own (an import, or the share link of one): only
// cells ('1'-'9', '0', '.') and the 9-line form's separators, never a level's letters.
bool looks_like_puzzle(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id) {
        const bool cell = (c >= '0' && c <= '9') || c == '.';
        const bool layout = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '|' || c == '-' || c == '+' || c == '=';
        if (!cell && !layout) return false;
    }
    // "-5" is a broken game id; a 9-line puzzle's separator lines have dashes too.
    return id.find('-') == std::string_view::npos || id.size() >= sudoku::kCells;
}

std::string status_name(sudoku::Status s) {
    return s == sudoku::Status::won ? "won" : s == sudoku::Status::lost ? "lost" : "playing";
}

// How a player names a game: "Medium", "Daily puzzle · 21 November", "Your puzzle · Hard".
std::string title_of(const sudoku::Session& s) {
    const std::string& id = s.game_id();
    const std::string level = level_label(s.level());
    if (is_daily(id)) return std::string(tr("start.daily")) + " \u00B7 " + long_date(std::string_view(id).substr(kDailyPrefix.size()));
    if (looks_like_puzzle(id)) return std::string(tr("sudoku.imported")) + " \u00B7 " + level;
    return level;
}

Json rect_json(const Rect& r, float scale) {
    const float k = 1.0f / scale;
    return Json{{"x", r.x * k}, {"y", r.y * k}, {"w", r.w * k}, {"h", r.h * k}};
}

}  // namespace

Reloaded SudokuScreen::reload() {
    Reloaded out;
    const bool first = !loaded_;  // a new screen reads everything; later only what changed
    loaded_ = true;
    if (first || ctx_.store->changed(kStats.slot)) {
        stats_ = sudoku::Statistics{};
        Opened<sudoku::Statistics> st = ctx_.store->open(kStats);
        if (st.value) stats_ = *st.value;
        if (st.damage) out.damaged = "storage.what.stats";
    }
    for (int i = 0; i < 2; ++i) {
        Slot& s = slots_[i];
        if (!first && !ctx_.store->changed(s.doc.slot)) continue;
        const bool shown = i == active_;
        if (shown) out.replaced = s.session.has_value();
        s.session.reset();
        s.recorded_end = s.new_record = false;
        s.previous_best = 0;
        s.won_at = -1;
        if (shown) reset_screen_state();
        Opened<sudoku::Session> g = ctx_.store->open(s.doc);
        if (g.value) {
            s.session = std::move(*g.value);
            s.recorded_end = s.session->state().status != sudoku::Status::playing;
            s.previous_best = stats_.at(s.session->level()).best_ms;
            if (shown) out.replaced = true;
        }
        if (g.damage) out.damaged = "storage.what.sudoku";
    }
    // Nothing left on screen, but a game in the other slot: show that one.
    if (!slot().session && slots_[1 - active_].session) active_ = static_cast<SlotId>(1 - active_);
    return out;
}

void SudokuScreen::reset_screen_state() {
    notes_mode_ = false;
    armed_ = 0;
    hint_.reset();
    user_paused_ = false;
    selection_dirty_ = false;
}

const std::string& SudokuScreen::game_id() const {
    static const std::string none;
    return slot().session ? slot().session->game_id() : none;
}

std::string SudokuScreen::link() const {
    if (pending_) return "sudoku/" + pending_->id;  // the link stays the one opened while the player decides
    return slot().session ? "sudoku/" + slot().session->game_id() : "sudoku";
}

SudokuScreen::SlotId SudokuScreen::slot_for(const std::string& id) { return is_daily(id) ? daily_slot : main_slot; }

Expected<SudokuScreen::Pending> SudokuScreen::prepare(const std::string& id) {
    if (looks_like_puzzle(id)) {
        Expected<sudoku::Imported> imported = sudoku::import_puzzle(id);
        if (!imported) return imported.error();
        return Pending{main_slot, imported->id, imported->puzzle, imported->level};
    }
    std::uint64_t seed = 0;
    sudoku::Level level = sudoku::Level::easy;
    if (is_daily(id)) {
        Expected<sudoku::Daily> d = sudoku::parse_daily(std::string_view(id).substr(kDailyPrefix.size()));
        if (!d) return d.error();
        level = d->level;
        seed = d->seed;
    } else {
        Expected<sudoku::GameId> g = sudoku::parse_game_id(id);
        if (!g) return g.error();
        level = g->level;
        seed = g->seed;
    }
    Expected<sudoku::Generated> generated = sudoku::generate(level, seed);
    if (!generated) return generated.error();
    return Pending{slot_for(id), id, generated->puzzle, level};
}

GameEntry SudokuScreen::offer(Pending p, double now_ms) {
    Slot& target = slots_[p.slot];
    if (target.session && target.session->game_id() == p.id) {  // already there: show it
        active_ = p.slot;
        pending_.reset();
        return GameEntry::shown();
    }
    if (playing(target) && target.session->has_progress()) {
        // A game with progress is in the way: show it, and ask before it is replaced.
        if (active_ != p.slot) {
            active_ = p.slot;
            reset_screen_state();
        }
        hint_.reset();
        pending_ = std::move(p);
        return GameEntry::shown();
    }
    const Expected<bool> started = begin(p.slot, p.puzzle, p.level, p.id, now_ms);
    if (!started) return GameEntry::refused(fill(tr("sudoku.bad_link"), {{"reason", started.error().message}}));
    return GameEntry::shown();
}

GameEntry SudokuScreen::open_link(std::string_view rest, double now_ms) {
    if (rest.empty()) return has_game() ? GameEntry::shown() : GameEntry{};
    if (has_game() && !pending_ && rest == slot().session->game_id()) return GameEntry::shown();
    Expected<Pending> p = prepare(std::string(rest));
    if (!p) return GameEntry::refused(fill(tr("sudoku.bad_link"), {{"reason", p.error().message}}));
    return offer(std::move(*p), now_ms);
}

std::optional<GameEntry> SudokuScreen::paste(const bridge::Pasted& pasted, double now_ms) {
    if (pasted.refused) return GameEntry::refused(tr("sudoku.paste_refused"));
    const Expected<sudoku::Imported> imported = sudoku::import_puzzle(pasted.text);
    if (!imported) return GameEntry::refused(fill(tr("sudoku.bad_import"), {{"reason", imported.error().message}}));
    GameEntry entry = offer(Pending{main_slot, imported->id, imported->puzzle, imported->level}, now_ms);
    if (!entry.show && !entry.notice.empty()) {
        // The generator's words would not fit a paste: say it as an import.
        return GameEntry::refused(fill(tr("sudoku.bad_import"), {{"reason", entry.notice}}));
    }
    return entry;
}

GameEntry SudokuScreen::draw_card(const Ui& ui, float width, double now_ms) {
    const std::string today = bridge::local_date();
    const Slot& main = slots_[main_slot];
    const Slot& daily = slots_[daily_slot];
    SudokuCardModel m;
    if (playing(main)) {
        m.continue_label = title_of(*main.session) + " \u00B7 " + format_duration(main.session->elapsed_ms(ms(now_ms)));
    }
    m.today = today;
    const Expected<sudoku::Daily> d = sudoku::parse_daily(today);
    if (d) m.today_level = d->level;
    m.today_done = sudoku::daily_solved(stats_, today);
    if (daily_year_ == 0) {
        daily_year_ = std::atoi(today.substr(0, 4).c_str());
        daily_month_ = std::atoi(today.substr(5, 2).c_str());
    }
    if (daily_pick_.empty()) daily_pick_ = today;
    m.month_year = daily_year_;
    m.month = daily_month_;
    m.picked = daily_pick_;
    m.stats = &stats_;
    m.can_go_back = daily_year_ * 12 + daily_month_ > 2020 * 12 + 1;  // the first daily puzzles
    if (playing(daily) && daily.session->has_progress()) {
        m.daily_in_progress = daily.session->game_id().substr(kDailyPrefix.size());
        m.daily_in_progress_time = format_duration(daily.session->elapsed_ms(ms(now_ms)));
    }
    const SudokuCardAction a = draw_sudoku_card(ui, width, m);
    switch (a.kind) {
        case SudokuCardAction::continue_game:
            active_ = main_slot;
            pending_.reset();
            return GameEntry::shown();
        case SudokuCardAction::new_game:
            pending_.reset();
            return start_level(a.level, now_ms) ? GameEntry::shown() : GameEntry{};
        case SudokuCardAction::open_daily:
            // The sheet opens on this month, today picked.
            daily_year_ = 0;
            daily_pick_ = today;
            break;
        case SudokuCardAction::month_back:
        case SudokuCardAction::month_forward: {
            const int step = a.kind == SudokuCardAction::month_back ? -1 : 1;
            const int months = daily_year_ * 12 + (daily_month_ - 1) + step;
            daily_year_ = months / 12;
            daily_month_ = months % 12 + 1;
            break;
        }
        case SudokuCardAction::pick: daily_pick_ = a.date; break;
        case SudokuCardAction::play_daily: {
            Expected<Pending> p = prepare(std::string(kDailyPrefix) + a.date);
            if (!p) return GameEntry::refused(fill(tr("sudoku.bad_link"), {{"reason", p.error().message}}));
            if (daily.session && daily.session->game_id() == p->id && !playing(daily)) {
                // Solved (or lost) already: a fresh try.
                pending_.reset();
                return begin(daily_slot, p->puzzle, p->level, p->id, now_ms) ? GameEntry::shown() : GameEntry{};
            }
            return offer(std::move(*p), now_ms);
        }
        case SudokuCardAction::paste: {
            // The web reads asynchronously (the text comes back through paste()); natively
            // the window's clipboard answers at once.
            if (bridge::clipboard_request_read()) return GameEntry{};
            const char* text = ImGui::GetClipboardText();
            return *paste(bridge::Pasted{text != nullptr ? text : "", false}, now_ms);
        }
        case SudokuCardAction::none: break;
    }
    return GameEntry{};
}

void SudokuScreen::draw_statistics(const Ui& ui) const { draw_sudoku_statistics(ui, stats_, bridge::local_date()); }

void SudokuScreen::draw_help(const Ui& ui) const {
    // A finger on the screen, or a device whose main pointer is one: taps, not keys.
    help_touch_ = ui.touch || ui.touch_screen;
    draw_sudoku_help(ui, *help_touch_);
}

float SudokuScreen::digit_css(const Ui& ui) const { return sudoku_digit_css(ui); }

Expected<bool> SudokuScreen::start_level(sudoku::Level level, double now_ms) {
    std::random_device entropy;
    const std::uint64_t seed = ((std::uint64_t{entropy()} << 32) ^ entropy()) % 1'000'000'000'000ull;
    return start(sudoku::format_game_id({level, seed}), now_ms);
}

Expected<bool> SudokuScreen::start(const std::string& id, double now_ms) {
    Expected<Pending> p = prepare(id);
    if (!p) return p.error();
    pending_.reset();
    return begin(p->slot, p->puzzle, p->level, p->id, now_ms);
}

Expected<bool> SudokuScreen::begin(SlotId id, const sudoku::Grid& puzzle, sudoku::Level level, const std::string& game_id,
                                   double now_ms) {
    sudoku::NewGame game;
    game.level = level;
    game.game_id = game_id;
    game.rules.mistake_limit = ctx_.settings->mistake_limit;
    Expected<sudoku::Session> s = sudoku::Session::start(puzzle, game);
    if (!s) return s.error();

    Slot& target = slots_[id];
    if (playing(target)) {  // the old game is abandoned
        sudoku::record_loss(stats_, target.session->level());
        report_end(*target.session, "sudoku_abandoned", now_ms);
    }
    sudoku::record_start(stats_, level);
    report_event("sudoku_started", Json{{"level", std::string(sudoku::level_name(level))},
                                        {"daily", is_daily(game_id)}});
    save_stats();
    target.session = std::move(*s);
    target.session->resume(ms(now_ms));
    target.recorded_end = target.new_record = false;
    target.won_at = -1;
    target.previous_best = stats_.at(level).best_ms;
    active_ = id;
    reset_screen_state();
    save(now_ms);
    return true;
}

void SudokuScreen::save(double now_ms) {
    Slot& s = slot();
    if (!s.session) return;
    ctx_.store->write(s.doc, s.session->payload(ms(now_ms)));
    selection_dirty_ = false;
}

void SudokuScreen::save_stats() { ctx_.store->write(kStats, statistics_to_json(stats_)); }

// A game's end for the site's statistics (shell/usage.hpp): sudoku_won, sudoku_lost or sudoku_abandoned.
void SudokuScreen::report_end(const sudoku::Session& session, std::string_view event, double now_ms) const {
    report_event(event, sudoku_end_event(session, now_ms));
}

Json sudoku_end_event(const sudoku::Session& session, double now_ms) {
    const sudoku::State& st = session.state();
    return Json{{"level", std::string(sudoku::level_name(session.level()))}, {"daily", is_daily(session.game_id())},
                {"duration", session.elapsed_ms(ms(now_ms)) / 1000}, {"hints", st.hints_used},
                {"mistakes", st.mistakes}, {"undos", st.undos}};
}

void SudokuScreen::finish_if_over(double now_ms) {
    Slot& s = slot();
    if (!s.session || s.recorded_end) return;
    const sudoku::Status st = s.session->state().status;
    if (st == sudoku::Status::playing) return;
    s.recorded_end = true;
    hint_.reset();
    if (st == sudoku::Status::won) {
        const std::int64_t t = s.session->elapsed_ms(ms(now_ms));
        std::optional<std::string_view> daily;
        if (is_daily(s.session->game_id())) daily = std::string_view(s.session->game_id()).substr(kDailyPrefix.size());
        s.new_record = s.previous_best == 0 || t < s.previous_best;
        s.won_at = now_ms;
        sudoku::record_win(stats_, s.session->level(), t, daily);
        report_end(*s.session, "sudoku_won", now_ms);
    } else {
        sudoku::record_loss(stats_, s.session->level());
        report_end(*s.session, "sudoku_lost", now_ms);
    }
    save_stats();
}

void SudokuScreen::play(const sudoku::Move& move, double now_ms, bool from_hint) {
    Slot& s = slot();
    if (!s.session) return;
    Expected<sudoku::Outcome> o = from_hint ? s.session->play_hint(move, ms(now_ms)) : s.session->play(move, ms(now_ms));
    if (!o) return;  // a move the rules refuse (a given, a no-op) simply does nothing
    user_paused_ = false;
    hint_.reset();
    save(now_ms);
    finish_if_over(now_ms);
}

void SudokuScreen::select(int cell) {
    Slot& s = slot();
    if (!s.session || cell == s.session->selected()) return;
    s.session->select(cell);
    selection_dirty_ = true;  // kept with the game at the end of the frame
}

void SudokuScreen::input_digit(int digit, bool from_pad, double now_ms) {
    if (!slot().session) return;
    const bool digit_first = ctx_.settings->input_mode == InputMode::digit_first;
    if (from_pad && digit_first) {
        armed_ = armed_ == digit ? 0 : digit;  // arm the digit; cells take it when tapped
        return;
    }
    enter_digit(slot().session->selected(), digit, now_ms);
}

void SudokuScreen::enter_digit(int cell, int digit, double now_ms) {
    const std::optional<sudoku::Move> move =
        sudoku::digit_move(slot().session->state(), cell, digit, notes_mode_, !ctx_.settings->auto_remove_notes);
    if (move) play(*move, now_ms);
}

void SudokuScreen::show_hint() {
    Slot& s = slot();
    if (!s.session) return;
    const sudoku::State& st = s.session->state();
    Expected<sudoku::Hint> h = sudoku::next_hint(st.givens, st.board.entries, st.board.notes, st.solution);
    if (!h || h->kind == sudoku::HintKind::solved) {
        hint_.reset();
        return;
    }
    hint_ = std::move(*h);
    hint_stage_ = sudoku::HintStage::look;
}

std::optional<sudoku::Move> SudokuScreen::hint_move() const {
    if (!hint_ || !slot().session) return std::nullopt;
    return sudoku::hint_move(*hint_);
}

bool SudokuScreen::reduce_motion() const {
    return motion_reduced(ctx_.settings->motion, bridge::prefers_reduced_motion());
}

GameFrame SudokuScreen::frame(const Ui& ui, double now_ms) {
    GameFrame result;
    Slot& s = slot();
    if (!s.session) {
        result.leave = true;
        return result;
    }
    sudoku::Session& session = *s.session;
    const sudoku::State& st = session.state();
    SudokuViewModel m;
    m.state = &st;
    m.conflicts = sudoku::conflicts(st);
    m.left = sudoku::digits_left(st);
    m.settings = ctx_.settings;
    m.selected = session.selected();
    m.notes_mode = notes_mode_;
    m.armed = armed_;
    m.hint = hint_ ? &*hint_ : nullptr;
    m.hint_stage = hint_stage_;
    m.hint_applicable = hint_move().has_value();
    m.paused = user_paused_;
    m.can_undo = session.can_undo();
    m.can_redo = session.can_redo();
    m.reduce_motion = reduce_motion();
    m.title = title_of(session);
    m.copied = now_ms - copied_at_ < kCopiedMs;
    const std::int64_t elapsed = session.elapsed_ms(ms(now_ms));
    if (ctx_.settings->show_timer) m.time_text = format_duration(elapsed);
    if (pending_) {
        m.asking = true;
        const std::string what = title_of(session) + " \u00B7 " + format_duration(elapsed);
        m.ask_text = fill(tr("sudoku.replace.body"), {{"game", what}});
    }
    m.won = st.status == sudoku::Status::won;
    m.lost = st.status == sudoku::Status::lost;
    m.daily = is_daily(session.game_id());
    if (m.won && s.won_at >= 0) m.win_seconds = (now_ms - s.won_at) / 1000.0;
    m.result_time = format_duration(elapsed);
    m.new_record = s.new_record;
    const std::int64_t best = stats_.at(session.level()).best_ms;
    if (best > 0) m.best_time = format_duration(best);
    m.streak_text = m.daily ? plural("unit.days", sudoku::daily_streak_on(stats_, bridge::local_date()))
                            : plural("unit.wins", stats_.at(session.level()).streak);

    drawn_scale_ = ui.s;
    for (const SudokuIntent& in : draw_sudoku_view(ui, m, &drawn_)) {
        if (!slot().session) break;
        switch (in.kind) {
            case SudokuIntent::select:
                select(in.cell);
                if (armed_ != 0 && ctx_.settings->input_mode == InputMode::digit_first) {
                    enter_digit(in.cell, armed_, now_ms);  // the armed digit goes where the player taps
                }
                break;
            case SudokuIntent::digit_key: input_digit(in.digit, in.from_pad, now_ms); break;
            case SudokuIntent::erase: play(sudoku::Move::erase(session.selected()), now_ms); break;
            case SudokuIntent::toggle_notes: notes_mode_ = !notes_mode_; break;
            case SudokuIntent::undo:
                if (session.undo()) {
                    hint_.reset();
                    save(now_ms);
                }
                break;
            case SudokuIntent::redo:
                if (session.redo(ms(now_ms))) {
                    hint_.reset();
                    save(now_ms);
                    finish_if_over(now_ms);
                }
                break;
            case SudokuIntent::auto_notes: play(sudoku::Move::auto_notes(), now_ms); break;
            case SudokuIntent::hint:
                if (hint_) {
                    hint_.reset();  // the tool closes an open hint
                } else {
                    show_hint();
                }
                break;
            case SudokuIntent::hint_next:
                if (!hint_) {
                    show_hint();
                } else if (static_cast<int>(hint_stage_) < sudoku::kHintStages) {
                    hint_stage_ = static_cast<sudoku::HintStage>(static_cast<int>(hint_stage_) + 1);
                    // The answer's cell becomes the selection, so the pad and keys act there.
                    if (hint_stage_ == sudoku::HintStage::answer) {
                        if (!hint_->step.placements.empty()) {
                            select(hint_->step.placements.front().cell);
                        } else if (hint_->kind != sudoku::HintKind::step && !hint_->step.cells.empty()) {
                            select(hint_->step.cells.front());
                        }
                    }
                }
                break;
            case SudokuIntent::apply_hint:
                if (auto mv = hint_move()) play(*mv, now_ms, true);
                break;
            case SudokuIntent::dismiss_hint: hint_.reset(); break;
            case SudokuIntent::pause:
                user_paused_ = true;
                session.pause(ms(now_ms));
                save(now_ms);
                break;
            case SudokuIntent::resume:
                user_paused_ = false;
                session.resume(ms(now_ms));
                break;
            case SudokuIntent::copy_puzzle:
                result.copy_text = st.givens.to_string();
                copied_at_ = now_ms;
                break;
            case SudokuIntent::new_game:
                // The same day's puzzle again for a daily (its slot holds nothing else); a new
                // game at the same level otherwise (the game it replaces is over).
                if (is_daily(session.game_id())) {
                    if (Expected<Pending> p = prepare(session.game_id())) (void)begin(p->slot, p->puzzle, p->level, p->id, now_ms);
                } else {
                    const sudoku::Level level = session.level();
                    (void)start_level(level, now_ms);
                }
                break;
            case SudokuIntent::replace:
                if (pending_) {
                    Pending p = std::move(*pending_);
                    pending_.reset();
                    (void)begin(p.slot, p.puzzle, p.level, p.id, now_ms);
                }
                break;
            case SudokuIntent::keep: pending_.reset(); break;
            case SudokuIntent::back:
            case SudokuIntent::menu: result.leave = true; break;
        }
    }
    if (selection_dirty_) save(now_ms);
    return result;
}

std::optional<double> SudokuScreen::next_redraw_ms(double now_ms) const {
    const Slot& s = slot();
    // The win moment: frames until its flash is over (none when motion is reduced).
    if (s.session && s.won_at >= 0 && !reduce_motion() && now_ms - s.won_at < kWinFlashSeconds * 1000 + 50) return 0.0;
    if (now_ms - copied_at_ < kCopiedMs) return kCopiedMs - (now_ms - copied_at_) + 5;  // "Copied" goes back
    if (!s.session || !playing() || s.session->paused() || !ctx_.settings->show_timer || pending_) return std::nullopt;
    const std::int64_t elapsed = s.session->elapsed_ms(ms(now_ms));
    return static_cast<double>(1000 - elapsed % 1000) + 5;
}

void SudokuScreen::leave(double now_ms) {
    // Another screen, or the page went to the background: the clock stops, the game is saved.
    Slot& s = slot();
    if (!s.session) return;
    s.session->pause(ms(now_ms));
    s.won_at = -1;  // the win moment is over once the player has left
    hint_.reset();  // and a hint is not left covering the pad for their return
    save(now_ms);
}

void SudokuScreen::enter(double now_ms) {
    if (slot().session && playing() && !user_paused_ && !pending_) slot().session->resume(ms(now_ms));
}

void SudokuScreen::describe(Json& hook, double now_ms) const {
    hook["sudoku"] = state_json(now_ms);
    hook["sudoku_stats"] = statistics_to_json(stats_);
    const Slot& daily = slots_[daily_slot];
    const std::string today = bridge::local_date();
    const Expected<sudoku::Daily> d = sudoku::parse_daily(today);
    hook["sudoku_help"] = !help_touch_ ? Json(nullptr) : Json(*help_touch_ ? "touch" : "keyboard");
    hook["sudoku_daily"] = Json{{"today", today},
                                {"level", d ? std::string(sudoku::level_name(d->level)) : std::string()},
                                {"solved_today", sudoku::daily_solved(stats_, today)},
                                {"kept", daily.session ? daily.session->game_id() : std::string()},
                                {"month", std::to_string(daily_year_) + "-" + (daily_month_ < 10 ? "0" : "") +
                                              std::to_string(daily_month_)},
                                {"picked", daily_pick_}};
}

Json SudokuScreen::state_json(double now_ms) const {
    const Slot& s = slot();
    if (!s.session) return nullptr;
    const sudoku::Session& session = *s.session;
    const sudoku::State& st = session.state();
    Json notes = Json::array();
    for (auto n : st.board.notes) notes.push_back(n);
    Json conflicts = Json::array();
    const auto bad = sudoku::conflicts(st);
    for (int c = 0; c < sudoku::kCells; ++c) {
        if (bad.test(c)) conflicts.push_back(c);
    }
    Json left = Json::array();
    const auto remaining = sudoku::digits_left(st);
    for (int d = 1; d <= 9; ++d) left.push_back(remaining[static_cast<std::size_t>(d)]);
    Json hint = nullptr;
    if (hint_) {
        Json cells = Json::array();
        for (auto c : hint_->step.cells) cells.push_back(c);
        Json focus = Json::array();
        for (auto c : hint_->focus) focus.push_back(c);
        hint = Json{{"kind", hint_->kind == sudoku::HintKind::wrong_entry  ? "wrong_entry"
                             : hint_->kind == sudoku::HintKind::wrong_note ? "wrong_note"
                                                                           : "step"},
                    {"technique", std::string(sudoku::technique_id(hint_->step.technique))},
                    {"stage", static_cast<int>(hint_stage_)},
                    {"cells", cells},
                    {"focus", focus},
                    {"look_en", hint_->look.en},
                    {"look_ru", hint_->look.ru},
                    {"technique_en", hint_->technique.en},
                    {"technique_ru", hint_->technique.ru},
                    {"text_en", hint_->text_en},
                    {"text_ru", hint_->text_ru}};
    }
    const SudokuLayout& L = drawn_.layout;
    const float k = drawn_scale_;
    Json layout = Json{{"side", L.side},
                       {"board", rect_json(L.board, k)},
                       {"status", rect_json(L.status, k)},
                       {"tools", rect_json(L.tools, k)},
                       {"pad", rect_json(L.pad, k)},
                       {"title", rect_json(drawn_.title, k)},
                       {"mistakes", rect_json(drawn_.mistakes, k)},
                       {"clock", rect_json(drawn_.clock, k)},
                       {"hint_panel", rect_json(drawn_.hint_panel, k)}};
    const bool celebrating = s.won_at >= 0 && !reduce_motion() && now_ms - s.won_at < kWinFlashSeconds * 1000;
    return Json{{"id", session.game_id()},
                {"slot", active_ == daily_slot ? "daily" : "main"},
                {"level", std::string(sudoku::level_name(session.level()))},
                {"givens", st.givens.to_string()},
                {"entries", st.board.entries.to_string()},
                {"notes", notes},
                {"selected", session.selected()},
                {"notes_mode", notes_mode_},
                {"armed", armed_},
                {"left", left},
                {"mistakes", st.mistakes},
                {"mistake_limit", st.rules.mistake_limit},
                {"hints_used", st.hints_used},
                {"status", status_name(st.status)},
                {"celebrating", celebrating},
                {"paused", user_paused_},
                {"elapsed_ms", session.elapsed_ms(ms(now_ms))},
                {"can_undo", session.can_undo()},
                {"can_redo", session.can_redo()},
                {"conflicts", conflicts},
                {"hint", hint},
                {"asking", pending_ ? Json(pending_->id) : Json(nullptr)},
                {"reduce_motion", reduce_motion()},
                {"layout", layout}};
}

}  // namespace astradia::shell
