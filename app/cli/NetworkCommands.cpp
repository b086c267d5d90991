// SPDX-License-Identifier: GPL-3.0-or-later
// Research networks from the command line (docs/REPORTS.md, federation): the network key
// ceremony and the network custodians' decryption of merged reports. No clinic is opened.
#include "app/cli/NetworkCommands.h"

#include "app/cli/PasswordSource.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/ReportCommands.h"
#include "app/cli/Text.h"
#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/KeyGenerator.h"
#include "core/reports/Disclosure.h"
#include "core/services/ReportNetwork.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>

namespace cc::cli {
namespace {

using services::NetworkKey;

std::span<const std::uint8_t> bytesOf(const std::string& s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Result<NetworkKey> loadNetwork(const Args& args)
{
    const auto path = args.value("network-key");
    if (!path)
        return makeError(ErrorCode::InvalidArgument, "--network-key FILE is required");
    return readNetworkKeyFile(*path);
}

Result<services::NetworkCustodian> openCustodian(const Args& args, Io& io, const NetworkKey& network)
{
    const auto path = args.value("key");
    if (!path)
        return makeError(ErrorCode::InvalidArgument, "--key FILE (the custodian key file) is required");
    auto bytes = readReportFile(*path);
    CC_TRY(bytes);
    PasswordSource passwords(io.in, io.err, args.has("password-stdin"));
    auto passphrase =
        passwords.read(utf8(Cli::tr("Passphrase of custodian key %1").arg(QString::fromStdString(*path))));
    CC_TRY(passphrase);
    return services::openCustodianFile(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                       network, passphrase->span(), *path);
}

Result<services::NetworkMembers> loadMembers(const Args& args, const NetworkKey& network)
{
    const auto path = args.value("members");
    if (!path)
        return makeError(ErrorCode::InvalidArgument, "--members FILE (the network's signed member list) is required");
    return readNetworkMembersFile(*path, network);
}

Result<services::MergedReport> loadMerged(const Args& args, const NetworkKey& network)
{
    auto members = loadMembers(args, network);
    CC_TRY(members);
    auto bytes = readReportFile(args.positional.at(0));
    CC_TRY(bytes);
    return services::openMerged(*bytes, network, *members);
}

Result<std::vector<std::vector<std::uint8_t>>> readAll(const std::vector<std::string>& paths)
{
    std::vector<std::vector<std::uint8_t>> out;
    for (const auto& path : paths) {
        auto bytes = readReportFile(path);
        CC_TRY(bytes);
        out.push_back(std::move(*bytes));
    }
    return out;
}

/// What a network custodian's step starts from: the network key, the output path, the merged
/// bundle (checked against the member list), the input files of `inputsOption` and the opened
/// custodian key.
struct CustodianStep
{
    NetworkKey network;
    std::string out;
    services::MergedReport merged;
    std::vector<std::vector<std::uint8_t>> inputs;
    services::NetworkCustodian custodian;
};

Result<CustodianStep> openCustodianStep(const Args& args, Io& io, const char* inputsOption)
{
    auto network = loadNetwork(args);
    CC_TRY(network);
    auto out = args.value("out");
    if (!out)
        return makeError(ErrorCode::InvalidArgument, "--out FILE is required");
    auto merged = loadMerged(args, *network);
    CC_TRY(merged);
    auto inputs = readAll(args.values(inputsOption));
    CC_TRY(inputs);
    auto custodian = openCustodian(args, io, *network);
    CC_TRY(custodian);
    return CustodianStep{std::move(*network), *out, std::move(*merged), std::move(*inputs), std::move(*custodian)};
}

Result<std::uint32_t> number(const Args& args, const std::string& name, std::uint32_t fallback)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    bool ok = false;
    const uint v = QString::fromStdString(*text).toUInt(&ok);
    if (!ok)
        return makeError(ErrorCode::InvalidArgument, "--" + name + " must be a whole number");
    return static_cast<std::uint32_t>(v);
}

Status init(const Args& args, Io& io)
{
    const auto name = args.value("name");
    const auto outDir = args.value("out-dir");
    const auto custodians = args.values("custodian");
    if (!name || !outDir || custodians.empty())
        return makeError(ErrorCode::InvalidArgument, "--name, --out-dir and at least one --custodian are required");
    auto threshold = number(args, "threshold", static_cast<std::uint32_t>(custodians.size() / 2 + 1));
    CC_TRY(threshold);
    auto minCell = number(args, "min-cell-size", reports::kDefaultMinimumCellSize);
    CC_TRY(minCell);
    auto minSites = number(args, "min-sites", 3);
    CC_TRY(minSites);
    const QDir dir(QString::fromStdString(*outDir));
    const QString publicPath = dir.filePath(QStringLiteral("network-key.json"));
    std::vector<QString> names;
    std::vector<QString> paths;
    for (const auto& c : custodians) {
        if (c.empty() || c.find_first_of("/\\") != std::string::npos || c.size() > 64)
            return makeError(ErrorCode::InvalidArgument, "custodian names are 1-64 characters without slashes");
        names.push_back(QString::fromStdString(c));
        paths.push_back(dir.filePath(QStringLiteral("custodian-%1.json").arg(QString::fromStdString(c))));
    }
    if (QFile::exists(publicPath))
        return makeError(ErrorCode::AlreadyExists, publicPath.toStdString() + " exists; refusing to overwrite it");
    for (const auto& p : paths)
        if (QFile::exists(p))
            return makeError(ErrorCode::AlreadyExists, p.toStdString() + " exists; refusing to overwrite it");

    PasswordSource passwords(io.in, io.err, args.has("password-stdin"));
    std::vector<crypto::SecureBytes> passphrases;
    for (const auto& n : names) {
        auto p = passwords.readNew(utf8(Cli::tr("New passphrase for network custodian %1").arg(n)));
        CC_TRY(p);
        passphrases.push_back(std::move(*p));
    }
    auto key = [&]() -> Result<paillier::PrivateKey> {
        if (auto keyFile = args.value("key-file")) {
            auto bytes = readReportFile(*keyFile);
            CC_TRY(bytes);
            auto read = paillier::KeyFile::readPrivate(
                std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
            if (!read)
                return Error{read.error().code, read.error().message, *keyFile, 0, read.error().field};
            if (paillier::KeyFile::isPublishedTestKey(read->publicKey()) &&
                qEnvironmentVariableIntValue("CIPHERCHART_ALLOW_TEST_KEYS") != 1)
                return makeError(ErrorCode::InvalidArgument,
                                 "this is a published TEST key (tests/data/paillier): never for a real network");
            io.err << utf8(Cli::tr("cipherchart-cli: warning: %1 holds the whole network private key; destroy it now "
                                   "that it is dealt to the custodians")
                               .arg(QString::fromStdString(*keyFile)))
                   << "\n";
            return read;
        }
        {
            auto bits = number(args, "bits", 3072);
            CC_TRY(bits);
            if (*bits != 2048 && *bits != 3072 && *bits != 4096)
                return makeError(ErrorCode::InvalidArgument, "--bits must be 3072 (default), 4096 or 2048 (tests)");
            ProgressBar bar(io.err, utf8(Cli::tr("generating the network key (safe primes)")),
                            ProgressBar::stderrIsTerminal());
            auto generated = paillier::generateKeyPair(*bits, [&](const paillier::KeyGenProgress&) {
                bar.update(0, 0);
                return true;
            });
            bar.finish();
            return generated;
        }
    }();
    CC_TRY(key);
    auto ceremony =
        services::createNetwork(std::move(*key), QString::fromStdString(*name), names, *threshold, *minCell, *minSites,
                                passphrases, crypto::Argon2Params::defaults(), crypto::SystemRng::instance());
    CC_TRY(ceremony);
    if (!dir.exists() && !QDir().mkpath(dir.path()))
        return makeError(ErrorCode::StorageError, "cannot create " + *outDir);
    CC_TRY(writeNewReportFile(publicPath.toStdString(), bytesOf(ceremony->publicJson)));
    for (std::size_t i = 0; i < paths.size(); ++i)
        CC_TRY(writeNewReportFile(paths[i].toStdString(), bytesOf(ceremony->custodianFiles[i])));
    const auto& n = ceremony->network;
    if (io.json) {
        io.out << QJsonDocument(QJsonObject{{"name", n.name},
                                            {"keyId", QString::fromStdString(n.key.keyIdHex())},
                                            {"fingerprint", QString::fromStdString(n.fingerprintHex())},
                                            {"publicKeyFile", publicPath}})
                      .toJson(QJsonDocument::Compact)
                      .toStdString()
               << "\n";
        return {};
    }
    io.out << utf8(Cli::tr("research network \"%1\": key %2 (%3 bits), %4-of-%5 custodians, cells of at least %6 "
                           "patients, merges of at least %7 clinics")
                       .arg(n.name, QString::fromStdString(n.key.keyIdHex()))
                       .arg(n.key.bits())
                       .arg(n.parameters.threshold)
                       .arg(n.parameters.parties)
                       .arg(n.minimumCellSize)
                       .arg(n.minimumSites))
           << "\n"
           << utf8(Cli::tr("fingerprint %1: give it to every member clinic with %2 (they check it on export)")
                       .arg(QString::fromStdString(n.fingerprintHex()), publicPath))
           << "\n";
    for (const auto& p : paths)
        io.out << utf8(Cli::tr("custodian key file %1 (protected by its passphrase)").arg(p)) << "\n";
    return {};
}

Status show(const Args& args, Io& io)
{
    auto network = readNetworkKeyFile(args.positional.at(0));
    CC_TRY(network);
    io.out << utf8(Cli::tr("research network \"%1\": key %2 (%3 bits), %4-of-%5 custodians, cells of at least %6 "
                           "patients, merges of at least %7 clinics")
                       .arg(network->name, QString::fromStdString(network->key.keyIdHex()))
                       .arg(network->key.bits())
                       .arg(network->parameters.threshold)
                       .arg(network->parameters.parties)
                       .arg(network->minimumCellSize)
                       .arg(network->minimumSites))
           << "\n"
           << utf8(Cli::tr("fingerprint %1 (signed record verified)")
                       .arg(QString::fromStdString(network->fingerprintHex())))
           << "\n";
    return {};
}

Status signMembers(const Args& args, Io& io)
{
    auto network = loadNetwork(args);
    CC_TRY(network);
    auto out = args.value("out");
    if (!out)
        return makeError(ErrorCode::InvalidArgument, "--out FILE is required");
    services::NetworkMembers list;
    for (const auto& path : args.values("member")) {
        auto bytes = readReportFile(path);
        CC_TRY(bytes);
        auto file = reports::ReportFile::read(*bytes);
        CC_TRY(file);
        if (file->kind != reports::ReportFile::Kind::Exported || file->keyId != network->key.keyId())
            return makeError(ErrorCode::InvalidArgument, path + " is not a report exported to this network");
        if (list.contains(file->signerPublicKey))
            return makeError(ErrorCode::InvalidArgument, path + ": this clinic is listed already");
        list.members.push_back({file->clinicName, file->signerPublicKey});
        io.out << utf8(Cli::tr("member %1: signing key fingerprint %2 (confirm it with the clinic before publishing "
                               "this list)")
                           .arg(file->clinicName, QString::fromStdString(file->signerFingerprint())))
               << "\n";
    }
    if (list.members.empty())
        return makeError(ErrorCode::InvalidArgument, "give each member clinic's exported file with --member");
    auto custodian = openCustodian(args, io, *network);
    CC_TRY(custodian);
    const std::string json = list.toJson(*network, custodian->signingKey);
    CC_TRY(writeNewReportFile(*out, bytesOf(json)));
    io.out << utf8(Cli::tr("signed member list of %1 clinics written to %2")
                       .arg(list.members.size())
                       .arg(QString::fromStdString(*out)))
           << "\n";
    return {};
}

Status decryptShare(const Args& args, Io& io)
{
    auto step = openCustodianStep(args, io, "tally-shares");
    CC_TRY(step);
    const auto* merged = &step->merged;
    const auto* tallies = &step->inputs;
    const auto* custodian = &step->custodian;
    const std::string* out = &step->out;
    // The custodian's own ledger of merges decrypted (differencing check), kept across runs.
    std::optional<services::NetworkLedger> ledger;
    const auto ledgerPath = args.value("ledger");
    if (ledgerPath) {
        ledger.emplace();
        if (QFile::exists(QString::fromStdString(*ledgerPath))) {
            auto bytes = readReportFile(*ledgerPath);
            CC_TRY(bytes);
            auto read = services::NetworkLedger::fromJson(
                std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), *ledgerPath);
            CC_TRY(read);
            ledger = std::move(*read);
        }
    }
    auto share = services::networkDecryptShare(*merged, *custodian, *tallies, crypto::SystemRng::instance(),
                                               ledger ? &*ledger : nullptr);
    CC_TRY(share);
    if (ledger)
        CC_TRY(writeOwnerOnlyFile(*ledgerPath, bytesOf(ledger->toJson())));
    CC_TRY(writeNewReportFile(*out, share->encode()));
    io.out << utf8((tallies->empty()
                        ? Cli::tr("custodian %1: merge of %2 clinics checked and recomputed; stage 1: partial "
                                  "decryptions of the %3 cells' patient tallies written to %4")
                        : Cli::tr("custodian %1: merge of %2 clinics checked and recomputed; stage 2: partial "
                                  "decryptions of %3 released cells written to %4"))
                       .arg(share->custodian)
                       .arg(merged->sites.size())
                       .arg(share->partials.size())
                       .arg(QString::fromStdString(*out)))
           << "\n";
    return {};
}

Status publish(const Args& args, Io& io)
{
    auto step = openCustodianStep(args, io, "shares");
    CC_TRY(step);
    const auto* merged = &step->merged;
    const auto* shares = &step->inputs;
    const auto* custodian = &step->custodian;
    const std::string* out = &step->out;
    SystemClock clock;
    auto published = services::networkPublish(*merged, *custodian, *shares, clock);
    for (const auto& why : published ? published->rejectedPartials : std::vector<std::string>{})
        io.err << utf8(Cli::tr("cipherchart-cli: rejected %1").arg(QString::fromStdString(why))) << "\n";
    CC_TRY(published);
    CC_TRY(writeNewReportFile(*out, published->file));
    if (io.json) {
        io.out << QJsonDocument(reportJson(published->report)).toJson(QJsonDocument::Indented).toStdString();
        return {};
    }
    printReport(published->report, io.out);
    io.out << utf8(Cli::tr("published network report written to %1").arg(QString::fromStdString(*out))) << "\n";
    return {};
}

Status showReport(const Args& args, Io& io)
{
    auto network = loadNetwork(args);
    CC_TRY(network);
    auto bytes = readReportFile(args.positional.at(0));
    CC_TRY(bytes);
    auto file = reports::ReportFile::read(*bytes);
    CC_TRY(file);
    if (file->kind != reports::ReportFile::Kind::Published || file->signerPublicKey != network->signer ||
        file->keyId != network->key.keyId())
        return makeError(ErrorCode::IntegrityFailure, "not a report published by this network (signer or key id)");
    if (io.json)
        io.out << QJsonDocument(reportJson(*file)).toJson(QJsonDocument::Indented).toStdString();
    else
        printReport(*file, io.out);
    return {};
}

int wrap(const Args& args, Io& io, Status (*body)(const Args&, Io&))
{
    auto status = body(args, io);
    return status ? ExitOk : reportError(status.error(), io);
}

OptionSpec passwordStdin()
{
    return {"password-stdin", "", utf8(Cli::tr("read passphrases one per line from standard input"))};
}

} // namespace

void registerNetworkCommands(CommandRegistry& registry)
{
    registry.add(
        {{"network", "init"},
         utf8(Cli::tr("Create a research network's threshold Paillier key and its custodians' key files")),
         "",
         {{"name", "NAME", utf8(Cli::tr("the network's name"))},
          {"custodian", "NAME", utf8(Cli::tr("a custodian (repeat; one key file each)")), true},
          {"threshold", "T", utf8(Cli::tr("custodians needed to decrypt (default: a majority)"))},
          {"bits", "BITS", utf8(Cli::tr("key size: 3072 (default), 4096, or 2048 for tests"))},
          {"key-file", "FILE", utf8(Cli::tr("deal this private-key file instead of generating a key (tests)"))},
          {"min-cell-size", "N", utf8(Cli::tr("distinct patients per published merged cell (default 11, at least 5)"))},
          {"min-sites", "N", utf8(Cli::tr("clinics per merge (default 3, at least 2)"))},
          {"out-dir", "DIR", utf8(Cli::tr("where to write network-key.json and custodian-NAME.json"))},
          passwordStdin()},
         0,
         0,
         [](const Args& a, Io& io) { return wrap(a, io, init); },
         utf8(Cli::tr("Each custodian's key file holds their share and the network signing key, sealed under\n"
                      "their passphrase (Argon2id, AES-256-GCM). Passphrases are read in --custodian order."))});
    registry.add({{"network", "members"},
                  utf8(Cli::tr("As a network custodian: sign the list of member clinics whose exports may be merged")),
                  "",
                  {{"network-key", "FILE", utf8(Cli::tr("the network's public key file"))},
                   {"key", "FILE", utf8(Cli::tr("this custodian's key file (signs the list)"))},
                   {"member", "FILE", utf8(Cli::tr("an exported report of a member clinic (repeat)")), true},
                   {"out", "FILE", utf8(Cli::tr("the member list to write (never overwritten)"))},
                   passwordStdin()},
                  0,
                  0,
                  [](const Args& a, Io& io) { return wrap(a, io, signMembers); },
                  utf8(Cli::tr("Custodians decrypt merges of listed members only, so nobody can pose as several\n"
                               "clinics to isolate one. Confirm each printed fingerprint with its clinic."))});
    registry.add({{"network", "show"},
                  utf8(Cli::tr("Verify a network public key file and print its fingerprint")),
                  "FILE",
                  {},
                  1,
                  1,
                  [](const Args& a, Io& io) { return wrap(a, io, show); },
                  ""});
    registry.add(
        {{"network", "decrypt-share"},
         utf8(Cli::tr("As a network custodian: recompute a merge, then give partial decryptions of its totals")),
         "MERGED",
         {{"network-key", "FILE", utf8(Cli::tr("the network's public key file"))},
          {"key", "FILE", utf8(Cli::tr("this custodian's key file"))},
          {"members", "FILE", utf8(Cli::tr("the network's signed member list"))},
          {"tally-shares", "FILE", utf8(Cli::tr("stage-1 share files (patient tallies) of t custodians")), true},
          {"ledger", "FILE", utf8(Cli::tr("this custodian's ledger of decrypted merges (differencing check)"))},
          {"out", "FILE", utf8(Cli::tr("the share file to write (never overwritten)"))},
          passwordStdin()},
         1,
         1,
         [](const Args& a, Io& io) { return wrap(a, io, decryptShare); },
         utf8(Cli::tr("Stage 1 (no --tally-shares): the patient tallies of every merged cell. Stage 2: the\n"
                      "custodian combines the tallies itself, applies the network's suppression and gives\n"
                      "partials of the released cells' figures only."))});
    registry.add({{"network", "publish"},
                  utf8(Cli::tr("Combine the network custodians' shares and write the signed published network report")),
                  "MERGED",
                  {{"network-key", "FILE", utf8(Cli::tr("the network's public key file"))},
                   {"key", "FILE", utf8(Cli::tr("this custodian's key file (signs the report)"))},
                   {"members", "FILE", utf8(Cli::tr("the network's signed member list"))},
                   {"shares", "FILE", utf8(Cli::tr("stage-1 and stage-2 share files")), true},
                   {"out", "FILE", utf8(Cli::tr("the published report to write (never overwritten)"))},
                   passwordStdin()},
                  1,
                  1,
                  [](const Args& a, Io& io) { return wrap(a, io, publish); },
                  ""});
    registry.add({{"network", "show-report"},
                  utf8(Cli::tr("Verify a published network report against the network key and print it")),
                  "FILE",
                  {{"network-key", "FILE", utf8(Cli::tr("the network's public key file"))}},
                  1,
                  1,
                  [](const Args& a, Io& io) { return wrap(a, io, showReport); },
                  ""});
}

} // namespace cc::cli
