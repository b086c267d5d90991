// SPDX-License-Identifier: GPL-3.0-or-later
// Runs slow work (Argon2id unlocks) off the GUI thread and hands the result back to it.
#pragma once

#include "core/Result.h"

#include <QObject>

#include <functional>

namespace cc::ui {

/// Runs `work` on a new QThread, then `done(status)` on `context`'s thread. If `context` is
/// destroyed first, `done` is not called. The caller guarantees that nothing else touches what
/// `work` uses until `done` runs (the services are not thread-safe).
void runInBackground(QObject* context, std::function<Status()> work, std::function<void(Status)> done);

/// Waits (processing events) until every task started by runInBackground has finished; for
/// shutdown and tests.
void waitForBackgroundTasks();

} // namespace cc::ui
