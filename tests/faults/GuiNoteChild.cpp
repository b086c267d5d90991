// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI side of the disk-full tests (TestGuiDiskFull.cpp): a real doctor's chart, its Notes tab
// and its note dialog, over a clinic folder, in a process the test starts under the
// fault-injecting file system (FaultFs.cpp preloaded). It logs in as the doctor named on the
// command line (password on standard input), opens the chart of the patient with the given MRN
// and, as a person would, adds a note titled TITLE through the Notes tab (ACTION "note", the
// default), attaches an image named TITLE.png through the Attachments tab (ACTION "attachment":
// the file chosen in the file dialog, encrypted in chunks beside the database), or enters a
// systolic blood pressure of TITLE mmHg in the Observations tab's form (ACTION "observation": a
// sealed row, its Paillier ciphertext and index row, the index seal and the chart manifest, in one
// unit of work), or adds a problem (ICD-10 E11.9), a medication (RxNorm 860975) or an allergy
// (SNOMED CT 91936005) named TITLE through its tab's dialog (ACTION "problem", "medication",
// "allergy"). It prints one line:
//   SAVED                  the note, attachment, value or entry is in the tab's list
//   LOGIN-ERROR: <text>    the login window's text for the login's error
//   CHART-ERROR: <text>    the chart's text for opening it
//   NOTE-ERROR: <text>     the tab's, dialog's or chart's error text (what the user reads)
// and exits 0, whatever the disk did: a GUI that crashes or hangs on a full disk fails the test.
//   gui_note_child CLINIC_DIR USER MRN TITLE [note|attachment|observation|problem|medication|allergy]
#include "core/Clock.h"
#include "core/crypto/Rng.h"
#include "core/model/CodeSystem.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"
#include "db/ClinicStore.h"
#include "ui/admin/AccountDialog.h"
#include "ui/admin/AccountTableModel.h"
#include "ui/admin/AccountsView.h"
#include "ui/common/BackgroundTask.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/AttachmentsPage.h"
#include "ui/doctor/ChartEntryBar.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ChartView.h"
#include "ui/doctor/NoteDialog.h"
#include "ui/doctor/NotesPage.h"
#include "ui/doctor/ObservationsPage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

using namespace cc;

