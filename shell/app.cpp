// Purpose: implementation of App (see app.hpp).
#include "shell/app.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include <imgui.h>

#include "shell/audio.hpp"
#include "shell/bridge.hpp"
#include "shell/game/registry.hpp"
#include "shell/i18n.hpp"
#include "shell/ui/info_views.hpp"
#include "shell/ui/start_view.hpp"
#include "shell/ui/ui.hpp"
#include "shell/usage.hpp"

#ifndef ASTRADIA_VERSION
#define ASTRADIA_VERSION "dev"
#endif

namespace astradia::shell {
namespace {

constexpr StoredDocument<Settings> kSettings{"settings", kSettingsDocument};

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

// The player's choices as the statistics name them (server/stats/events.py, settings_changed).
const char* theme_choice_name(ThemeChoice t) {
    switch (t) {
        case ThemeChoice::system: return "system";
        case ThemeChoice::light: return "light";
        case ThemeChoice::dark: return "dark";
        case ThemeChoice::high_contrast: return "high-contrast";
    }
    return "system";
}
const char* language_choice_name(LanguageChoice l) {
    return l == LanguageChoice::en ? "en" : l == LanguageChoice::ru ? "ru" : "system";
}

}  // namespace

App::App(AppOptions options) : options_(std::move(options)), games_(make_games(GameContext{&store_, &settings_})) {}

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
    if (!bridge::store_available()) {
        health_ = StoreHealth::unavailable;
        notice_ = tr("storage.unavailable");
    }
    reload_all();
    open_link(bridge::location_hash());
    const std::pair<const char*, Page> pages[] = {
        {"settings", Page::settings}, {"statistics", Page::statistics}, {"help", Page::help}, {"about", Page::about}};
    for (const auto& [name, page] : pages) {
        if (options_.screen == name) navigate(Screen{page, nullptr});
    }
    if (options_.screen.find('/') != std::string::npos) open_link(options_.screen);
    fonts_ = build_fonts(window_.scale());
    window_.rebuild_fonts_texture();
    apply_settings();
    bridge::set_state_provider([this] { return state_json(); });
    return true;
}

void App::reload_all() {
    if (store_.changed(kSettings.slot)) {
        settings_ = Settings{};  // "Delete my data" takes the settings too
        Opened<Settings> s = store_.open(kSettings);
        if (s.damage) notice_ = fill(tr("storage.corrupt"), {{"what", tr("storage.what.settings")}});
        if (s.value) settings_ = *s.value;
        if (frames_drawn_ > 0) apply_settings();
    }
    for (const auto& game : games_) {
        const Reloaded r = game->reload();
        if (r.damaged != nullptr) notice_ = fill(tr("storage.corrupt"), {{"what", tr(r.damaged)}});
        // The game on screen was replaced (another tab) or deleted: show the new one as if
        // entered now, or go back to the start screen when there is none.
        if (r.replaced && stack_.back().game == game.get()) {
            if (game->has_game()) {
                game->enter(bridge::now_ms());
            } else {
                stack_.resize(1);
                screen_changed();
            }
        }
    }
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
    audio::configure(settings_.sound, settings_.volume);
    reduce_motion_ = motion_reduced(settings_.motion, bridge::prefers_reduced_motion());
    touch_screen_ = bridge::coarse_pointer();
}

void App::save_settings() { store_.write(kSettings, settings_to_json(settings_)); }

// The latest save's outcome becomes a notice once, when storage starts failing.
void App::check_storage() {
    const StoreHealth h = store_.health();
    if (h == StoreHealth::ok || h == health_) return;
    health_ = h;
    notice_ = tr(h == StoreHealth::unavailable ? "storage.unavailable"
                 : h == StoreHealth::full      ? "storage.full"
                                               : "storage.failed");
}

void App::leaving() {
    if (stack_.back().game != nullptr) stack_.back().game->leave(bridge::now_ms());
}

void App::navigate(Screen s) {
    leaving();
    stack_.push_back(s);
    screen_changed();
}

void App::show(Screen s) {
    if (stack_.back() == s) return;
    if (stack_.size() > 1) {
        leaving();
        stack_.back() = s;
        screen_changed();
    } else {
        navigate(s);
    }
}

void App::back() {
    if (stack_.size() <= 1) return;
    leaving();
    unopened_url_.clear();  // its notice belongs to the screen being left
    stack_.pop_back();
    screen_changed();
}

void App::screen_changed() {
    // Arrow keys move the board's selection on game screens, ImGui's focus elsewhere.
    ImGuiIO& io = ImGui::GetIO();
    const Screen& now = stack_.back();
    if (now.game != nullptr) {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        now.game->enter(bridge::now_ms());
        set_hash(now.game->link());
    } else {
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        if (now.page == Page::start) set_hash("");
    }
    settle_.activity();
    // Which screens are used, counted on this device only with the player's consent.
    count_usage(store_, "view." + screen_name());
    report_event("app_screen", Json{{"screen", screen_name()}, {"theme", theme_name(theme_)},
                                    {"lang", std::string(language_code(language()))}});
}

