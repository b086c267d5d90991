// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AccountsView.h"

#include "core/model/RowId.h"
#include "core/services/PasswordPolicy.h"
#include "core/services/PatientService.h"
#include "ui/admin/AccountTableModel.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/admin/RotateKeyDialog.h"
#include "ui/common/ChartPrint.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"

#include "ui_AccountsView.h"

#include <QDate>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QStringListModel>

namespace cc::ui {

namespace {

/// A wait cursor for the few synchronous Argon2id calls of account administration.
class WaitCursor
{
public:
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

} // namespace

AccountsView::AccountsView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsView>())
    , m_clinic(clinic)
    , m_accounts(clinic)
    , m_careTeams(clinic)
    , m_model(new AccountTableModel(this))
    , m_careTeam(new QStringListModel(this))
{
    m_ui->setupUi(this);
    m_ui->accountsTableView->setModel(m_model);
    m_ui->accountsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->accountsTableView->verticalHeader()->hide();
    m_ui->careTeamListView->setModel(m_careTeam);
    m_ui->careTeamListView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->statusLabel->hide();

    connect(m_ui->createPushButton, &QPushButton::clicked, this, [this]() { openDialog(AccountDialog::Mode::Create); });
    connect(m_ui->enablePushButton, &QPushButton::clicked, this, [this]() { openDialog(AccountDialog::Mode::Enable); });
    connect(m_ui->resetPasswordPushButton, &QPushButton::clicked, this,
            [this]() { openDialog(AccountDialog::Mode::ResetPassword); });
    connect(m_ui->setRolePushButton, &QPushButton::clicked, this,
            [this]() { openDialog(AccountDialog::Mode::SetRole); });
    connect(m_ui->disablePushButton, &QPushButton::clicked, this, &AccountsView::disableSelected);
    connect(m_ui->unlockPushButton, &QPushButton::clicked, this, &AccountsView::unlockSelected);
    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &AccountsView::refresh);
    connect(m_ui->findPatientPushButton, &QPushButton::clicked, this, &AccountsView::findPatients);
    connect(m_ui->patientSearchLineEdit, &QLineEdit::returnPressed, this, &AccountsView::findPatients);
    connect(m_ui->patientComboBox, &QComboBox::currentIndexChanged, this, [this]() { m_careTeam->setStringList({}); });
    connect(m_ui->listCareTeamPushButton, &QPushButton::clicked, this, &AccountsView::listCareTeam);
    connect(m_ui->addCareTeamPushButton, &QPushButton::clicked, this, [this]() { changeCareTeam(true); });
    connect(m_ui->removeCareTeamPushButton, &QPushButton::clicked, this, [this]() { changeCareTeam(false); });
    connect(m_ui->accountsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsView::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountsView::updateButtons);
    updateButtons();
}

AccountsView::~AccountsView() = default;

void AccountsView::refresh()
{
    if (const QString failed = reload(); !failed.isEmpty())
        showStatus(failed, true);
}

QString AccountsView::reload()
{
    auto accounts = m_accounts.list();
    if (!accounts) {
        m_model->clear();
        return ErrorText::forError(accounts.error());
    }
    m_model->setAccounts(std::move(accounts).value(), m_clinic.clock().nowSeconds());
    m_ui->accountsTableView->resizeColumnsToContents();
    m_ui->accountsTableView->horizontalHeader()->setStretchLastSection(true);
    return {};
}

void AccountsView::showDoneAndReload(const QString& done, bool error)
{
    // Listing the accounts is audited; when that fails after a change was saved, the change's own
    // text stays in front, so that nobody reads the list's error as the change's and makes it twice.
    if (const QString failed = reload(); !failed.isEmpty())
        showStatus(tr("%1 Showing the accounts again failed: %2").arg(done, failed), true);
    else
        showStatus(done, error);
}

void AccountsView::clear()
{
    m_model->clear();
    m_careTeam->setStringList({});
    m_ui->patientSearchLineEdit->clear();
    m_ui->patientComboBox->clear();
    m_ui->doctorLineEdit->clear();
    m_ui->statusLabel->hide();
}

const services::AccountSummary* AccountsView::selected() const
{
    const auto rows = m_ui->accountsTableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->account(rows.first().row());
}

void AccountsView::updateButtons()
{
    const auto* account = selected();
    const bool any = account != nullptr;
    m_ui->disablePushButton->setEnabled(any && account->enabled);
    m_ui->enablePushButton->setEnabled(any && !account->enabled);
    m_ui->resetPasswordPushButton->setEnabled(any && account->enabled);
    m_ui->unlockPushButton->setEnabled(any && account->enabled);
    m_ui->setRolePushButton->setEnabled(any && account->enabled);
}

