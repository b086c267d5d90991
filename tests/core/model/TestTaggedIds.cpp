// SPDX-License-Identifier: GPL-3.0-or-later
// The id types are distinct (issue 10 item 9): a user, patient, clinic or record row id cannot be
// passed, assigned or compared as another kind. The compile-time half is TaggedIdAsserts.cpp (the
// test does not build if a kind converts to another; kept out of this file, which moc reads); the
// run-time half checks what the ids still do as 16 bytes.
// QtTest first: moc (which reads this file) trips over <compare> when it comes before Qt's headers.
#include <QtTest>

#include "core/TaggedId.h"
#include "core/access/Ids.h"
#include "core/crypto/Rng.h"
#include "core/model/RowId.h"

#include <set>

using namespace cc;
using access::PatientId;
using access::UserId;
using model::RowId;

class TestTaggedIds : public QObject
{
    Q_OBJECT

private slots:
    void explicitConstructionKeepsTheBytes()
    {
        IdBytes raw{};
        for (std::size_t i = 0; i < raw.size(); ++i)
            raw[i] = static_cast<std::uint8_t>(i * 7 + 1);
        const PatientId patient{raw};
        const RowId row{raw};
        QVERIFY(std::equal(patient.begin(), patient.end(), raw.begin()));
        QVERIFY(std::equal(row.begin(), row.end(), raw.begin()));
        // The same bytes as another kind are equal only once named as that kind on purpose.
        QCOMPARE(RowId{IdBytes{patient}}, row);
    }

    void hexRoundTripsForEveryKind()
    {
        auto& rng = crypto::SystemRng::instance();
        const auto patient = model::newRowId<PatientId>(rng);
        const auto row = model::newRowId(rng);
        const auto user = model::newRowId<UserId>(rng);
        QCOMPARE(model::rowIdFromHex<PatientId>(model::rowIdToHex(patient)).value(), patient);
        QCOMPARE(model::rowIdFromHex(model::rowIdToHex(row)).value(), row);
        QCOMPARE(model::rowIdFromHex<UserId>(model::rowIdToHex(user)).value(), user);
        QVERIFY(!model::rowIdFromHex<PatientId>(QStringLiteral("0123")).ok());
        QVERIFY(!model::rowIdFromHex<PatientId>(QString(32, u'z')).ok());
    }

    void orderedWithinAKind()
    {
        std::set<PatientId> ids;
        PatientId a{};
        PatientId b{};
        b[15] = 1;
        ids.insert(b);
        ids.insert(a);
        ids.insert(a);
        QCOMPARE(ids.size(), std::size_t{2});
        QCOMPARE(*ids.begin(), a);
        QVERIFY(a < b);
    }
};

QTEST_GUILESS_MAIN(TestTaggedIds)
#include "TestTaggedIds.moc"
