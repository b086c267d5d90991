// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 CSV parsing as a byte state machine over a buffered device.
#include "core/interop/CsvReader.h"

#include "core/interop/Utf8.h"

#include <QFile>
#include <QIODevice>

namespace cc::interop {

Status openForReading(QFile& file, const QString& fileName)
{
    if (!file.exists())
        return Error{ErrorCode::NotFound, "the file does not exist", fileName.toStdString(), 0, {}};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::StorageError, "cannot open the file", fileName.toStdString(), 0, {}};
    return {};
}
namespace {

constexpr qsizetype kChunk = 64 * 1024;
constexpr int kEnd = -1;

} // namespace

CsvReader::CsvReader(QIODevice& device, QString fileName, qsizetype maxFieldBytes)
    : m_device(device), m_fileName(std::move(fileName)), m_maxFieldBytes(maxFieldBytes)
{}

int CsvReader::nextByte()
{
    if (m_pos >= m_buffer.size()) {
        if (m_eof)
            return kEnd;
        m_buffer = m_device.read(kChunk);
        m_pos = 0;
        if (m_buffer.isEmpty()) {
            m_eof = true;
            // read() returns an empty array both at the end and on failure; tell them apart.
            m_deviceFailed = !m_device.atEnd();
            return kEnd;
        }
    }
    return static_cast<unsigned char>(m_buffer[m_pos++]);
}

Error CsvReader::errorAt(long line, std::string field, std::string message) const
{
    return malformed(std::move(message), m_fileName.toStdString(), line, std::move(field));
}

Error CsvReader::fieldError(int column, std::string message) const
{
    return errorAt(m_recordLine, columnName(column), std::move(message));
}

std::string CsvReader::columnName(int column) const
{
    if (column < 0 || static_cast<std::size_t>(column) >= m_header.size())
        return {};
    return m_header[static_cast<std::size_t>(column)].toStdString();
}

Result<bool> CsvReader::readRecord(std::vector<QByteArray>& raw)
{
    raw.clear();
    m_recordLine = m_line;
    if (!m_started) {
        m_started = true;
        // A UTF-8 byte order mark is allowed before the header and is not part of it.
        if (nextByte() == 0xEF) {
            if (nextByte() != 0xBB || nextByte() != 0xBF)
                return errorAt(1, "header", "invalid byte order mark");
        } else {
            m_pos = 0;
        }
    }
    QByteArray current;
    bool quoted = false;     // inside a quoted field
    bool afterQuote = false; // a quoted field just closed
    bool fieldStarted = false;
    long quoteLine = 0;
    auto fieldName = [&]() {
        const std::size_t index = raw.size();
        return index < m_header.size() ? m_header[index].toStdString() : "column " + std::to_string(index + 1);
    };
    for (;;) {
        const int c = nextByte();
        if (m_deviceFailed)
            return Error{ErrorCode::StorageError, "the file could not be read", m_fileName.toStdString(), m_line, {}};
        if (quoted) {
            if (c == kEnd)
                return errorAt(quoteLine, fieldName(), "unterminated quoted field at the end of the file (truncated?)");
            if (c == '"') {
                const int following = nextByte();
                if (following == '"') {
                    current.append('"');
                } else {
                    quoted = false;
                    afterQuote = true;
                    if (following != kEnd)
                        --m_pos; // not consumed: handled by the unquoted branch
                }
            } else {
                if (c == '\n')
                    ++m_line;
                current.append(static_cast<char>(c));
            }
        } else if (c == ',' || c == '\n' || c == '\r' || c == kEnd) {
            if (c == '\r') {
                if (nextByte() != '\n')
                    return errorAt(m_line, fieldName(), "carriage return without line feed");
            }
            if (c == kEnd && raw.empty() && !fieldStarted && !afterQuote)
                return false;
            raw.push_back(current);
            current.clear();
            const bool endOfRecord = c != ',';
            if (c == '\n' || c == '\r')
                ++m_line;
            if (raw.size() > kMaxColumns)
                return errorAt(m_recordLine, {}, "more than " + std::to_string(kMaxColumns) + " columns");
            if (endOfRecord) {
                // A blank line is one empty unquoted field: skip it.
                if (raw.size() == 1 && raw[0].isEmpty() && !afterQuote) {
                    raw.clear();
                    m_recordLine = m_line;
                    if (c == kEnd)
                        return false;
                    fieldStarted = false;
                    continue;
                }
                return true;
            }
            afterQuote = false;
            fieldStarted = false;
            continue;
        } else if (afterQuote) {
            return errorAt(m_line, fieldName(), "text after the closing quote of a field");
        } else if (c == '"') {
            if (fieldStarted)
                return errorAt(m_line, fieldName(), "quote inside an unquoted field (RFC 4180 section 2.5)");
            quoted = true;
            quoteLine = m_line;
        } else {
            current.append(static_cast<char>(c));
        }
        fieldStarted = true;
        if (current.size() > m_maxFieldBytes)
            return errorAt(m_recordLine, fieldName(),
                           "field is larger than the limit of " + std::to_string(m_maxFieldBytes) + " bytes");
    }
}

Status CsvReader::readHeader()
{
    std::vector<QByteArray> raw;
    auto got = readRecord(raw);
    if (!got)
        return std::move(got).error();
    if (!got.value())
        return errorAt(1, "header", "the file is empty: no header line");
    m_header.clear();
    m_columns.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string where = "column " + std::to_string(i + 1);
        if (firstInvalidUtf8(raw[i]) >= 0)
            return errorAt(m_recordLine, where, "header is not valid UTF-8");
        const QString name = QString::fromUtf8(raw[i]).trimmed();
        if (name.isEmpty())
            return errorAt(m_recordLine, where, "empty column name in the header");
        if (!m_columns.emplace(name, static_cast<int>(i)).second)
            return errorAt(m_recordLine, name.toStdString(), "duplicate column name in the header");
        m_header.push_back(name);
    }
    return {};
}

Result<bool> CsvReader::next()
{
    std::vector<QByteArray> raw;
    auto got = readRecord(raw);
    if (!got)
        return std::move(got).error();
    if (!got.value())
        return false;
    if (raw.size() != m_header.size())
        return errorAt(m_recordLine, raw.size() < m_header.size() ? m_header[raw.size()].toStdString() : std::string(),
                       "the record has " + std::to_string(raw.size()) + " fields but the header has " +
                           std::to_string(m_header.size()) + (raw.size() < m_header.size() ? " (truncated?)" : ""));
    m_fields.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (const qsizetype bad = firstInvalidUtf8(raw[i]); bad >= 0)
            return errorAt(m_recordLine, m_header[i].toStdString(),
                           "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the field");
        m_fields.push_back(QString::fromUtf8(raw[i]));
    }
    return true;
}

Result<int> CsvReader::requireColumn(const char* name) const
{
    const int index = optionalColumn(name);
    if (index < 0)
        return errorAt(1, name, std::string("missing required column ") + name);
    return index;
}

int CsvReader::optionalColumn(const char* name) const
{
    return column(QString::fromLatin1(name));
}

int CsvReader::column(const QString& name) const
{
    const auto it = m_columns.find(name);
    return it == m_columns.end() ? -1 : it->second;
}

const QString& CsvReader::field(int column) const
{
    static const QString empty;
    if (column < 0 || static_cast<std::size_t>(column) >= m_fields.size())
        return empty;
    return m_fields[static_cast<std::size_t>(column)];
}

} // namespace cc::interop
