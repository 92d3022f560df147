// Purpose: implementation of App (see app.hpp).
#include "shell/app.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

#include "engine/sudoku/generator.hpp"
#include "shell/bridge.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/info_views.hpp"
#include "shell/ui/start_view.hpp"
#include "shell/ui/sudoku_view.hpp"
#include "shell/ui/ui.hpp"

#ifndef ASTRADIA_VERSION
#define ASTRADIA_VERSION "dev"
#endif

namespace astradia::shell {
namespace {

// A Bricks seed as written in a link or an option: 1 to 19 decimal digits.
std::optional<std::uint64_t> parse_seed(std::string_view text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t seed = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        seed = seed * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return seed;
}

constexpr StoredDocument<Settings> kSettings{"settings", kSettingsDocument};
constexpr StoredDocument<sudoku::Statistics> kSudokuStats{"sudoku.stats", sudoku::kStatisticsDocument};

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::start: return "start";
        case Screen::sudoku: return "sudoku";
        case Screen::bricks: return "bricks";
        case Screen::settings: return "settings";
        case Screen::statistics: return "statistics";
        case Screen::help: return "help";
        case Screen::about: return "about";
    }
    return "start";
}

const char* health_name(StoreHealth h) {
    switch (h) {
        case StoreHealth::ok: return "ok";
        case StoreHealth::unavailable: return "unavailable";
        case StoreHealth::full: return "full";
        case StoreHealth::failed: return "failed";
    }
    return "failed";
}

const char* theme_name(Theme t) {
    return t == Theme::dark ? "dark" : t == Theme::high_contrast ? "high-contrast" : "light";
}

SudokuServices sudoku_services(App* app, Store* store, sudoku::Statistics* stats, const Settings* settings,
                               void (*on_store)(void*, StoreHealth), void (*on_stats)(void*)) {
    SudokuServices s;
    s.store = store;
    s.stats = stats;
    s.settings = settings;
    s.on_store = on_store;
    s.on_stats = on_stats;
    s.app = app;
    return s;
}

}  // namespace

App::App(AppOptions options)
    : options_(std::move(options)),
      sudoku_(sudoku_services(
          this, &store_, &sudoku_stats_, &settings_,
          [](void* a, StoreHealth h) { static_cast<App*>(a)->report(h); },
          [](void* a) { static_cast<App*>(a)->save_statistics(); })),
      bricks_(BricksServices{&store_, &settings_, [](void* a, StoreHealth h) { static_cast<App*>(a)->report(h); },
                             this}) {}

bool App::start() {
    WindowSettings ws;
    ws.title = "Astradia";
    ws.width = options_.width;
    ws.height = options_.height;
    ws.forced_scale = options_.scale;
    if (!window_.open(ws)) {
        std::fprintf(stderr, "astradia-app: %s\n", window_.error().c_str());
        exit_code_ = 1;
        return false;
    }
    if (!bridge::store_available()) report(StoreHealth::unavailable);
    if (Expected<GameConsent> consent = GameConsent::built_in()) {
        consent_ = std::move(*consent);
    } else {  // a build defect (the manifest is checked when it is generated): play on without counters
        std::fprintf(stderr, "astradia-app: consent manifest: %s\n", consent.error().message.c_str());
    }
    Opened<Settings> s = store_.open(kSettings);
    if (s.damage) report_corrupt("storage.what.settings");
    if (s.value) settings_ = *s.value;
    load_statistics();
    if (sudoku_.load()) report_corrupt("storage.what.sudoku");
    if (bricks_.load()) report_corrupt("storage.what.bricks");
    route_hash();
    for (Screen sc : {Screen::settings, Screen::statistics, Screen::help, Screen::about}) {
        if (options_.screen == screen_name(sc)) navigate(sc);
    }
    if (options_.screen.rfind("sudoku/", 0) == 0) start_sudoku(options_.screen.substr(7));
    if (options_.screen.rfind("bricks/", 0) == 0) start_bricks(options_.screen.substr(7));
    fonts_ = build_fonts(window_.scale());
    window_.rebuild_fonts_texture();
    apply_settings();
    bridge::set_state_provider([this] { return state_json(); });
    return true;
}

