// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the storage tests: fixed keys, file scans, a small tmpfs.
#pragma once

#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

#include <cstdint>
#include <string>

namespace cc::db::test {

/// A reproducible 32-byte database key (DeterministicRng: tests only).
inline crypto::SecureBytes testKey(std::uint64_t seed)
{
    crypto::DeterministicRng rng(seed);
    return rng.secureBytes(32);
}

/// Whole file contents, or an empty array if the file does not exist.
inline QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline std::string str(const QString& path)
{
    return path.toStdString();
}

/// Mounts a tmpfs of `size` (e.g. "64k") on `dir`, read-write. False if this sandbox refuses.
inline bool mountTmpfs(const QString& dir, const QString& size)
{
    return QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir}) == 0;
}

/// Remounts `dir` read-only (or read-write). False on failure.
inline bool remount(const QString& dir, bool readOnly)
{
    return QProcess::execute("mount", {"-o", readOnly ? "remount,ro" : "remount,rw", dir}) == 0;
}

/// Unmounts `dir`.
inline void unmount(const QString& dir)
{
    QProcess::execute("umount", {dir});
}

} // namespace cc::db::test
