// SPDX-License-Identifier: GPL-3.0-or-later
// Clinic folder paths, creation (mode 0700) and the strict clinic.json codec.
#include "db/ClinicFolder.h"

#include "core/crypto/Hex.h"
#include "db/AtomicFile.h"
#include "db/FileSystem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QString>

#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <utility>

namespace cc::db {

namespace {

constexpr std::array<const char*, 5> kKeys = {"clinicId", "createdAt", "demo", "format", "name"};

/// Largest integer a JSON number carries exactly (RFC 8259 section 6: interoperable range).
constexpr double kMaxJsonInteger = 9007199254740991.0;

Error fieldError(const std::string& fileName, const char* field, std::string message)
{
    return malformed(std::move(message), fileName, 0, field);
}

Result<std::int64_t> integerField(const QJsonObject& o, const char* key, const std::string& fileName)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return fieldError(fileName, key, "must be a number");
    const double d = v.toDouble();
    if (d < 0 || d > kMaxJsonInteger || std::floor(d) != d)
        return fieldError(fileName, key, "must be a non-negative integer below 2^53");
    return static_cast<std::int64_t>(d);
}

} // namespace

ClinicFolder::ClinicFolder(std::string dir) : m_dir(std::move(dir))
{
    while (m_dir.size() > 1 && m_dir.back() == '/')
        m_dir.pop_back();
}

std::string ClinicFolder::file(std::string_view name) const
{
    return m_dir + "/" + std::string(name);
}

