// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/RoleText.h"

namespace cc::ui {

QString RoleText::name(access::Role role)
{
    switch (role) {
    case access::Role::Patient:
        return tr("Patient");
    case access::Role::Doctor:
        return tr("Doctor");
    case access::Role::Administrator:
        return tr("Administrator");
    }
    return tr("Unknown");
}

} // namespace cc::ui
