// SPDX-License-Identifier: GPL-3.0-or-later
// One service call on a worker thread behind a window-modal progress dialog (report runs and
// custodians' shares take seconds to minutes).
#pragma once

#include "core/Result.h"
#include "ui/reports/ReportsAccess.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace cc::ui {

/// Runs `work` on a worker thread while a window-modal progress dialog (busy bar, elapsed time)
/// blocks `parent`'s window, and returns its status. The idle watcher is paused meanwhile
/// (`access.pauseIdle`): the services are not thread-safe, so nothing else may call them until the
/// work is done. No Cancel: the report calls have no point where stopping leaves nothing half
/// done, and they write nothing until their end.
[[nodiscard]] Status runOffGuiThread(QWidget* parent, const QString& label, const ReportsAccess& access,
                                     std::function<Status()> work);

/// The same for a call returning a value.
template <typename T>
[[nodiscard]] Result<T> runOffGuiThread(QWidget* parent, const QString& label, const ReportsAccess& access,
                                        std::function<Result<T>()> work)
{
    std::optional<Result<T>> result;
    const Status status = runOffGuiThread(parent, label, access, [&result, &work]() -> Status {
        result.emplace(work());
        if (!result->ok())
            return result->error();
        return {};
    });
    if (!result)
        return status.error();
    return std::move(*result);
}

} // namespace cc::ui
