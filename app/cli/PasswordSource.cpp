// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/PasswordSource.h"

#include "app/cli/Text.h"
#include "core/services/PasswordPolicy.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <istream>
#include <ostream>

namespace cc::cli {
namespace {

constexpr std::size_t kMaxPassword = services::kMaxPasswordLength;

} // namespace

PasswordSource::PasswordSource(std::istream& in, std::ostream& prompts, bool fromStdin)
    : m_in(in), m_prompts(prompts), m_fromStdin(fromStdin)
{}

Result<crypto::SecureBytes> PasswordSource::read(const std::string& prompt)
{
    if (!m_fromStdin)
        return readFromTerminal(prompt);
    std::string line;
    if (!std::getline(m_in, line))
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("standard input ended before the password for '%1' (see --help for the order)")
                                  .arg(QString::fromStdString(prompt))));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    crypto::SecureBytes out(std::span(reinterpret_cast<const std::uint8_t*>(line.data()), line.size()));
    crypto::secureWipe(line.data(), line.size());
    if (out.empty())
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("empty password for '%1'").arg(QString::fromStdString(prompt))));
    if (out.size() > kMaxPassword)
        return makeError(
            ErrorCode::InvalidArgument,
            utf8(Cli::tr("password for '%1' is longer than 1024 bytes").arg(QString::fromStdString(prompt))));
    return out;
}

Result<crypto::SecureBytes> PasswordSource::readFromTerminal(const std::string& prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("no terminal to ask for a password; use --password-stdin")));
    termios old{};
    const bool isTty = tcgetattr(fd, &old) == 0;
    if (isTty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ICANON;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const std::string shown = prompt + ": ";
    [[maybe_unused]] auto w = ::write(fd, shown.data(), shown.size());
    crypto::SecureBytes buffer(kMaxPassword + 1);
    std::size_t len = 0;
    bool ended = false;
    while (len <= kMaxPassword) {
        char c = 0;
        const auto n = ::read(fd, &c, 1);
        if (n <= 0) {
            ended = true;
            break;
        }
        if (c == '\n' || c == '\r')
            break;
        buffer[len++] = static_cast<std::uint8_t>(c);
    }
    if (isTty)
        tcsetattr(fd, TCSAFLUSH, &old);
    [[maybe_unused]] auto nl = ::write(fd, "\n", 1);
    ::close(fd);
    if (ended && len == 0)
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("no password entered for '%1'").arg(QString::fromStdString(prompt))));
    if (len == 0)
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("empty password for '%1'").arg(QString::fromStdString(prompt))));
    if (len > kMaxPassword)
        return makeError(
            ErrorCode::InvalidArgument,
            utf8(Cli::tr("password for '%1' is longer than 1024 bytes").arg(QString::fromStdString(prompt))));
    return crypto::SecureBytes(std::span<const std::uint8_t>(buffer.data(), len));
}

Result<crypto::SecureBytes> PasswordSource::readNew(const std::string& prompt)
{
    auto first = read(prompt);
    if (!first)
        return first;
    CC_TRY(checkNewPassword(*first));
    if (!m_fromStdin) {
        auto again = read(utf8(Cli::tr("%1 (again)").arg(QString::fromStdString(prompt))));
        if (!again)
            return again;
        if (!first->equals(again->span()))
            return makeError(ErrorCode::InvalidArgument,
                             utf8(Cli::tr("the two passwords for '%1' differ").arg(QString::fromStdString(prompt))));
    }
    return first;
}

Status checkNewPassword(const crypto::SecureBytes& password)
{
    return services::checkNewPassword(password.span());
}

} // namespace cc::cli
