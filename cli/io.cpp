// Purpose: implementation of the CLI input helpers.
#include "cli/io.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <chrono>
#include <ctime>
#include <sys/stat.h>

#if defined(__EMSCRIPTEN__)
#include <emscripten.h>

// Seconds of CPU time of the node process (user + system).
EM_JS(double, astradia_node_cpu_seconds, (), {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
});
#endif

namespace astradia::cli {
namespace {

bool is_regular_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool feed(std::istream& in, const std::string& origin, const std::function<bool(const InputLine&)>& fn) {
    InputLine line;
    line.origin = origin;
    while (std::getline(in, line.text)) {
        ++line.number;
        if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
        if (!fn(line)) return false;
    }
    return true;
}

}  // namespace

#if defined(__EMSCRIPTEN__)
double cpu_seconds() { return astradia_node_cpu_seconds(); }
double thread_cpu_seconds() { return astradia_node_cpu_seconds(); }
#else
namespace {
double clock_seconds(clockid_t id) {
    timespec ts{};
    clock_gettime(id, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace
double cpu_seconds() { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }
double thread_cpu_seconds() { return clock_seconds(CLOCK_THREAD_CPUTIME_ID); }
#endif

double wall_seconds() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

Expected<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error("io.read", "cannot open " + path);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return make_error("io.read", "cannot read " + path);
    return data;
}

std::string read_stdin() {
    std::ostringstream out;
    out << std::cin.rdbuf();
    return out.str();
}

bool for_each_line(const std::vector<std::string>& inputs, const std::function<bool(const InputLine&)>& fn) {
    if (inputs.empty()) {
        feed(std::cin, "<stdin>", fn);
        return true;
    }
    int argument = 0;
    for (const std::string& input : inputs) {
        ++argument;
        if (input == "-") {
            if (!feed(std::cin, "<stdin>", fn)) return true;
        } else if (is_regular_file(input)) {
            std::ifstream file(input, std::ios::binary);
            if (!file) {
                std::fprintf(stderr, "astradia: cannot open %s\n", input.c_str());
                return false;
            }
            if (!feed(file, input, fn)) return true;
        } else {
            std::istringstream text(input);
            if (!feed(text, "<argument " + std::to_string(argument) + ">", fn)) return true;
        }
    }
    return true;
}

}  // namespace astradia::cli
