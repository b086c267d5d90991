// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring access with k typed recovery shares, each checked as it is typed (docs/KEYS.md 8).
#pragma once

#include "core/services/RecoveryService.h"

#include <QDialog>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;

namespace Ui {
class RecoveryDialog;
}

namespace cc::ui {

/// Before any login: the custodians type their shares (each line says at once whether its
/// checksum matches and which share of which threshold it is; more lines appear when the shares
/// say more are needed), the account to restore and a temporary password. RecoveryService does
/// the recovery and writes the one audit event. Opened by `cipherchart --clinic DIR --recover`.
class RecoveryDialog : public QDialog
{
    Q_OBJECT

public:
    /// `recoveryBlob` is the content of the clinic's recovery.ccr. `backend`, `clock`, `rng` must outlive it.
    RecoveryDialog(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                   services::ServiceOptions options, std::vector<std::uint8_t> recoveryBlob, QWidget* parent = nullptr);
    ~RecoveryDialog() override;

    /// Number of share lines on screen (tests).
    [[nodiscard]] int shareFieldCount() const { return static_cast<int>(m_shareEdits.size()); }
    /// True after a successful recovery.
    [[nodiscard]] bool recovered() const { return m_recovered; }

private:
    void addShareField();
    void checkShares();
    void updateButton();
    void recover();
    void showResult(const QString& text, bool error);

    std::unique_ptr<Ui::RecoveryDialog> m_ui;
    services::RecoveryService m_service;
    std::vector<std::uint8_t> m_blob;
    std::vector<QLineEdit*> m_shareEdits;
    std::vector<QLabel*> m_shareLabels;
    bool m_sharesOk = false;
    bool m_recovered = false;
};

} // namespace cc::ui
