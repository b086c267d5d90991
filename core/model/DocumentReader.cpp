// SPDX-License-Identifier: GPL-3.0-or-later
// Strict JSON document reading (RFC 8259) with field limits and canonical writing.
#include "core/model/DocumentReader.h"

#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace cc::model {

Result<DocumentReader> DocumentReader::open(const QByteArray& json, std::string type, int version)
{
    if (static_cast<std::size_t>(json.size()) > limits::kDocument)
        return malformed("the document is larger than the limit", {}, 0, type);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed("not valid JSON at offset " + std::to_string(parseError.offset) + ": " +
                             parseError.errorString().toStdString(),
                         {}, 0, type);
    if (!doc.isObject())
        return malformed("the document is not a JSON object", {}, 0, type);
    DocumentReader reader(doc.object(), std::move(type));
    const QJsonValue v = reader.take("v", true);
    if (!reader.ok())
        return *reader.m_error;
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return malformed("the format version is not an integer", {}, 0, reader.path("v"));
    if (v.toInt() != version)
        return Error{ErrorCode::Unsupported,
                     "format version " + std::to_string(v.toInt()) + " is not supported",
                     {},
                     0,
                     reader.path("v")};
    return reader;
}

DocumentReader::DocumentReader(QJsonObject object, std::string path)
    : m_object(std::move(object)), m_path(std::move(path))
{}

std::string DocumentReader::path(const char* key) const
{
    return m_path + "." + key;
}

void DocumentReader::fail(const char* key, std::string message)
{
    if (!m_error)
        m_error = malformed(std::move(message), {}, 0, path(key));
}

void DocumentReader::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

QJsonValue DocumentReader::take(const char* key, bool required)
{
    const QString name = QString::fromLatin1(key);
    m_seen.insert(name);
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd()) {
        if (required)
            fail(key, "required field is missing");
        return QJsonValue(QJsonValue::Undefined);
    }
    return it.value();
}

QString DocumentReader::string(const char* key, std::size_t maxBytes, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(key, "must be a string");
        return {};
    }
    QString s = v.toString();
    if (static_cast<std::size_t>(s.toUtf8().size()) > maxBytes) {
        fail(key, "longer than " + std::to_string(maxBytes) + " bytes");
        return {};
    }
    if (required && s.isEmpty())
        fail(key, "must not be empty");
    return s;
}

QString DocumentReader::token(const char* key, std::initializer_list<const char*> allowed, bool required)
{
    QString s = string(key, limits::kIdentifier, required);
    if (s.isEmpty())
        return s;
    for (const char* a : allowed) {
        if (s == QLatin1String(a))
            return s;
    }
    fail(key, "is not one of the allowed values");
    return {};
}

QString DocumentReader::date(const char* key, bool required)
{
    QString s = string(key, limits::kIdentifier, required);
    if (!s.isEmpty() && !isIsoDate(s))
        fail(key, "is not an ISO 8601 date (YYYY-MM-DD)");
    return s;
}

QString DocumentReader::dateTime(const char* key, bool required)
{
    QString s = string(key, limits::kIdentifier, required);
    if (!s.isEmpty() && !isIsoDateTime(s))
        fail(key, "is not an ISO 8601 date-time with a zone");
    return s;
}

QString DocumentReader::dateOrDateTime(const char* key, bool required)
{
    QString s = string(key, limits::kIdentifier, required);
    if (!s.isEmpty() && !isIsoDateOrDateTime(s))
        fail(key, "is not an ISO 8601 date or date-time");
    return s;
}

std::optional<double> DocumentReader::number(const char* key, bool required)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        fail(key, "must be a finite number");
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<qint64> DocumentReader::integer(const char* key, qint64 minValue, qint64 maxValue, bool required)
{
    const std::optional<double> d = number(key, required);
    if (!d)
        return std::nullopt;
    if (*d != std::floor(*d) || *d < static_cast<double>(minValue) || *d > static_cast<double>(maxValue)) {
        fail(key, "must be an integer from " + std::to_string(minValue) + " to " + std::to_string(maxValue));
        return std::nullopt;
    }
    return static_cast<qint64>(*d);
}

bool DocumentReader::boolean(const char* key, bool required, bool fallback)
{
    const QJsonValue v = take(key, required);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(key, "must be true or false");
        return fallback;
    }
    return v.toBool();
}

QJsonArray DocumentReader::objectArray(const char* key, std::size_t maxItems)
{
    const QJsonValue v = take(key, false);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(key, "must be an array");
        return {};
    }
    QJsonArray a = v.toArray();
    if (static_cast<std::size_t>(a.size()) > maxItems) {
        fail(key, "has more than " + std::to_string(maxItems) + " items");
        return {};
    }
    for (const auto& item : a) {
        if (!item.isObject()) {
            fail(key, "items must be objects");
            return {};
        }
    }
    return a;
}

Status DocumentReader::finish()
{
    if (m_error)
        return *m_error;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_seen.count(it.key()) == 0)
            return malformed("unknown field", {}, 0, m_path + "." + it.key().toStdString());
    }
    return {};
}

QByteArray canonicalDocument(QJsonObject object, int version)
{
    object.insert(QStringLiteral("v"), version);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void putOptional(QJsonObject& object, const char* key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(QString::fromLatin1(key), value);
}

void checkCodedOrFreeText(DocumentReader& reader, const QString& system, const QString& code)
{
    if (system.isEmpty() && code.isEmpty())
        return;
    if (system.isEmpty())
        reader.fail("codeSystem", "is missing for the code (a free-text entry has neither)");
    else if (code.isEmpty())
        reader.fail("code", "is missing for the code system (a free-text entry has neither)");
    else if (!isValidCode(system, code))
        reader.fail("code", "is not a valid code of its code system");
}

} // namespace cc::model
