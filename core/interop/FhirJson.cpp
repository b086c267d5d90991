// SPDX-License-Identifier: GPL-3.0-or-later
// Typed access to FHIR JSON with error paths.
#include "core/interop/FhirJson.h"

#include <QJsonArray>

#include <cmath>

namespace cc::interop {
namespace {

const char* typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "undefined";
}

std::string indexed(const std::string& path, qsizetype i)
{
    return path + "[" + std::to_string(i) + "]";
}

} // namespace

void FhirErrors::fail(const std::string& path, std::string message)
{
    if (!m_error)
        m_error = malformed(std::move(message), m_file.toStdString(), 0, path);
}

FhirObject::FhirObject(std::shared_ptr<FhirErrors> errors, QJsonObject object, std::string path)
    : m_errors(std::move(errors)), m_object(std::move(object)), m_path(std::move(path))
{}

QString FhirObject::string(const char* key, std::size_t maxBytes) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(key, std::string("must be a string, not ") + typeName(v));
        return {};
    }
    QString s = v.toString();
    if (static_cast<std::size_t>(s.toUtf8().size()) > maxBytes) {
        fail(key, "is longer than " + std::to_string(maxBytes) + " bytes");
        return {};
    }
    return s;
}

std::optional<double> FhirObject::number(const char* key) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        fail(key, std::string("must be a number, not ") + typeName(v));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<bool> FhirObject::boolean(const char* key) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        fail(key, std::string("must be a boolean, not ") + typeName(v));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<FhirObject> FhirObject::object(const char* key) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject()) {
        fail(key, std::string("must be an object, not ") + typeName(v));
        return std::nullopt;
    }
    return FhirObject(m_errors, v.toObject(), path(key));
}

std::vector<FhirObject> FhirObject::objects(const char* key, std::size_t maxItems) const
{
    std::vector<FhirObject> out;
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(key, std::string("must be an array, not ") + typeName(v));
        return out;
    }
    const QJsonArray a = v.toArray();
    if (static_cast<std::size_t>(a.size()) > maxItems) {
        fail(key, "has more than " + std::to_string(maxItems) + " items");
        return out;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isObject()) {
            m_errors->fail(indexed(path(key), i), std::string("must be an object, not ") + typeName(a[i]));
            return {};
        }
        out.emplace_back(m_errors, a[i].toObject(), indexed(path(key), i));
    }
    return out;
}

std::vector<QString> FhirObject::strings(const char* key, std::size_t maxBytes, std::size_t maxItems) const
{
    std::vector<QString> out;
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        fail(key, std::string("must be an array, not ") + typeName(v));
        return out;
    }
    const QJsonArray a = v.toArray();
    if (static_cast<std::size_t>(a.size()) > maxItems) {
        fail(key, "has more than " + std::to_string(maxItems) + " items");
        return out;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString()) {
            m_errors->fail(indexed(path(key), i), std::string("must be a string, not ") + typeName(a[i]));
            return {};
        }
        const QString s = a[i].toString();
        if (static_cast<std::size_t>(s.toUtf8().size()) > maxBytes) {
            m_errors->fail(indexed(path(key), i), "is longer than " + std::to_string(maxBytes) + " bytes");
            return {};
        }
        out.push_back(s);
    }
    return out;
}

} // namespace cc::interop
