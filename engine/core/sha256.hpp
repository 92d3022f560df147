// Purpose: SHA-256 (FIPS 180-4) for checksummed saves and document hashes.
// Written here rather than taken from a Debian package because the engine must
// compile unchanged to WebAssembly with no platform libraries, and Debian's
// hashing libraries (OpenSSL, nettle, gcrypt) ship only native binaries. Checked
// against the FIPS test vectors and against Python's hashlib in the tests.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace astradia {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // Finishes the hash; the object must not be updated afterwards.
    Sha256Digest finish();

private:
    void block(const std::uint8_t* p);
    std::uint32_t h_[8];
    std::uint8_t buf_[64];
    std::size_t buf_len_ = 0;
    std::uint64_t total_ = 0;
};

Sha256Digest sha256(std::string_view data);
// Lower-case hexadecimal, 64 characters.
std::string sha256_hex(std::string_view data);
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace astradia
