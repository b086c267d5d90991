// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 4180 parsing, strict UTF-8, field limits and header mapping.
#include "core/interop/CsvReader.h"
#include "core/interop/Utf8.h"

#include <QBuffer>
#include <QTest>

using namespace cc;
using namespace cc::interop;

namespace {

struct Parsed
{
    std::vector<std::vector<QString>> rows;
    std::optional<Error> error;
};

Parsed parse(const QByteArray& data, qsizetype maxField = CsvReader::kDefaultMaxFieldBytes)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(buffer, QStringLiteral("t.csv"), maxField);
    Parsed out;
    if (const Status s = csv.readHeader(); !s) {
        out.error = s.error();
        return out;
    }
    for (;;) {
        auto more = csv.next();
        if (!more) {
            out.error = more.error();
            return out;
        }
        if (!more.value())
            return out;
        std::vector<QString> row;
        for (int i = 0; i < 3; ++i)
            row.push_back(csv.field(i));
        out.rows.push_back(row);
    }
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void parsesRfc4180()
    {
        // RFC 4180 section 2: CRLF line ends, quoted fields with commas, doubled quotes and line
        // breaks; a final record without a line break; a BOM before the header; blank lines.
        const QByteArray data = "\xEF\xBB\xBF"
                                "a,b,c\r\n"
                                "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                                "\n"
                                "2,\"two\r\nlines\",\r\n"
                                "3,Zo\xC3\xAB,\"\"";
        const Parsed p = parse(data);
        QVERIFY2(!p.error, p.error ? p.error->describe().c_str() : "");
        QCOMPARE(p.rows.size(), std::size_t(3));
        QCOMPARE(p.rows[0][1], QStringLiteral("x, y"));
        QCOMPARE(p.rows[0][2], QStringLiteral("say \"hi\""));
        QCOMPARE(p.rows[1][1], QStringLiteral("two\r\nlines"));
        QCOMPARE(p.rows[1][2], QString());
        QCOMPARE(p.rows[2][1], QStringLiteral("Zoë"));
    }

    void headerByName()
    {
        QBuffer buffer;
        buffer.setData("ID, Name ,EXTRA\n1,a,b\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader csv(buffer, QStringLiteral("h.csv"));
        QVERIFY(csv.readHeader().ok());
        QCOMPARE(csv.requireColumn("Name").value(), 1);
        QCOMPARE(csv.optionalColumn("MISSING"), -1);
        const auto missing = csv.requireColumn("VALUE");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().field, std::string("VALUE"));
        QCOMPARE(missing.error().file, std::string("h.csv"));
        QCOMPARE(missing.error().line, 1L);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("field");
        QTest::newRow("unterminated quote (truncated)") << QByteArray("a,b,c\n1,2,3\n4,\"open,\n5,6") << 3L << "b";
        QTest::newRow("quote inside unquoted field") << QByteArray("a,b,c\n1,x\"y,3\n") << 2L << "b";
        QTest::newRow("text after closing quote") << QByteArray("a,b,c\n1,\"x\"y,3\n") << 2L << "b";
        QTest::newRow("too few fields (truncated row)") << QByteArray("a,b,c\n1,2,3\n4,5") << 3L << "c";
        QTest::newRow("too many fields") << QByteArray("a,b,c\n1,2,3,4\n") << 2L << "";
        QTest::newRow("bare carriage return in header") << QByteArray("a,b,c\r1,2,3\n") << 1L << "column 3";
        QTest::newRow("duplicate column") << QByteArray("a,b,a\n") << 1L << "a";
        QTest::newRow("empty file") << QByteArray() << 1L << "header";
        // Unicode table 3-7 ill-formed sequences.
        QTest::newRow("overlong") << QByteArray("a,b,c\n1,\xC0\xAF,3\n") << 2L << "b";
        QTest::newRow("surrogate") << QByteArray("a,b,c\n1,2,\xED\xA0\x80\n") << 2L << "c";
        QTest::newRow("above U+10FFFF") << QByteArray("a,b,c\n\xF4\x90\x80\x80,2,3\n") << 2L << "a";
        QTest::newRow("truncated sequence") << QByteArray("a,b,c\n1,2,\xE2\x82\n") << 2L << "c";
        QTest::newRow("latin-1 byte") << QByteArray("a,b,c\n1,Jos\xE9,3\n") << 2L << "b";
        QTest::newRow("line of a later record") << QByteArray("a,b,c\n1,\"x\ny\",3\n4,5,\xFF\n") << 4L << "c";
    }

    void rejects()
    {
        QFETCH(QByteArray, data);
        QFETCH(long, line);
        QFETCH(QString, field);
        const Parsed p = parse(data);
        QVERIFY(p.error.has_value());
        QCOMPARE(p.error->code, ErrorCode::MalformedInput);
        QCOMPARE(p.error->file, std::string("t.csv"));
        QCOMPARE(p.error->line, line);
        QCOMPARE(QString::fromStdString(p.error->field), field);
    }

    void hugeFieldIsRefusedEarly()
    {
        // A 10 MB field against the 1 MiB default: refused once the limit is passed, so the
        // reader has consumed little more than the limit, not the whole field.
        QByteArray data = "a,b,c\n1,";
        data.append(QByteArray(10 * 1024 * 1024, 'x'));
        data.append(",3\n");
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader csv(buffer, QStringLiteral("big.csv"));
        QVERIFY(csv.readHeader().ok());
        const auto more = csv.next();
        QVERIFY(!more.ok());
        QCOMPARE(more.error().field, std::string("b"));
        QCOMPARE(more.error().line, 2L);
        QVERIFY(QString::fromStdString(more.error().message).contains(QStringLiteral("limit")));
        QVERIFY(buffer.pos() < 2 * CsvReader::kDefaultMaxFieldBytes);
        // Just under a custom limit passes.
        QVERIFY(!parse("a,b,c\n1,12345,3\n", 5).error);
        QVERIFY(parse("a,b,c\n1,123456,3\n", 5).error);
    }

    void utf8Validator()
    {
        QCOMPARE(firstInvalidUtf8("plain"), qsizetype(-1));
        QCOMPARE(firstInvalidUtf8("\xF0\x9F\x98\x80 \xE2\x82\xAC \xC3\xA9"), qsizetype(-1));
        QCOMPARE(firstInvalidUtf8("ab\xE0\x80\x80"), qsizetype(2)); // overlong 3-byte
        QCOMPARE(firstInvalidUtf8("\xC1\xBF"), qsizetype(0));       // overlong 2-byte
        QCOMPARE(firstInvalidUtf8("x\x80"), qsizetype(1));          // lone continuation
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
