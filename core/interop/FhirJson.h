// SPDX-License-Identifier: GPL-3.0-or-later
// Typed, path-naming access to the JSON of one FHIR file, for the FHIR reader.
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cc::interop {

/// The first error found in one file. Readers keep going after an error (so a conversion reads
/// its fields in a row) and the file is rejected with this error at the end.
class FhirErrors
{
public:
    explicit FhirErrors(QString fileName) : m_file(std::move(fileName)) {}

    /// Records a MalformedInput error naming `path` unless one is recorded already. `message`
    /// never quotes a value (values are PHI).
    void fail(const std::string& path, std::string message);
    /// True while no error is recorded.
    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    /// The recorded error, if any.
    [[nodiscard]] const std::optional<Error>& error() const { return m_error; }
    /// The file name errors name.
    [[nodiscard]] const QString& fileName() const { return m_file; }

private:
    QString m_file;
    std::optional<Error> m_error;
};

/// One JSON object of a FHIR resource and its path ("Bundle.entry[3].resource(Observation/bp)
/// .component[1]"). Accessors check the JSON type and size of a field; a wrong type records an
/// error naming the field's path and returns an empty value. Fields nobody reads are ignored.
class FhirObject
{
public:
    FhirObject(std::shared_ptr<FhirErrors> errors, QJsonObject object, std::string path);

    /// True if `key` is present.
    [[nodiscard]] bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }
    /// A string of at most `maxBytes` UTF-8 bytes; empty if absent.
    QString string(const char* key, std::size_t maxBytes) const;
    /// A finite JSON number; nullopt if absent.
    std::optional<double> number(const char* key) const;
    /// A boolean; nullopt if absent.
    std::optional<bool> boolean(const char* key) const;
    /// A nested object; nullopt if absent.
    std::optional<FhirObject> object(const char* key) const;
    /// An array of objects (at most `maxItems`); empty if absent.
    std::vector<FhirObject> objects(const char* key, std::size_t maxItems = kMaxArray) const;
    /// An array of strings of at most `maxBytes` each; empty if absent.
    std::vector<QString> strings(const char* key, std::size_t maxBytes, std::size_t maxItems = kMaxArray) const;
    /// The JSON object itself.
    [[nodiscard]] const QJsonObject& json() const { return m_object; }
    /// The names of the keys present.
    [[nodiscard]] QStringList keys() const { return m_object.keys(); }

    /// The path of `key` below this object.
    [[nodiscard]] std::string path(const char* key) const { return m_path + "." + key; }
    /// The path of this object.
    [[nodiscard]] const std::string& path() const { return m_path; }
    /// Records an error about `key`.
    void fail(const char* key, std::string message) const { m_errors->fail(path(key), std::move(message)); }
    /// Records an error about this object.
    void failHere(std::string message) const { m_errors->fail(m_path, std::move(message)); }
    /// True while the file has no error.
    [[nodiscard]] bool ok() const { return m_errors->ok(); }
    /// The file's error collector.
    [[nodiscard]] const std::shared_ptr<FhirErrors>& errors() const { return m_errors; }

    /// Arrays longer than this are refused (a resource has a handful of names or codings).
    static constexpr std::size_t kMaxArray = 10000;

private:
    std::shared_ptr<FhirErrors> m_errors;
    QJsonObject m_object;
    std::string m_path;
};

} // namespace cc::interop
