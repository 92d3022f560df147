// Purpose: input helpers shared by every CLI command: whole files, stdin, and
// "inputs" that are file names, "-" for stdin, or literal text, read line by line
// with their origin and line number so errors can point at them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/core/expected.hpp"

namespace astradia::cli {

// The whole file as bytes; error io.read when it cannot be opened or read.
Expected<std::string> read_file(const std::string& path);
// All of standard input as bytes.
std::string read_stdin();

struct InputLine {
    std::string origin;  // file name, "<stdin>" or "<argument N>"
    int number = 0;      // 1-based line number within the origin
    std::string text;    // without the line terminator
};

// Feeds every line of every input to `fn`, in order. An input is "-" (stdin), an
// existing file, or else literal text (an argument given on the command line).
// No inputs at all means stdin. Stops early when fn returns false.
// Returns false (after printing the reason to stderr) when a file cannot be read.
// Seconds of CPU time used by this process (under node: process.cpuUsage(), user +
// system, since libc has no CPU clock under Emscripten). For benchmarks.
double cpu_seconds();
// Seconds of CPU time used by the calling thread (benchmarks that run on several
// threads); under node, the process's (the program runs on one thread there).
double thread_cpu_seconds();
// Seconds on a monotonic wall clock.
double wall_seconds();

bool for_each_line(const std::vector<std::string>& inputs, const std::function<bool(const InputLine&)>& fn);

}  // namespace astradia::cli
