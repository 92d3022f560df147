// Purpose: the engine-wide CLI commands: version, sha256, save verify.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "engine/core/json_reader.hpp"
#include "engine/core/sealed.hpp"
#include "engine/core/sha256.hpp"

#ifndef ASTRADIA_VERSION
#define ASTRADIA_VERSION "dev"
#endif

namespace astradia::cli {

int run_version(const Args& args) {
    if (!args.empty()) {
        std::fprintf(stderr, "usage: astradia version\n");
        return 2;
    }
    std::printf("astradia %s\n", ASTRADIA_VERSION);
    return 0;
}

int run_sha256(const Args& args) {
    if (args.empty()) {
        std::printf("%s  -\n", sha256_hex(read_stdin()).c_str());
        return 0;
    }
    int status = 0;
    for (const std::string& path : args) {
        Expected<std::string> data = read_file(path);
        if (!data) {
            std::fprintf(stderr, "astradia sha256: %s\n", data.error().message.c_str());
            status = 1;
            continue;
        }
        std::printf("%s  %s\n", sha256_hex(*data).c_str(), path.c_str());
    }
    return status;
}

// save verify FILE...: one line per file: "FILE: ok <kind> v<N>" or "FILE: <error>".
int run_save(const Args& args) {
    if (args.size() < 2 || args[0] != "verify") {
        std::fprintf(stderr, "usage: astradia save verify FILE...\n");
        return 2;
    }
    int status = 0;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& path = args[i];
        Expected<std::string> data = read_file(path);
        if (!data) {
            std::fprintf(stderr, "%s: %s\n", path.c_str(), data.error().message.c_str());
            status = 1;
            continue;
        }
        // The kind is read from the envelope itself, then checked like any load.
        std::string kind;
        if (Expected<Json> parsed = parse_json(*data, "save"); parsed && parsed->is_object() &&
                                                                parsed->contains("kind") &&
                                                                (*parsed)["kind"].is_string()) {
            kind = (*parsed)["kind"].get<std::string>();
        }
        Expected<Sealed> opened = unseal(*data, kind, 1 << 20);
        if (!opened) {
            std::fprintf(stderr, "%s: %s [%s]\n", path.c_str(), opened.error().message.c_str(),
                         opened.error().code.c_str());
            status = 1;
            continue;
        }
        std::printf("%s: ok %s v%d\n", path.c_str(), kind.c_str(), opened->version);
    }
    return status;
}

}  // namespace astradia::cli
