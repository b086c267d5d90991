// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/ErrorText.h"

#include <QTest>

using cc::ErrorCode;
using cc::makeError;
using cc::ui::ErrorText;

class TestErrorText : public QObject
{
    Q_OBJECT

private slots:
    void everyCodeHasText_data()
    {
        QTest::addColumn<int>("code");
        for (int c = static_cast<int>(ErrorCode::InvalidArgument); c <= static_cast<int>(ErrorCode::Internal); ++c)
            QTest::newRow(cc::errorCodeName(static_cast<ErrorCode>(c)).data()) << c;
    }
    void everyCodeHasText()
    {
        QFETCH(int, code);
        const QString text = ErrorText::forError(makeError(static_cast<ErrorCode>(code), "detail"));
        QVERIFY(!text.isEmpty());
    }

    void loginMessages()
    {
        QCOMPARE(ErrorText::forError(makeError(ErrorCode::WrongPassword, "x")),
                 QStringLiteral("Wrong account name or password."));
        // An unknown or disabled account must read exactly like a wrong password (no enumeration).
        QCOMPARE(ErrorText::forError(makeError(ErrorCode::AccountDisabled, "no such account")),
                 ErrorText::forError(makeError(ErrorCode::WrongPassword, "x")));
        QVERIFY(ErrorText::forError(makeError(ErrorCode::AccountLocked, "try again in 30 s")).contains("30 s"));
        QVERIFY(ErrorText::forError(makeError(ErrorCode::AccountSuspended, "x")).contains("administrator"));
        QCOMPARE(ErrorText::forError(makeError(ErrorCode::StorageBusy, "lock held")),
                 QStringLiteral("The clinic is open in another CipherChart window."));
        QVERIFY(ErrorText::forError(makeError(ErrorCode::IntegrityFailure, "x")).contains("integrity check failed"));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "TestErrorText.moc"
