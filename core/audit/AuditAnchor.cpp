// SPDX-License-Identifier: GPL-3.0-or-later
// Text encoding of the audit anchor with a checksum line.
#include "core/audit/AuditAnchor.h"

#include "core/crypto/Hex.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace cc::audit {

namespace {

constexpr std::string_view kMagic = "CipherChart audit anchor ";
constexpr std::string_view kVersion = "1";

std::string checksumOf(std::string_view text)
{
    const auto digest = crypto::sha256({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    return crypto::hexEncode(digest);
}

Error fieldError(const char* field, std::string message)
{
    return malformed(std::move(message), {}, 0, field);
}

// Reads "<name>=<value>\n" at `pos`; hex values must be lower-case of the exact length.
Result<std::string_view> takeLine(std::string_view text, std::size_t& pos, const char* name)
{
    const std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
        return fieldError(name, "missing or not terminated by a line feed");
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const std::string prefix = std::string(name) + "=";
    if (line.substr(0, prefix.size()) != prefix)
        return fieldError(name, "expected here");
    return line.substr(prefix.size());
}

template <std::size_t N> Status parseHex(std::string_view value, const char* field, std::array<std::uint8_t, N>& out)
{
    const bool lowerHex = std::all_of(value.begin(), value.end(),
                                      [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (value.size() != 2 * N || !lowerHex)
        return fieldError(field, "must be " + std::to_string(2 * N) + " lower-case hex digits");
    auto bytes = crypto::hexDecode(value);
    CC_TRY(bytes);
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return {};
}

} // namespace

std::string AuditAnchor::encode() const
{
    std::string text;
    text += kMagic;
    text += kVersion;
    text += "\nclinic=" + crypto::hexEncode(clinicId);
    text += "\nseq=" + std::to_string(seq);
    text += "\nhash=" + crypto::hexEncode(hash);
    text += "\nmac=" + crypto::hexEncode(mac);
    text += "\n";
    text += "check=" + checksumOf(text) + "\n";
    return text;
}

Result<AuditAnchor> AuditAnchor::parse(std::string_view text)
{
    if (text.size() > 4096)
        return fieldError("anchor", "too long for an audit anchor");
    const std::size_t firstEnd = text.find('\n');
    if (firstEnd == std::string_view::npos || text.substr(0, kMagic.size()) != kMagic)
        return fieldError("header", "not a CipherChart audit anchor");
    if (text.substr(kMagic.size(), firstEnd - kMagic.size()) != kVersion)
        return Error{ErrorCode::Unsupported, "unknown audit anchor version", {}, 0, "header"};

    std::size_t pos = firstEnd + 1;
    auto clinic = takeLine(text, pos, "clinic");
    CC_TRY(clinic);
    auto seqText = takeLine(text, pos, "seq");
    CC_TRY(seqText);
    auto hashText = takeLine(text, pos, "hash");
    CC_TRY(hashText);
    auto macText = takeLine(text, pos, "mac");
    CC_TRY(macText);
    const std::size_t checkedEnd = pos;
    auto check = takeLine(text, pos, "check");
    CC_TRY(check);
    if (pos != text.size())
        return fieldError("check", "unexpected text after the checksum line");
    // The checksum comes first: a damaged file must be reported as damaged, whatever field broke.
    if (*check != checksumOf(text.substr(0, checkedEnd)))
        return fieldError("check", "checksum mismatch: the anchor file is damaged");

    AuditAnchor anchor;
    CC_TRY(parseHex(*clinic, "clinic", anchor.clinicId));
    const std::string_view s = *seqText;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), anchor.seq);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || (s.size() > 1 && s[0] == '0'))
        return fieldError("seq", "must be a decimal number without leading zeros");
    CC_TRY(parseHex(*hashText, "hash", anchor.hash));
    CC_TRY(parseHex(*macText, "mac", anchor.mac));
    return anchor;
}

} // namespace cc::audit
