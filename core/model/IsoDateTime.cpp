// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 8601 date and date-time validation (RFC 3339 section 5.6 profile with a required zone).
#include "core/model/IsoDateTime.h"

#include <QRegularExpression>

namespace cc::model {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

bool dateExists(int year, int month, int day)
{
    return year >= kMinYear && year <= kMaxYear && QDate(year, month, day).isValid();
}

const QRegularExpression& dateTimePattern()
{
    // Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 fraction, 8 zone.
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$)"));
    return re;
}

} // namespace

bool isIsoDate(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})$)"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch())
        return false;
    return dateExists(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

bool isIsoDateTime(QStringView text)
{
    const auto m = dateTimePattern().match(text.toString());
    if (!m.hasMatch())
        return false;
    if (!dateExists(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()))
        return false;
    // RFC 3339 allows second 60 for leap seconds; QTime does not, and clinical data never needs it.
    if (m.captured(4).toInt() > 23 || m.captured(5).toInt() > 59 || m.captured(6).toInt() > 59)
        return false;
    const QString zone = m.captured(8);
    if (zone != QLatin1String("Z")) {
        const int zh = zone.mid(1, 2).toInt();
        const int zm = zone.mid(4, 2).toInt();
        if (zh > 14 || zm > 59)
            return false;
    }
    return true;
}

bool isIsoDateOrDateTime(QStringView text)
{
    return isIsoDate(text) || isIsoDateTime(text);
}

std::optional<QDateTime> parseIsoInstant(QStringView text)
{
    if (isIsoDate(text))
        return QDateTime(QDate::fromString(text.toString(), Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!isIsoDateTime(text))
        return std::nullopt;
    QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

} // namespace cc::model
