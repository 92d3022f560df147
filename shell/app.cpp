// Purpose: implementation of App (see app.hpp).
#include "shell/app.hpp"

#include <cstdio>

#include <imgui.h>

#include "shell/bridge.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/info_views.hpp"
#include "shell/ui/start_view.hpp"
#include "shell/ui/ui.hpp"

#ifndef ASTRADIA_VERSION
#define ASTRADIA_VERSION "dev"
#endif

namespace astradia::shell {
namespace {

constexpr const char* kSettingsSlot = "settings";
constexpr const char* kSudokuStatsSlot = "sudoku.stats";

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::start: return "start";
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

}  // namespace

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
    LoadResult s = store_.load(kSettingsSlot, kSettingsKind, kSettingsVersion);
    if (s.corrupt) report_corrupt("storage.what.settings");
    if (s.document) {
        if (auto loaded = settings_from_json(s.document->payload)) settings_ = *loaded;
    }
    load_statistics();
    for (Screen sc : {Screen::settings, Screen::statistics, Screen::help, Screen::about}) {
        if (options_.screen == screen_name(sc)) navigate(sc);
    }
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
    LoadResult st = store_.load(kSudokuStatsSlot, sudoku::kStatisticsKind, sudoku::kStatisticsVersion);
    if (st.corrupt) report_corrupt("storage.what.stats");
    if (!st.document) return;
    if (auto loaded = sudoku::statistics_from_json(st.document->payload)) {
        sudoku_stats_ = *loaded;
    } else {
        report_corrupt("storage.what.stats");  // sealed intact but inconsistent: start clean, say so
    }
}

void App::save_settings() {
    report(store_.save(kSettingsSlot, seal(kSettingsKind, kSettingsVersion, settings_to_json(settings_)),
                       kSettingsKind, kSettingsVersion));
}

void App::save_statistics() {
    report(store_.save(kSudokuStatsSlot,
                       seal(sudoku::kStatisticsKind, sudoku::kStatisticsVersion, statistics_to_json(sudoku_stats_)),
                       sudoku::kStatisticsKind, sudoku::kStatisticsVersion));
}

void App::navigate(Screen s) { stack_.push_back(s); }

void App::back() {
    if (stack_.size() > 1) stack_.pop_back();
}

bool App::frame() {
    if (window_.should_close()) return false;
    const unsigned host = bridge::take_host_events();
    if (host & bridge::host_theme_changed) apply_settings();
    if (host & bridge::host_storage_changed) {
        load_statistics();  // another tab, or the consent widget's "Delete my data", changed storage
    }
    const bool active = window_.poll_activity() || host != 0;
    if (active) settle_frames_ = 3;
    const bool shoot = !options_.screenshot.empty();
    if (settle_frames_ <= 0 && !shoot) {
        // Idle: nothing moves and no input came. Draw nothing; sleep until input.
        bridge::sleep_loop();
        window_.wait_events(1.0);
        return true;
    }
    --settle_frames_;

    const double started = bridge::now_ms();
    if (window_.begin_frame()) {
        fonts_ = build_fonts(window_.scale());
        window_.rebuild_fonts_texture();
        apply_theme(theme_, window_.scale());
    }
    ImGui::NewFrame();
    begin_targets(window_.scale());
    draw();
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

void App::draw() {
    Ui ui;
    ui.fonts = &fonts_;
    ui.pal = &palette(theme_);
    ui.theme = theme_;
    ui.s = window_.scale();
    ui.width_css = static_cast<float>(window_.pixel_width()) / ui.s;
    ui.height_css = static_cast<float>(window_.pixel_height()) / ui.s;

    switch (stack_.back()) {
        case Screen::start: {
            StartModel m;
            m.daily_label = tr("start.daily");
            m.notice = notice_;
            m.version = ASTRADIA_VERSION;
            const StartAction a = draw_start_view(ui, m);
            switch (a.kind) {
                case StartAction::settings: navigate(Screen::settings); break;
                case StartAction::statistics: navigate(Screen::statistics); break;
                case StartAction::help: navigate(Screen::help); break;
                case StartAction::about: navigate(Screen::about); break;
                case StartAction::dismiss_notice: notice_.clear(); break;
                default: break;
            }
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
        case Screen::statistics:
            if (draw_statistics_view(ui, sudoku_stats_, bridge::local_date(), BricksSummary{})) back();
            break;
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
    Json list = Json::array();
    for (const Target& t : targets()) {
        list.push_back(Json{{"label", t.label}, {"x", t.x}, {"y", t.y}, {"w", t.w}, {"h", t.h},
                            {"enabled", t.enabled}, {"on", t.on}});
    }
    j["targets"] = list;
    return canonical_dump(j);
}

}  // namespace astradia::shell
