// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/NetworkOutputFile.h"

#include "ui/common/FileDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace cc::ui {

NetworkOutputFile::NetworkOutputFile(const QString& caption, const QString& suffix, const QString& filter,
                                     QWidget* parent)
    : QWidget(parent)
    , m_caption(caption)
    , m_suffix(suffix)
    , m_filter(filter)
    , m_path(new QLineEdit)
    , m_choose(new QPushButton(tr("C&hoose…")))
{
    m_path->setObjectName(QStringLiteral("outputLineEdit"));
    m_path->setPlaceholderText(tr("The new file to write (.%1)").arg(suffix));
    m_path->setAccessibleName(caption);
    m_choose->setObjectName(QStringLiteral("outputPushButton"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_path, 1);
    row->addWidget(m_choose);
    connect(m_path, &QLineEdit::textChanged, this, &NetworkOutputFile::changed);
    connect(m_choose, &QPushButton::clicked, this, [this]() {
        QString chosen = FileDialog::saveFileName(this, m_caption, m_suggested, m_filter);
        if (chosen.isEmpty())
            return;
        if (QFileInfo(chosen).suffix().isEmpty())
            chosen += QLatin1Char('.') + m_suffix;
        m_path->setText(chosen);
    });
}

QString NetworkOutputFile::path() const
{
    return m_path->text().trimmed();
}

QString NetworkOutputFile::problem() const
{
    const QString file = path();
    if (file.isEmpty())
        return tr("Choose where to save the file.");
    if (QFileInfo::exists(file))
        return tr("%1 exists already: a new file is written, never one replaced.").arg(QDir::toNativeSeparators(file));
    return {};
}

} // namespace cc::ui
