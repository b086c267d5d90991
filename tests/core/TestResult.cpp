// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Clock.h"
#include "core/Result.h"

#include <QTest>

using namespace cc;

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Result<int> bad(makeError(ErrorCode::WrongPassword, "wrong password"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::WrongPassword);
        QCOMPARE(errorCodeName(bad.error().code), std::string_view("WrongPassword"));
    }

    void malformedDescribesWhere()
    {
        const Error e = malformed("not a number", "observations.csv", 17, "VALUE");
        QCOMPARE(QString::fromStdString(e.describe()), QStringLiteral("observations.csv:17: VALUE: not a number"));
        QCOMPARE(QString::fromStdString(makeError(ErrorCode::NotFound, "no such user").describe()),
                 QStringLiteral("no such user"));
    }

    void tryPropagates()
    {
        auto inner = [](bool fail) -> Status {
            if (fail)
                return makeError(ErrorCode::StorageFull, "disk full");
            return {};
        };
        auto outer = [&](bool fail) -> Result<int> {
            CC_TRY(inner(fail));
            return 7;
        };
        QVERIFY(outer(false).ok());
        QCOMPARE(outer(true).error().code, ErrorCode::StorageFull);
    }

    void manualClockMoves()
    {
        ManualClock clock;
        const auto t0 = clock.nowSeconds();
        clock.advance(std::chrono::minutes(10));
        QCOMPARE(clock.nowSeconds() - t0, 600);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
