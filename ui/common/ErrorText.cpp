// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/ErrorText.h"

namespace cc::ui {

QString ErrorText::forError(const Error& error)
{
    const QString detail = QString::fromStdString(error.message);
    switch (error.code) {
    case ErrorCode::WrongPassword:
        return tr("Wrong account name or password.");
    case ErrorCode::AccountLocked:
        // The service's message carries the wait ("try again in N seconds").
        return tr("This account is locked after repeated failed logins. %1").arg(detail);
    case ErrorCode::AccountSuspended:
        return tr("This account is suspended after too many failed logins. Ask an administrator to unlock it.");
    case ErrorCode::AccountDisabled:
        // Same words as a wrong password: the window must not tell who has an account.
        return tr("Wrong account name or password.");
    case ErrorCode::AccessDenied:
        return tr("You are not allowed to do this: %1").arg(detail);
    case ErrorCode::SessionLocked:
        return tr("The session is locked. Enter your password to continue.");
    case ErrorCode::SessionExpired:
        return tr("The session has ended (12 hours). Please log in again.");
    case ErrorCode::IntegrityFailure:
        return tr("An integrity check failed (%1). Stop and contact your administrator.").arg(detail);
    case ErrorCode::KeyMismatch:
        return tr("The clinic's files do not belong together (%1). Contact your administrator.").arg(detail);
    case ErrorCode::StorageBusy:
        return tr("The clinic is open in another CipherChart window.");
    // The detail names the file and says what was done (docs/RELIABILITY.md); the text adds what
    // to do. "Nothing was saved" would not always be true: a restore may be in place already.
    case ErrorCode::StorageFull:
        return tr("The disk is full: %1. Free space on that disk, then try again.").arg(detail);
    case ErrorCode::StorageReadOnly:
        return tr("The storage is read-only: %1. Make it writable (or copy the clinic folder to writable storage), "
                  "then try again.")
            .arg(detail);
    case ErrorCode::StorageError:
        return tr("The clinic's files could not be read or written: %1. Check that the disk works (the system log "
                  "names a failing device), then try again.")
            .arg(detail);
    case ErrorCode::NotFound:
        return tr("Not found: %1").arg(detail);
    case ErrorCode::AlreadyExists:
        return tr("Already exists: %1").arg(detail);
    case ErrorCode::InvalidArgument:
        return tr("Please check your input: %1").arg(detail);
    case ErrorCode::MalformedInput:
        return tr("A file is damaged: %1").arg(QString::fromStdString(error.describe()));
    case ErrorCode::Unsupported:
        return tr("Not supported by this version: %1").arg(detail);
    case ErrorCode::Cancelled:
        return tr("Cancelled.");
    case ErrorCode::CryptoFailure:
    case ErrorCode::Overflow:
    case ErrorCode::Internal:
        break;
    }
    return tr("An internal error occurred (%1): %2")
        .arg(QString::fromUtf8(errorCodeName(error.code).data(),
                               static_cast<qsizetype>(errorCodeName(error.code).size())),
             detail);
}

} // namespace cc::ui
