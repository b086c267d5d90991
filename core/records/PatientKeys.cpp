// SPDX-License-Identifier: GPL-3.0-or-later
// Per-patient keys wrapped under the identity and clinical category keys.
#include "core/records/PatientKeys.h"

#include "core/crypto/Aead.h"

#include <string_view>

namespace cc::records {

namespace {

constexpr std::string_view kDomain = "cc-pkey-v1";

access::KeyKind categoryOf(PatientKeyKind kind)
{
    return kind == PatientKeyKind::Identity ? access::KeyKind::IdentityCategory : access::KeyKind::ClinicalCategory;
}

std::vector<std::uint8_t> wrapAad(PatientKeyKind kind, const access::PatientId& patient, std::uint32_t keyId)
{
    // Built byte by byte: GCC 12 misreports range inserts from a constexpr string_view (-Warray-bounds).
    std::vector<std::uint8_t> aad;
    aad.reserve(kDomain.size() + patient.size() + 5);
    for (char c : kDomain)
        aad.push_back(static_cast<std::uint8_t>(c));
    for (std::uint8_t b : patient)
        aad.push_back(b);
    aad.push_back(static_cast<std::uint8_t>(kind));
    for (int shift = 24; shift >= 0; shift -= 8)
        aad.push_back(static_cast<std::uint8_t>((keyId >> shift) & 0xFFu));
    return aad;
}

Result<const access::KeyEntry*> categoryKey(const access::KeyRing& ring, PatientKeyKind kind)
{
    const access::KeyEntry* entry = ring.find(categoryOf(kind));
    if (entry == nullptr)
        return makeError(ErrorCode::AccessDenied, kind == PatientKeyKind::Identity
                                                      ? "this account holds no identity category key"
                                                      : "this account holds no clinical category key");
    return entry;
}

} // namespace

PatientKey PatientKeys::generate(crypto::Rng& rng)
{
    PatientKey key;
    do {
        key.keyId = static_cast<std::uint32_t>(rng.uniform(0x100000000ULL));
    } while (key.keyId == 0);
    key.secret = rng.secureBytes(crypto::Aead::kKeySize);
    return key;
}

Result<std::vector<std::uint8_t>> PatientKeys::wrap(const access::KeyRing& ring, PatientKeyKind kind,
                                                    const access::PatientId& patient, const PatientKey& key,
                                                    crypto::Rng& rng)
{
    auto category = categoryKey(ring, kind);
    CC_TRY(category);
    const auto aad = wrapAad(kind, patient, key.keyId);
    return crypto::Aead::seal((*category)->secret, (*category)->keyId, key.secret.span(), aad, rng);
}

Result<PatientKey> PatientKeys::unwrap(const access::KeyRing& ring, PatientKeyKind kind,
                                       const access::PatientId& patient, std::uint32_t keyId,
                                       std::span<const std::uint8_t> wrapped)
{
    auto category = categoryKey(ring, kind);
    CC_TRY(category);
    const auto aad = wrapAad(kind, patient, keyId);
    auto secret = crypto::Aead::open((*category)->secret, (*category)->keyId, wrapped, aad);
    CC_TRY(secret);
    if (secret->size() != crypto::Aead::kKeySize)
        return makeError(ErrorCode::IntegrityFailure, "a wrapped patient key has the wrong size");
    PatientKey key;
    key.keyId = keyId;
    key.secret = std::move(*secret);
    return key;
}

Result<WrappedPatientKeys> PatientKeys::createFor(const access::KeyRing& ring, const access::PatientId& patient,
                                                  crypto::Rng& rng, PatientKey* identityOut, PatientKey* clinicalOut)
{
    PatientKey identity = generate(rng);
    PatientKey clinical = generate(rng);
    WrappedPatientKeys out;
    out.identityKeyId = identity.keyId;
    out.clinicalKeyId = clinical.keyId;
    auto iw = wrap(ring, PatientKeyKind::Identity, patient, identity, rng);
    CC_TRY(iw);
    out.identityWrapped = std::move(*iw);
    auto cw = wrap(ring, PatientKeyKind::Clinical, patient, clinical, rng);
    CC_TRY(cw);
    out.clinicalWrapped = std::move(*cw);
    if (identityOut != nullptr)
        *identityOut = std::move(identity);
    if (clinicalOut != nullptr)
        *clinicalOut = std::move(clinical);
    return out;
}

} // namespace cc::records
