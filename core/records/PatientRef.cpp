// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/PatientRef.h"

#include "core/crypto/Kdf.h"

#include <algorithm>
#include <vector>

namespace cc::records {

namespace {

constexpr std::string_view kLabel = "CipherChart patient ref v1";

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace

Result<access::PatientRef> patientRef(const PatientKey& clinicalKey, const access::PatientId& patient)
{
    if (clinicalKey.secret.size() == 0)
        return makeError(ErrorCode::InvalidArgument, "no patient clinical key to compute a patient reference");
    auto subkey = crypto::hkdfSha256(clinicalKey.secret.span(), {}, bytesOf(kLabel), 32);
    CC_TRY(subkey);
    std::vector<std::uint8_t> message(kLabel.begin(), kLabel.end());
    message.insert(message.end(), patient.begin(), patient.end());
    auto mac = crypto::hmacSha256(subkey->span(), message);
    CC_TRY(mac);
    access::PatientRef out;
    std::copy_n(mac->begin(), out.bytes.size(), out.bytes.begin());
    return out;
}

access::PatientRef legacyPatientRef(const access::PatientId& patient) noexcept
{
    access::PatientRef out;
    out.bytes = patient;
    return out;
}

} // namespace cc::records
