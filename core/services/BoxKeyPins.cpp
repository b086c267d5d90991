// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/BoxKeyPins.h"

#include "core/crypto/Hex.h"
#include "core/crypto/SecureBytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cc::services {

namespace {

constexpr std::string_view kPinLabel = "CipherChart box key pin v1";

std::span<const std::uint8_t> asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

const char* fieldName(PinKey which)
{
    return which == PinKey::Administrators ? "administrators" : "clinical";
}

// The field of a pin kept from the slot being replaced: "administratorsPrevious", "clinicalPrevious".
constexpr const char* kPreviousSuffix = "Previous";

Error damaged(const std::string& what)
{
    return makeError(ErrorCode::IntegrityFailure,
                     "the pinned box public keys in the database are damaged (meta box_key_pins: " + what + ")");
}

} // namespace

access::KeyKind pinKeyKind(PinKey which) noexcept
{
    return which == PinKey::Administrators ? access::KeyKind::ClinicSigning : access::KeyKind::ClinicalCategory;
}

std::uint8_t pinRoleCode(const std::optional<access::Role>& role) noexcept
{
    return role ? static_cast<std::uint8_t>(*role) : std::uint8_t{0};
}

Result<crypto::Digest256> boxKeyPin(PinKey which, const access::KeyEntry& key, const access::ClinicId& clinic,
                                    const access::UserId& recipient, std::uint8_t role,
                                    const std::array<std::uint8_t, 32>& publicKey)
{
    if (key.kind != pinKeyKind(which))
        return makeError(ErrorCode::InvalidArgument, std::string("a ") + fieldName(which) + " pin needs the " +
                                                         std::string(access::keyKindName(pinKeyKind(which))));
    // One HKDF label per pin kind (RFC 5869 section 3.2): the two pins never share a key even if
    // the two source keys were equal.
    const std::string info = std::string(kPinLabel) + " " + fieldName(which);
    auto macKey = crypto::hkdfSha256(key.secret.span(), clinic, asBytes(info), 32);
    if (!macKey.ok())
        return std::move(macKey).error();
    std::vector<std::uint8_t> data(kPinLabel.begin(), kPinLabel.end());
    data.insert(data.end(), clinic.begin(), clinic.end());
    data.insert(data.end(), recipient.begin(), recipient.end());
    data.push_back(role);
    data.insert(data.end(), publicKey.begin(), publicKey.end());
    return crypto::hmacSha256(macKey->span(), data);
}

std::optional<BoxKeyPins::Pin>& BoxKeyPins::slotOf(Entry& entry, PinKey which, bool previous)
{
    if (which == PinKey::Administrators)
        return previous ? entry.previousAdministrators : entry.administrators;
    return previous ? entry.previousClinical : entry.clinical;
}

const std::optional<BoxKeyPins::Pin>& BoxKeyPins::slotOf(const Entry& entry, PinKey which, bool previous)
{
    if (which == PinKey::Administrators)
        return previous ? entry.previousAdministrators : entry.administrators;
    return previous ? entry.previousClinical : entry.clinical;
}

Result<BoxKeyPins> BoxKeyPins::load(ports::ClinicMetaStore& meta)
{
    auto stored = meta.get(kBoxKeyPinsMeta);
    if (!stored)
        return std::move(stored).error();
    BoxKeyPins out;
    if (!stored->has_value())
        return out;
    const auto& b = **stored;
    QJsonParseError parsed{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())), &parsed);
    if (parsed.error != QJsonParseError::NoError || !doc.isObject())
        return damaged("not a JSON object");
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string id = it.key().toStdString();
        auto raw = crypto::hexDecode(id);
        if (!raw || raw->size() != access::UserId{}.size())
            return damaged("recipient '" + id + "' is not a 16-byte hex id");
        Entry entry;
        for (PinKey which : {PinKey::Administrators, PinKey::Clinical})
            for (bool previous : {false, true}) {
                const std::string field = std::string(fieldName(which)) + (previous ? kPreviousSuffix : "");
                const QJsonValue v = it.value().toObject().value(QString::fromStdString(field));
                if (v.isUndefined())
                    continue;
                const QJsonObject o = v.toObject();
                auto mac = crypto::hexDecode(o.value("mac").toString().toStdString());
                const qint64 keyId = o.value("keyId").toInteger(-1);
                if (!mac || mac->size() != 32 || keyId < 0 || keyId > 0xFFFFFFFFll) {
                    std::string what = "recipient " + id;
                    what += ", field ";
                    what += field;
                    what += ": keyId and a 32-byte mac";
                    return damaged(what);
                }
                Pin pin;
                pin.keyId = static_cast<std::uint32_t>(keyId);
                std::copy(mac->begin(), mac->end(), pin.mac.begin());
                slotOf(entry, which, previous) = pin;
            }
        out.m_entries.emplace(id, entry);
    }
    return out;
}

Status BoxKeyPins::save(ports::ClinicMetaStore& meta) const
{
    QJsonObject root;
    for (const auto& [id, entry] : m_entries) {
        QJsonObject o;
        for (PinKey which : {PinKey::Administrators, PinKey::Clinical})
            for (bool previous : {false, true}) {
                const auto& pin = slotOf(entry, which, previous);
                if (pin)
                    o.insert(QString::fromStdString(std::string(fieldName(which)) + (previous ? kPreviousSuffix : "")),
                             QJsonObject{{"keyId", static_cast<qint64>(pin->keyId)},
                                         {"mac", QString::fromStdString(crypto::hexEncode(pin->mac))}});
            }
        root.insert(QString::fromStdString(id), o);
    }
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return meta.set(kBoxKeyPinsMeta, std::vector<std::uint8_t>(json.begin(), json.end()));
}

