// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's key page: key status table and the idle-lock setting.
#pragma once

#include "core/services/KeyService.h"

#include <QWidget>

#include <memory>

namespace Ui {
class KeyStatusView;
}

namespace cc::ui {

class KeyStatusModel;
class RotateKeyDialog;

/// Shows KeyService::status (never a key) and sets the clinic's idle timeout (2 to 30 minutes).
class KeyStatusView : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the view.
    explicit KeyStatusView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~KeyStatusView() override;

    /// Reloads the key table (audited by the service) and the current idle timeout.
    void refresh();
    /// Forgets every row (idle lock, logout).
    void clear();
    /// The table's model (tests).
    [[nodiscard]] KeyStatusModel* model() const { return m_model; }
    /// Opens the rotation dialog (window-modal, open() so tests can fill it); it is returned.
    RotateKeyDialog* openRotateDialog();
    /// "Pin unpinned accounts…": after a confirmation naming what it trusts, pins the box public
    /// keys of accounts without a pin (KeyService::pinUnpinned, audited and flagged) and shows whom.
    void pinUnpinned();
    /// The custody text for the report key row (holders "name (share i)" and "decrypts with t of
    /// n custodians", as KeyService::status gives them): custodians, threshold, id, and what
    /// happens if one leaves.
    [[nodiscard]] static QString custodyText(const services::KeyStatus& reportKey);

signals:
    /// A rotation ended the session.
    void sessionEnded();

private:
    void applyIdleTimeout();
    void showStatus(const QString& text, bool error);

    std::unique_ptr<Ui::KeyStatusView> m_ui;
    services::ClinicService& m_clinic;
    services::KeyService m_keys;
    KeyStatusModel* m_model;
};

} // namespace cc::ui
