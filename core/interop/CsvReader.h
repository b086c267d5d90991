// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming RFC 4180 CSV reader with strict UTF-8, field size limits and header mapping.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <string>
#include <vector>

class QFile;
class QIODevice;

namespace cc::interop {

/// Opens `file` for reading: NotFound if it does not exist, StorageError if it cannot be opened,
/// each naming `fileName`.
[[nodiscard]] Status openForReading(QFile& file, const QString& fileName);

/// Reads one CSV file record by record (RFC 4180: quoted fields with embedded commas, quotes and
/// line breaks; CRLF or LF line ends; a UTF-8 BOM is skipped). The first record is the header and
/// columns are found by name. Every error is MalformedInput naming the file, the line and, where
/// known, the column's header name; the reader never holds more than one field past the limit,
/// so a 10 MB field is refused without being read whole.
class CsvReader
{
public:
    /// Default largest field: 1 MiB (a clinical note's limit).
    static constexpr qsizetype kDefaultMaxFieldBytes = 1024 * 1024;
    /// Largest number of columns in a record.
    static constexpr std::size_t kMaxColumns = 512;

    /// Reads from `device` (open for reading); `fileName` is used in errors only.
    CsvReader(QIODevice& device, QString fileName, qsizetype maxFieldBytes = kDefaultMaxFieldBytes);

    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// Reads the header record. MalformedInput for an empty file, an empty or duplicate column
    /// name, or any syntax, size or UTF-8 error in it.
    [[nodiscard]] Status readHeader();

    /// Reads the next record: true if one was read, false at the end of the file. MalformedInput
    /// for a record with another number of fields than the header (a truncated file shows so),
    /// an unterminated quoted field, a quote inside an unquoted field, a field over the limit,
    /// or invalid UTF-8; StorageError if the device fails. Blank lines are skipped.
    [[nodiscard]] Result<bool> next();

    /// The index of column `name`, or MalformedInput "missing required column" naming it.
    [[nodiscard]] Result<int> requireColumn(const char* name) const;
    /// The index of column `name`, or -1 if the header has none (optional columns).
    [[nodiscard]] int optionalColumn(const char* name) const;
    /// The index of column `name` (any UTF-8 header name), or -1 if the header has none.
    [[nodiscard]] int column(const QString& name) const;

    /// The current record's field in `column`; empty for column -1.
    [[nodiscard]] const QString& field(int column) const;
    /// The header name of `column` ("" for -1).
    [[nodiscard]] std::string columnName(int column) const;
    /// The line on which the current record starts (1 is the header).
    [[nodiscard]] long line() const { return m_recordLine; }
    /// The file name given at construction.
    [[nodiscard]] const QString& fileName() const { return m_fileName; }
    /// A MalformedInput error about `column` of the current record.
    [[nodiscard]] Error fieldError(int column, std::string message) const;

private:
    int nextByte();
    Result<bool> readRecord(std::vector<QByteArray>& raw);
    Error errorAt(long line, std::string field, std::string message) const;

    QIODevice& m_device;
    QString m_fileName;
    qsizetype m_maxFieldBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_deviceFailed = false;
    bool m_started = false;
    long m_line = 1;
    long m_recordLine = 0;
    std::vector<QString> m_header;
    std::map<QString, int> m_columns;
    std::vector<QString> m_fields;
};

} // namespace cc::interop
