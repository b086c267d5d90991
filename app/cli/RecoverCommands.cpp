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

#include <sys/stat.h>

#include <algorithm>
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

/// The page printed for one custodian: what the share is, how to keep it and when to use it.
std::string sharePage(const std::string& clinicName, const std::string& clinicId, const services::ReissueResult& result,
                      std::size_t i)
{
    return utf8(Cli::tr("CipherChart recovery share\n"
                        "Clinic: %1 (id %2)\n"
                        "Share %3 of %4; any %5 of them restore the clinic. Recovery key %6, version %7.\n"
                        "\n"
                        "    %8\n"
                        "\n"
                        "Keep this page sealed, apart from the other shares, and show it to nobody. It is used only\n"
                        "when every administrator password is lost (`cipherchart-cli keys recover` or the recovery\n"
                        "window) or to re-issue the shares. Shares printed before this set no longer work:\n"
                        "destroy them.\n")
                    .arg(QString::fromStdString(clinicName), QString::fromStdString(clinicId))
                    .arg(i + 1)
                    .arg(result.shares.size())
                    .arg(result.threshold)
                    .arg(result.keyId)
                    .arg(result.version)
                    .arg(QString::fromStdString(result.shares[i])));
}

int runReissue(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto dir = requiredOption(args, "clinic");
        CC_TRY(dir);
        auto requestedBy = requiredOption(args, "requested-by");
        CC_TRY(requestedBy);
        auto threshold = requiredOption(args, "threshold");
        CC_TRY(threshold);
        auto count = requiredOption(args, "shares");
        CC_TRY(count);
        auto k = unsignedOption(args, "threshold", 0);
        CC_TRY(k);
        auto n = unsignedOption(args, "shares", 0);
        CC_TRY(n);
        const auto out = args.value("out");
        if (out) {
            struct stat st
            {};
            if (::stat(out->c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
                return makeError(ErrorCode::NotFound,
                                 utf8(Cli::tr("--out folder '%1' does not exist").arg(QString::fromStdString(*out))));
            for (unsigned i = 1; i <= std::min(*n, 255u); ++i) {
                const std::string path = *out + "/recovery-share-" + std::to_string(i) + ".txt";
                if (::stat(path.c_str(), &st) == 0)
                    return makeError(
                        ErrorCode::AlreadyExists,
                        utf8(Cli::tr("%1 exists; refusing to overwrite a share").arg(QString::fromStdString(path))));
            }
        }
        auto store = db::ClinicStore::openFolder(*dir);
        CC_TRY(store);
        const bool fromStdin = args.has("password-stdin");
        PasswordSource passwords(io.in, io.err, fromStdin);
        auto shares = readShares(passwords, io, fromStdin);
        CC_TRY(shares);
        SystemClock clock;
        services::RecoveryService recovery(*store, clock, crypto::SystemRng::instance(), cliServiceOptions());
        auto result = recovery.reissue(*shares, *k, *n, *requestedBy);
        for (auto& s : *shares)
            crypto::secureWipe(s.data(), s.size());
        CC_TRY(result);
        const std::string clinicName = store->descriptor().name;
        const std::string clinicId = services::idHex(store->descriptor().clinicId);
        QJsonArray files;
        if (out) {
            for (std::size_t i = 0; i < result->shares.size(); ++i) {
                const std::string path = *out + "/recovery-share-" + std::to_string(i + 1) + ".txt";
                const std::string page = sharePage(clinicName, clinicId, *result, i);
                if (auto written = db::writeFileAtomically(
                        path, std::span(reinterpret_cast<const std::uint8_t*>(page.data()), page.size()), 0600);
                    !written) {
                    // The new set is in force: print what could not be written rather than lose it.
                    io.err << written.error().message << "\n";
                    return makeError(written.error().code,
                                     utf8(Cli::tr("the recovery shares were re-issued but %1 could not be written; "
                                                  "re-issue again with the new shares printed on the terminal")
                                              .arg(QString::fromStdString(path))));
                }
                files.append(QString::fromStdString(path));
            }
        }
        if (io.json) {
            QJsonObject o{{"threshold", static_cast<qint64>(result->threshold)},
                          {"keyId", static_cast<qint64>(result->keyId)},
                          {"previousKeyId", static_cast<qint64>(result->previousKeyId)},
                          {"version", static_cast<qint64>(result->version)},
                          {"keysUpdated", static_cast<qint64>(result->keysUpdated)}};
            QJsonArray used;
            for (unsigned i : result->shareIndexes)
                used.append(static_cast<qint64>(i));
            o.insert("sharesUsed", used);
            if (out) {
                o.insert("shareFiles", files);
            } else {
                QJsonArray list;
                for (const auto& s : result->shares)
                    list.append(QString::fromStdString(s));
                o.insert("shares", list);
            }
            if (!result->warning.empty())
                o.insert("warning", QString::fromStdString(result->warning));
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
            return {};
        }
        io.out << utf8(Cli::tr("Recovery shares re-issued: %1 of %2 now restore the clinic (recovery key %3, version "
                               "%4). The old shares no longer open this clinic's recovery ring.")
                           .arg(result->threshold)
                           .arg(result->shares.size())
                           .arg(result->keyId)
                           .arg(result->version))
               << "\n";
        if (!result->warning.empty())
            io.err << utf8(Cli::tr("warning: %1").arg(QString::fromStdString(result->warning))) << "\n";
        if (out) {
            io.out << utf8(Cli::tr("One page per custodian written to %1: print each, give it to a different "
                                   "custodian and delete the files.")
                               .arg(QString::fromStdString(*out)))
                   << "\n";
        } else {
            io.out << utf8(Cli::tr("Print each share for a different custodian. They are not stored anywhere:"))
                   << "\n";
            for (const auto& s : result->shares)
                io.out << "  " << s << "\n";
        }
        io.out << utf8(Cli::tr("Anyone who kept a copy of the old recovery.ccr can still open it with the old "
                               "shares: if a custodian left, rotate the keys too (`keys rotate`; docs/KEYS.md 8 says "
                               "what that does "
                               "and does not cut off)."))
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

    auto reissueOptions = clinicOptions(false);
    reissueOptions.push_back(
        {"threshold", "K", utf8(Cli::tr("how many of the new shares restore the clinic (2 or more)"))});
    reissueOptions.push_back(
        {"shares", "N", utf8(Cli::tr("how many new shares to print, one per custodian (K to 255)"))});
    reissueOptions.push_back({"requested-by", "NAME", utf8(Cli::tr("who asks for the re-issue, for the audit trail"))});
    reissueOptions.push_back(
        {"out", "FOLDER",
         utf8(Cli::tr("write one printable page per custodian there (recovery-share-N.txt) instead of printing the "
                      "shares"))});
    registry.add(
        {{"keys", "reissue-shares"},
         utf8(Cli::tr("Replace the printed recovery shares with a new set (k of the current shares needed)")),
         "",
         reissueOptions,
         0,
         0,
         runReissue,
         utf8(Cli::tr("Nobody logs in: k of the current recovery shares open the recovery ring, which is sealed\n"
                      "again under a new recovery key split K of N. recovery.ccr and the database's record change\n"
                      "together (the new file is staged, the record committed, then the file renamed); the old\n"
                      "shares open nothing in this clinic afterwards. With --password-stdin, standard input holds\n"
                      "the current shares, one per line. One audit event, flagged for review."))});
}

} // namespace cc::cli
