// SPDX-License-Identifier: GPL-3.0-or-later
// A window-modal "working…" dialog around one service call on the GUI thread.
#pragma once

#include <QApplication>
#include <QProgressDialog>
#include <QString>

#include <utility>

class QWidget;

namespace cc::ui {

/// Shows a busy progress dialog (no Cancel: the service calls cannot be interrupted safely), lets
/// it paint, runs `work` on the GUI thread and closes it. The services are not thread-safe
/// (docs/GUI.md), so the call is not moved to a worker thread: the window is blocked rather than
/// racing the idle watcher. Returns what `work` returns.
template <typename Work> auto runBusy(QWidget* parent, const QString& label, Work&& work)
{
    QProgressDialog progress(label, QString(), 0, 0, parent);
    progress.setObjectName(QStringLiteral("busyProgressDialog"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setCancelButton(nullptr);
    progress.setValue(0);
    progress.show();
    QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = std::forward<Work>(work)();
    QApplication::restoreOverrideCursor();
    progress.close();
    return result;
}

} // namespace cc::ui
