// Purpose: Expected<T>, the value-or-error type every engine boundary returns
// (parsers, loaders, moves). Errors are values with a stable code and a sentence
// a person can read; the engine never throws across its API.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace astradia {

struct Error {
    std::string code;     // stable, machine-readable id, e.g. "save.checksum"
    std::string message;  // one English sentence for a person
};

template <typename T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
    Expected(Error error) : v_(std::move(error)) {}        // NOLINT: implicit by design

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Precondition: ok(). Calling these on an error is a programmer mistake.
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    // Precondition: !ok().
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

inline Error make_error(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

}  // namespace astradia
