// SPDX-License-Identifier: GPL-3.0-or-later
// app::dataDir, demoSyntheaDir and installTranslators: the environment override, the place next to
// the executable, the error for a missing sample, and the Spanish catalogue loaded by the locale.
#include "app/DataDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;

class TestDataDir : public QObject
{
    Q_OBJECT

    QByteArray m_built; // CIPHERCHART_DATA_DIR as CTest sets it: build/<preset>/share/cipherchart

private slots:
    void initTestCase()
    {
        m_built = qgetenv(app::kDataDirVariable);
        QVERIFY2(!m_built.isEmpty(), "CTest sets CIPHERCHART_DATA_DIR (cmake/Testing.cmake)");
    }

    void cleanup()
    {
        qputenv(app::kDataDirVariable, m_built);
        QLocale::setDefault(QLocale::system());
    }

    void theEnvironmentOverridesTheDataDir()
    {
        QCOMPARE(QString::fromStdString(app::dataDir()), QString::fromLocal8Bit(m_built));
        QCOMPARE(QString::fromStdString(app::translationsDir()), QString::fromLocal8Bit(m_built) + "/translations");
        auto sample = app::demoSyntheaDir();
        QVERIFY(sample);
        QVERIFY(QFileInfo::exists(QString::fromStdString(*sample) + "/patients.csv"));
    }

    void withoutTheEnvironmentTheDataDirIsBesideTheExecutable()
    {
        qunsetenv(app::kDataDirVariable);
        const QString expected = QDir::cleanPath(QCoreApplication::applicationDirPath() + "/../share/cipherchart");
        QCOMPARE(QString::fromStdString(app::dataDir()), expected);
    }

    void aMissingSampleIsNotFoundNamingTheFolder()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        qputenv(app::kDataDirVariable, QFile::encodeName(empty.path()));
        auto sample = app::demoSyntheaDir();
        QVERIFY(!sample);
        QCOMPARE(sample.error().code, ErrorCode::NotFound);
        QVERIFY2(sample.error().message.find(empty.path().toStdString() + "/demo/synthea") != std::string::npos,
                 sample.error().message.c_str());
    }

    void theCLocaleKeepsTheEnglishSources()
    {
        QLocale::setDefault(QLocale::c());
        QCOMPARE(app::installTranslators(*QCoreApplication::instance()), std::string());
        QCOMPARE(QCoreApplication::translate("cc::ui::LoginWindow", "CipherChart — Log in"),
                 QString("CipherChart — Log in"));
    }

    void aSpanishLocaleLoadsTheSpanishCatalogue_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("spanish");
        // A tr() in a class, a Designer form, QObject::tr in main.cpp and a Q_DECLARE_TR_FUNCTIONS class.
        QTest::newRow("login window title") << "cc::ui::LoginWindow"
                                            << "CipherChart — Log in"
                                            << "CipherChart — Iniciar sesión";
        QTest::newRow("login form button") << "LoginWindow"
                                           << "&Log in"
                                           << "&Iniciar sesión";
        QTest::newRow("demo progress") << "QObject"
                                       << "Opening the demo clinic…"
                                       << "Abriendo la clínica de demostración…";
        QTest::newRow("error text") << "ErrorText"
                                    << "Wrong account name or password."
                                    << "Nombre de cuenta o contraseña incorrectos.";
        // FHIR codes read back with currentText() stay as they are.
        QTest::newRow("allergy status code") << "AllergyDialog"
                                             << "active"
                                             << "active";
    }

    void aSpanishLocaleLoadsTheSpanishCatalogue()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, spanish);
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QCOMPARE(app::installTranslators(*QCoreApplication::instance()), std::string("es"));
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), spanish);
    }
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "TestDataDir.moc"
