// Purpose: a fresh user-data folder for the native bridge's storage in one test
// (ASTRADIA_USER_DIR points at it, and it is removed afterwards), with helpers to look
// at the files behind the keys.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>

struct TempUserDir {
    std::string path;
    TempUserDir() {
        char tmpl[] = "/tmp/astradia-store-XXXXXX";
        path = ::mkdtemp(tmpl);
        ::setenv("ASTRADIA_USER_DIR", path.c_str(), 1);
    }
    ~TempUserDir() {
        const std::string cmd = "rm -rf '" + path + "'";
        REQUIRE(std::system(cmd.c_str()) == 0);
        ::unsetenv("ASTRADIA_USER_DIR");
    }
    TempUserDir(const TempUserDir&) = delete;
    TempUserDir& operator=(const TempUserDir&) = delete;
    std::string file(const std::string& key) const { return path + "/" + key + ".json"; }
    std::string read(const std::string& key) const {
        std::ifstream in(file(key));
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    void write(const std::string& key, const std::string& text) const { std::ofstream(file(key)) << text; }
    bool exists(const std::string& key) const { return ::access(file(key).c_str(), F_OK) == 0; }
};
