// SPDX-License-Identifier: GPL-3.0-or-later
// The one place where error codes become translated messages for people.
#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace cc::ui {

/// Translated, user-facing text for errors. Messages never quote secrets; the service's own
/// message (which never holds PHI either) is added where it names the problem better.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /// The message for `error`, e.g. "Wrong account name or password." for WrongPassword.
    [[nodiscard]] static QString forError(const Error& error);
};

} // namespace cc::ui
