// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the administrator's GUI tests: screenshots and the audit events a dialog wrote.
#pragma once

#include "core/audit/AuditExport.h"
#include "core/services/AuditService.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTest>
#include <QWidget>

#include <string>
#include <vector>

namespace cc::testing {

/// Writes a screenshot into docs/screenshots with CC_WRITE_SCREENSHOTS=1, else into a temporary folder.
inline bool adminScreenshot(QWidget* widget, const QString& name)
{
    const bool write = qEnvironmentVariableIntValue("CC_WRITE_SCREENSHOTS") == 1;
    const QString dir = write ? QStringLiteral(CC_SCREENSHOT_DIR) : QDir::tempPath();
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget))
        return false;
    const QImage image = widget->grab().toImage();
    return !image.isNull() && image.save(QDir(dir).filePath(name));
}

/// Events whose detail starts with `prefix` (read through the service, as an administrator).
inline std::vector<audit::AuditEvent> eventsStartingWith(services::ClinicService& clinic, const std::string& prefix)
{
    std::vector<audit::AuditEvent> out;
    auto all = services::AuditService(clinic).list({});
    if (all)
        for (const auto& e : *all)
            if (e.event.detail.rfind(prefix, 0) == 0)
                out.push_back(e.event);
    return out;
}

/// The text of the label `name` under `parent` (empty if there is none).
inline QString labelText(QWidget* parent, const char* name)
{
    auto* label = parent->findChild<QLabel*>(name);
    return label != nullptr ? label->text() : QString();
}

/// A file's bytes (empty if it cannot be read).
inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace cc::testing
