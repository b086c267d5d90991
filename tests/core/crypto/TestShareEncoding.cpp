// SPDX-License-Identifier: GPL-3.0-or-later
// Printed share text: round trip, tolerant input, and every single-character mistake is caught.
#include "CryptoTestUtil.h"
#include "core/crypto/ShareEncoding.h"

#include <QTest>

#include <algorithm>
#include <cctype>

using namespace cc;
using namespace cc::crypto;
using namespace cc::crypto::test;

namespace {

ShamirShare sampleShare(std::size_t size = 32, std::uint8_t index = 3)
{
    DeterministicRng rng(77);
    return ShamirShare{index, rng.secureBytes(size)};
}

} // namespace

class TestShareEncoding : public QObject
{
    Q_OBJECT

private slots:
    void crc32CheckValue()
    {
        // The standard CRC-32/ISO-HDLC check value (Greg Cook's CRC catalogue): "123456789" -> 0xCBF43926.
        QCOMPARE(crc32(bytesOf(std::string_view("123456789"))), 0xCBF43926u);
        QCOMPARE(crc32({}), 0u);
        // Incremental use equals one pass.
        QCOMPARE(crc32(bytesOf(std::string_view("6789")), crc32(bytesOf(std::string_view("12345")))), 0xCBF43926u);
    }

    void knownEncoding()
    {
        // RFC 4648 section 10 base32 test vector "foobar" -> "MZXW6YTBOI" (unpadded), grouped by 4.
        const ShamirShare share{1, SecureBytes(bytesOf(std::string_view("foobar")))};
        const std::string text = encodeShare(share, 2);
        QVERIFY2(text.rfind("CC1-2-1-MZXW-6YTB-OI-", 0) == 0, text.c_str());
        QCOMPARE(text.size(), std::string("CC1-2-1-MZXW-6YTB-OI-").size() + 7);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("index");
        QTest::addColumn<uint>("threshold");
        // Sizes covering every base32 remainder (5 bytes = 8 characters).
        for (int size = 1; size <= 10; ++size)
            QTest::addRow("%d bytes", size) << size << 7 << 3u;
        QTest::newRow("32-byte key, share 255 of 255") << 32 << 255 << 255u;
        QTest::newRow("32-byte key, share 1, threshold 2") << 32 << 1 << 2u;
    }

    void roundTrip()
    {
        QFETCH(int, size);
        QFETCH(int, index);
        QFETCH(uint, threshold);
        const ShamirShare share = sampleShare(static_cast<std::size_t>(size), static_cast<std::uint8_t>(index));
        const std::string text = encodeShare(share, threshold);
        const auto decoded = decodeShare(text);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->threshold, threshold);
        QCOMPARE(int(decoded->share.index), index);
        QVERIFY(decoded->share.data == share.data);
    }

    void toleratesLowerCaseAndSpaces()
    {
        const ShamirShare share = sampleShare();
        std::string text = encodeShare(share, 3);
        std::string typed;
        for (const char c : text) {
            typed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            if (c == '-')
                typed += "  ";
        }
        typed = "  " + typed + "\n";
        const auto decoded = decodeShare(typed);
        QVERIFY(decoded.ok());
        QVERIFY(decoded->share.data == share.data);
    }

    void everySingleSubstitutionIsCaught()
    {
        const ShamirShare share = sampleShare();
        const std::string text = encodeShare(share, 3);
        const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567-0189";
        int tried = 0;
        for (std::size_t pos = 0; pos < text.size(); ++pos) {
            for (const char c : alphabet) {
                if (c == text[pos])
                    continue;
                std::string typo = text;
                typo[pos] = c;
                const auto r = decodeShare(typo);
                ++tried;
                QVERIFY2(!r.ok(), qPrintable(QStringLiteral("substitution at %1 accepted").arg(pos)));
                QCOMPARE(r.error().code, ErrorCode::MalformedInput);
            }
        }
        QVERIFY(tried > 1000);
    }

    void everyDeletionAndTranspositionIsCaught()
    {
        const ShamirShare share = sampleShare();
        const std::string text = encodeShare(share, 3);
        for (std::size_t pos = 0; pos < text.size(); ++pos) {
            std::string deleted = text;
            deleted.erase(pos, 1);
            QVERIFY2(!decodeShare(deleted).ok(), qPrintable(QStringLiteral("deletion at %1 accepted").arg(pos)));
            if (pos + 1 < text.size() && text[pos] != text[pos + 1]) {
                std::string swapped = text;
                std::swap(swapped[pos], swapped[pos + 1]);
                QVERIFY2(!decodeShare(swapped).ok(),
                         qPrintable(QStringLiteral("transposition at %1 accepted").arg(pos)));
            }
        }
    }

    void errorsNameTheProblem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << QString() << "prefix";
        QTest::newRow("wrong prefix") << "CC2-3-1-AAAA-AAAAAAA"
                                      << "prefix";
        QTest::newRow("threshold 1") << "CC1-1-1-AAAA-AAAAAAA"
                                     << "threshold";
        QTest::newRow("threshold leading zero") << "CC1-03-1-AAAA-AAAAAAA"
                                                << "threshold";
        QTest::newRow("index 0") << "CC1-3-0-AAAA-AAAAAAA"
                                 << "index";
        QTest::newRow("index 256") << "CC1-3-256-AAAA-AAAAAAA"
                                   << "index";
        QTest::newRow("short checksum") << "CC1-3-1-AAAA-AAAAAA"
                                        << "checksum";
        QTest::newRow("long middle group") << "CC1-3-1-AAAAA-AA-AAAAAAA"
                                           << "data";
        QTest::newRow("bad character") << "CC1-3-1-AA1A-AAAAAAA"
                                       << "data";
        QTest::newRow("checksum mismatch") << "CC1-3-1-AAAA-AAAAAAA"
                                           << "checksum";
    }

    void errorsNameTheProblem()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        const auto r = decodeShare(text.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::MalformedInput);
        QCOMPARE(QString::fromStdString(r.error().field), field);
        QVERIFY(!r.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(TestShareEncoding)
#include "TestShareEncoding.moc"
