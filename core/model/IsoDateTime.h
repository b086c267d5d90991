// SPDX-License-Identifier: GPL-3.0-or-later
// Validation of ISO 8601 dates and date-times as they appear in clinical documents.
#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace cc::model {

/// True for a calendar date "YYYY-MM-DD" (ISO 8601 extended form) that exists (no 2023-02-30),
/// with a year from 1800 to 2200.
[[nodiscard]] bool isIsoDate(QStringView text);

/// True for "YYYY-MM-DDThh:mm[:ss[.fff]]" followed by "Z" or "+hh:mm"/"-hh:mm" (ISO 8601 /
/// RFC 3339 profile: a zone is required, so the instant is unambiguous) that exists.
[[nodiscard]] bool isIsoDateTime(QStringView text);

/// True if `text` is either an ISO date or an ISO date-time (FHIR dateTime allows both).
[[nodiscard]] bool isIsoDateOrDateTime(QStringView text);

/// The instant of a date-time (UTC) or the start of a date (UTC midnight); nullopt if neither.
[[nodiscard]] std::optional<QDateTime> parseIsoInstant(QStringView text);

} // namespace cc::model
