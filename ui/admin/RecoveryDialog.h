// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring access with k typed recovery shares, each checked as it is typed (docs/KEYS.md 8).
#pragma once

#include "core/services/RecoveryService.h"

#include <QDialog>

#include <memory>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;

namespace Ui {
class RecoveryDialog;
}

namespace cc::ui {

/// Before any login: the custodians type their shares (each line says at once whether its
/// checksum matches and which share of which threshold it is; more lines appear when the shares
/// say more are needed). Then either the account to restore and a temporary password, or (to
/// replace the printed set) the new k of n and who asks: the new shares are shown once, with one
/// printable PDF page per custodian. RecoveryService does the work and writes the one audit event.
/// Opened by `cipherchart --clinic DIR --recover`.
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
    /// After a successful re-issue, the new shares (tests); empty otherwise.
    [[nodiscard]] const std::vector<std::string>& newShares() const { return m_reissued.shares; }

private:
    void addShareField();
    void checkShares();
    void updateButton();
    void recover();
    void reissue();
    void savePages();
    void updateMode();
    void updateTabOrder();
    [[nodiscard]] std::vector<std::string> typedShares() const;
    void showResult(const QString& text, bool error);

    std::unique_ptr<Ui::RecoveryDialog> m_ui;
    ports::ClinicBackend& m_backend;
    services::RecoveryService m_service;
    std::vector<std::uint8_t> m_blob;
    std::vector<QLineEdit*> m_shareEdits;
    std::vector<QLabel*> m_shareLabels;
    bool m_sharesOk = false;
    bool m_recovered = false;
    services::ReissueResult m_reissued;
};

} // namespace cc::ui
