// Purpose: the string table (English and Russian, our own words) and the helpers
// that pick and fill strings (see i18n.hpp).
#include "shell/i18n.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace astradia::shell {
namespace {

struct Entry {
    std::string_view key;
    const char* en;
    const char* ru;
};

// Keep related keys together; keys are stable ids. Looked up through kByKey.
constexpr Entry kTable[] = {
    // --- start screen ---
    {"app.name", "Astradia", "Astradia"},
    {"app.tagline", "Two classic puzzles, free in your browser. Pick a game.",
     "Две классические головоломки — бесплатно, прямо в браузере. Выберите игру."},
    {"start.sudoku.name", "Sudoku classic", "Классическое судоку"},
    {"start.sudoku.blurb", "9\u00D79 with one solution, five levels, notes, hints and a daily puzzle.",
     "9\u00D79, единственное решение, пять уровней, заметки, подсказки и задача дня."},
    {"start.bricks.name", "Bricks 1010", "Bricks 1010"},
    {"start.bricks.blurb", "Place blocks on a 10\u00D710 board; fill rows and columns to clear them.",
     "Ставьте фигуры на поле 10\u00D710; заполненные ряды и столбцы исчезают."},
    {"start.new_game", "New game", "Новая игра"},
    {"start.continue", "Continue", "Продолжить"},
    {"start.daily", "Daily puzzle", "Задача дня"},
    // --- dates: "21 November" / "21 ноября" ---
    {"date.day_month", "{day} {month}", "{day} {month}"},
    {"month.1", "January", "января"},
    {"month.2", "February", "февраля"},
    {"month.3", "March", "марта"},
    {"month.4", "April", "апреля"},
    {"month.5", "May", "мая"},
    {"month.6", "June", "июня"},
    {"month.7", "July", "июля"},
    {"month.8", "August", "августа"},
    {"month.9", "September", "сентября"},
    {"month.10", "October", "октября"},
    {"month.11", "November", "ноября"},
    {"month.12", "December", "декабря"},
    {"start.daily_done", "Daily puzzle solved", "Задача дня решена"},
    {"start.best", "Best: {score}", "Рекорд: {score}"},
    {"start.version", "Version {version}", "Версия {version}"},
    {"nav.settings", "Settings", "Настройки"},
    {"nav.statistics", "Statistics", "Статистика"},
    {"nav.help", "How to play", "Как играть"},
    {"nav.about", "About", "О программе"},
    {"nav.back", "Back", "Назад"},
    {"nav.menu", "Menu", "Меню"},
    {"nav.close", "Close", "Закрыть"},
    // --- levels ---
    {"level.easy", "Easy", "Лёгкий"},
    {"level.medium", "Medium", "Средний"},
    {"level.hard", "Hard", "Сложный"},
    {"level.expert", "Expert", "Эксперт"},
    {"level.extreme", "Extreme", "Экстрим"},
    // --- sudoku screen ---
    {"sudoku.paused", "Paused", "Пауза"},
    {"sudoku.pause", "Pause", "Пауза"},
    {"sudoku.resume", "Resume", "Продолжить"},
    {"sudoku.copy", "Copy puzzle", "Скопировать задачу"},
    {"sudoku.copied", "Copied \u2713", "Скопировано \u2713"},
    {"sudoku.imported", "Your puzzle", "Своя задача"},
    {"start.paste", "Paste a puzzle", "Вставить задачу"},
    {"start.paste_help", "81 cells from the clipboard: digits, with 0 or . for an empty cell.",
     "81 клетка из буфера обмена: цифры, 0 или . для пустой клетки."},
    {"sudoku.bad_import", "That text is not a puzzle to play ({reason}).", "Этот текст не задача для игры ({reason})."},
    {"sudoku.paste_refused", "The browser did not let the game read the clipboard: press Ctrl+V (Cmd+V on a Mac) on this page instead.",
     "Браузер не дал игре прочитать буфер обмена: нажмите Ctrl+V (Cmd+V на Mac) на этой странице."},
    {"sudoku.mistakes", "Mistakes: {n}", "Ошибки: {n}"},
    {"sudoku.mistakes_of", "Mistakes: {n} of {limit}", "Ошибки: {n} из {limit}"},
    {"sudoku.notes", "Notes", "Заметки"},
    {"sudoku.undo", "Undo", "Отмена"},
    {"sudoku.redo", "Redo", "Повтор"},
    {"sudoku.erase", "Erase", "Стереть"},
    {"sudoku.hint", "Hint", "Подсказка"},
    {"sudoku.auto_notes", "Auto notes", "Авто"},
    {"sudoku.apply_hint", "Show me", "Сделать ход"},
    {"sudoku.got_it", "Got it", "Понятно"},
    {"sudoku.won", "Solved!", "Решено!"},
    {"sudoku.won_detail", "{level}, in {time}.", "{level}, за {time}."},
    {"sudoku.lost", "Out of mistakes", "Ошибок слишком много"},
    {"sudoku.lost_detail", "This game is over. A new puzzle is one tap away.",
     "Эта партия окончена. Новая задача — в одно касание."},
    {"sudoku.new_record", "A new best time!", "Новый рекорд времени!"},
    {"sudoku.best_time", "Your best: {time}", "Ваш рекорд: {time}"},
    {"sudoku.bad_link", "That link does not open a puzzle ({reason}).", "Эта ссылка не открывает задачу ({reason})."},
    // --- sudoku: the tool bar, hints in stages, the question before a game is replaced,
    // the win summary, the daily puzzle's calendar ---
    {"sudoku.on", "ON", "ВКЛ"},
    {"sudoku.off", "OFF", "ВЫКЛ"},
    {"sudoku.mistakes_short", "\u2715 {n}", "\u2715 {n}"},
    {"sudoku.mistakes_short_of", "\u2715 {n}/{limit}", "\u2715 {n}/{limit}"},
    {"sudoku.hint_stage", "Hint \u00B7 step {n} of {of}", "Подсказка \u00B7 шаг {n} из {of}"},
    {"sudoku.hint_which", "Which technique?", "Какой приём?"},
    {"sudoku.hint_answer", "Show the answer", "Показать ответ"},
    {"sudoku.summary.time", "Time", "Время"},
    {"sudoku.summary.mistakes", "Mistakes", "Ошибки"},
    {"sudoku.summary.of", "{n} of {limit}", "{n} из {limit}"},
    {"sudoku.summary.hints", "Hints", "Подсказки"},
    {"sudoku.summary.best", "Best time", "Лучшее время"},
    {"sudoku.summary.streak", "Wins in a row", "Побед подряд"},
    {"sudoku.summary.daily_streak", "Daily streak", "Серия задач дня"},
    {"sudoku.lost_daily", "This day's puzzle can be tried again from the start.",
     "Задачу этого дня можно начать сначала."},
    {"sudoku.try_again", "Try again", "Ещё раз"},
    {"sudoku.replace.title", "Start another puzzle?", "Начать другую задачу?"},
    {"sudoku.replace.body",
     "You have a game in progress ({game}). The new puzzle takes its place, and it counts as not finished.",
     "У вас есть незаконченная партия ({game}). Новая задача займёт её место, а партия будет считаться незаконченной."},
    {"sudoku.replace.yes", "Play the new puzzle", "Играть в новую"},
    {"sudoku.replace.no", "Keep my game", "Оставить свою"},
    {"start.daily_level", "Today's daily puzzle: {level}", "Задача дня сегодня: {level}"},
    {"daily.today", "Today", "Сегодня"},
    {"daily.day_level", "{day}: {level}", "{day}: {level}"},
    {"daily.solved", "Solved \u2713", "Решена \u2713"},
    {"daily.streak", "Daily streak: {days}", "Серия задач дня: {days}"},
    {"daily.play", "Play", "Играть"},
    {"daily.play_again", "Play again", "Сыграть ещё раз"},
    {"weekday.short.1", "Mo", "Пн"},
    {"weekday.short.2", "Tu", "Вт"},
    {"weekday.short.3", "We", "Ср"},
    {"weekday.short.4", "Th", "Чт"},
    {"weekday.short.5", "Fr", "Пт"},
    {"weekday.short.6", "Sa", "Сб"},
    {"weekday.short.7", "Su", "Вс"},
    {"month.name.1", "January", "Январь"},
    {"month.name.2", "February", "Февраль"},
    {"month.name.3", "March", "Март"},
    {"month.name.4", "April", "Апрель"},
    {"month.name.5", "May", "Май"},
    {"month.name.6", "June", "Июнь"},
    {"month.name.7", "July", "Июль"},
    {"month.name.8", "August", "Август"},
    {"month.name.9", "September", "Сентябрь"},
    {"month.name.10", "October", "Октябрь"},
    {"month.name.11", "November", "Ноябрь"},
    {"month.name.12", "December", "Декабрь"},
    {"unit.days.one", "{n} day", "{n} день"},
    {"unit.days.few", "{n} days", "{n} дня"},
    {"unit.days.many", "{n} days", "{n} дней"},
    {"unit.wins.one", "{n} win", "{n} победа"},
    {"unit.wins.few", "{n} wins", "{n} победы"},
    {"unit.wins.many", "{n} wins", "{n} побед"},
    // --- bricks screen ---
    {"bricks.score", "Score", "Счёт"},
    {"bricks.over", "No more room", "Места больше нет"},
    {"bricks.final_score", "Your score: {score}.", "Ваш счёт: {score}."},
    {"bricks.new_record", "A new best score!", "Новый рекорд!"},
    {"bricks.again", "Play again", "Сыграть ещё"},
    {"bricks.bad_link", "This Bricks link is broken: a game number is 1 to 19 digits.",
     "Ссылка на игру Bricks повреждена: номер игры состоит из 1–19 цифр."},
    // --- settings ---
    {"settings.title", "Settings", "Настройки"},
    {"settings.appearance", "Appearance", "Оформление"},
    {"settings.theme", "Theme", "Тема"},
    {"settings.theme.system", "Like the system", "Как в системе"},
    {"settings.theme.light", "Light", "Светлая"},
    {"settings.theme.dark", "Dark", "Тёмная"},
    {"settings.theme.contrast", "High contrast", "Высокий контраст"},
    {"settings.language", "Language", "Язык"},
    {"settings.language.system", "Like the browser", "Как в браузере"},
    {"settings.motion", "Motion", "Анимация"},
    {"settings.motion.system", "Like the system", "Как в системе"},
    {"settings.motion.full", "Full", "Полная"},
    {"settings.motion.reduced", "Reduced", "Меньше"},
    {"settings.sudoku", "Sudoku", "Судоку"},
    {"settings.highlight_peers", "Highlight row, column and box", "Подсвечивать строку, столбец и блок"},
    {"settings.highlight_same", "Highlight equal digits", "Подсвечивать одинаковые цифры"},
    {"settings.show_conflicts", "Show conflicts in red", "Показывать конфликты красным"},
    {"settings.auto_remove_notes", "Remove notes when a digit is placed", "Убирать заметки при вводе цифры"},
    {"settings.mistake_limit", "Mistake limit", "Лимит ошибок"},
    {"settings.mistake_limit.off", "Off", "Без лимита"},
    {"settings.input_mode", "Input", "Ввод"},
    {"settings.input_mode.cell_first", "Cell first, then digit", "Сначала клетка, потом цифра"},
    {"settings.input_mode.digit_first", "Digit first, then cells", "Сначала цифра, потом клетки"},
    {"settings.show_timer", "Show the timer", "Показывать таймер"},
    {"settings.bricks", "Bricks", "Bricks"},
    {"settings.bricks_hint", "Show a suggested move", "Показывать подсказку хода"},
    {"settings.data", "Your data", "Ваши данные"},
    {"settings.privacy_choices", "Privacy choices", "Настройки приватности"},
    // --- storage messages (one sentence each) ---
    {"storage.unavailable", "This browser does not let the site store data, so your progress will not be kept.",
     "Браузер не разрешает сайту сохранять данные, поэтому прогресс не сохранится."},
    {"storage.full", "Storage is full, so your progress will not be kept.",
     "Хранилище переполнено, поэтому прогресс не сохранится."},
    {"storage.failed", "Your progress could not be saved just now; the game goes on.",
     "Не удалось сохранить прогресс; игра продолжается."},
    {"storage.corrupt", "We could not read your saved {what}, so we set it aside and started fresh.",
     "Не удалось прочитать сохранение ({what}): мы отложили его в сторону и начали заново."},
    {"storage.what.sudoku", "Sudoku game", "партия в судоку"},
    {"storage.what.bricks", "Bricks game", "партия в Bricks"},
    {"storage.what.stats", "statistics", "статистика"},
    {"storage.what.settings", "settings", "настройки"},
    // --- statistics ---
    {"stats.played", "Played", "Сыграно"},
    {"stats.won", "Won", "Выиграно"},
    {"stats.best_time", "Best time", "Лучшее время"},
    {"stats.average_time", "Average time", "Среднее время"},
    {"stats.streak", "Current streak", "Текущая серия"},
    {"stats.best_streak", "Best streak", "Лучшая серия"},
    {"stats.none_yet", "No games yet.", "Пока ни одной партии."},
    {"stats.daily_streak", "Daily puzzle streak (days)", "Серия задач дня (дней)"},
    {"stats.daily_best_streak", "Best daily streak", "Лучшая серия задач дня"},
    {"stats.daily_solved", "Daily puzzles solved", "Решено задач дня"},
    {"stats.bricks_games", "Games", "Партии"},
    {"stats.bricks_best", "Best score", "Рекорд"},
    {"stats.bricks_average", "Average score", "Средний счёт"},
    {"stats.bricks_lines", "Lines cleared", "Убрано линий"},
    // --- help ---
    {"help.keyboard", "Keyboard", "Клавиатура"},
    {"help.sudoku.rules",
     "Fill the grid so that every row, every column and every 3\u00D73 box holds each digit from 1 to 9 "
     "exactly once. Every puzzle has exactly one solution, and you never need to guess.",
     "Заполните сетку так, чтобы в каждой строке, каждом столбце и каждом блоке 3\u00D73 все цифры от 1 до 9 "
     "встречались ровно по одному разу. У каждой задачи ровно одно решение, и угадывать не нужно."},
    {"help.sudoku.tools",
     "Pick a cell, then a digit (or a digit, then cells: see Settings); each digit key shows how many are left to "
     "place. Notes writes small candidates, Auto notes fills in every candidate at once. Undo goes back as far as "
     "you like. The daily puzzle is the same for everyone; its calendar shows the days you solved.",
     "Выберите клетку, потом цифру (или наоборот — это меняется в настройках); на каждой цифре видно, сколько "
     "их ещё осталось поставить. «Заметки» пишут маленьких кандидатов, «Авто» расставляет их сразу везде. "
     "Отменять ходы можно сколько угодно. Задача дня одна для всех; в её календаре отмечены решённые дни."},
    {"help.sudoku.hints",
     "A hint comes in three steps: where to look, which technique works there, and then the answer, which it can "
     "play for you. A wrong digit or a missing note is pointed out first.",
     "Подсказка открывается в три шага: куда смотреть, какой приём там работает и, наконец, ответ — его можно "
     "сразу сыграть. Неверная цифра или пропущенная заметка показываются первыми."},
    {"help.sudoku.paste",
     "To play a puzzle from elsewhere, copy its 81 cells and press Ctrl+V on the start screen (or New game, "
     "Paste a puzzle); Pause, Copy puzzle copies the one you play.",
     "Чтобы сыграть задачу из другого места, скопируйте её 81 клетку и нажмите Ctrl+V на начальном экране "
     "(или «Новая игра», «Вставить задачу»); «Пауза», «Скопировать задачу» копирует текущую."},
    {"help.touch", "Touch", "Касания"},
    {"help.sudoku.touch",
     "Tap a cell, then a digit at the bottom. Tap the pencil for notes (its badge says whether they are on), the "
     "eraser to clear a cell, the arrows to undo and redo, the bulb for a hint. The pause button next to the "
     "clock hides the board.",
     "Коснитесь клетки, затем цифры внизу. Карандаш включает заметки (значок на нём показывает, включены ли они), "
     "ластик очищает клетку, стрелки отменяют и возвращают ход, лампочка даёт подсказку. Кнопка паузы рядом с "
     "часами скрывает поле."},
    {"help.key.move", "Move", "Перемещение"},
    {"help.key.digit", "Enter a digit", "Ввести цифру"},
    {"help.key.erase", "Erase", "Стереть"},
    {"help.key.notes", "Notes mode", "Режим заметок"},
    {"help.key.undo", "Undo / redo", "Отменить / вернуть"},
    {"help.key.hint", "Hint", "Подсказка"},
    {"help.key.pause", "Pause", "Пауза"},
    {"help.key.back", "Close a hint, or back to the menu", "Закрыть подсказку или вернуться в меню"},
    {"help.bricks.rules",
     "Three pieces are offered at a time. Drag each onto the 10\u00D710 board wherever all its cells are free; "
     "pieces do not rotate. Place all three to get the next three. A full row or column clears at once. "
     "The game ends when none of the offered pieces fits.",
     "Одновременно предлагаются три фигуры. Перетащите каждую на поле 10\u00D710 туда, где свободны все её "
     "клетки; фигуры не поворачиваются. Когда поставлены все три, появляются следующие. Заполненный ряд или "
     "столбец сразу исчезает. Игра заканчивается, когда ни одна из фигур не помещается."},
    {"help.bricks.scoring",
     "Each placed cell scores a point; clearing r lines at once adds 5\u00B7r\u00B7(r+1): 10, 30, 60, 100\u2026",
     "Каждая поставленная клетка даёт очко; r линий, убранных одним ходом, добавляют 5\u00B7r\u00B7(r+1): "
     "10, 30, 60, 100\u2026"},
    {"help.bricks.keys",
     "Keyboard: 1\u20133 picks a piece, the arrows move it, Enter places it, Escape puts it back "
     "(or pauses), H shows a suggested move.",
     "Клавиатура: 1\u20133 — выбрать фигуру, стрелки — двигать, Enter — поставить, Escape — вернуть "
     "(или пауза), H — подсказка хода."},
    // --- about ---
    {"about.title", "About Astradia", "Об Astradia"},
    {"about.body",
     "Astradia brings the studio's Sudoku classic and Bricks 1010 to the browser. It runs on your device: "
     "your games are saved in this browser only.",
     "Astradia переносит в браузер «Классическое судоку» и Bricks 1010 нашей студии. Всё работает на вашем "
     "устройстве: партии сохраняются только в этом браузере."},
    {"about.licences", "Open-source software we ship", "Открытое ПО в составе игры"},
    {"about.legal", "Legal documents", "Правовые документы"},
    {"about.terms", "Terms of Use", "Пользовательское соглашение"},
    {"about.privacy", "Privacy Policy", "Политика конфиденциальности"},
    {"about.sale", "Terms of Sale", "Условия продажи"},
    {"about.support", "Support", "Поддержка"},
    {"about.support_body", "Questions, bug reports and claims: we answer by e-mail, a claim within 10 business days.",
     "Вопросы, сообщения об ошибках и претензии: отвечаем по почте, на претензию — в течение 10 рабочих дней."},
    {"about.support_open", "Write to support", "Написать в поддержку"},
    {"link.no_browser", "No web browser could be opened. Open this address in a browser yourself:",
     "Не удалось открыть браузер. Откройте этот адрес в браузере сами:"},
    {"link.copy", "Copy the address", "Скопировать адрес"},
    {"about.browsers", "Runs in browsers with WebAssembly and WebGL 2.",
     "Работает в браузерах с поддержкой WebAssembly и WebGL 2."},
    // --- Bricks: hint, pause, call-outs, game over (issue 17) ---
    {"bricks.hint", "Hint", "Подсказка"},
    {"bricks.paused", "Paused", "Пауза"},
    {"bricks.paused_saved", "Your game is saved: you can also come back to it later from the menu.",
     "Партия сохранена: к ней можно вернуться и позже, из меню."},
    {"bricks.resume", "Resume", "Продолжить"},
    {"bricks.no_room", "No room for these pieces", "Этим фигурам нет места"},
    {"bricks.callout.lines.one", "{n} line!", "{n} линия!"},
    {"bricks.callout.lines.few", "{n} lines!", "{n} линии!"},
    {"bricks.callout.lines.many", "{n} lines!", "{n} линий!"},
    {"bricks.callout.streak", "Streak ×{n}", "Серия ×{n}"},
    // --- sound (issue 17) ---
    {"settings.sound", "Sound", "Звук"},
    {"settings.sound_on", "Sound effects", "Звуковые эффекты"},
    {"settings.volume", "Volume", "Громкость"},
    // --- plurals ---
    {"unit.minutes.one", "{n} minute", "{n} минута"},
    {"unit.minutes.few", "{n} minutes", "{n} минуты"},
    {"unit.minutes.many", "{n} minutes", "{n} минут"},
    {"unit.games.one", "{n} game", "{n} партия"},
    {"unit.games.few", "{n} games", "{n} партии"},
    {"unit.games.many", "{n} games", "{n} партий"},
};

constexpr std::size_t kEntries = std::size(kTable);

// The table's positions in key order, computed by the compiler (an insertion sort: the
// table is a few hundred entries), so nothing is sorted, or mutable, at run time.
constexpr std::array<std::uint16_t, kEntries> kByKey = [] {
    std::array<std::uint16_t, kEntries> order{};
    for (std::size_t i = 0; i < kEntries; ++i) {
        std::size_t j = i;
        for (; j > 0 && kTable[i].key < kTable[order[j - 1]].key; --j) order[j] = order[j - 1];
        order[j] = static_cast<std::uint16_t>(i);
    }
    return order;
}();
static_assert(kEntries < 65536);
// Every key once (a duplicate would hide one of the two strings).
static_assert([] {
    for (std::size_t i = 1; i < kEntries; ++i) {
        if (kTable[kByKey[i - 1]].key == kTable[kByKey[i]].key) return false;
    }
    return true;
}(), "a key appears twice in the string table");

const Entry* find(std::string_view key) {
    const auto it = std::lower_bound(kByKey.begin(), kByKey.end(), key,
                                     [](std::uint16_t e, std::string_view k) { return kTable[e].key < k; });
    return it != kByKey.end() && kTable[*it].key == key ? &kTable[*it] : nullptr;
}

Lang g_lang = Lang::en;

}  // namespace

