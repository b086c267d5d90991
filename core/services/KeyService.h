// SPDX-License-Identifier: GPL-3.0-or-later
// Key status for administrators (never a key), and the clinic's session settings.
#pragma once

#include "core/Result.h"
#include "core/services/ClinicService.h"

#include <chrono>
#include <string>
#include <vector>

namespace cc::services {

/// One key's public facts.
struct KeyStatus
{
    std::string name; ///< "DatabaseKey", "ClinicalCategory", "ReportKey", ...
    std::string id;   ///< the key id written into what it protects
    unsigned version = 0;
    std::int64_t createdAt = 0; ///< Unix seconds
    std::int64_t ageDays = 0;
    std::vector<std::string> holders; ///< accounts whose slot holds it (or a description)
};

/// Key management for administrators (ManageKeys).
class KeyService
{
public:
    explicit KeyService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Every key: id, version, age and holders. Audited. Errors: AccessDenied, storage errors.
    [[nodiscard]] Result<std::vector<KeyStatus>> status();
    /// Sets the clinic's idle lock timeout (2 to 30 minutes; SetIdleTimeout). Audited.
    [[nodiscard]] Status setIdleTimeout(std::chrono::minutes minutes);

private:
    ClinicService& m_clinic;
};

} // namespace cc::services
