// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/PrivateFile.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace cc::services {

PrivateFile::PrivateFile(QString path) : m_path(std::move(path))
{
    m_temp.setFileTemplate(m_path + QStringLiteral(".tmp-XXXXXX"));
    m_temp.setAutoRemove(true);
}

Status PrivateFile::open()
{
    // QTemporaryFile creates with O_CREAT | O_EXCL and mode 0600 (QTemporaryFileEngine's default).
    if (!m_temp.open())
        return makeError(ErrorCode::StorageError, "cannot create a file beside " + m_path.toStdString() + ": " +
                                                      m_temp.errorString().toStdString());
    return {};
}

Status PrivateFile::commit()
{
    const std::string where = m_path.toStdString();
    if (!m_temp.flush() || ::fsync(m_temp.handle()) != 0)
        return makeError(ErrorCode::StorageError, "cannot write " + where);
    const QByteArray from = QFile::encodeName(m_temp.fileName());
    const QByteArray to = QFile::encodeName(m_path);
    if (std::rename(from.constData(), to.constData()) != 0)
        return makeError(ErrorCode::StorageError, "cannot move the finished file to " + where);
    m_temp.setAutoRemove(false);
    m_temp.close();
    const QByteArray folder = QFile::encodeName(QFileInfo(m_path).absolutePath());
    if (const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd); // the rename itself survives power loss
        ::close(fd);
    }
    return {};
}

} // namespace cc::services
