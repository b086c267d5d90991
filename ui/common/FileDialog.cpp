// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/FileDialog.h"

#include <QDir>
#include <QFileDialog>

namespace cc::ui {

std::optional<QString> FileDialog::s_nextSaveFileName;

QString FileDialog::saveFileName(QWidget* parent, const QString& caption, const QString& suggestedName,
                                 const QString& filter)
{
    if (s_nextSaveFileName) {
        QString name = *s_nextSaveFileName;
        s_nextSaveFileName.reset();
        return name;
    }
    return QFileDialog::getSaveFileName(parent, caption, QDir::home().filePath(suggestedName), filter);
}

void FileDialog::setNextSaveFileName(const QString& fileName)
{
    s_nextSaveFileName = fileName;
}

} // namespace cc::ui
