// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/IndexSeal.h"

#include "core/crypto/Kdf.h"

#include <string_view>

namespace cc::records {

namespace {

constexpr std::string_view kElementLabel = "CipherChart index element v1";
constexpr std::string_view kSealLabel = "CipherChart index seal v1";
constexpr std::string_view kWriterLabel = "CipherChart index writer v1";

void append(std::vector<std::uint8_t>& out, std::string_view label)
{
    out.insert(out.end(), label.begin(), label.end());
    out.push_back(0x00);
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void appendU64(std::vector<std::uint8_t>& out, std::uint64_t v)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void appendField(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> field)
{
    appendU32(out, static_cast<std::uint32_t>(field.size()));
    out.insert(out.end(), field.begin(), field.end());
}

} // namespace

std::vector<std::uint8_t> indexElement(const ports::ObservationIndexRow& row)
{
    std::vector<std::uint8_t> out;
    indexElementInto(row, out);
    return out;
}

void indexElementInto(const ports::ObservationIndexRow& row, std::vector<std::uint8_t>& out)
{
    out.clear();
    out.reserve(kElementLabel.size() + 2 + 9 * 4 + 16 * 7 + row.paillier.size() + row.paillierMac.size() + 1);
    append(out, kElementLabel);
    out.push_back(0x01);
    appendField(out, row.rowId);
    appendField(out, row.patientRef.bytes);
    for (const auto* column : {&row.codeToken, &row.sexToken, &row.ageBandToken, &row.yearToken, &row.consentToken,
                               &row.paillier, &row.paillierMac})
        appendField(out, *column);
    out.push_back(row.latest ? 1 : 0);
}

std::vector<std::uint8_t> conditionElement(std::span<const std::uint8_t> rowId,
                                           std::span<const std::uint8_t> patientRef,
                                           std::span<const std::uint8_t> token)
{
    std::vector<std::uint8_t> out;
    append(out, kElementLabel);
    out.push_back(0x02);
    appendField(out, rowId);
    appendField(out, patientRef);
    appendField(out, token);
    return out;
}

namespace {

/// The hash of one element, added (sign > 0) or removed, counted in the observation or condition rows.
ports::IndexDigest elementDelta(std::span<const std::uint8_t> element, int sign, bool observation)
{
    ports::IndexDigest d;
    if (sign > 0)
        d.hash.addElement(element);
    else
        d.hash.subtractElement(element);
    (observation ? d.observationRows : d.conditionRows) = sign > 0 ? 1 : -1;
    return d;
}

} // namespace

ports::IndexDigest observationDelta(const ports::ObservationIndexRow& row, int sign)
{
    return elementDelta(indexElement(row), sign, true);
}

ports::IndexDigest conditionDelta(std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> patientRef,
                                  std::span<const std::uint8_t> token, int sign)
{
    return elementDelta(conditionElement(rowId, patientRef, token), sign, false);
}

std::vector<std::uint8_t> chartManifestElement(std::span<const std::uint8_t> patientRef,
                                               std::span<const std::uint8_t> manifest)
{
    std::vector<std::uint8_t> out;
    append(out, kElementLabel);
    out.push_back(0x03);
    appendField(out, patientRef);
    appendField(out, manifest);
    return out;
}

ports::IndexDigest chartManifestDelta(std::span<const std::uint8_t> patientRef, std::span<const std::uint8_t> manifest,
                                      int sign)
{
    // In the hash only: the seal's counts stay those of the index and condition rows (sealMessage v1).
    ports::IndexDigest d;
    const auto element = chartManifestElement(patientRef, manifest);
    if (sign > 0)
        d.hash.addElement(element);
    else
        d.hash.subtractElement(element);
    return d;
}

std::vector<std::uint8_t> sealMessage(const access::ClinicId& clinic, std::uint64_t seq,
                                      const ports::IndexDigest& digest)
{
    std::vector<std::uint8_t> out;
    append(out, kSealLabel);
    out.insert(out.end(), clinic.begin(), clinic.end());
    appendU64(out, seq);
    appendU64(out, static_cast<std::uint64_t>(digest.observationRows));
    appendU64(out, static_cast<std::uint64_t>(digest.conditionRows));
    const auto lanes = digest.hash.bytes();
    out.insert(out.end(), lanes.begin(), lanes.end());
    return out;
}

Result<crypto::Ed25519PrivateKey> indexWriterKey(const crypto::SecureBytes& clinicalCategory,
                                                 const access::ClinicId& clinic)
{
    const std::span<const std::uint8_t> info(reinterpret_cast<const std::uint8_t*>(kWriterLabel.data()),
                                             kWriterLabel.size());
    auto seed = crypto::hkdfSha256(clinicalCategory.span(), clinic, info, 32);
    CC_TRY(seed);
    return crypto::Ed25519PrivateKey::fromSeed(seed->span());
}

std::vector<std::uint8_t> writerLinkMessage(const access::ClinicId& clinic, std::span<const std::uint8_t> previous,
                                            std::span<const std::uint8_t> next, std::uint32_t nextKeyId)
{
    std::vector<std::uint8_t> out;
    append(out, kWriterLabel);
    out.insert(out.end(), clinic.begin(), clinic.end());
    out.insert(out.end(), previous.begin(), previous.end());
    out.insert(out.end(), next.begin(), next.end());
    appendU32(out, nextKeyId);
    return out;
}

} // namespace cc::records
