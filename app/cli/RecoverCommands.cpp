// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/RecoverCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/access/Role.h"
#include "core/crypto/Rng.h"
#include "core/services/RecoveryService.h"
#include "db/AtomicFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

// recovery.ccr holds one sealed key ring: a few hundred bytes.
constexpr std::size_t kMaxRecoveryFile = 64 * 1024;
// A terminal user gets this many tries per share before the command gives up.
constexpr int kTriesPerShare = 3;

/// Reads shares until the threshold printed on the first one is reached, with the checksum
/// verdict after each (no echo on a terminal: a share is secret). With --password-stdin a bad
/// share ends the command; on a terminal it is asked again.
Result<std::vector<std::string>> readShares(PasswordSource& source, Io& io, bool fromStdin)
{
    std::vector<std::string> shares;
    unsigned threshold = 0;
    while (threshold == 0 || shares.size() < threshold) {
        const std::string label =
            utf8(threshold ? Cli::tr("Recovery share %1 of %2").arg(shares.size() + 1).arg(threshold)
                           : Cli::tr("Recovery share %1").arg(shares.size() + 1));
        for (int attempt = 1;; ++attempt) {
            auto typed = source.read(label);
            if (!typed)
                return std::move(typed).error();
            std::string text(reinterpret_cast<const char*>(typed->data()), typed->size());
            auto checked = services::RecoveryService::checkShare(text);
            if (checked) {
                io.err << utf8(Cli::tr("%1: checksum ok, share number %2 of a %3-of-n set")
                                   .arg(QString::fromStdString(label))
                                   .arg(unsigned(checked->share.index))
                                   .arg(checked->threshold))
                       << "\n";
                if (threshold == 0)
                    threshold = checked->threshold;
                shares.push_back(std::move(text));
                break;
            }
            crypto::secureWipe(text.data(), text.size());
            io.err << label << ": " << checked.error().message << "\n";
            if (fromStdin || attempt == kTriesPerShare)
                return makeError(ErrorCode::MalformedInput, label + ": " + checked.error().message);
            io.err << utf8(Cli::tr("Type it again.")) << "\n";
        }
    }
    return shares;
}

int runRecover(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto dir = requiredOption(args, "clinic");
        CC_TRY(dir);
        auto account = requiredOption(args, "account");
        CC_TRY(account);
        auto store = db::ClinicStore::openFolder(*dir);
        CC_TRY(store);
        auto blob = db::readFile(store->folder().recoveryPath(), kMaxRecoveryFile);
        if (!blob)
            return makeError(blob.error().code, "recovery.ccr: " + blob.error().message);
        const bool fromStdin = args.has("password-stdin");
        PasswordSource passwords(io.in, io.err, fromStdin);
        auto shares = readShares(passwords, io, fromStdin);
        CC_TRY(shares);
        auto password =
            passwords.readNew(utf8(Cli::tr("Temporary password for %1").arg(QString::fromStdString(*account))));
        if (!password) {
            for (auto& s : *shares)
                crypto::secureWipe(s.data(), s.size());
            return std::move(password).error();
        }
        SystemClock clock;
        services::RecoveryService recovery(*store, clock, crypto::SystemRng::instance(), cliServiceOptions());
        auto result = recovery.recover(*blob, *shares, *account, password->span());
        for (auto& s : *shares)
            crypto::secureWipe(s.data(), s.size());
        CC_TRY(result);
        const std::string role(access::roleName(result->role));
        if (io.json) {
            QJsonArray used;
            for (unsigned i : result->shareIndexes)
                used.append(static_cast<qint64>(i));
            const QJsonObject o{
                {"account", QString::fromStdString(result->accountName)},  {"role", QString::fromStdString(role)},
                {"userId", QString::fromStdString(result->userId)},        {"created", result->created},
                {"keysUpdated", static_cast<qint64>(result->keysUpdated)}, {"shares", used}};
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
            return {};
        }
        const QString done =
            result->created
                ? Cli::tr("new %1 account %2 created from the recovery key (%3 rotated key(s) taken from the mailbox);")
                : Cli::tr("%1 account %2 re-issued from the recovery key (%3 rotated key(s) taken from the mailbox);");
        io.out << utf8(done.arg(QString::fromStdString(role), QString::fromStdString(result->accountName))
                           .arg(result->keysUpdated))
               << "\n"
               << utf8(Cli::tr("log in with the temporary password and choose a new one. The audit trail records the "
                               "recovery, flagged for review."))
               << "\n";
        return {};
    });
}

} // namespace

void registerRecoverCommands(CommandRegistry& registry)
{
    auto options = clinicOptions(false);
    options.push_back(
        {"account", "NAME",
         utf8(Cli::tr("the account to re-issue (an administrator or doctor who holds no report-key share), or "
                      "a new administrator's name"))});
    registry.add(
        {{"keys", "recover"},
         utf8(Cli::tr("Restore access with k recovery shares when passwords are lost")),
         "",
         options,
         0,
         0,
         runRecover,
         utf8(Cli::tr("Nobody logs in: the recovery shares printed at `init` open the sealed recovery ring\n"
                      "(recovery.ccr), which holds every clinic key, and the account gets a new key slot with a\n"
                      "temporary password (changed at first login). Report-key shares are not in the recovery\n"
                      "ring: a custodian's account is refused; recover a new administrator instead.\n"
                      "Each share is checked (CRC-32) as soon as it is typed. With --password-stdin, standard\n"
                      "input holds one share per line (as many as the threshold printed on them), then the\n"
                      "temporary password. One audit event, flagged for review."))});
}

} // namespace cc::cli