void App::set_hash(const std::string& hash) {
    hash_ = hash;
    bridge::set_location_hash(hash);
}

void App::enter(GameScreen& game, const GameEntry& entry) {
    if (!entry.notice.empty()) notice_ = entry.notice;
    if (!entry.show) return;
    if (stack_.back().game == &game) {
        screen_changed();  // a new game on the same screen: its link, its clock
    } else {
        show(Screen{Page::game, &game});
    }
}

void App::open_link(const std::string& link) {
    const std::string_view text(link);
    const std::size_t slash = text.find('/');
    const std::string_view name = text.substr(0, slash);
    const std::string_view rest = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
    for (const auto& game : games_) {
        if (game->name() == name) enter(*game, game->open_link(rest, bridge::now_ms()));
    }
}

bool App::frame() {
    if (window_.should_close()) return false;
    const unsigned host = bridge::take_host_events();
    const double now_host = bridge::now_ms();
    if (host & bridge::host_theme_changed) apply_settings();
    if (host & bridge::host_hash_changed) open_link(bridge::location_hash());
    if (host & bridge::host_storage_changed) reload_all();  // another tab, or the widget's "Delete my data"
    if (host & bridge::host_hidden && !hidden_) {
        hidden_ = true;
        leaving();
    }
    if (host & bridge::host_shown && hidden_) {
        hidden_ = false;
        if (stack_.back().game != nullptr) stack_.back().game->enter(now_host);
    }
    if (host & bridge::host_pasted) {
        // Only on the start screen: a stray paste must never replace a game in progress.
        const std::optional<bridge::Pasted> pasted = bridge::take_pasted();
        if (pasted && stack_.back().page == Page::start) {
            for (const auto& game : games_) {
                if (const std::optional<GameEntry> entry = game->paste(*pasted, now_host)) {
                    if (entry->show) notice_.clear();  // an earlier paste's complaint is answered
                    enter(*game, *entry);
                    break;
                }
            }
        }
    }
    const bool active = window_.poll_activity() || host != 0;
    if (active) settle_.activity();
    const bool shoot = !options_.screenshot.empty();
    // A running clock on screen redraws once a second, an animation at its pace, and
    // nothing else draws by itself.
    const double now = bridge::now_ms();
    GameScreen* game = stack_.back().game;
    const std::optional<double> tick = game != nullptr ? game->next_redraw_ms(now) : std::optional<double>{};
    settle_.timer(tick, now);  // due now, run out while the loop slept, or an animation just ended
    if (!settle_.needs_frame() && !shoot) {
        // Idle: nothing moves and no input came. Draw nothing; sleep until input (or the tick).
        settle_.sleeping(tick, now);
        if (tick) bridge::wake_after(*tick);
        bridge::sleep_loop();
        window_.wait_events(tick ? *tick / 1000.0 : 1.0);
        return true;
    }

    const double started = bridge::now_ms();
    const bool scale_changed = window_.begin_frame();
    Ui ui = make_ui();
    ui.touch = window_.touch_input();
    ui.fling = window_.fling();
    // Digits drawn 1:1: at the size the game on screen asks for, 40 CSS px elsewhere.
    const float digits = game != nullptr ? game->digit_css(ui) : 40.0f;
    if (scale_changed || digits != fonts_.digits_css) {
        fonts_ = build_fonts(window_.scale(), digits);
        window_.rebuild_fonts_texture();
        apply_theme(theme_, window_.scale());
    }
    ImGui::NewFrame();
    set_frame_keys(&window_.key_presses());
    begin_targets(window_.scale());
    draw(ui);
    check_storage();
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
    // Drawn: the loop goes on until two frames in a row show the same (settle.hpp).
    settle_.drawn(frame_fingerprint(ImGui::GetDrawData()));
    if (redraw_requested()) settle_.wake();  // a list coasting after a flick: the next frame too
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
    ui.touch_screen = touch_screen_;
    ui.reduce_motion = reduce_motion_;
    return ui;
}

