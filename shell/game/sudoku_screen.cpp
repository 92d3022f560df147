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
    if (first || ctx_.store->changed(kGame.slot)) {
        out.replaced = session_.has_value();
        session_.reset();
        reset_screen_state();
        Opened<sudoku::Session> g = ctx_.store->open(kGame);
        if (g.value) {
            session_ = std::move(*g.value);
            recorded_end_ = session_->state().status != sudoku::Status::playing;
            previous_best_ = stats_.at(session_->level()).best_ms;
            out.replaced = true;
        }
        if (g.damage) out.damaged = "storage.what.sudoku";
    }
    return out;
}

void SudokuScreen::reset_screen_state() {
    selected_ = 40;
    notes_mode_ = false;
    armed_ = 0;
    hint_.reset();
    user_paused_ = false;
    recorded_end_ = false;
    new_record_ = false;
    previous_best_ = 0;
}

const std::string& SudokuScreen::game_id() const {
    static const std::string none;
    return session_ ? session_->game_id() : none;
}

std::string SudokuScreen::link() const { return session_ ? "sudoku/" + session_->game_id() : "sudoku"; }

GameEntry SudokuScreen::start_entry(const std::string& id, double now_ms, const char* notice_key) {
    const Expected<bool> started = start(id, now_ms);
    if (!started) return GameEntry::refused(fill(tr(notice_key), {{"reason", started.error().message}}));
    return GameEntry::shown();
}

GameEntry SudokuScreen::open_link(std::string_view rest, double now_ms) {
    if (rest.empty()) return has_game() ? GameEntry::shown() : GameEntry{};
    if (has_game() && rest == session_->game_id()) return GameEntry::shown();
    return start_entry(std::string(rest), now_ms, "sudoku.bad_link");
}

std::optional<GameEntry> SudokuScreen::paste(const bridge::Pasted& pasted, double now_ms) {
    if (pasted.refused) return GameEntry::refused(tr("sudoku.paste_refused"));
    const Expected<sudoku::Imported> imported = sudoku::import_puzzle(pasted.text);
    if (!imported) return GameEntry::refused(fill(tr("sudoku.bad_import"), {{"reason", imported.error().message}}));
    const Expected<bool> started = begin(imported->puzzle, imported->level, imported->id, now_ms);
    if (!started) return GameEntry::refused(fill(tr("sudoku.bad_import"), {{"reason", started.error().message}}));
    return GameEntry::shown();
}