Lang language() { return g_lang; }
void set_language(Lang lang) { g_lang = lang; }

Lang language_from_tag(std::string_view tag) {
    return tag.size() >= 2 && (tag[0] == 'r' || tag[0] == 'R') && (tag[1] == 'u' || tag[1] == 'U') &&
                   (tag.size() == 2 || tag[2] == '-' || tag[2] == '_')
               ? Lang::ru
               : Lang::en;
}

std::string_view language_code(Lang lang) { return lang == Lang::ru ? "ru" : "en"; }

const char* tr(std::string_view key, Lang lang) {
    if (const Entry* e = find(key)) return lang == Lang::ru ? e->ru : e->en;
    static thread_local std::string missing;
    missing.assign(key);
    return missing.c_str();
}

const char* tr(std::string_view key) { return tr(key, g_lang); }

std::string fill(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : values) {
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string plural(std::string_view key, long n) {
    const long a = n < 0 ? -n : n;
    const char* form = "many";
    if (g_lang == Lang::ru) {
        if (a % 10 == 1 && a % 100 != 11) {
            form = "one";
        } else if (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 12 || a % 100 > 14)) {
            form = "few";
        }
    } else if (a == 1) {
        form = "one";
    }
    std::string full(key);
    full += '.';
    full += form;
    return fill(tr(full), {{"n", std::to_string(n)}});
}

std::string long_date(std::string_view iso) {
    const auto digit = [&](std::size_t i) { return iso[i] >= '0' && iso[i] <= '9'; };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digit(5) || !digit(6) || !digit(8) || !digit(9)) {
        return std::string(iso);
    }
    const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
    const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso);
    return fill(tr("date.day_month"), {{"day", std::to_string(day)}, {"month", tr("month." + std::to_string(month))}});
}

std::string format_duration(long long ms) {
    const long long total = std::max(0LL, ms / 1000);
    char buf[32];
    if (total >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, (total / 60) % 60, total % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%lld:%02lld", total / 60, total % 60);
    }
    return buf;
}

std::vector<std::string_view> all_keys() {
    std::vector<std::string_view> keys;
    for (const Entry& e : kTable) keys.push_back(e.key);
    return keys;
}

}  // namespace astradia::shell