namespace {

int say(const char* what, const QString& text = {})
{
    std::cout << what << (text.isEmpty() ? "" : ": ") << text.toStdString() << std::endl;
    return 0;
}

/// The text of `parent`'s visible error line (objectName errorLabel), or `otherwise`. The chart's own
/// line is its direct child; its tabs and dialogs have lines of their own further down.
QString errorOf(QWidget* parent, const QString& otherwise, bool directOnly = false)
{
    auto* label = parent->findChild<QLabel*>(QStringLiteral("errorLabel"),
                                             directOnly ? Qt::FindDirectChildrenOnly : Qt::FindChildrenRecursively);
    return label != nullptr && label->isVisibleTo(parent) && !label->text().isEmpty() ? label->text() : otherwise;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    const QString action = args.size() == 6 ? args[5] : QStringLiteral("note");
    if ((args.size() != 5 && args.size() != 6) ||
        (action != "note" && action != "attachment" && action != "observation" && action != "problem" &&
         action != "medication" && action != "allergy" && action != "account")) {
        std::cerr << "usage: gui_note_child CLINIC_DIR USER MRN TITLE "
                     "[note|attachment|observation|problem|medication|allergy|account]\n";
        return 2;
    }
    std::string password;
    std::getline(std::cin, password);
    ui::MessageBox::setTestMode(true);

    auto store = db::ClinicStore::openFolder(args[1].toStdString());
    if (!store)
        return say("LOGIN-ERROR", ui::ErrorText::forError(store.error()));
    const SystemClock clock;
    services::ServiceOptions options;
    options.workstation = "gui-fault-test";
    services::ClinicService clinic(*store, clock, crypto::SystemRng::instance(), options);
    if (auto login = clinic.login(args[2].toStdString(),
                                  std::span(reinterpret_cast<const std::uint8_t*>(password.data()), password.size()));
        !login)
        return say("LOGIN-ERROR", ui::ErrorText::forError(login.error()));

    int code = 0;
    if (action == "account") {
        // As an administrator would: the Accounts page, Create, an administrator account named
        // TITLE with a temporary password typed twice, OK (a key slot under Argon2id, the key-slot
        // file replaced, the account's row and audit event).
        ui::AccountsView view(clinic);
        view.resize(1000, 700);
        view.show();
        view.refresh();
        view.findChild<QPushButton*>(QStringLiteral("createPushButton"))->click();
        // Accepted, the dialog deletes itself (WA_DeleteOnClose): held by a guarded pointer.
        QPointer<ui::AccountDialog> dialog = view.findChild<ui::AccountDialog*>();
        if (dialog.isNull()) {
            code = say("NOTE-ERROR", QStringLiteral("(the account dialog did not open)"));
        } else {
            dialog->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"))->setText(args[4]);
            auto* roles = dialog->findChild<QComboBox*>(QStringLiteral("roleComboBox"));
            roles->setCurrentIndex(roles->findData(static_cast<int>(access::Role::Administrator)));
            for (const char* field : {"passwordLineEdit", "repeatPasswordLineEdit"})
                dialog->findChild<QLineEdit*>(QString::fromLatin1(field))
                    ->setText(QStringLiteral("temporary pass of the fault test"));
            dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
            ui::waitForBackgroundTasks();
            QCoreApplication::processEvents();
            const bool closed = dialog.isNull() || !dialog->isVisible();
            bool listed = false;
            for (int row = 0; row < view.model()->rowCount(); ++row)
                listed = listed || view.model()->index(row, 0).data().toString() == args[4];
            // Refused: the dialog stays open with its error; created, then the list not shown
            // again: the page's status line says so.
            const auto* status = view.findChild<QLabel*>(QStringLiteral("statusLabel"));
            const QString statusText = status->isVisibleTo(&view) ? status->text() : QString();
            const QString shown = !closed ? errorOf(dialog, QString()) : statusText;
            if (closed && listed && shown.startsWith(QStringLiteral("Done:")) &&
                !shown.contains(QStringLiteral("Showing the accounts again failed")))
                code = say("SAVED");
            else
                code =
                    say("NOTE-ERROR", shown.isEmpty() ? QStringLiteral("(no error shown, account not listed)") : shown);
        }
    } else {
        auto patient = services::PatientService(clinic).findByMrn(args[3]);
        if (!patient)
            return say("CHART-ERROR", ui::ErrorText::forError(patient.error()));
        ui::ChartView view(clinic);
        view.resize(1000, 700);
        view.show();
        if (auto loaded = view.load(patient->id); !loaded) {
            code = say("CHART-ERROR", ui::ErrorText::forError(loaded.error()));
        } else if (action == "observation") {
            // As a doctor would: the Observations tab, the code chosen, the value typed, Add.
            view.showTab(ui::ChartView::Tab::Observations);
            ui::ObservationsPage* page = view.observationsPage();
            auto* combo = page->findChild<QComboBox*>(QStringLiteral("codeComboBox"));
            combo->setCurrentIndex(combo->findData(QStringLiteral("8480-6")));
            page->findChild<QLineEdit*>(QStringLiteral("valueLineEdit"))->setText(args[4]);
            page->findChild<QPushButton*>(QStringLiteral("addPushButton"))->click();
            ui::waitForBackgroundTasks();
            const auto* error = page->findChild<QLabel*>(QStringLiteral("errorLabel"));
            const QString shown = error->isVisible() ? error->text() : QString();
            page->selectCode(QStringLiteral("8480-6"));
            bool listed = false;
            for (int row = 0; row < page->observationsModel()->rowCount(); ++row)
                listed = listed || page->observationsModel()->index(row, 1).data().toString() == args[4] + " mmHg";
            if (listed && shown.isEmpty())
                code = say("SAVED");
            else
                code =
                    say("NOTE-ERROR", shown.isEmpty() ? QStringLiteral("(no error shown, value not listed)") : shown);
        } else if (action == "problem" || action == "medication" || action == "allergy") {
            // As a doctor would: the tab, Add, a code and the entry's name, Save.
            const auto tab = action == "problem"      ? ui::ChartView::Tab::Problems
                             : action == "medication" ? ui::ChartView::Tab::Medications
                                                      : ui::ChartView::Tab::Allergies;
            QAbstractItemModel* model = action == "problem"      ? view.problemsModel()
                                        : action == "medication" ? view.medicationsModel()
                                                                 : view.allergiesModel();
            view.showTab(tab);
            ui::ChartEntryBar* bar = view.entryBar(tab);
            bar->findChild<QPushButton*>(QStringLiteral("addPushButton"))->click();
            QDialog* dialog = bar->currentDialog();
            if (dialog == nullptr) {
                code = say("NOTE-ERROR", errorOf(bar, QStringLiteral("(the %1 dialog did not open)").arg(action)));
            } else {
                // Problems: ICD-10 E11.9; medications: RxNorm 860975 (one fixed system, no choice);
                // allergies: SNOMED CT 91936005. The name typed is the point's title.
                if (auto* system = dialog->findChild<QComboBox*>(QStringLiteral("systemComboBox")); system != nullptr)
                    system->setCurrentIndex(system->findData(QString::fromLatin1(
                        action == "problem" ? model::codesystem::kIcd10 : model::codesystem::kSnomed)));
                dialog->findChild<QLineEdit*>(QStringLiteral("codeLineEdit"))
                    ->setText(action == "problem"      ? QStringLiteral("E11.9")
                              : action == "medication" ? QStringLiteral("860975")
                                                       : QStringLiteral("91936005"));
                dialog->findChild<QLineEdit*>(QStringLiteral("displayLineEdit"))->setText(args[4]);
                for (auto* completer : dialog->findChildren<QCompleter*>())
                    completer->popup()->hide();
                dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))
                    ->button(QDialogButtonBox::Save)
                    ->click();
                ui::waitForBackgroundTasks();
                QCoreApplication::processEvents();
                const bool closed = bar->currentDialog() == nullptr;
                bool listed = false;
                for (int row = 0; row < model->rowCount(); ++row)
                    for (int column = 0; column < model->columnCount(); ++column)
                        listed = listed || model->index(row, column).data().toString() == args[4];
                // Refused: the dialog stays open with its error; saved but the chart not shown again:
                // the chart's error line says so.
                const QString shown = !closed ? errorOf(dialog, QString()) : errorOf(&view, QString(), true);
                if (closed && listed && shown.isEmpty())
                    code = say("SAVED");
                else
                    code = say("NOTE-ERROR",
                               shown.isEmpty() ? QStringLiteral("(no error shown, %1 not listed)").arg(action) : shown);
            }
        } else if (action == "attachment") {
            // The image is made outside the clinic folder (the fault library fails only its files).
            QTemporaryDir source;
            const QString file = source.filePath(args[4] + ".png");
            QImage image(16, 16, QImage::Format_RGB32);
            image.fill(Qt::darkCyan);
            if (!source.isValid() || !image.save(file, "PNG"))
                return say("NOTE-ERROR", QStringLiteral("(could not make the image to attach)"));
            ui::FileDialog::setNextOpenFileName(file);
            ui::AttachmentsPage* page = view.attachmentsPage();
            page->addFile();
            ui::waitForBackgroundTasks();
            bool listed = false;
            for (int row = 0; row < page->model()->rowCount(); ++row)
                listed = listed || page->model()->index(row, 0).data().toString() == args[4] + ".png";
            if (listed && page->errorText().isEmpty())
                code = say("SAVED");
            else
                code = say("NOTE-ERROR", page->errorText().isEmpty()
                                             ? QStringLiteral("(no error shown, attachment not listed)")
                                             : page->errorText());
        } else {
            ui::NotesPage* page = view.notesPage();
            page->setDialogHook([&](ui::NoteDialog& d) {
                d.findChild<QLineEdit*>(QStringLiteral("titleLineEdit"))->setText(args[4]);
                d.findChild<QPlainTextEdit*>(QStringLiteral("textPlainTextEdit"))
                    ->setPlainText(QStringLiteral("written through the Notes tab while the disk fails"));
                return true;
            });
            page->addNote();
            ui::waitForBackgroundTasks();
            // Listed: a row of the Notes tab with the new title (column 2, as the chart shows it).
            bool listed = false;
            for (int row = 0; row < view.notesModel()->rowCount(); ++row)
                listed = listed || view.notesModel()->index(row, 2).data().toString() == args[4];
            if (listed && page->errorText().isEmpty())
                code = say("SAVED");
            else
                code =
                    say("NOTE-ERROR", page->errorText().isEmpty() ? QStringLiteral("(no error shown, note not listed)")
                                                                  : page->errorText());
        }
    }
    clinic.logout(); // what closing the window does (audited; may fail on the full disk, said nowhere)
    return code;
}