GameEntry SudokuScreen::draw_card(const Ui& ui, float width, double now_ms) {
    const std::string today = bridge::local_date();
    SudokuCardModel m;
    if (playing()) {
        m.continue_label = std::string(level_label(session_->level())) + " \u00B7 " +
                           format_duration(session_->elapsed_ms(ms(now_ms)));
    }
    m.daily_label = tr("start.daily");
    m.daily_done = stats_.daily.last_date == today;
    const SudokuCardAction a = draw_sudoku_card(ui, width, m);
    switch (a.kind) {
        case SudokuCardAction::continue_game: return GameEntry::shown();
        case SudokuCardAction::new_game: return start_level(a.level, now_ms) ? GameEntry::shown() : GameEntry{};
        case SudokuCardAction::daily:
            if (playing() && session_->game_id() == "daily-" + today) return GameEntry::shown();
            return start_entry("daily-" + today, now_ms, "sudoku.bad_link");
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

void SudokuScreen::draw_help(const Ui& ui) const { draw_sudoku_help(ui); }

float SudokuScreen::digit_css(const Ui& ui) const { return sudoku_digit_css(ui); }

void SudokuScreen::describe(Json& hook, double now_ms) const {
    hook["sudoku"] = state_json(now_ms);
    hook["sudoku_stats"] = statistics_to_json(stats_);
}

Expected<bool> SudokuScreen::start_level(sudoku::Level level, double now_ms) {
    std::random_device entropy;
    const std::uint64_t seed = ((std::uint64_t{entropy()} << 32) ^ entropy()) % 1'000'000'000'000ull;
    return start(sudoku::format_game_id({level, seed}), now_ms);
}

Expected<bool> SudokuScreen::start(const std::string& id, double now_ms) {
    if (looks_like_puzzle(id)) {
        Expected<sudoku::Imported> imported = sudoku::import_puzzle(id);
        if (!imported) return imported.error();
        return begin(imported->puzzle, imported->level, imported->id, now_ms);
    }
    std::uint64_t seed = 0;
    sudoku::Level level = sudoku::Level::easy;
    if (id.rfind(kDailyPrefix, 0) == 0) {
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
    return begin(generated->puzzle, level, id, now_ms);
}

Expected<bool> SudokuScreen::begin(const sudoku::Grid& puzzle, sudoku::Level level, const std::string& id,
                                   double now_ms) {
    sudoku::NewGame game;
    game.level = level;
    game.game_id = id;
    game.rules.mistake_limit = ctx_.settings->mistake_limit;
    Expected<sudoku::Session> s = sudoku::Session::start(puzzle, game);
    if (!s) return s.error();

    if (playing()) {  // the old game is abandoned
        sudoku::record_loss(stats_, session_->level());
        report_end("sudoku_abandoned", now_ms);
    }
    sudoku::record_start(stats_, level);
    report_event("sudoku_started", Json{{"level", std::string(sudoku::level_name(level))},
                                        {"daily", id.rfind(kDailyPrefix, 0) == 0}});
    save_stats();
    session_ = std::move(*s);
    session_->resume(ms(now_ms));
    reset_screen_state();
    previous_best_ = stats_.at(level).best_ms;
    save(now_ms);
    return true;
}

void SudokuScreen::save(double now_ms) {
    if (!session_) return;
    ctx_.store->write(kGame, session_->payload(ms(now_ms)));
}

void SudokuScreen::save_stats() { ctx_.store->write(kStats, statistics_to_json(stats_)); }

// A game's end for the site's statistics (shell/usage.hpp): sudoku_won, sudoku_lost or sudoku_abandoned.
void SudokuScreen::report_end(std::string_view event, double now_ms) const {
    const sudoku::State& st = session_->state();
    report_event(event, Json{{"level", std::string(sudoku::level_name(session_->level()))},
                             {"daily", session_->game_id().rfind(kDailyPrefix, 0) == 0},
                             {"duration", session_->elapsed_ms(ms(now_ms)) / 1000},
                             {"hints", st.hints_used}, {"mistakes", st.mistakes}});
}

void SudokuScreen::finish_if_over(double now_ms) {
    if (!session_ || recorded_end_) return;
    const sudoku::Status s = session_->state().status;
    if (s == sudoku::Status::playing) return;
    recorded_end_ = true;
    hint_.reset();
    if (s == sudoku::Status::won) {
        const std::int64_t t = session_->elapsed_ms(ms(now_ms));
        std::optional<std::string_view> daily;
        if (session_->game_id().rfind(kDailyPrefix, 0) == 0) daily = std::string_view(session_->game_id()).substr(6);
        new_record_ = previous_best_ == 0 || t < previous_best_;
        sudoku::record_win(stats_, session_->level(), t, daily);
        report_end("sudoku_won", now_ms);
    } else {
        sudoku::record_loss(stats_, session_->level());
        report_end("sudoku_lost", now_ms);
    }
    save_stats();
}

void SudokuScreen::play(const sudoku::Move& move, double now_ms, bool from_hint) {
    if (!session_) return;
    Expected<sudoku::Outcome> o = from_hint ? session_->play_hint(move, ms(now_ms)) : session_->play(move, ms(now_ms));
    if (!o) return;  // a move the rules refuse (a given, a no-op) simply does nothing
    user_paused_ = false;
    hint_.reset();
    save(now_ms);
    finish_if_over(now_ms);
}

void SudokuScreen::input_digit(int digit, bool from_pad, double now_ms) {
    if (!session_) return;
    const bool digit_first = ctx_.settings->input_mode == InputMode::digit_first;
    if (from_pad && digit_first) {
        armed_ = armed_ == digit ? 0 : digit;  // arm the digit; cells take it when tapped
        return;
    }
    enter_digit(selected_, digit, now_ms);
}

void SudokuScreen::enter_digit(int cell, int digit, double now_ms) {
    const std::optional<sudoku::Move> move =
        sudoku::digit_move(session_->state(), cell, digit, notes_mode_, !ctx_.settings->auto_remove_notes);
    if (move) play(*move, now_ms);
}

void SudokuScreen::show_hint() {
    if (!session_) return;
    const sudoku::State& st = session_->state();
    Expected<sudoku::Hint> h = sudoku::next_hint(st.givens, st.board.entries, st.board.notes, st.solution);
    if (!h || h->kind == sudoku::HintKind::solved) {
        hint_.reset();
        return;
    }
    hint_ = std::move(*h);
    if (!hint_->step.cells.empty()) selected_ = hint_->step.cells.front();
    if (!hint_->step.placements.empty()) selected_ = hint_->step.placements.front().cell;
}

std::optional<sudoku::Move> SudokuScreen::hint_move() const {
    if (!hint_ || !session_) return std::nullopt;
    return sudoku::hint_move(*hint_);
}

GameFrame SudokuScreen::frame(const Ui& ui, double now_ms) {
    GameFrame result;
    if (!session_) {
        result.leave = true;
        return result;
    }
    const sudoku::State& st = session_->state();
    SudokuViewModel m;
    m.state = &st;
    m.conflicts = sudoku::conflicts(st);
    m.settings = ctx_.settings;
    m.selected = selected_;
    m.notes_mode = notes_mode_;
    m.armed = armed_;
    m.hint = hint_ ? &*hint_ : nullptr;
    m.hint_applicable = hint_move().has_value();
    m.paused = user_paused_;
    m.can_undo = session_->can_undo();
    m.can_redo = session_->can_redo();
    const std::string& id = session_->game_id();
    const std::string level_text = level_label(session_->level());
    m.title = id.rfind(kDailyPrefix, 0) == 0
                  ? std::string(tr("start.daily")) + " \u00B7 " + long_date(std::string_view(id).substr(6))
              : looks_like_puzzle(id) ? std::string(tr("sudoku.imported")) + " \u00B7 " + level_text
                                      : level_text;
    m.copied = now_ms - copied_at_ < kCopiedMs;
    const std::int64_t elapsed = session_->elapsed_ms(ms(now_ms));
    if (ctx_.settings->show_timer) m.time_text = format_duration(elapsed);
    m.won = st.status == sudoku::Status::won;
    m.lost = st.status == sudoku::Status::lost;
    m.result_time = format_duration(elapsed);
    m.new_record = new_record_;
    const std::int64_t best = stats_.at(session_->level()).best_ms;
    if (best > 0) m.best_time = format_duration(best);

    for (const SudokuIntent& in : draw_sudoku_view(ui, m)) {
        switch (in.kind) {
            case SudokuIntent::select:
                selected_ = in.cell;
                if (armed_ != 0 && ctx_.settings->input_mode == InputMode::digit_first) {
                    enter_digit(in.cell, armed_, now_ms);  // the armed digit goes where the player taps
                }
                break;
            case SudokuIntent::digit_key: input_digit(in.digit, in.from_pad, now_ms); break;
            case SudokuIntent::erase:
                if (selected_ >= 0) play(sudoku::Move::erase(selected_), now_ms);
                break;
            case SudokuIntent::toggle_notes: notes_mode_ = !notes_mode_; break;
            case SudokuIntent::undo:
                if (session_->undo()) {
                    hint_.reset();
                    save(now_ms);
                }
                break;
            case SudokuIntent::redo:
                if (session_->redo(ms(now_ms))) {
                    hint_.reset();
                    save(now_ms);
                    finish_if_over(now_ms);
                }
                break;
            case SudokuIntent::auto_notes: play(sudoku::Move::auto_notes(), now_ms); break;
            case SudokuIntent::hint: show_hint(); break;
            case SudokuIntent::apply_hint:
                if (auto mv = hint_move()) play(*mv, now_ms, true);
                break;
            case SudokuIntent::dismiss_hint: hint_.reset(); break;
            case SudokuIntent::pause:
                user_paused_ = true;
                session_->pause(ms(now_ms));
                save(now_ms);
                break;
            case SudokuIntent::resume:
                user_paused_ = false;
                session_->resume(ms(now_ms));
                break;
            case SudokuIntent::copy_puzzle:
                result.copy_text = session_->state().givens.to_string();
                copied_at_ = now_ms;
                break;
            case SudokuIntent::new_game: {
                const sudoku::Level level = session_->level();
                (void)start_level(level, now_ms);
                break;
            }
            case SudokuIntent::back:
            case SudokuIntent::menu: result.leave = true; break;
        }
    }
    return result;
}

std::optional<double> SudokuScreen::next_redraw_ms(double now_ms) const {
    if (now_ms - copied_at_ < kCopiedMs) return kCopiedMs - (now_ms - copied_at_) + 5;  // "Copied" goes back
    if (!session_ || !playing() || session_->paused() || !ctx_.settings->show_timer) return std::nullopt;
    const std::int64_t elapsed = session_->elapsed_ms(ms(now_ms));
    return static_cast<double>(1000 - elapsed % 1000) + 5;
}

void SudokuScreen::leave(double now_ms) {
    // Another screen, or the page went to the background: the clock stops, the game is saved.
    if (!session_) return;
    session_->pause(ms(now_ms));
    save(now_ms);
}

void SudokuScreen::enter(double now_ms) {
    if (session_ && playing() && !user_paused_) session_->resume(ms(now_ms));
}

Json SudokuScreen::state_json(double now_ms) const {
    if (!session_) return nullptr;
    const sudoku::State& st = session_->state();
    Json notes = Json::array();
    for (auto n : st.board.notes) notes.push_back(n);
    Json conflicts = Json::array();
    const auto bad = sudoku::conflicts(st);
    for (int c = 0; c < sudoku::kCells; ++c) {
        if (bad.test(c)) conflicts.push_back(c);
    }
    Json hint = nullptr;
    if (hint_) {
        Json cells = Json::array();
        for (auto c : hint_->step.cells) cells.push_back(c);
        hint = Json{{"kind", hint_->kind == sudoku::HintKind::wrong_entry  ? "wrong_entry"
                             : hint_->kind == sudoku::HintKind::wrong_note ? "wrong_note"
                                                                           : "step"},
                    {"technique", std::string(sudoku::technique_id(hint_->step.technique))},
                    {"cells", cells},
                    {"text_en", hint_->text_en},
                    {"text_ru", hint_->text_ru}};
    }
    return Json{{"id", session_->game_id()},
                {"level", std::string(sudoku::level_name(session_->level()))},
                {"givens", st.givens.to_string()},
                {"entries", st.board.entries.to_string()},
                {"notes", notes},
                {"selected", selected_},
                {"notes_mode", notes_mode_},
                {"armed", armed_},
                {"mistakes", st.mistakes},
                {"mistake_limit", st.rules.mistake_limit},
                {"hints_used", st.hints_used},
                {"status", status_name(st.status)},
                {"paused", user_paused_},
                {"elapsed_ms", session_->elapsed_ms(ms(now_ms))},
                {"can_undo", session_->can_undo()},
                {"can_redo", session_->can_redo()},
                {"conflicts", conflicts},
                {"hint", hint}};
}

}  // namespace astradia::shell
