// SPDX-License-Identifier: GPL-3.0-or-later
// The research network's public key file (network-key.json) chosen in the federation dialogs: read
// and checked (NetworkKey::fromJson: the JWK, the threshold parameters, the signed record), then
// shown in words: name, key id, the network's rules and its fingerprint.
#pragma once

#include "core/services/ReportNetwork.h"

#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cc::ui {

class NetworkKeyPicker : public QWidget
{
    Q_OBJECT

public:
    explicit NetworkKeyPicker(QWidget* parent = nullptr);

    /// Reads and checks the file at `path` (empty: none); the label says what it is or why it was
    /// refused, naming the file. Emits changed().
    void setPath(const QString& path);
    [[nodiscard]] QString path() const;
    /// The checked network key, if the file was accepted.
    [[nodiscard]] const std::optional<services::NetworkKey>& network() const { return m_network; }
    /// The line edit, for a form's buddy label.
    [[nodiscard]] QLineEdit* lineEdit() const { return m_path; }
    /// "a1b2 c3d4 …" of the file's fingerprint (empty without a key).
    [[nodiscard]] QString fingerprintText() const;

signals:
    void changed();

private:
    QLineEdit* m_path;
    QPushButton* m_browse;
    QLabel* m_info;
    std::optional<services::NetworkKey> m_network;
    QString m_loaded;
};

} // namespace cc::ui
