// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's accounts page: the accounts table, its actions and the care-team panel.
#pragma once

#include "core/services/AccountService.h"
#include "core/services/CareTeamService.h"
#include "ui/admin/AccountDialog.h"

#include <QWidget>

#include <memory>

class QStringListModel;

namespace Ui {
class AccountsView;
}

namespace cc::ui {

class AccountTableModel;

/// Shows AccountService::list and offers create, disable, enable, reset password, unlock and set
/// role, plus care-team add/remove/list. Every action goes through the services (which check the
/// permission and write the audit event); errors appear in the status line through ErrorText.
class AccountsView : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the view.
    explicit AccountsView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~AccountsView() override;

    /// Reloads the table from the service.
    void refresh();
    /// Forgets every row (idle lock, logout).
    void clear();
    /// The table's model (tests).
    [[nodiscard]] AccountTableModel* model() const { return m_model; }
    /// The care-team list's model (tests).
    [[nodiscard]] QStringListModel* careTeamModel() const { return m_careTeam; }

private:
    /// Reads the accounts again into the table: empty, or the error's text (the table emptied).
    [[nodiscard]] QString reload();
    /// Shows `done` (what a saved change did), then reloads; if that fails, says so after it.
    void showDoneAndReload(const QString& done, bool error);
    void openDialog(AccountDialog::Mode mode);
    void applyDialog(AccountDialog* dialog);
    void disableSelected();
    void unlockSelected();
    void findPatients();
    [[nodiscard]] std::string chosenPatient() const;
    void listCareTeam();
    void changeCareTeam(bool add);
    [[nodiscard]] const services::AccountSummary* selected() const;
    /// Asks where, then writes an A4 PDF slip for a new patient account (ChartPrint, owner-only):
    /// account name, clinic, the patient's name, birth date and MRN, first-login steps, a blank for
    /// the temporary password (never printed).
    void printFirstLoginSlip(const QString& account, const model::Patient& patient);
    void showStatus(const QString& text, bool error);
    void updateButtons();

    std::unique_ptr<Ui::AccountsView> m_ui;
    services::ClinicService& m_clinic;
    services::AccountService m_accounts;
    services::CareTeamService m_careTeams;
    AccountTableModel* m_model;
    QStringListModel* m_careTeam;
};

} // namespace cc::ui
