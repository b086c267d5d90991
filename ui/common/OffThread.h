// SPDX-License-Identifier: GPL-3.0-or-later
// One service call on a worker thread behind a window-modal progress dialog: report runs,
// custodians' shares, the clinic check, backups, restores, key rotations and recoveries take
// seconds to minutes, and the window must keep painting meanwhile (docs/GUI.md, "Long work").
#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

class QWidget;

namespace cc::ui {

/// How service work pauses the session's idle watcher (SessionFlow sets it; empty: nothing to
/// pause, as before login). The watcher polls the session from the GUI thread, and the services
/// are not thread-safe.
void setOffThreadPause(std::function<void(bool busy)> pause);

/// True while runOffGuiThread is running a call. GUI-thread timers that use the services (the
/// administrator's daily clinic check) must wait: the progress dialog's event loop runs them.
[[nodiscard]] bool offThreadWorkRunning();

/// Runs `work` on a worker thread while a window-modal progress dialog (busy bar, elapsed time)
/// blocks `parent`'s window, and returns its status. The idle watcher is paused meanwhile. No
/// Cancel: none of these calls has a point where stopping leaves nothing half done (a backup is
/// written atomically, a restore or rotation has one commit point). A call while another runs
/// (a nested event loop) is refused with Internal and runs nothing.
[[nodiscard]] Status runOffGuiThread(QWidget* parent, const QString& label, std::function<Status()> work);

/// The same for a call returning a value.
template <typename T>
[[nodiscard]] Result<T> runOffGuiThread(QWidget* parent, const QString& label, std::function<Result<T>()> work)
{
    std::optional<Result<T>> result;
    const Status status = runOffGuiThread(parent, label, [&result, &work]() -> Status {
        result.emplace(work());
        if (!result->ok())
            return result->error();
        return {};
    });
    if (!result)
        return status.error();
    return std::move(*result);
}

namespace detail {
template <typename R> struct ResultValue;
template <typename T> struct ResultValue<Result<T>>
{
    using type = T;
};
} // namespace detail

/// runOffGuiThread for any callable returning a Status or a Result (the administrator's dialogs).
template <typename Work> auto runBusy(QWidget* parent, const QString& label, Work&& work)
{
    using R = std::invoke_result_t<Work&>;
    if constexpr (std::is_same_v<R, Status>)
        return runOffGuiThread(parent, label, std::function<Status()>(std::forward<Work>(work)));
    else
        return runOffGuiThread<typename detail::ResultValue<R>::type>(parent, label,
                                                                      std::function<R()>(std::forward<Work>(work)));
}

} // namespace cc::ui