Status ClinicFolder::create() const
{
    if (m_dir.empty())
        return makeError(ErrorCode::InvalidArgument, "no clinic folder given");
    if (::mkdir(m_dir.c_str(), 0700) != 0) {
        const int err = errno;
        if (err == ENOENT)
            return makeError(ErrorCode::NotFound, "the folder above " + m_dir + " does not exist");
        if (err != EEXIST)
            return detail::writeErrnoError(err, "cannot create the clinic folder", m_dir);
        struct stat info
        {};
        if (::stat(m_dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
            return makeError(ErrorCode::InvalidArgument, m_dir + " is not a folder");
        // An existing folder is fine (e.g. made by the installer), but never one holding a clinic:
        // initialising over it would orphan that clinic's data under new keys.
        if (detail::pathExists(databasePath()) || detail::pathExists(keySlotPath()))
            return makeError(ErrorCode::AlreadyExists, m_dir + " already holds a clinic");
        return {};
    }
    // mkdir applies the umask; the clinic folder is private whatever the umask says.
    if (::chmod(m_dir.c_str(), 0700) != 0)
        return detail::writeErrnoError(errno, "cannot set the mode of", m_dir);
    return detail::syncFolderOf(m_dir);
}

Result<ClinicDescriptor> ClinicFolder::readDescriptor() const
{
    const std::string path = descriptorPath();
    auto bytes = readFile(path, kMaxDescriptorSize);
    if (!bytes.ok()) {
        if (bytes.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound, m_dir + " is not a clinic folder (no clinic.json)");
        return std::move(bytes).error();
    }
    const std::string text(bytes->begin(), bytes->end());
    return parseDescriptor(text, path);
}

Status ClinicFolder::writeDescriptor(const ClinicDescriptor& descriptor) const
{
    auto text = encodeDescriptor(descriptor);
    CC_TRY(text);
    const auto* data = reinterpret_cast<const std::uint8_t*>(text->data());
    return writeFileAtomically(descriptorPath(), std::span<const std::uint8_t>(data, text->size()));
}

Status ClinicFolder::validateName(std::string_view name)
{
    if (name.empty())
        return makeError(ErrorCode::InvalidArgument, "the clinic name is empty");
    // More bytes than 100 four-byte characters cannot be a valid name; checked before converting.
    if (name.size() > kMaxNameLength * 4)
        return makeError(ErrorCode::InvalidArgument, "the clinic name is longer than 100 characters");
    const QString text = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    // fromUtf8 replaces invalid sequences with U+FFFD: a round trip shows whether there were any.
    if (text.toStdString() != name)
        return makeError(ErrorCode::InvalidArgument, "the clinic name is not valid UTF-8");
    const QList<uint> codePoints = text.toUcs4();
    if (static_cast<std::size_t>(codePoints.size()) > kMaxNameLength)
        return makeError(ErrorCode::InvalidArgument, "the clinic name is longer than 100 characters");
    for (const uint c : codePoints) {
        const auto category = QChar::category(static_cast<char32_t>(c));
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            return makeError(ErrorCode::InvalidArgument, "the clinic name contains a control character");
    }
    return {};
}

Result<std::string> ClinicFolder::encodeDescriptor(const ClinicDescriptor& descriptor)
{
    CC_TRY(validateName(descriptor.name));
    if (descriptor.createdAt < 0 || static_cast<double>(descriptor.createdAt) > kMaxJsonInteger)
        return makeError(ErrorCode::InvalidArgument, "the creation time is out of range");
    // QJsonObject keeps keys sorted and Indented output is deterministic: this is the canonical form.
    QJsonObject o;
    o.insert(QStringLiteral("format"), kDescriptorFormat);
    o.insert(QStringLiteral("clinicId"), QString::fromStdString(crypto::hexEncode(descriptor.clinicId)));
    o.insert(QStringLiteral("name"), QString::fromStdString(descriptor.name));
    o.insert(QStringLiteral("demo"), descriptor.demo);
    o.insert(QStringLiteral("createdAt"), static_cast<qint64>(descriptor.createdAt));
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<ClinicDescriptor> ClinicFolder::parseDescriptor(std::string_view text, const std::string& fileName)
{
    QJsonParseError parseError{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(text.data(), static_cast<qsizetype>(text.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("not a JSON object", fileName);
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char* key : kKeys)
            known = known || it.key() == QLatin1String(key);
        if (!known)
            return fieldError(fileName, "(unknown)", "unknown key \"" + it.key().left(40).toStdString() + "\"");
    }
    for (const char* key : kKeys) {
        if (!o.contains(QLatin1String(key)))
            return fieldError(fileName, key, "missing");
    }

    auto format = integerField(o, "format", fileName);
    CC_TRY(format);
    if (*format != kDescriptorFormat)
        return Error{ErrorCode::Unsupported, "clinic folder format " + std::to_string(*format) + " is not supported",
                     fileName, 0, "format"};

    ClinicDescriptor d;
    const QJsonValue id = o.value(QStringLiteral("clinicId"));
    if (!id.isString() || id.toString().size() != 32)
        return fieldError(fileName, "clinicId", "must be 32 hexadecimal digits");
    auto idBytes = crypto::hexDecode(id.toString().toStdString());
    if (!idBytes.ok() || idBytes->size() != d.clinicId.size() || id.toString().contains(QLatin1Char(' ')))
        return fieldError(fileName, "clinicId", "must be 32 hexadecimal digits");
    std::copy(idBytes->begin(), idBytes->end(), d.clinicId.begin());

    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString())
        return fieldError(fileName, "name", "must be a string");
    d.name = name.toString().toStdString();
    if (auto valid = validateName(d.name); !valid.ok())
        return fieldError(fileName, "name", valid.error().message);

    const QJsonValue demo = o.value(QStringLiteral("demo"));
    if (!demo.isBool())
        return fieldError(fileName, "demo", "must be true or false");
    d.demo = demo.toBool();

    auto createdAt = integerField(o, "createdAt", fileName);
    CC_TRY(createdAt);
    d.createdAt = *createdAt;

    // The file is only ever written by encodeDescriptor: anything else (duplicate keys, which
    // QJsonDocument silently merges, upper-case hex, other spacing) is not what we wrote.
    auto canonical = encodeDescriptor(d);
    CC_TRY(canonical);
    if (*canonical != text)
        return malformed("not in the form CipherChart writes (edited by hand?)", fileName);
    return d;
}

} // namespace cc::db
