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

    void storageMessagesSayWhereAndWhatToDo()
    {
        // The service's message names the file and what was done; the window adds what to do.
        const std::string where = "cannot write (/clinic/keyslots.ccks.tmp-0123456789abcdef)";
        for (const ErrorCode code : {ErrorCode::StorageFull, ErrorCode::StorageReadOnly, ErrorCode::StorageError}) {
            const QString text = ErrorText::forError(makeError(code, where));
            QVERIFY2(text.contains(QString::fromStdString(where)), qPrintable(text));
            QVERIFY2(text.contains("then try again"), qPrintable(text));
            QVERIFY2(!text.contains("Nothing was saved"), qPrintable(text));
        }
        QVERIFY(ErrorText::forError(makeError(ErrorCode::StorageFull, "x")).contains("Free space"));
        QVERIFY(ErrorText::forError(makeError(ErrorCode::StorageReadOnly, "x")).contains("writable"));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "TestErrorText.moc"
