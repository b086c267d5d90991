// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and key ids as the administrator's pages show them.
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <string>

namespace cc::ui {

/// A UTC instant in the locale's short format, marked "UTC" (the audit trail's time base).
[[nodiscard]] inline QString utcDateTime(std::int64_t ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return QLocale().toString(t, QLocale::ShortFormat) + QStringLiteral(" UTC");
}

/// One format for every key id: lower-case hex. The services give symmetric key ids as decimal
/// 32-bit numbers (shown as 8 hex digits) and the report key's id as hex already.
[[nodiscard]] inline QString keyIdText(const std::string& id)
{
    bool decimal = !id.empty();
    for (char c : id)
        decimal = decimal && c >= '0' && c <= '9';
    if (!decimal)
        return QString::fromStdString(id);
    return QStringLiteral("%1").arg(QString::fromStdString(id).toULongLong(), 8, 16, QLatin1Char('0'));
}

} // namespace cc::ui
