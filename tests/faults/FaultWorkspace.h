// SPDX-License-Identifier: GPL-3.0-or-later
// The folders a fault test works in, shared by the tests that run the real CLI under the
// fault-injecting file system (FaultFs.cpp): base/ (the starting clinic, closed), run/clinic (a
// fresh copy of it for each point, the only folder whose files the library watches), saved/ (what
// a simulated power loss brings back) and events.log (the library's event count).
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>

#include <filesystem>

namespace cc::test {

/// Files a clinic keeps between runs; anything else left in its folder after a failure is partial.
inline bool volatileName(const QString& name)
{
    return name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal") || name == "clinic.lock";
}

/// Every file and folder below `dir` (relative names), SQLite's and the lock's own files left out.
inline QSet<QString> filesOf(const QString& dir)
{
    QSet<QString> names;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (!volatileName(it.fileName()))
            names.insert(QDir(dir).relativeFilePath(it.filePath()));
    }
    return names;
}

/// Puts `root`/base back as `root`/run/clinic, with empty run/ and saved/ around it.
inline void resetWorkspace(const QDir& root)
{
    std::error_code ec;
    std::filesystem::remove_all(root.filePath("run").toStdString(), ec);
    std::filesystem::remove_all(root.filePath("saved").toStdString(), ec);
    QDir().mkpath(root.filePath("run"));
    QDir().mkpath(root.filePath("saved"));
    std::filesystem::copy(root.filePath("base").toStdString(), root.filePath("run/clinic").toStdString(),
                          std::filesystem::copy_options::recursive);
}

/// The environment that preloads the library (`faultfs`) with `mode` striking at event `at`;
/// `seedSalt` varies the tear points between tests.
inline QProcessEnvironment faultEnvironment(const QString& faultfs, const QDir& root, const QString& mode,
                                            unsigned long at, unsigned seedSalt)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LD_PRELOAD", faultfs);
    env.insert("CC_FAULT_DIR", root.filePath("run"));
    env.insert("CC_FAULT_MODE", mode);
    env.insert("CC_FAULT_AT", QString::number(at));
    env.insert("CC_FAULT_SAVE", root.filePath("saved"));
    env.insert("CC_FAULT_LOG", root.filePath("events.log"));
    env.insert("CC_FAULT_SEED", QString::number(at * 7919u + seedSalt));
    return env;
}

} // namespace cc::test
