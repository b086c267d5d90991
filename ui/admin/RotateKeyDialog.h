// SPDX-License-Identifier: GPL-3.0-or-later
// Rotating the database key or a category key: what will happen, its cost, then the result.
#pragma once

#include "core/access/KeyKind.h"
#include "core/services/KeyService.h"

#include <QDialog>

#include <memory>
#include <vector>

namespace Ui {
class RotateKeyDialog;
}

namespace cc::ui {

/// States what a rotation of the chosen key does (who receives the new key, what is re-encrypted,
/// that the session ends) before KeyService::rotate does it, which checks the permission and writes
/// the one audit event. The clinical category key needs a sponsoring doctor's name and password.
/// A refusal stays in the dialog with the service's reason; after a rotation the session is over
/// and the dialog's only button closes it (sessionEnded()).
class RotateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    /// `keys` are the rows of the key page (holders are named in the plan). `clinic` must outlive the dialog.
    RotateKeyDialog(services::ClinicService& clinic, std::vector<services::KeyStatus> keys, QWidget* parent = nullptr);
    ~RotateKeyDialog() override;

    /// What rotating `kind` does and what it costs, in the user's language (also stated by the
    /// accounts page before disabling an account, which rotates the keys it held).
    [[nodiscard]] static QString whatText(access::KeyKind kind);
    [[nodiscard]] static QString costText(access::KeyKind kind);

    /// Selects the key to rotate.
    void setKind(access::KeyKind kind);
    /// True after a successful rotation (the session has ended).
    [[nodiscard]] bool rotated() const { return m_rotated; }

signals:
    /// The rotation ended the session: the window returns to the login screen.
    void sessionEnded();

private:
    [[nodiscard]] access::KeyKind kind() const;
    void updatePlan();
    void rotate();
    void showResult(const QString& text, bool error);

    std::unique_ptr<Ui::RotateKeyDialog> m_ui;
    services::ClinicService& m_clinic;
    std::vector<services::KeyStatus> m_keys;
    bool m_rotated = false;
};

} // namespace cc::ui