void AccountsView::openDialog(AccountDialog::Mode mode)
{
    const auto* account = selected();
    if (mode != AccountDialog::Mode::Create && account == nullptr)
        return;
    const QString name = account != nullptr && mode != AccountDialog::Mode::Create
                             ? QString::fromStdString(account->info.userName)
                             : QString();
    const access::Role role =
        account != nullptr && mode != AccountDialog::Mode::Create ? account->info.role : access::Role::Administrator;
    // Non-blocking (open, not exec): the dialog stays up until the service accepts the change.
    // A patient's account is created for a record found by name or MRN (PatientService::list,
    // audited as an administrator's identity search).
    AccountDialog::PatientFinder finder;
    if (mode == AccountDialog::Mode::Create)
        finder = [this](const QString& search) { return services::PatientService(m_clinic).list(search); };
    auto* dialog = new AccountDialog(mode, name, role, this, std::move(finder));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::submitted, this, [this, dialog]() { applyDialog(dialog); });
    dialog->open();
}

void AccountsView::applyDialog(AccountDialog* dialog)
{
    const std::string name = dialog->accountName().toStdString();
    const crypto::SecureBytes password = dialog->temporaryPassword();
    const std::optional<services::Sponsor> sponsor = dialog->sponsor();
    const services::Sponsor* sponsorPtr = sponsor ? &*sponsor : nullptr;
    Status status;
    {
        WaitCursor wait;
        switch (dialog->mode()) {
        case AccountDialog::Mode::Create:
            if (dialog->role() == access::Role::Patient) {
                const auto patient = dialog->patient();
                if (auto created =
                        m_accounts.createPatientAccount(name, patient->mrn.toStdString(), password.span(), sponsorPtr);
                    !created)
                    status = std::move(created).error();
            } else if (auto created = m_accounts.create(name, dialog->role(), password.span(), sponsorPtr); !created) {
                status = std::move(created).error();
            }
            break;
        case AccountDialog::Mode::Enable:
            status = m_accounts.enable(name, password.span(), sponsorPtr);
            break;
        case AccountDialog::Mode::ResetPassword:
            status = m_accounts.resetPassword(name, password.span(), sponsorPtr);
            break;
        case AccountDialog::Mode::SetRole:
            status = m_accounts.setRole(name, dialog->role(), password.span(), sponsorPtr);
            break;
        }
    }
    if (!status) {
        dialog->showError(ErrorText::forError(status.error()));
        return;
    }
    const QString action = dialog->windowTitle();
    const std::optional<model::Patient> patient =
        dialog->mode() == AccountDialog::Mode::Create ? dialog->patient() : std::nullopt;
    dialog->accept();
    showDoneAndReload(tr("Done: %1. Hand the temporary password to the user in person.").arg(action), false);
    if (patient && MessageBox::confirm(this, tr("First-login slip"),
                                       tr("Print a first-login slip for %1 %2 (MRN %3)? It names the account and "
                                          "explains the first login; the temporary password is written on it by "
                                          "hand, never printed.")
                                           .arg(patient->givenName, patient->familyName, patient->mrn)))
        printFirstLoginSlip(QString::fromStdString(name), *patient);
}

