// SPDX-License-Identifier: GPL-3.0-or-later
// Typed results at every module boundary (STYLE.md, Errors).
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace cc {

/// What went wrong, in terms a user interface can translate and a CLI can map to an exit code.
enum class ErrorCode {
    InvalidArgument,  ///< a caller passed something out of range (programming or usage error)
    MalformedInput,   ///< outside input (file, field, ciphertext, share) does not parse or validate
    WrongPassword,    ///< the password did not open the key slot
    AccountLocked,    ///< too many failures: wait for the back-off to pass
    AccountSuspended, ///< suspended until an administrator unlocks the account
    AccountDisabled,  ///< the account has no key slot
    AccessDenied,     ///< the role or care team does not allow this action
    SessionLocked,    ///< idle lock: password needed to resume
    SessionExpired,   ///< the 12-hour limit passed: log in again
    IntegrityFailure, ///< authentication tag, MAC, signature or hash chain did not verify
    KeyMismatch,      ///< an object belongs to another key, clinic or layout
    NotFound,         ///< the named object does not exist
    AlreadyExists,    ///< the object to create exists already
    StorageFull,      ///< the disk is full
    StorageReadOnly,  ///< the medium or file is read-only
    StorageBusy,      ///< another instance holds the clinic
    StorageError,     ///< any other storage failure
    CryptoFailure,    ///< a cryptographic library reported an internal failure
    Overflow,         ///< a value or sum does not fit its encoding
    Unsupported,      ///< a format version or feature this build does not know
    Cancelled,        ///< the user or a progress callback stopped the work
    Internal          ///< a broken invariant: a bug
};

/// Stable, untranslated name of a code ("WrongPassword"), for logs, JSON output and tests.
std::string_view errorCodeName(ErrorCode code) noexcept;

/// An error: a code, a message a user can act on (never containing a secret or PHI),
/// and for MalformedInput where the problem is (file, line, field or resource path).
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string file;
    long line = 0;
    std::string field;

    /// One line for a terminal: "file:line: field: message" with the known parts only.
    [[nodiscard]] std::string describe() const;
};

/// Shorthand for building an error.
[[nodiscard]] inline Error makeError(ErrorCode code, std::string message)
{
    return Error{code, std::move(message), {}, 0, {}};
}

/// Shorthand for a MalformedInput error that names where it happened.
[[nodiscard]] inline Error malformed(std::string message, std::string file = {}, long line = 0, std::string field = {})
{
    return Error{ErrorCode::MalformedInput, std::move(message), std::move(file), line, std::move(field)};
}

/// Either a value of type T or an Error.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const&
    {
        assert(!ok());
        return std::get<1>(m_data);
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(!ok());
        return std::get<1>(std::move(m_data));
    }

private:
    std::variant<T, Error> m_data;
};

/// A result with no value: success or an Error.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    [[nodiscard]] bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    [[nodiscard]] const Error& error() const&
    {
        assert(m_failed);
        return m_error;
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(m_failed);
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace cc

#define CC_TRY_CONCAT_INNER(a, b) a##b
#define CC_TRY_CONCAT(a, b) CC_TRY_CONCAT_INNER(a, b)
#define CC_TRY_IMPL(expr, name)                                                                                        \
    do {                                                                                                               \
        auto&& name = (expr);                                                                                          \
        if (!name.ok())                                                                                                \
            return std::move(name).error();                                                                            \
    } while (false)

/// Propagates an error from an expression returning Result<...>; the value is discarded.
/// A unique variable name per use lets CC_TRY nest (a lambda inside a CC_TRY may use CC_TRY).
#define CC_TRY(expr) CC_TRY_IMPL(expr, CC_TRY_CONCAT(ccTryResult_, __COUNTER__))
