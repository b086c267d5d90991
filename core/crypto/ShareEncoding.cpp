// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/ShareEncoding.h"

#include <cctype>
#include <charconv>
#include <vector>

namespace cc::crypto {

namespace {

constexpr char kPrefix[] = "CC1";
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; // RFC 4648 section 6
constexpr std::size_t kGroupSize = 4;
constexpr std::size_t kChecksumChars = 7; // 35 bits: 3 zero bits then the 32-bit CRC

int base32Value(char c) noexcept
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= '2' && c <= '7')
        return c - '2' + 26;
    return -1;
}

// RFC 4648 base32 without padding. The spare low bits of the last character are zero.
std::string base32(std::span<const std::uint8_t> data)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const std::uint8_t b : data) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kAlphabet[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.push_back(kAlphabet[(buffer << (5 - bits)) & 0x1f]);
    secureWipe(&buffer, sizeof buffer);
    return out;
}

// Inverse of base32(). Rejects lengths no encoder produces and non-zero spare bits, so that every
// text has exactly one meaning (otherwise a typo in the spare bits would slip past the checksum).
Result<SecureBytes> unbase32(std::string_view text)
{
    const std::size_t rem = text.size() % 8;
    if (rem == 1 || rem == 3 || rem == 6)
        return malformed("the share has a wrong number of characters", {}, 0, "data");
    SecureBytes out(text.size() * 5 / 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t n = 0;
    for (const char c : text) {
        const int v = base32Value(c);
        if (v < 0)
            return malformed("the share contains a character that is not used in shares (only A-Z and 2-7)", {}, 0,
                             "data");
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            out[n++] = static_cast<std::uint8_t>(buffer >> (bits - 8));
            bits -= 8;
        }
    }
    const bool spareZero = (buffer & ((1u << bits) - 1)) == 0;
    secureWipe(&buffer, sizeof buffer);
    if (!spareZero)
        return malformed("the last data group is mistyped (checksum)", {}, 0, "data");
    return out;
}

std::string header(unsigned threshold, unsigned index)
{
    return std::string(kPrefix) + "-" + std::to_string(threshold) + "-" + std::to_string(index);
}

std::uint32_t checksumOf(std::string_view head, std::span<const std::uint8_t> data)
{
    const auto crc = crc32({reinterpret_cast<const std::uint8_t*>(head.data()), head.size()});
    return crc32(data, crc);
}

std::string checksumText(std::uint32_t crc)
{
    std::string out(kChecksumChars, 'A');
    for (std::size_t i = 0; i < kChecksumChars; ++i)
        out[kChecksumChars - 1 - i] = kAlphabet[(crc >> (5 * i)) & 0x1f];
    return out;
}

// A decimal number without sign or leading zeros, in [lo, hi].
bool parseNumber(std::string_view s, unsigned lo, unsigned hi, unsigned& out)
{
    if (s.empty() || s.size() > 3 || (s.size() > 1 && s[0] == '0'))
        return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && out >= lo && out <= hi;
}

} // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc) noexcept
{
    crc = ~crc;
    for (const std::uint8_t b : data) {
        crc ^= b;
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string encodeShare(const ShamirShare& share, unsigned threshold)
{
    const std::string head = header(threshold, share.index);
    std::string data = base32(share.data.span());
    std::string out = head;
    for (std::size_t i = 0; i < data.size(); i += kGroupSize) {
        out.push_back('-');
        out.append(data, i, kGroupSize);
    }
    out.push_back('-');
    out.append(checksumText(checksumOf(head, share.data.span())));
    secureWipe(data.data(), data.size());
    return out;
}

Result<DecodedShare> decodeShare(std::string_view text)
{
    // Normalise: drop whitespace, upper-case letters.
    std::string norm;
    norm.reserve(text.size());
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)))
            continue;
        norm.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    std::vector<std::string_view> parts;
    std::string_view rest(norm);
    for (;;) {
        const auto dash = rest.find('-');
        parts.push_back(rest.substr(0, dash));
        if (dash == std::string_view::npos)
            break;
        rest.remove_prefix(dash + 1);
    }

    auto fail = [&](std::string message, std::string field) -> Result<DecodedShare> {
        secureWipe(norm.data(), norm.size());
        return malformed(std::move(message), {}, 0, std::move(field));
    };
    if (parts.size() < 5 || parts[0] != kPrefix)
        return fail("this is not a CipherChart recovery share (it must start with CC1-)", "prefix");
    unsigned threshold = 0;
    unsigned index = 0;
    if (!parseNumber(parts[1], 2, 255, threshold))
        return fail("the threshold (second field) must be a number from 2 to 255", "threshold");
    if (!parseNumber(parts[2], 1, 255, index))
        return fail("the share number (third field) must be a number from 1 to 255", "index");
    const std::string_view checksum = parts.back();
    if (checksum.size() != kChecksumChars)
        return fail("the last group (checksum) must have 7 characters", "checksum");

    std::string data;
    for (std::size_t i = 3; i + 1 < parts.size(); ++i) {
        const bool last = i + 2 == parts.size();
        if (parts[i].empty() || parts[i].size() > kGroupSize || (!last && parts[i].size() != kGroupSize)) {
            secureWipe(data.data(), data.size());
            return fail("group " + std::to_string(i - 2) + " must have 4 characters", "data");
        }
        for (const char c : parts[i]) {
            if (base32Value(c) < 0) {
                secureWipe(data.data(), data.size());
                return fail("group " + std::to_string(i - 2) +
                                " contains a character that is not used in shares (only A-Z and 2-7)",
                            "data");
            }
        }
        data.append(parts[i]);
    }
    auto bytes = unbase32(data);
    secureWipe(data.data(), data.size());
    if (!bytes) {
        secureWipe(norm.data(), norm.size());
        return std::move(bytes).error();
    }

    std::uint64_t stated = 0;
    for (const char c : checksum) {
        const int v = base32Value(c);
        if (v < 0)
            return fail("the checksum group contains a character that is not used in shares (only A-Z and 2-7)",
                        "checksum");
        stated = (stated << 5) | static_cast<std::uint64_t>(v);
    }
    // The header text is canonical (leading zeros were rejected), so it equals what was printed.
    const std::string head = header(threshold, index);
    if (stated != checksumOf(head, bytes->span()))
        return fail("the checksum does not match: a character of this share was mistyped", "checksum");
    secureWipe(norm.data(), norm.size());
    return DecodedShare{threshold, ShamirShare{static_cast<std::uint8_t>(index), std::move(bytes).value()}};
}

} // namespace cc::crypto
