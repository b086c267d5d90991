// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/FileDialog.h"

#include <QDir>
#include <QFileDialog>

namespace cc::ui {

QString FileDialog::s_lastCaption;
std::optional<QString> FileDialog::s_nextSaveFileName;
std::optional<QString> FileDialog::s_nextOpenFileName;

QString FileDialog::saveFileName(QWidget* parent, const QString& caption, const QString& suggestedName,
                                 const QString& filter)
{
    s_lastCaption = caption;
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

QString FileDialog::openFileName(QWidget* parent, const QString& caption, const QString& filter)
{
    s_lastCaption = caption;
    if (s_nextOpenFileName) {
        QString name = *s_nextOpenFileName;
        s_nextOpenFileName.reset();
        return name;
    }
    return QFileDialog::getOpenFileName(parent, caption, QDir::homePath(), filter);
}

void FileDialog::setNextOpenFileName(const QString& fileName)
{
    s_nextOpenFileName = fileName;
}

} // namespace cc::ui
