// SPDX-License-Identifier: GPL-3.0-or-later
// Row sealing over crypto::Aead with a row-binding AAD.
#include "core/records/SealedRow.h"

#include "core/crypto/Aead.h"

namespace cc::records {

namespace {

constexpr std::string_view kDomain = "cc-row-v1";

void appendBigEndian32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>((v >> shift) & 0xFFu));
}

void appendField(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> field)
{
    // Length prefixes keep the concatenation unambiguous ("ab"‖"c" differs from "a"‖"bc").
    appendBigEndian32(out, static_cast<std::uint32_t>(field.size()));
    out.insert(out.end(), field.begin(), field.end());
}

std::span<const std::uint8_t> asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

} // namespace

std::vector<std::uint8_t> SealedRow::associatedData(std::string_view table, std::string_view column,
                                                    std::span<const std::uint8_t> rowId, std::uint32_t keyId)
{
    std::vector<std::uint8_t> aad;
    aad.reserve(kDomain.size() + table.size() + column.size() + rowId.size() + 24);
    appendField(aad, asBytes(kDomain));
    appendField(aad, asBytes(table));
    appendField(aad, asBytes(column));
    appendField(aad, rowId);
    std::vector<std::uint8_t> id;
    appendBigEndian32(id, keyId);
    appendField(aad, id);
    return aad;
}

Result<std::vector<std::uint8_t>> SealedRow::seal(const crypto::SecureBytes& key, std::uint32_t keyId,
                                                  std::string_view table, std::string_view column,
                                                  std::span<const std::uint8_t> rowId,
                                                  std::span<const std::uint8_t> document, crypto::Rng& rng)
{
    if (rowId.empty() || table.empty() || column.empty())
        return makeError(ErrorCode::InvalidArgument, "a sealed row needs a table, a column and a row id");
    const auto aad = associatedData(table, column, rowId, keyId);
    return crypto::Aead::seal(key, keyId, document, aad, rng);
}

Result<crypto::SecureBytes> SealedRow::open(const crypto::SecureBytes& key, std::uint32_t keyId, std::string_view table,
                                            std::string_view column, std::span<const std::uint8_t> rowId,
                                            std::span<const std::uint8_t> blob)
{
    const auto aad = associatedData(table, column, rowId, keyId);
    auto opened = crypto::Aead::open(key, keyId, blob, aad);
    if (!opened && opened.error().code == ErrorCode::IntegrityFailure)
        return makeError(ErrorCode::IntegrityFailure,
                         "a " + std::string(table) + " document did not verify (altered, or not this row's)");
    return opened;
}

} // namespace cc::records
