// SPDX-License-Identifier: GPL-3.0-or-later
// Validation and canonical JSON encoding of audit events.
#include "core/audit/AuditEvent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QString>

#include <array>
#include <chrono>
#include <cstdio>

namespace cc::audit {

namespace {

constexpr int kFormatVersion = 1;
// JSON numbers are exact only up to 2^53 (RFC 8259 section 6); seq and time stay below it.
constexpr std::int64_t kMaxJsonInteger = (std::int64_t{1} << 53) - 1;

struct CodeName
{
    int code;
    std::string_view name;
};

// DICOM PS3.16 CID 400.
constexpr std::array<CodeName, 8> kEventIds{{
    {110100, "Application Activity"},
    {110101, "Audit Log Used"},
    {110106, "Export"},
    {110107, "Import"},
    {110110, "Patient Record"},
    {110112, "Query"},
    {110113, "Security Alert"},
    {110114, "User Authentication"},
}};

// DICOM PS3.16 CID 401 (the subset CipherChart records).
constexpr std::array<CodeName, 15> kEventTypes{{
    {0, ""},
    {110120, "Application Start"},
    {110121, "Application Stop"},
    {110122, "Login"},
    {110123, "Logout"},
    {110127, "Emergency Override Started"},
    {110129, "Security Configuration"},
    {110131, "Software Configuration"},
    {110132, "Use of Restricted Function"},
    {110133, "Audit Recording Stopped"},
    {110134, "Audit Recording Started"},
    {110135, "Object Security Attributes Changed"},
    {110136, "Security Roles Changed"},
    {110137, "User Security Attributes Changed"},
    {110138, "Emergency Override Stopped"},
}};

template <std::size_t N> const CodeName* findCode(const std::array<CodeName, N>& table, int code) noexcept
{
    for (const auto& entry : table) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

Error fieldError(std::string_view field, std::string message)
{
    return malformed(std::move(message), {}, 0, std::string(field));
}

bool allOf(std::string_view s, bool (*pred)(char))
{
    for (char c : s) {
        if (!pred(c))
            return false;
    }
    return true;
}

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isLowerLetter(char c)
{
    return c >= 'a' && c <= 'z';
}
bool isAsciiAlnum(char c)
{
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
}
bool isHostChar(char c)
{
    return isAsciiAlnum(c) || c == '.' || c == '-' || c == '_';
}
bool isIdChar(char c)
{
    return isHostChar(c) || c == ':';
}

// Free text: valid UTF-8, no C0/C1 control characters (they would break CSV readers that are not
// RFC 4180-aware and every line-based syslog transport), bounded length.
Status checkText(std::string_view field, const std::string& value, std::size_t maxSize)
{
    if (value.size() > maxSize)
        return fieldError(field, "longer than " + std::to_string(maxSize) + " bytes");
    const QByteArray raw(value.data(), static_cast<qsizetype>(value.size()));
    const QString text = QString::fromUtf8(raw);
    if (text.toUtf8() != raw)
        return fieldError(field, "not valid UTF-8");
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return fieldError(field, "contains a control character");
    }
    return {};
}

Status checkPattern(std::string_view field, const std::string& value, std::size_t maxSize, bool (*pred)(char),
                    const char* what)
{
    if (value.size() > maxSize || !allOf(value, pred))
        return fieldError(field, std::string("must be ") + what);
    return {};
}

QString toQString(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool isKnownAction(char c) noexcept
{
    return c == 'C' || c == 'R' || c == 'U' || c == 'D' || c == 'E';
}

bool isKnownOutcome(int v) noexcept
{
    return v == 0 || v == 4 || v == 8 || v == 12;
}

} // namespace

bool isKnownEventId(int code) noexcept
{
    return findCode(kEventIds, code) != nullptr;
}

bool isKnownEventType(int code) noexcept
{
    return findCode(kEventTypes, code) != nullptr;
}

std::string_view eventIdName(AuditEventId id) noexcept
{
    const CodeName* entry = findCode(kEventIds, static_cast<int>(id));
    return entry ? entry->name : std::string_view("Unknown");
}

std::string_view eventTypeName(AuditEventType type) noexcept
{
    const CodeName* entry = findCode(kEventTypes, static_cast<int>(type));
    return entry ? entry->name : std::string_view("Unknown");
}

Status validateEvent(const AuditEvent& e)
{
    if (e.seq < 1 || e.seq > static_cast<std::uint64_t>(kMaxJsonInteger))
        return fieldError("seq", "must be between 1 and 2^53-1");
    if (e.timeMs < 0 || e.timeMs > kMaxJsonInteger)
        return fieldError("time", "must be between 0 and 2^53-1 milliseconds");
    CC_TRY(checkPattern("userId", e.userId, 64, isLowerHex, "at most 64 lower-case hex digits"));
    CC_TRY(checkText("userName", e.userName, kMaxNameSize));
    CC_TRY(checkPattern("role", e.role, 32, isLowerLetter, "at most 32 lower-case letters"));
    CC_TRY(checkPattern("workstation", e.workstation, 255, isHostChar, "a host name (letters, digits, '.', '-', '_')"));
    if (!isKnownAction(static_cast<char>(e.action)))
        return fieldError("action", "not an RFC 3881 EventActionCode (C, R, U, D, E)");
    if (!isKnownOutcome(static_cast<int>(e.outcome)))
        return fieldError("outcome", "not an RFC 3881 EventOutcomeIndicator (0, 4, 8, 12)");
    if (!isKnownEventId(static_cast<int>(e.eventId)))
        return fieldError("eventId", "not a known DICOM audit event ID");
    if (!isKnownEventType(static_cast<int>(e.eventType)))
        return fieldError("eventType", "not a known DICOM audit event type code");
    if (!e.patientId.empty() && (e.patientId.size() != 32 || !allOf(e.patientId, isLowerHex)))
        return fieldError("patient", "must be a 128-bit row id in 32 lower-case hex digits");
    CC_TRY(checkPattern("objectType", e.objectType, 32, isAsciiLetter, "at most 32 letters"));
    CC_TRY(checkPattern("objectId", e.objectId, 64, isIdChar, "at most 64 letters, digits, '.', '_', ':' or '-'"));
    CC_TRY(checkText("reason", e.reason, kMaxReasonSize));
    CC_TRY(checkText("detail", e.detail, kMaxDetailSize));
    // DESIGN.md section 8: break-glass needs a reason, and is flagged for administrator review.
    if (e.eventType == AuditEventType::EmergencyOverrideStarted) {
        if (QString::fromUtf8(e.reason.data(), static_cast<qsizetype>(e.reason.size())).trimmed().isEmpty())
            return fieldError("reason", "required for an emergency override (break-glass)");
        if (!e.flagged)
            return fieldError("flagged", "an emergency override must be flagged for review");
    }
    return {};
}

Result<std::vector<std::uint8_t>> encodeEvent(const AuditEvent& e)
{
    CC_TRY(validateEvent(e));
    // QJsonObject keeps its keys sorted, and compact output has no optional whitespace, so the
    // bytes depend only on the values.
    QJsonObject o;
    o.insert(QStringLiteral("v"), kFormatVersion);
    o.insert(QStringLiteral("seq"), static_cast<qint64>(e.seq));
    o.insert(QStringLiteral("time"), static_cast<qint64>(e.timeMs));
    o.insert(QStringLiteral("userId"), toQString(e.userId));
    o.insert(QStringLiteral("userName"), toQString(e.userName));
    o.insert(QStringLiteral("role"), toQString(e.role));
    o.insert(QStringLiteral("workstation"), toQString(e.workstation));
    o.insert(QStringLiteral("action"), QString(QChar::fromLatin1(static_cast<char>(e.action))));
    o.insert(QStringLiteral("outcome"), static_cast<int>(e.outcome));
    o.insert(QStringLiteral("eventId"), static_cast<int>(e.eventId));
    o.insert(QStringLiteral("eventType"), static_cast<int>(e.eventType));
    o.insert(QStringLiteral("patient"), toQString(e.patientId));
    o.insert(QStringLiteral("objectType"), toQString(e.objectType));
    o.insert(QStringLiteral("objectId"), toQString(e.objectId));
    o.insert(QStringLiteral("reason"), toQString(e.reason));
    o.insert(QStringLiteral("flagged"), e.flagged);
    o.insert(QStringLiteral("detail"), toQString(e.detail));
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return std::vector<std::uint8_t>(json.begin(), json.end());
}

namespace {

constexpr std::array<const char*, 17> kKeys{"action",     "detail",  "eventId",  "eventType", "flagged",    "objectId",
                                            "objectType", "outcome", "patient",  "reason",    "role",       "seq",
                                            "time",       "userId",  "userName", "v",         "workstation"};

Result<std::int64_t> integerField(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return fieldError(key, "must be a number");
    const double d = v.toDouble();
    if (d < 0 || d > static_cast<double>(kMaxJsonInteger) || d != static_cast<double>(v.toInteger(-1)))
        return fieldError(key, "must be a non-negative integer below 2^53");
    return v.toInteger();
}

Result<std::string> stringField(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString())
        return fieldError(key, "must be a string");
    return v.toString().toStdString();
}

} // namespace

Result<AuditEvent> decodeEvent(std::span<const std::uint8_t> body)
{
    const QByteArray raw(reinterpret_cast<const char*>(body.data()), static_cast<qsizetype>(body.size()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fieldError("body", "not a JSON object");
    const QJsonObject o = doc.object();
    for (const char* key : kKeys) {
        if (!o.contains(QLatin1String(key)))
            return fieldError(key, "missing");
    }
    if (static_cast<std::size_t>(o.size()) != kKeys.size()) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool known = false;
            for (const char* key : kKeys)
                known = known || it.key() == QLatin1String(key);
            if (!known)
                return fieldError(it.key().toStdString(), "unknown field");
        }
    }
    auto version = integerField(o, "v");
    CC_TRY(version);
    if (*version != kFormatVersion)
        return Error{ErrorCode::Unsupported, "unknown audit event format version", {}, 0, "v"};

    AuditEvent e;
    auto seq = integerField(o, "seq");
    CC_TRY(seq);
    e.seq = static_cast<std::uint64_t>(*seq);
    auto time = integerField(o, "time");
    CC_TRY(time);
    e.timeMs = *time;
    const std::pair<const char*, std::string*> strings[] = {
        {"userId", &e.userId},           {"userName", &e.userName}, {"role", &e.role},
        {"workstation", &e.workstation}, {"patient", &e.patientId}, {"objectType", &e.objectType},
        {"objectId", &e.objectId},       {"reason", &e.reason},     {"detail", &e.detail},
    };
    for (const auto& [key, target] : strings) {
        auto value = stringField(o, key);
        CC_TRY(value);
        *target = std::move(value).value();
    }
    auto action = stringField(o, "action");
    CC_TRY(action);
    if (action->size() != 1 || !isKnownAction((*action)[0]))
        return fieldError("action", "not an RFC 3881 EventActionCode (C, R, U, D, E)");
    e.action = static_cast<AuditAction>((*action)[0]);
    const std::array<const char*, 3> codeKeys{"outcome", "eventId", "eventType"};
    std::array<int, 3> values{};
    for (std::size_t i = 0; i < codeKeys.size(); ++i) {
        auto v = integerField(o, codeKeys[i]);
        CC_TRY(v);
        if (*v > 999999)
            return fieldError(codeKeys[i], "not a known code");
        values[i] = static_cast<int>(*v);
    }
    if (!isKnownOutcome(values[0]))
        return fieldError("outcome", "not an RFC 3881 EventOutcomeIndicator (0, 4, 8, 12)");
    e.outcome = static_cast<AuditOutcome>(values[0]);
    e.eventId = static_cast<AuditEventId>(values[1]);
    e.eventType = static_cast<AuditEventType>(values[2]);
    const QJsonValue flagged = o.value(QStringLiteral("flagged"));
    if (!flagged.isBool())
        return fieldError("flagged", "must be true or false");
    e.flagged = flagged.toBool();

    auto again = encodeEvent(e); // validates every field
    CC_TRY(again);
    if (again->size() != body.size() || !std::equal(again->begin(), again->end(), body.begin()))
        return fieldError("body", "not in canonical form");
    return e;
}

std::string formatUtcMillis(std::int64_t timeMs)
{
    using namespace std::chrono;
    const sys_time<milliseconds> tp{milliseconds{timeMs}};
    const sys_days day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{tp - day};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return buf;
}

} // namespace cc::audit
