// SPDX-License-Identifier: GPL-3.0-or-later
// Strict reader of one canonical JSON document: typed fields, limits, unknown keys refused.
#pragma once

#include "core/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <set>
#include <string>

namespace cc::model {

/// Reads the fields of a JSON object and keeps the first error, so a decoder reads every field
/// in a row and checks once at the end. Errors are MalformedInput naming "<type>.<field>"; they
/// never quote the field's value (documents hold PHI).
class DocumentReader
{
public:
    /// Parses `json` as a document of `type` (for error messages) and checks "v" == `version`:
    /// MalformedInput for bad JSON, a non-object, an oversized document or a missing "v";
    /// Unsupported for another version.
    static Result<DocumentReader> open(const QByteArray& json, std::string type, int version);

    /// A reader of a nested object; `path` names it in errors ("observation.components[1]").
    DocumentReader(QJsonObject object, std::string path);

    /// A string of at most `maxBytes` UTF-8 bytes; empty if absent and not `required`.
    QString string(const char* key, std::size_t maxBytes, bool required);
    /// A string that is one of `allowed`; empty if absent and not `required`.
    QString token(const char* key, std::initializer_list<const char*> allowed, bool required);
    /// An ISO 8601 date "YYYY-MM-DD".
    QString date(const char* key, bool required);
    /// An ISO 8601 date-time with zone.
    QString dateTime(const char* key, bool required);
    /// Either a date or a date-time.
    QString dateOrDateTime(const char* key, bool required);
    /// A finite JSON number.
    std::optional<double> number(const char* key, bool required);
    /// An integer in [minValue, maxValue] (JSON numbers are doubles: exact up to 2^53).
    std::optional<qint64> integer(const char* key, qint64 minValue, qint64 maxValue, bool required);
    /// A boolean; `fallback` if absent and not `required`.
    bool boolean(const char* key, bool required, bool fallback = false);
    /// An array of objects of at most `maxItems` items.
    QJsonArray objectArray(const char* key, std::size_t maxItems);
    /// Records an error about `key` found by the caller (a cross-field rule).
    void fail(const char* key, std::string message);
    /// Records `error` if none is recorded yet (an error from a nested reader).
    void fail(Error error);

    /// The dotted path of `key`, for nested readers.
    [[nodiscard]] std::string path(const char* key) const;
    /// True while no error has been recorded.
    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    /// The first error, or MalformedInput naming a key no field read (a strict decoder refuses
    /// what it does not understand rather than dropping it).
    [[nodiscard]] Status finish();

private:
    QJsonValue take(const char* key, bool required);

    QJsonObject m_object;
    std::string m_path;
    std::set<QString> m_seen;
    std::optional<Error> m_error;
};

/// The canonical bytes of a document: compact JSON of `object` plus "v" = `version`.
/// QJsonObject keeps its keys sorted, so equal documents give equal bytes.
[[nodiscard]] QByteArray canonicalDocument(QJsonObject object, int version);

/// Inserts `value` under `key` unless it is empty (optional fields are omitted, not "").
void putOptional(QJsonObject& object, const char* key, const QString& value);

/// A coded entry (problem, allergy) is either coded (system and a code valid in it) or free text
/// (no system, no code: the display alone, shown as "uncoded"). Fails field "code" or "codeSystem"
/// on `reader` for a code without its system, a system without a code or an invalid code.
void checkCodedOrFreeText(DocumentReader& reader, const QString& system, const QString& code);

} // namespace cc::model