Status BoxKeyPins::pin(PinKey which, const access::KeyEntry& key, const access::ClinicId& clinic,
                       const access::UserId& recipient, std::uint8_t role,
                       const std::array<std::uint8_t, 32>& publicKey)
{
    auto mac = boxKeyPin(which, key, clinic, recipient, role, publicKey);
    if (!mac.ok())
        return std::move(mac).error();
    Entry& entry = m_entries[crypto::hexEncode(recipient)];
    (which == PinKey::Administrators ? entry.administrators : entry.clinical) = Pin{key.keyId, *mac};
    return {};
}

bool BoxKeyPins::has(PinKey which, const access::UserId& recipient) const
{
    const auto it = m_entries.find(crypto::hexEncode(recipient));
    if (it == m_entries.end())
        return false;
    return which == PinKey::Administrators ? it->second.administrators.has_value() : it->second.clinical.has_value();
}

Status BoxKeyPins::pinAccount(const access::KeyRing& keys, const access::KeyRing& newRing,
                              const access::ClinicId& clinic, const access::UserId& recipient, access::Role role,
                              const std::array<std::uint8_t, 32>& publicKey, bool keepPrevious)
{
    const access::KeyEntry* signing = keys.find(access::KeyKind::ClinicSigning);
    if (signing == nullptr)
        return makeError(ErrorCode::AccessDenied, "pinning an account's box public key needs the clinic signing key");
    if (keepPrevious) {
        Entry& entry = m_entries[crypto::hexEncode(recipient)];
        if (entry.administrators)
            entry.previousAdministrators = entry.administrators;
        if (entry.clinical)
            entry.previousClinical = entry.clinical;
    }
    CC_TRY(pin(PinKey::Administrators, *signing, clinic, recipient, pinRoleCode(role), publicKey));
    if (role != access::Role::Doctor) {
        m_entries[crypto::hexEncode(recipient)].clinical.reset(); // a former doctor's pin no longer applies
        return {};
    }
    const access::KeyEntry* clinical = newRing.find(access::KeyKind::ClinicalCategory);
    if (clinical == nullptr)
        return makeError(ErrorCode::KeyMismatch, "a doctor's key ring without the clinical key cannot be pinned");
    return pin(PinKey::Clinical, *clinical, clinic, recipient, pinRoleCode(role), publicKey);
}

Status BoxKeyPins::check(PinKey which, const access::KeyEntry& key, const access::ClinicId& clinic,
                         const access::UserId& recipient, std::uint8_t role,
                         const std::array<std::uint8_t, 32>& publicKey, const std::string& who) const
{
    const auto refuse = [&](const std::string& why) {
        return makeError(ErrorCode::IntegrityFailure,
                         "the box public key of " + who + " " + why +
                             ": nothing was sealed to it; if the account is "
                             "genuine, reset its password (a new, pinned slot) and rotate again");
    };
    const auto it = m_entries.find(crypto::hexEncode(recipient));
    const auto& current = it == m_entries.end() ? std::optional<Pin>{} : slotOf(it->second, which, false);
    const auto* pin = current ? &*current : nullptr;
    // A slot whose replacement was pinned but never reached the disk still holds the previous key.
    if (it != m_entries.end())
        if (const auto& previous = slotOf(it->second, which, true); previous && previous->keyId == key.keyId) {
            auto expected = boxKeyPin(which, key, clinic, recipient, role, publicKey);
            if (!expected.ok())
                return std::move(expected).error();
            if (crypto::constantTimeEqual(*expected, previous->mac))
                return {};
        }
    if (pin == nullptr)
        return makeError(ErrorCode::IntegrityFailure,
                         "the box public key of " + who + " has no " + fieldName(which) +
                             " pin: nothing was sealed to it; a clinic created before pins existed pins its keys "
                             "once with `keys pin` (an administrator, and a doctor for the clinical pins)");
    if (pin->keyId != key.keyId)
        return refuse(std::string("was pinned under another ") + std::string(access::keyKindName(key.kind)) +
                      " (key id " + std::to_string(pin->keyId) + ")");
    auto expected = boxKeyPin(which, key, clinic, recipient, role, publicKey);
    if (!expected.ok())
        return std::move(expected).error();
    if (!crypto::constantTimeEqual(*expected, pin->mac))
        return refuse("does not match its pin (replaced since it was pinned)");
    return {};
}

void BoxKeyPins::settle(const access::UserId& recipient)
{
    if (const auto it = m_entries.find(crypto::hexEncode(recipient)); it != m_entries.end()) {
        it->second.previousAdministrators.reset();
        it->second.previousClinical.reset();
    }
}

bool BoxKeyPins::hasPrevious(const access::UserId& recipient) const
{
    const auto it = m_entries.find(crypto::hexEncode(recipient));
    return it != m_entries.end() && (it->second.previousAdministrators || it->second.previousClinical);
}

void BoxKeyPins::forget(const access::UserId& recipient)
{
    m_entries.erase(crypto::hexEncode(recipient));
}

void BoxKeyPins::forgetClinical(const access::UserId& recipient)
{
    if (const auto it = m_entries.find(crypto::hexEncode(recipient)); it != m_entries.end()) {
        it->second.clinical.reset();
        it->second.previousClinical.reset();
    }
}

} // namespace cc::services
