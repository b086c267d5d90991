// SPDX-License-Identifier: GPL-3.0-or-later
// The one share format: version 2 round trip, both former "version 1" layouts still read, tampering
// refused; key rings (ReportKeyCodec) and sealed containers (KeyContainer) use the same bytes.
#include "core/paillier/KeyContainer.h"
#include "core/paillier/ShareCodec.h"
#include "core/services/ReportKeyCodec.h"
#include "tests/core/paillier/PaillierTestMain.h"

using namespace cc;
using namespace cc::paillier;

namespace {

ThresholdShare sampleShare()
{
    ThresholdShare s;
    s.keyId = {1, 2, 3, 4, 5, 6, 7, 8};
    s.index = 2;
    s.threshold = 2;
    s.parties = 3;
    std::vector<std::uint8_t> secret(300);
    for (std::size_t i = 0; i < secret.size(); ++i)
        secret[i] = static_cast<std::uint8_t>(i * 7 + 1);
    s.secret = crypto::SecureBytes(std::span<const std::uint8_t>(secret));
    return s;
}

void put(std::vector<std::uint8_t>& out, std::uint32_t v, int width)
{
    for (int i = width - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// The two layouts that both said "version 1" before version 2 (lengthWidth 4: key rings,
// ReportKeyCodec; lengthWidth 2: sealed containers, KeyContainer).
std::vector<std::uint8_t> legacy(const ThresholdShare& s, int lengthWidth)
{
    std::vector<std::uint8_t> out{'C', 'C', 'P', 'S', 1};
    out.insert(out.end(), s.keyId.begin(), s.keyId.end());
    put(out, s.index, 4);
    put(out, s.threshold, 4);
    put(out, s.parties, 4);
    put(out, static_cast<std::uint32_t>(s.secret.size()), lengthWidth);
    out.insert(out.end(), s.secret.data(), s.secret.data() + s.secret.size());
    return out;
}

bool same(const ThresholdShare& a, const ThresholdShare& b)
{
    return a.keyId == b.keyId && a.index == b.index && a.threshold == b.threshold && a.parties == b.parties &&
           a.secret == b.secret;
}

} // namespace

class TestShareCodec : public QObject
{
    Q_OBJECT

private slots:
    void versionTwoRoundTrip()
    {
        const auto s = sampleShare();
        const auto bytes = encodeShare(s);
        QCOMPARE(bytes.size(), std::size_t{4 + 1 + 8 + 16 + 300});
        QCOMPARE(bytes.data()[4], SHARE_FORMAT_VERSION);
        auto back = decodeShare(bytes.span());
        QVERIFY(back.ok());
        QVERIFY(same(*back, s));
        // The services' codec is the same format.
        QVERIFY(services::encodeThresholdShare(s) == bytes);
        QVERIFY(same(services::decodeThresholdShare(bytes.span()).value(), s));
    }

    void legacyLayoutsStillRead_data()
    {
        QTest::addColumn<int>("lengthWidth");
        QTest::addColumn<int>("secretSize");
        QTest::newRow("key ring v1 (u32 length)") << 4 << 300;
        QTest::newRow("container v1 (u16 length)") << 2 << 300;
        QTest::newRow("key ring v1, 256-byte secret") << 4 << 256;
        QTest::newRow("container v1, 256-byte secret") << 2 << 256;
        QTest::newRow("container v1, 1-byte secret") << 2 << 1;
        QTest::newRow("key ring v1, longest secret") << 4 << int{SHARE_MAX_SECRET};
        QTest::newRow("container v1, longest secret") << 2 << int{SHARE_MAX_SECRET};
    }
    void legacyLayoutsStillRead()
    {
        QFETCH(int, lengthWidth);
        QFETCH(int, secretSize);
        auto s = sampleShare();
        std::vector<std::uint8_t> secret(static_cast<std::size_t>(secretSize), 0x42);
        s.secret = crypto::SecureBytes(std::span<const std::uint8_t>(secret));
        const auto bytes = legacy(s, lengthWidth);
        auto back = decodeShare(bytes);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QVERIFY(same(*back, s));
    }

    void tamperedRefused_data()
    {
        QTest::addColumn<int>("offset"); // byte to change (−1: truncate by one, −2: append one)
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("code");
        QTest::newRow("magic") << 0 << int{'X'} << int(ErrorCode::MalformedInput);
        QTest::newRow("version 3") << 4 << 3 << int(ErrorCode::Unsupported);
        QTest::newRow("version 0") << 4 << 0 << int(ErrorCode::Unsupported);
        QTest::newRow("index 0") << 16 << 0 << int(ErrorCode::MalformedInput);
        QTest::newRow("index above parties") << 16 << 9 << int(ErrorCode::MalformedInput);
        QTest::newRow("threshold above parties") << 20 << 9 << int(ErrorCode::MalformedInput);
        QTest::newRow("parties 65") << 24 << 65 << int(ErrorCode::MalformedInput);
        QTest::newRow("length too long") << 28 << 0x2d << int(ErrorCode::MalformedInput);
        QTest::newRow("length high byte") << 25 << 1 << int(ErrorCode::MalformedInput);
        QTest::newRow("truncated") << -1 << 0 << int(ErrorCode::MalformedInput);
        QTest::newRow("trailing byte") << -2 << 0 << int(ErrorCode::MalformedInput);
    }
    void tamperedRefused()
    {
        QFETCH(int, offset);
        QFETCH(int, value);
        QFETCH(int, code);
        const auto good = encodeShare(sampleShare());
        std::vector<std::uint8_t> bytes(good.data(), good.data() + good.size());
        if (offset == -1)
            bytes.pop_back();
        else if (offset == -2)
            bytes.push_back(0);
        else
            bytes[static_cast<std::size_t>(offset)] = static_cast<std::uint8_t>(value);
        auto back = decodeShare(bytes);
        QVERIFY(!back.ok());
        QCOMPARE(int(back.error().code), code);
        // Short inputs of every length are refused without reading past the end.
        for (std::size_t n = 0; n < good.size(); ++n)
            QVERIFY(!decodeShare(std::span<const std::uint8_t>(good.data(), n)).ok());
    }

    void containerUsesTheSameFormat()
    {
        crypto::DeterministicRng rng(7);
        const auto wrap = rng.secureBytes(32);
        const auto s = sampleShare();
        auto blob = KeyContainer::sealShare(s, wrap, 3, rng);
        QVERIFY(blob.ok());
        auto opened = KeyContainer::openShare(wrap, 3, *blob, s.keyId, s.index);
        QVERIFY(opened.ok());
        QVERIFY(same(*opened, s));
        QCOMPARE(KeyContainer::openShare(wrap, 3, *blob, s.keyId, 1).error().code, ErrorCode::IntegrityFailure);
    }
};

CC_PAILLIER_TEST_MAIN(TestShareCodec)
#include "TestShareCodec.moc"