void App::apply_settings() {
    switch (settings_.language) {
        case LanguageChoice::en: set_language(Lang::en); break;
        case LanguageChoice::ru: set_language(Lang::ru); break;
        case LanguageChoice::system: set_language(language_from_tag(bridge::preferred_language())); break;
    }
    switch (settings_.theme) {
        case ThemeChoice::light: theme_ = Theme::light; break;
        case ThemeChoice::dark: theme_ = Theme::dark; break;
        case ThemeChoice::high_contrast: theme_ = Theme::high_contrast; break;
        case ThemeChoice::system:
            theme_ = bridge::prefers_more_contrast() ? Theme::high_contrast
                     : bridge::prefers_dark()        ? Theme::dark
                                                     : Theme::light;
            break;
    }
    apply_theme(theme_, window_.scale());
}

void App::report(StoreHealth health) {
    if (health == StoreHealth::ok || health == health_) return;
    health_ = health;
    notice_ = tr(health == StoreHealth::unavailable ? "storage.unavailable"
                 : health == StoreHealth::full      ? "storage.full"
                                                    : "storage.failed");
}

void App::report_corrupt(const char* what_key) {
    notice_ = fill(tr("storage.corrupt"), {{"what", tr(what_key)}});
}

void App::load_statistics() {
    sudoku_stats_ = sudoku::Statistics{};
    Opened<sudoku::Statistics> st = store_.open(kSudokuStats);
    if (st.damage) report_corrupt("storage.what.stats");  // set aside; the player starts clean, and is told
    if (st.value) sudoku_stats_ = *st.value;
}

void App::save_settings() {
    report(store_.write(kSettings, settings_to_json(settings_)));
}

void App::save_statistics() {
    report(store_.write(kSudokuStats, statistics_to_json(sudoku_stats_)));
}

void App::navigate(Screen s) {
    if (stack_.back() == Screen::sudoku) sudoku_.on_leave(bridge::now_ms());
    stack_.push_back(s);
    screen_changed();
}

void App::show(Screen s) {
    if (stack_.back() == s) return;
    if (stack_.size() > 1) {
        if (stack_.back() == Screen::sudoku) sudoku_.on_leave(bridge::now_ms());
        stack_.back() = s;
        screen_changed();
    } else {
        navigate(s);
    }
}

void App::back() {
    if (stack_.size() <= 1) return;
    if (stack_.back() == Screen::sudoku) sudoku_.on_leave(bridge::now_ms());
    stack_.pop_back();
    screen_changed();
}

void App::screen_changed() {
    // Arrow keys move the board's selection on game screens, ImGui's focus elsewhere.
    ImGuiIO& io = ImGui::GetIO();
    if (stack_.back() == Screen::sudoku) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        sudoku_.on_enter(bridge::now_ms());
        bridge::set_location_hash("sudoku/" + sudoku_.game_id());
    } else if (stack_.back() == Screen::bricks) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        bridge::set_location_hash("bricks/" + std::to_string(bricks_.seed()));
    } else {
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        if (stack_.back() == Screen::start) bridge::set_location_hash("");
    }
    settle_frames_ = 3;
    // Anonymised statistics (which screens are used), only with the player's consent.
    if (consent_) consent_->count(std::string("view.") + screen_name(stack_.back()));
}

void App::start_sudoku(const std::string& id) { enter_sudoku(sudoku_.start(id, bridge::now_ms()), "sudoku.bad_link"); }

void App::enter_sudoku(const Expected<bool>& started, const char* notice_key) {
    if (!started) {
        notice_ = fill(tr(notice_key), {{"reason", started.error().message}});
        return;
    }
    show(Screen::sudoku);
    screen_changed();
}

void App::import_pasted(const bridge::Pasted& pasted) {
    // Only from the start screen: a stray paste must never replace a game in progress.
    if (stack_.back() != Screen::start) return;
    if (pasted.refused) {
        notice_ = tr("sudoku.paste_refused");
        return;
    }
    const Expected<sudoku::Imported> imported = sudoku::import_puzzle(pasted.text);
    if (imported) notice_.clear();  // an earlier paste's complaint is answered
    enter_sudoku(imported ? sudoku_.start_imported(*imported, bridge::now_ms()) : Expected<bool>(imported.error()),
                 "sudoku.bad_import");
}

void App::route_hash() {
    const std::string hash = bridge::location_hash();
    if (hash.rfind("sudoku/", 0) == 0) {
        const std::string id = hash.substr(7);
        if (id == sudoku_.game_id() && sudoku_.has_game()) {
            show(Screen::sudoku);
        } else {
            start_sudoku(id);
        }
    } else if (hash == "sudoku" && sudoku_.has_game()) {
        show(Screen::sudoku);
    } else if (hash == "bricks") {
        if (!bricks_.playing()) bricks_.start_random();
        show(Screen::bricks);
    } else if (hash.rfind("bricks/", 0) == 0) {
        start_bricks(hash.substr(7));
    }
}

