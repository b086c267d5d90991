// SPDX-License-Identifier: GPL-3.0-or-later
// A new file holding exported PHI or audit data: private (0600) from its creation, complete or absent.
#pragma once

#include "core/Result.h"

#include <QString>
#include <QTemporaryFile>

namespace cc::services {

/// Writes a file the way exports must: a temporary beside the target, created with mode 0600 by
/// open(O_CREAT | O_EXCL) itself (QTemporaryFile), so no other user can open it at any moment (no
/// umask, no chmod after open: QSaveFile creates new files 0666 & ~umask); fsync; then rename over
/// the target only in commit(), after every byte was checked. Without commit() the temporary is
/// removed, so a failed or cancelled export leaves nothing.
class PrivateFile
{
public:
    /// The file to produce.
    explicit PrivateFile(QString path);

    /// Creates the temporary. Errors: StorageError naming the folder.
    [[nodiscard]] Status open();
    /// Where to write between open() and commit().
    [[nodiscard]] QIODevice& device() noexcept { return m_temp; }
    /// fsync, rename over the target, fsync of the folder. Errors: StorageError naming the file.
    [[nodiscard]] Status commit();

private:
    QString m_path;
    QTemporaryFile m_temp;
};

} // namespace cc::services
