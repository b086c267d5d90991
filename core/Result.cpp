// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Result.h"

namespace cc {

std::string_view errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::MalformedInput:
        return "MalformedInput";
    case ErrorCode::WrongPassword:
        return "WrongPassword";
    case ErrorCode::AccountLocked:
        return "AccountLocked";
    case ErrorCode::AccountSuspended:
        return "AccountSuspended";
    case ErrorCode::AccountDisabled:
        return "AccountDisabled";
    case ErrorCode::AccessDenied:
        return "AccessDenied";
    case ErrorCode::SessionLocked:
        return "SessionLocked";
    case ErrorCode::SessionExpired:
        return "SessionExpired";
    case ErrorCode::IntegrityFailure:
        return "IntegrityFailure";
    case ErrorCode::KeyMismatch:
        return "KeyMismatch";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AlreadyExists:
        return "AlreadyExists";
    case ErrorCode::StorageFull:
        return "StorageFull";
    case ErrorCode::StorageReadOnly:
        return "StorageReadOnly";
    case ErrorCode::StorageBusy:
        return "StorageBusy";
    case ErrorCode::StorageError:
        return "StorageError";
    case ErrorCode::CryptoFailure:
        return "CryptoFailure";
    case ErrorCode::Overflow:
        return "Overflow";
    case ErrorCode::Unsupported:
        return "Unsupported";
    case ErrorCode::Cancelled:
        return "Cancelled";
    case ErrorCode::Internal:
        return "Internal";
    }
    return "Internal";
}

std::string Error::describe() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0)
            out += ":" + std::to_string(line);
        out += ": ";
    }
    if (!field.empty())
        out += field + ": ";
    out += message;
    return out;
}

} // namespace cc