void AccountsView::printFirstLoginSlip(const QString& account, const model::Patient& patient)
{
    const QString path = FileDialog::saveFileName(this, tr("Save the first-login slip"),
                                                  tr("first-login-%1.pdf").arg(account), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    const QString clinic = QString::fromStdString(m_clinic.backend().descriptor().name);
    const QString html =
        tr("<h2>Your CipherChart account</h2>"
           "<p><b>Patient:</b> %1 %2, born %3, MRN %4<br><b>Clinic:</b> %5<br><b>Account name:</b> %6</p>"
           "<p><b>Temporary password</b> (written here by hand by the clinic): "
           "______________________________</p>"
           "<ol><li>Open CipherChart at the clinic's patient workstation and log in with the account name and the "
           "temporary password.</li>"
           "<li>You are asked for a new password of at least %7 characters at once: choose one only you know.</li>"
           "<li>You can then read your record, see who opened it, download it (FHIR) and choose whether it may be "
           "used for research.</li></ol>"
           "<p>Keep this slip private until you have changed the password, then destroy it. Nobody at the clinic "
           "will ask you for your password.</p>")
            .arg(patient.givenName.toHtmlEscaped(), patient.familyName.toHtmlEscaped(),
                 DisplayText::date(patient.birthDate), patient.mrn.toHtmlEscaped(), clinic.toHtmlEscaped(),
                 account.toHtmlEscaped())
            .arg(services::kMinNewPasswordLength);
    if (const Status written = chartprint::writeDocumentPdf(path, tr("First-login slip"),
                                                            tr("%1 — account %2").arg(clinic, account), html);
        !written) {
        showStatus(ErrorText::forError(written.error()), true);
        return;
    }
    showStatus(tr("First-login slip saved as %1.").arg(path), false);
}

void AccountsView::disableSelected()
{
    const auto* account = selected();
    if (account == nullptr)
        return;
    const QString name = QString::fromStdString(account->info.userName);
    // Disabling rotates the keys the account held (issue 10 item 7): state each rotation's cost first.
    QStringList costs;
    for (access::KeyKind kind : access::keyKindsForRole(account->info.role, false)) {
        if (kind == access::KeyKind::IdentityCategory || kind == access::KeyKind::DatabaseKey)
            costs << QStringLiteral("<li>%1 %2</li>")
                         .arg(RotateKeyDialog::whatText(kind).toHtmlEscaped(),
                              RotateKeyDialog::costText(kind).toHtmlEscaped());
        else if (kind == access::KeyKind::ClinicalCategory)
            costs << QStringLiteral("<li>%1</li>")
                         .arg(tr("The clinical category key is rotated by the next doctor who logs in (Home shows it "
                                 "as pending until then): administrators never hold it.")
                                  .toHtmlEscaped());
    }
    const QString text =
        QStringLiteral("<p>%1</p><p>%2</p><ul>%3</ul><p>%4</p>")
            .arg(tr("Disable the account %1? Its key slot is deleted: it can no longer log in until an "
                    "administrator enables it again.")
                     .arg(name)
                     .toHtmlEscaped(),
                 tr("An old copy of the key-slot file and the account's password would still open the keys of "
                    "today, so the keys it held are rotated now; every account takes the new keys at its next "
                    "login:")
                     .toHtmlEscaped(),
                 costs.join(QString()),
                 tr("Backups made before keep the old keys. Every rotation is recorded in the audit trail.")
                     .toHtmlEscaped());
    if (!MessageBox::confirm(this, tr("Disable account"), text))
        return;
    auto revoked = runBusy(this, tr("Disabling the account and rotating its keys…"),
                           [&]() { return m_accounts.disable(name.toStdString()); });
    if (!revoked) {
        showStatus(ErrorText::forError(revoked.error()), true);
        refresh();
        return;
    }
    QStringList done;
    for (const auto& r : revoked->rotated)
        done << tr("%1 rotated to version %2").arg(KeyStatusModel::keyName(r.name)).arg(r.version);
    for (const auto& p : revoked->pending)
        done << tr("%1 rotation pending").arg(KeyStatusModel::keyName(std::string(access::keyKindName(p.kind))));
    if (!revoked->problem.empty()) {
        showDoneAndReload(tr("Account %1 disabled, but a key rotation failed and stays pending: %2")
                              .arg(name, QString::fromStdString(revoked->problem)),
                          true);
    } else {
        showDoneAndReload(tr("Account %1 disabled. %2.").arg(name, done.join(QStringLiteral("; "))), false);
    }
}

void AccountsView::unlockSelected()
{
    const auto* account = selected();
    if (account == nullptr)
        return;
    const QString name = QString::fromStdString(account->info.userName);
    if (auto status = m_accounts.unlock(name.toStdString()); !status) {
        showStatus(ErrorText::forError(status.error()), true);
        return;
    }
    showDoneAndReload(tr("Account %1 unlocked.").arg(name), false);
}

void AccountsView::findPatients()
{
    m_ui->patientComboBox->clear();
    m_careTeam->setStringList({});
    const QString search = m_ui->patientSearchLineEdit->text().trimmed();
    if (search.isEmpty()) {
        showStatus(tr("Type part of the patient's name or their MRN."), true);
        return;
    }
    // The service decides who may be listed (administrators: identity only) and audits the search.
    auto found = services::PatientService(m_clinic).list(search);
    if (!found) {
        showStatus(ErrorText::forError(found.error()), true);
        return;
    }
    for (const auto& p : *found)
        m_ui->patientComboBox->addItem(
            tr("%1, %2 — MRN %3 — born %4")
                .arg(p.familyName, p.givenName, p.mrn,
                     QLocale().toString(QDate::fromString(p.birthDate, Qt::ISODate), QLocale::ShortFormat)),
            model::rowIdToHex(p.id));
    showStatus(found->empty()
                   ? tr("No patient matches \"%1\".").arg(search)
                   : tr("%n patient(s) found: choose one in the list.", nullptr, static_cast<int>(found->size())),
               found->empty());
}

std::string AccountsView::chosenPatient() const
{
    return m_ui->patientComboBox->currentData().toString().toStdString();
}

void AccountsView::listCareTeam()
{
    const std::string patient = chosenPatient();
    if (patient.empty()) {
        showStatus(tr("Find and choose a patient first."), true);
        return;
    }
    auto team = m_careTeams.list(patient);
    if (!team) {
        m_careTeam->setStringList({});
        showStatus(ErrorText::forError(team.error()), true);
        return;
    }
    QStringList names;
    for (const auto& n : *team)
        names << QString::fromStdString(n);
    m_careTeam->setStringList(names);
    showStatus(names.isEmpty() ? tr("This patient has no care team yet.")
                               : tr("The care team has %n doctor(s).", nullptr, static_cast<int>(names.size())),
               false);
}

void AccountsView::changeCareTeam(bool add)
{
    const std::string patient = chosenPatient();
    if (patient.empty()) {
        showStatus(tr("Find and choose a patient first."), true);
        return;
    }
    const std::string doctor = m_ui->doctorLineEdit->text().trimmed().toStdString();
    const Status status = add ? m_careTeams.add(patient, doctor) : m_careTeams.remove(patient, doctor);
    if (!status) {
        showStatus(ErrorText::forError(status.error()), true);
        return;
    }
    listCareTeam();
}

void AccountsView::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

} // namespace cc::ui
