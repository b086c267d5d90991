// SPDX-License-Identifier: GPL-3.0-or-later
// Key kind names, sizes and the role table of DESIGN.md section 4.
#include "core/access/KeyKind.h"

namespace cc::access {

std::string_view keyKindName(KeyKind kind) noexcept
{
    switch (kind) {
    case KeyKind::DatabaseKey:
        return "DatabaseKey";
    case KeyKind::IdentityCategory:
        return "IdentityCategory";
    case KeyKind::ClinicalCategory:
        return "ClinicalCategory";
    case KeyKind::Index:
        return "Index";
    case KeyKind::AuditRoot:
        return "AuditRoot";
    case KeyKind::ClinicSigning:
        return "ClinicSigning";
    case KeyKind::PaillierShare:
        return "PaillierShare";
    case KeyKind::PatientIdentity:
        return "PatientIdentity";
    case KeyKind::PatientClinical:
        return "PatientClinical";
    case KeyKind::UserBox:
        return "UserBox";
    case KeyKind::ConsentTokens:
        return "ConsentTokens";
    case KeyKind::ReportKeyPin:
        return "ReportKeyPin";
    case KeyKind::IndexWriterPin:
        return "IndexWriterPin";
    }
    return "Unknown";
}

std::optional<KeyKind> keyKindFromName(std::string_view name) noexcept
{
    for (KeyKind k : kAllKeyKinds) {
        if (keyKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

std::optional<KeyKind> keyKindFromCode(std::uint8_t code) noexcept
{
    for (KeyKind k : kAllKeyKinds) {
        if (static_cast<std::uint8_t>(k) == code)
            return k;
    }
    return std::nullopt;
}

bool keySizeValid(KeyKind kind, std::size_t size) noexcept
{
    if (kind == KeyKind::PaillierShare)
        return size >= 1 && size <= kMaxPaillierShareSize;
    return size == 32;
}

std::vector<KeyKind> keyKindsForRole(Role role, bool custodian)
{
    switch (role) {
    case Role::Patient:
        // No clinic-wide key, the DBK included (issue 10 item 1): a patient session reads its own
        // sealed portal file and never opens the database (docs/PORTAL.md).
        return {KeyKind::PatientIdentity, KeyKind::PatientClinical, KeyKind::UserBox};
    case Role::Doctor:
        return {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory, KeyKind::Index,
                KeyKind::UserBox};
    case Role::Administrator:
        if (custodian)
            return {KeyKind::DatabaseKey,   KeyKind::IdentityCategory, KeyKind::Index,  KeyKind::AuditRoot,
                    KeyKind::ClinicSigning, KeyKind::PaillierShare,    KeyKind::UserBox};
        return {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::Index,
                KeyKind::AuditRoot,   KeyKind::ClinicSigning,    KeyKind::UserBox};
    }
    return {};
}

std::vector<KeyKind> optionalKeyKindsForRole(Role role)
{
    if (role == Role::Patient)
        return {KeyKind::ConsentTokens};
    return {KeyKind::ReportKeyPin, KeyKind::IndexWriterPin};
}

} // namespace cc::access
