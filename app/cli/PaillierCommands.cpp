// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/PaillierCommands.h"
#include "app/cli/Text.h"

#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/KeyGenerator.h"
#include "core/paillier/Paillier.h"

#include <QByteArray>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cc::cli {
namespace {

using namespace cc::paillier;

constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Result<std::string> readSmallFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.size() > (1 << 20))
        return malformed("key file is too large", path);
    return text;
}

Result<PublicKey> loadPublic(const std::string& path)
{
    auto text = readSmallFile(path);
    if (!text.ok())
        return std::move(text).error();
    auto key = KeyFile::readPublic(*text);
    if (!key.ok()) {
        Error e = std::move(key).error();
        e.file = path;
        return e;
    }
    return key;
}

Result<PrivateKey> loadPrivate(const std::string& path)
{
    auto text = readSmallFile(path);
    if (!text.ok())
        return std::move(text).error();
    auto key = KeyFile::readPrivate(*text);
    crypto::secureWipe(text->data(), text->size());
    if (!key.ok()) {
        Error e = std::move(key).error();
        e.file = path;
        return e;
    }
    return key;
}

// A ciphertext argument: the base64url wire blob, or a bare decimal c (other implementations).
Result<Ciphertext> parseCiphertext(const PublicKey& key, const std::string& arg)
{
    if (!arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos)
        return Ciphertext::fromDecimal(key, arg);
    auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromStdString(arg), B64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return malformed("ciphertext is neither base64url nor a decimal integer", {}, 0, "ciphertext");
    const auto& bytes = *decoded;
    return Ciphertext::fromBytes(
        key, {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
}

void printCiphertext(const Ciphertext& c, bool raw, Io& io)
{
    if (raw) {
        io.out << c.toDecimal() << "\n";
        return;
    }
    const auto blob = c.toBytes();
    io.out << QByteArray(reinterpret_cast<const char*>(blob.data()), static_cast<qsizetype>(blob.size()))
                  .toBase64(B64)
                  .toStdString()
           << "\n";
}

// Writes `content` to `path` atomically with mode 0600 and never replaces an existing file:
// a temporary file in the same folder (O_EXCL), fsync, then link() (fails if `path` exists).
Status writeNewFileAtomically(const std::string& path, const std::string& content)
{
    struct stat st
    {};
    if (::lstat(path.c_str(), &st) == 0)
        return makeError(ErrorCode::AlreadyExists, path + " exists already; refusing to overwrite it");
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(errno == ENOSPC ? ErrorCode::StorageFull : ErrorCode::StorageError,
                         "cannot create " + tmp + ": " + std::strerror(errno));
    std::size_t done = 0;
    bool ok = true;
    while (done < content.size()) {
        const auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n <= 0) {
            ok = false;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    const int savedErrno = errno;
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(tmp.c_str());
        return makeError(savedErrno == ENOSPC ? ErrorCode::StorageFull : ErrorCode::StorageError,
                         "cannot write " + path);
    }
    if (::link(tmp.c_str(), path.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        if (e == EEXIST)
            return makeError(ErrorCode::AlreadyExists, path + " exists already; refusing to overwrite it");
        return makeError(ErrorCode::StorageError, "cannot create " + path + ": " + std::strerror(e));
    }
    ::unlink(tmp.c_str());
    return {};
}

int keygen(const Args& args, Io& io)
{
    const auto out = args.value("out");
    if (!out)
        return reportError(makeError(ErrorCode::InvalidArgument, "--out FILE is required"), io);
    unsigned bits = 3072;
    if (auto b = args.value("bits")) {
        if (*b != "2048" && *b != "3072" && *b != "4096")
            return reportError(makeError(ErrorCode::InvalidArgument, "--bits must be 2048, 3072 or 4096"), io);
        bits = static_cast<unsigned>(std::stoul(*b));
    }
    struct stat st
    {};
    if (::lstat(out->c_str(), &st) == 0)
        return reportError(makeError(ErrorCode::AlreadyExists, *out + " exists already; refusing to overwrite it"), io);
    io.err << utf8(Cli::tr("generating a %1-bit Paillier key from safe primes (this can take a minute)").arg(bits));
    int found = 0;
    auto key = generateKeyPair(bits, [&](const KeyGenProgress& p) {
        if (p.event == 2 && ++found > 0)
            io.err << "." << std::flush;
        return true;
    });
    io.err << "\n";
    if (!key.ok())
        return reportError(key.error(), io);
    std::string json = KeyFile::privateJson(*key);
    const auto written = writeNewFileAtomically(*out, json);
    crypto::secureWipe(json.data(), json.size());
    if (!written.ok())
        return reportError(written.error(), io);
    io.err << utf8(Cli::tr("warning: %1 holds an UNPROTECTED private key (p and q in clear): use it for tests and "
                           "interoperability only")
                       .arg(QString::fromStdString(*out)))
           << "\n";
    io.out << utf8(Cli::tr("key id %1").arg(QString::fromStdString(key->publicKey().keyIdHex()))) << "\n";
    return ExitOk;
}

int pubkey(const Args& args, Io& io)
{
    auto key = loadPublic(args.positional.at(0));
    if (!key.ok())
        return reportError(key.error(), io);
    io.out << KeyFile::publicJwk(*key) << "\n";
    return ExitOk;
}

int encryptCommand(const Args& args, Io& io)
{
    const auto keyPath = args.value("key");
    const auto value = args.value("value");
    if (!keyPath || !value)
        return reportError(makeError(ErrorCode::InvalidArgument, "--key JWKFILE and --value V are required"), io);
    auto key = loadPublic(*keyPath);
    if (!key.ok())
        return reportError(key.error(), io);
    auto m = Plaintext::fromDecimal(*value);
    if (!m.ok())
        return reportError(m.error(), io);
    auto c = encrypt(*key, *m, crypto::SystemRng::instance());
    if (!c.ok())
        return reportError(c.error(), io);
    printCiphertext(*c, args.has("raw"), io);
    return ExitOk;
}

int addCommand(const Args& args, Io& io)
{
    const auto keyPath = args.value("key");
    if (!keyPath)
        return reportError(makeError(ErrorCode::InvalidArgument, "--key JWKFILE is required"), io);
    auto key = loadPublic(*keyPath);
    if (!key.ok())
        return reportError(key.error(), io);
    std::vector<Ciphertext> cts;
    for (std::size_t i = 0; i < args.positional.size(); ++i) {
        auto c = parseCiphertext(*key, args.positional[i]);
        if (!c.ok()) {
            Error e = c.error();
            e.field = "ciphertext " + std::to_string(i + 1);
            return reportError(e, io);
        }
        cts.push_back(std::move(c).value());
    }
    auto s = sum(*key, cts);
    if (!s.ok())
        return reportError(s.error(), io);
    printCiphertext(*s, args.has("raw"), io);
    return ExitOk;
}

int decryptCommand(const Args& args, Io& io)
{
    const auto keyPath = args.value("key");
    if (!keyPath)
        return reportError(makeError(ErrorCode::InvalidArgument, "--key FILE (a private-key file) is required"), io);
    auto key = loadPrivate(*keyPath);
    if (!key.ok())
        return reportError(key.error(), io);
    auto c = parseCiphertext(key->publicKey(), args.positional.at(0));
    if (!c.ok())
        return reportError(c.error(), io);
    auto m = decrypt(*key, *c);
    if (!m.ok())
        return reportError(m.error(), io);
    io.out << m->toDecimal() << "\n";
    return ExitOk;
}

} // namespace

void registerPaillierCommands(CommandRegistry& registry)
{
    registry.add(
        {{"paillier", "keygen"},
         utf8(Cli::tr("Generate a standalone, UNPROTECTED Paillier private-key file (tests and interoperability)")),
         "",
         {{"bits", "B", utf8(Cli::tr("modulus size: 3072 (default), 4096 or 2048")), false},
          {"out", "FILE", utf8(Cli::tr("the new key file (never overwritten; mode 0600)")), false}},
         0,
         0,
         keygen,
         utf8(Cli::tr(
             "The file is JSON: the public JWK members (kty DAJ, alg PAI-GN1, n, kid, hs) plus base64url p "
             "and q. It is not encrypted: clinics keep keys in key slots and decryption shares with custodians."))});
    registry.add({{"paillier", "pubkey"},
                  utf8(Cli::tr("Print the public key of a key file as a JSON Web Key (python-paillier's form)")),
                  "FILE",
                  {},
                  1,
                  1,
                  pubkey,
                  {}});
    registry.add(
        {{"paillier", "encrypt"},
         utf8(Cli::tr("Encrypt a signed integer; prints the base64url ciphertext blob (or c in decimal with --raw)")),
         "",
         {{"key", "JWKFILE", utf8(Cli::tr("public JWK or private-key file")), false},
          {"value", "V", utf8(Cli::tr("signed decimal integer")), false},
          {"raw", "", utf8(Cli::tr("print the bare integer c in decimal (for other implementations)")), false}},
         0,
         0,
         encryptCommand,
         {}});
    registry.add({{"paillier", "add"},
                  utf8(Cli::tr("Print the ciphertext of the sum of ciphertexts (base64url blobs or decimal c)")),
                  "CT...",
                  {{"key", "JWKFILE", utf8(Cli::tr("public JWK or private-key file")), false},
                   {"raw", "", utf8(Cli::tr("print the bare integer c in decimal")), false}},
                  1,
                  100000,
                  addCommand,
                  {}});
    registry.add(
        {{"paillier", "decrypt"},
         utf8(
             Cli::tr("Decrypt a ciphertext (base64url blob or decimal c) with a private-key file; prints the integer")),
         "CT",
         {{"key", "FILE", utf8(Cli::tr("private-key file from paillier keygen")), false}},
         1,
         1,
         decryptCommand,
         {}});
}

} // namespace cc::cli