void App::start_bricks(const std::string& seed_text) {
    const std::optional<std::uint64_t> seed = parse_seed(seed_text);
    if (!seed) {
        notice_ = tr("bricks.bad_link");
        return;
    }
    if (!bricks_.playing() || bricks_.seed() != *seed) bricks_.start(*seed);
    show(Screen::bricks);
    screen_changed();
}

bool App::frame() {
    if (window_.should_close()) return false;
    const unsigned host = bridge::take_host_events();
    if (host & bridge::host_theme_changed) apply_settings();
    if (host & bridge::host_hash_changed) route_hash();
    if (host & bridge::host_hidden) sudoku_.on_hidden(bridge::now_ms());
    if (host & bridge::host_shown) sudoku_.on_shown(bridge::now_ms());
    if (host & bridge::host_pasted) {
        if (const std::optional<bridge::Pasted> pasted = bridge::take_pasted()) import_pasted(*pasted);
    }
    if (host & bridge::host_storage_changed) {
        load_statistics();  // another tab, or the consent widget's "Delete my data", changed storage
        if (consent_) consent_->reload();
    }
    const bool active = window_.poll_activity() || host != 0;
    if (active) settle_frames_ = 3;
    const bool shoot = !options_.screenshot.empty();
    // A running clock on screen redraws once a second, and nothing else does by itself.
    const double now = bridge::now_ms();
    const std::optional<double> tick = stack_.back() == Screen::sudoku   ? sudoku_.next_redraw_ms(now)
                                       : stack_.back() == Screen::bricks ? bricks_.next_redraw_ms(now)
                                                                         : std::optional<double>{};
    if (tick && *tick <= 0) settle_frames_ = std::max(settle_frames_, 1);
    if (settle_frames_ <= 0 && !shoot) {
        // Idle: nothing moves and no input came. Draw nothing; sleep until input (or the tick).
        if (tick) bridge::wake_after(*tick);
        bridge::sleep_loop();
        window_.wait_events(tick ? *tick / 1000.0 : 1.0);
        return true;
    }
    --settle_frames_;

    const double started = bridge::now_ms();
    const bool scale_changed = window_.begin_frame();
    Ui ui = make_ui();
    ui.touch = window_.touch_input();
    // Digits drawn 1:1: the board's cells on Sudoku, the score elsewhere.
    const float digits = stack_.back() == Screen::sudoku ? sudoku_digit_css(ui) : 40.0f;
    if (scale_changed || digits != fonts_.digits_css) {
        fonts_ = build_fonts(window_.scale(), digits);
        window_.rebuild_fonts_texture();
        apply_theme(theme_, window_.scale());
    }
    ImGui::NewFrame();
    set_frame_keys(&window_.key_presses());
    begin_targets(window_.scale());
    draw(ui);
    const ImVec4 bg = palette(theme_).background;
    ++frames_drawn_;
    const auto spent = static_cast<float>(bridge::now_ms() - started);
    if (frame_ms_.size() < 600) {
        frame_ms_.push_back(spent);
    } else {
        frame_ms_[frame_ms_next_] = spent;
        frame_ms_next_ = (frame_ms_next_ + 1) % frame_ms_.size();
    }
    const bool take = shoot && frames_drawn_ >= options_.frames;
    if (!window_.end_frame(bg.x, bg.y, bg.z, take ? options_.screenshot.c_str() : nullptr)) {
        std::fprintf(stderr, "astradia-app: could not write %s\n", options_.screenshot.c_str());
        exit_code_ = 1;
    }
    if (frames_drawn_ == 1) bridge::report_first_frame();
    return !take;
}

Ui App::make_ui() const {
    Ui ui;
    ui.fonts = &fonts_;
    ui.pal = &palette(theme_);
    ui.theme = theme_;
    ui.s = window_.scale();
    ui.width_css = static_cast<float>(window_.pixel_width()) / ui.s;
    ui.height_css = static_cast<float>(window_.pixel_height()) / ui.s;
    return ui;
}