void App::draw(const Ui& ui) {
    const double now = bridge::now_ms();
    switch (stack_.back().page) {
        case Page::start: {
            StartModel m;
            m.privacy_choices = bridge::privacy_choices_available();
            m.notice = notice_;
            m.version = ASTRADIA_VERSION;
            m.cards = static_cast<int>(games_.size());
            GameScreen* chosen = nullptr;
            GameEntry entry;
            const StartAction a = draw_start_view(ui, m, [&](int i, float width) {
                GameScreen& game = *games_[static_cast<std::size_t>(i)];
                const TargetGroup group(std::string(game.name()).c_str());
                GameEntry e = game.draw_card(ui, width, now);
                if (e.show || !e.notice.empty()) {
                    chosen = &game;
                    entry = std::move(e);
                }
            });
            if (chosen != nullptr) enter(*chosen, entry);
            switch (a.kind) {
                case StartAction::settings: navigate(Screen{Page::settings, nullptr}); break;
                case StartAction::statistics: navigate(Screen{Page::statistics, nullptr}); break;
                case StartAction::help: navigate(Screen{Page::help, nullptr}); break;
                case StartAction::about: navigate(Screen{Page::about, nullptr}); break;
                case StartAction::dismiss_notice: notice_.clear(); break;
                case StartAction::privacy_choices: bridge::open_privacy_choices(); break;
                case StartAction::none: break;
            }
            break;
        }
        case Page::game: {
            GameScreen& game = *stack_.back().game;
            const GameFrame r = game.frame(ui, now);
            if (!r.copy_text.empty() && !bridge::clipboard_write(r.copy_text)) ImGui::SetClipboardText(r.copy_text.c_str());
            if (r.leave) {
                back();
            } else if (game.link() != hash_) {
                set_hash(game.link());  // a new game, or a question answered, on the same screen
            }
            break;
        }
        case Page::settings: {
            const Settings before = settings_;
            const SettingsAction a = draw_settings_view(ui, &settings_, bridge::privacy_choices_available());
            if (a.changed) {
                apply_settings();
                save_settings();
                if (settings_.theme != before.theme || settings_.language != before.language) {
                    report_event("settings_changed", Json{{"theme", theme_choice_name(settings_.theme)},
                                                          {"lang", language_choice_name(settings_.language)}});
                }
            }
            if (a.privacy_choices) bridge::open_privacy_choices();
            if (a.back) back();
            break;
        }
        case Page::statistics:
            if (draw_statistics_view(ui, [&] {
                    for (const auto& game : games_) game->draw_statistics(ui);
                })) {
                back();
            }
            break;
        case Page::help: {
            std::string support;
            if (draw_help_view(ui, [&] {
                    for (const auto& game : games_) game->draw_help(ui);
                    support = draw_support_section(ui, ASTRADIA_VERSION, unopened_url_);
                })) {
                back();
            }
            if (!support.empty()) unopened_url_ = bridge::open_url(support);
            break;
        }
        case Page::about: {
            const AboutAction a = draw_about_view(ui, ASTRADIA_VERSION, unopened_url_);
            if (!a.open_url.empty()) unopened_url_ = bridge::open_url(a.open_url);
            if (a.back) back();
            break;
        }
    }
}

std::string App::screen_name() const {
    const Screen& s = stack_.back();
    switch (s.page) {
        case Page::start: return "start";
        case Page::game: return std::string(s.game->name());
        case Page::settings: return "settings";
        case Page::statistics: return "statistics";
        case Page::help: return "help";
        case Page::about: return "about";
    }
    return "start";
}

std::string App::state_json() {
    const double now = bridge::now_ms();
    Json j = Json::object();
    j["screen"] = screen_name();
    j["frames"] = frames_drawn_;
    j["theme"] = theme_name(theme_);
    j["language"] = std::string(language_code(language()));
    j["storage"] = health_name(health_);
    j["notice"] = notice_;
    j["settings"] = settings_to_json(settings_);
    j["version"] = ASTRADIA_VERSION;
    j["frame_ms"] = frame_ms_;  // CPU time of recent frames, for the frame-cost benchmark
    for (const auto& game : games_) game->describe(j, now);
    Json usage_counts = Json::object();
    for (const auto& [event, n] : usage(store_)) usage_counts[event] = n;
    j["consent"] = Json{{"statistics", bridge::consent_allows("statistics")}, {"usage", usage_counts}};
    Json list = Json::array();
    for (const Target& t : targets()) {
        list.push_back(Json{{"label", t.label}, {"x", t.x}, {"y", t.y}, {"w", t.w}, {"h", t.h},
                            {"enabled", t.enabled}, {"on", t.on}, {"group", t.group}, {"focused", t.focused}});
    }
    j["targets"] = list;
    // Sound and motion (issue 17): what the player chose and the effects played so far.
    Json played = Json::object();
    for (int i = 0; i < audio::kEffectCount; ++i) {
        played[audio::name(static_cast<audio::Effect>(i))] = audio::log().played[static_cast<std::size_t>(i)];
    }
    j["audio"] = Json{{"on", audio::enabled()}, {"played", played}, {"started", audio::log().started}};
    j["reduce_motion"] = reduce_motion_;
    return canonical_dump(j);
}

}  // namespace astradia::shell
