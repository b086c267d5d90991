// SPDX-License-Identifier: GPL-3.0-or-later
// Translated display names of roles.
#pragma once

#include "core/access/Role.h"

#include <QCoreApplication>
#include <QString>

namespace cc::ui {

/// Display names for roles ("Administrator").
class RoleText
{
    Q_DECLARE_TR_FUNCTIONS(RoleText)

public:
    /// The translated name of `role`.
    [[nodiscard]] static QString name(access::Role role);
};

} // namespace cc::ui
