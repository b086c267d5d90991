// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/NetworkKeyPicker.h"

#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportText.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cc::ui {

NetworkKeyPicker::NetworkKeyPicker(QWidget* parent)
    : QWidget(parent), m_path(new QLineEdit), m_browse(new QPushButton(tr("Bro&wse…"))), m_info(new QLabel)
{
    m_path->setObjectName(QStringLiteral("networkKeyLineEdit"));
    m_path->setPlaceholderText(tr("network-key.json, from the research network"));
    m_path->setAccessibleName(tr("Network public key file"));
    m_browse->setObjectName(QStringLiteral("networkKeyBrowsePushButton"));
    m_info->setObjectName(QStringLiteral("networkKeyLabel"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setText(tr("Choose the network's public key file (network-key.json). It is public; its fingerprint "
                       "is given out by the network out of band."));
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_path, 1);
    row->addWidget(m_browse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_info);
    connect(m_browse, &QPushButton::clicked, this, [this]() {
        const QString chosen = FileDialog::openFileName(this, tr("Network public key file"),
                                                        tr("Network key files (*.json);;All files (*)"));
        if (!chosen.isEmpty())
            setPath(chosen);
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this]() {
        if (m_path->text().trimmed() != m_loaded)
            setPath(m_path->text().trimmed());
    });
}

QString NetworkKeyPicker::path() const
{
    return m_loaded;
}

QString NetworkKeyPicker::fingerprintText() const
{
    return m_network ? ReportText::grouped(m_network->fingerprintHex()) : QString();
}

void NetworkKeyPicker::setPath(const QString& path)
{
    m_loaded = path;
    if (m_path->text() != path)
        m_path->setText(path);
    m_network.reset();
    m_info->setStyleSheet(QStringLiteral("color:#b00020"));
    if (path.isEmpty()) {
        m_info->setStyleSheet({});
        m_info->setText(tr("No network key file chosen."));
        emit changed();
        return;
    }
    auto bytes = ReportFolder::read(path);
    auto key = bytes ? services::NetworkKey::fromJson(
                           std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                           QDir::toNativeSeparators(path).toStdString())
                     : Result<services::NetworkKey>(bytes.error());
    if (!key) {
        m_info->setText(tr("%1 is not a valid research network key file, refused: %2")
                            .arg(QDir::toNativeSeparators(path), ErrorText::forError(key.error())));
        emit changed();
        return;
    }
    m_network = std::move(*key);
    m_info->setStyleSheet({});
    m_info->setText(tr("Research network \"%1\", key id %2 (%3 bits), %4 of %5 network custodians decrypt. Merged "
                       "cells need at least %6 distinct patients; a merge needs at least %7 clinics.\nFingerprint "
                       "of this file: %8")
                        .arg(m_network->name, QString::fromStdString(m_network->key.keyIdHex()))
                        .arg(m_network->key.bits())
                        .arg(m_network->parameters.threshold)
                        .arg(m_network->parameters.parties)
                        .arg(m_network->minimumCellSize)
                        .arg(m_network->minimumSites)
                        .arg(fingerprintText()));
    emit changed();
}

} // namespace cc::ui