void App::draw(const Ui& ui) {
    const double now = bridge::now_ms();
    switch (stack_.back()) {
        case Screen::start: {
            const std::string today = bridge::local_date();
            StartModel m;
            m.sudoku_saved = sudoku_.playing();
            m.sudoku_saved_label = sudoku_.continue_label(now);
            m.daily_label = tr("start.daily");
            m.daily_done = sudoku_stats_.daily.last_date == today;
            m.bricks_saved = bricks_.playing();
            m.bricks_best = static_cast<long>(bricks_.best());
            m.notice = notice_;
            m.version = ASTRADIA_VERSION;
            const StartAction a = draw_start_view(ui, m);
            switch (a.kind) {
                case StartAction::sudoku_continue: show(Screen::sudoku); break;
                case StartAction::sudoku_new: {
                    Expected<bool> started = sudoku_.start_level(sudoku::kLevels[static_cast<std::size_t>(a.level)], now);
                    if (started) show(Screen::sudoku);
                    break;
                }
                case StartAction::bricks_continue: show(Screen::bricks); break;
                case StartAction::bricks_new:
                    bricks_.start_random();
                    show(Screen::bricks);
                    break;
                case StartAction::sudoku_daily:
                    if (sudoku_.playing() && sudoku_.game_id() == "daily-" + today) {
                        show(Screen::sudoku);
                    } else {
                        start_sudoku("daily-" + today);
                    }
                    break;
                case StartAction::sudoku_paste:
                    // The web reads asynchronously (the text comes back as host_pasted);
                    // natively the window's clipboard answers at once.
                    if (!bridge::clipboard_request_read()) {
                        const char* text = ImGui::GetClipboardText();
                        import_pasted(bridge::Pasted{text != nullptr ? text : "", false});
                    }
                    break;
                case StartAction::settings: navigate(Screen::settings); break;
                case StartAction::statistics: navigate(Screen::statistics); break;
                case StartAction::help: navigate(Screen::help); break;
                case StartAction::about: navigate(Screen::about); break;
                case StartAction::dismiss_notice: notice_.clear(); break;
                default: break;
            }
            break;
        }
        case Screen::sudoku: {
            const SudokuFrameResult r = sudoku_.frame(ui, now);
            if (!r.copy_text.empty() && !bridge::clipboard_write(r.copy_text)) ImGui::SetClipboardText(r.copy_text.c_str());
            if (r.leave) back();
            break;
        }
        case Screen::bricks: {
            bool leave = false;
            bricks_.frame(ui, now, &leave);
            if (leave) back();
            break;
        }
        case Screen::settings: {
            const SettingsAction a = draw_settings_view(ui, &settings_, bridge::privacy_choices_available());
            if (a.changed) {
                apply_settings();
                save_settings();
            }
            if (a.privacy_choices) bridge::open_privacy_choices();
            if (a.back) back();
            break;
        }
        case Screen::statistics: {
            const bricks::Stats& bs = bricks_.stats();
            BricksSummary summary{true, static_cast<long>(bs.games), static_cast<long>(bs.best),
                                  static_cast<long>(bs.average() + 0.5), static_cast<long>(bs.lines)};
            if (draw_statistics_view(ui, sudoku_stats_, bridge::local_date(), summary)) back();
            break;
        }
        case Screen::help:
            if (draw_help_view(ui)) back();
            break;
        case Screen::about: {
            const AboutAction a = draw_about_view(ui, ASTRADIA_VERSION);
            if (!a.open_url.empty()) bridge::open_url(a.open_url);
            if (a.back) back();
            break;
        }
    }
}

std::string App::state_json() const {
    Json j = Json::object();
    j["screen"] = screen_name(stack_.back());
    j["frames"] = frames_drawn_;
    j["theme"] = theme_name(theme_);
    j["language"] = std::string(language_code(language()));
    j["storage"] = health_name(health_);
    j["notice"] = notice_;
    j["settings"] = settings_to_json(settings_);
    j["version"] = ASTRADIA_VERSION;
    j["frame_ms"] = frame_ms_;  // CPU time of recent frames, for the frame-cost benchmark
    j["sudoku"] = sudoku_.state_json(bridge::now_ms());
    j["sudoku_stats"] = statistics_to_json(sudoku_stats_);
    j["bricks"] = bricks_.state_json();
    if (consent_) {
        const legal::AskAgain ask = consent_->must_ask_again();
        Json usage = Json::object();
        for (const auto& [event, n] : consent_->usage()) usage[event] = n;
        j["consent"] = Json{{"ask_again", ask.ask},
                            {"reason", std::string(legal::to_string(ask.reason))},
                            {"statistics", consent_->may_count("view.start").allowed},
                            {"usage", usage}};
    } else {
        j["consent"] = nullptr;
    }
    Json list = Json::array();
    for (const Target& t : targets()) {
        list.push_back(Json{{"label", t.label}, {"x", t.x}, {"y", t.y}, {"w", t.w}, {"h", t.h},
                            {"enabled", t.enabled}, {"on", t.on}, {"group", t.group}});
    }
    j["targets"] = list;
    return canonical_dump(j);
}

}  // namespace astradia::shell
