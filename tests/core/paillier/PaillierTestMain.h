// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the Paillier tests: a main() that installs the wiping GMP allocator before any GMP
// object exists, and loaders for the TEST keys in tests/data/paillier.
#pragma once

#include "core/crypto/GmpSecureAllocator.h"
#include "core/paillier/KeyFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

namespace cc::paillier::test {

/// Reads a fixture file from tests/data/paillier.
inline std::string fixture(const char* name)
{
    QFile f(QStringLiteral(CC_TEST_DATA_DIR "/paillier/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll().toStdString();
}

/// A fixture private key (TEST key, never for patient data).
inline PrivateKey fixtureKey(const char* name)
{
    auto key = KeyFile::readPrivate(fixture(name));
    if (!key.ok())
        qFatal("bad fixture key %s: %s", name, key.error().describe().c_str());
    return std::move(key).value();
}

} // namespace cc::paillier::test

/// Like QTEST_GUILESS_MAIN, but the wiping GMP allocator goes in first (no GMP object is static).
#define CC_PAILLIER_TEST_MAIN(TestClass)                                                                               \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        cc::crypto::installWipingGmpAllocator();                                                                       \
        QCoreApplication app(argc, argv);                                                                              \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
