// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interop/CodedEntrySearch.h"

#include "core/model/CodeSystem.h"

#include <QFile>
#include <QList>
#include <QLoggingCategory>

#include <algorithm>
#include <utility>

namespace cc::interop {

namespace {

Q_LOGGING_CATEGORY(lcTerminology, "cipherchart.terminology")

std::optional<CodedEntryKind> kindFromName(QStringView name)
{
    if (name == u"condition")
        return CodedEntryKind::Condition;
    if (name == u"medication")
        return CodedEntryKind::Medication;
    if (name == u"allergen")
        return CodedEntryKind::Allergen;
    if (name == u"reaction")
        return CodedEntryKind::Reaction;
    return std::nullopt;
}

const char* systemFromName(QStringView name)
{
    if (name == u"snomed")
        return model::codesystem::kSnomed;
    if (name == u"rxnorm")
        return model::codesystem::kRxNorm;
    if (name == u"icd10")
        return model::codesystem::kIcd10;
    if (name == u"icd10cm")
        return model::codesystem::kIcd10Cm;
    return nullptr;
}

QString foldCode(QStringView code)
{
    QString folded = code.toString().toCaseFolded();
    folded.remove(QLatin1Char('.'));
    return folded;
}

std::vector<QString> words(const QString& folded)
{
    std::vector<QString> out;
    QString current;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            out.push_back(std::exchange(current, QString()));
        }
    }
    if (!current.isEmpty())
        out.push_back(std::move(current));
    return out;
}

} // namespace

Result<CodedEntrySearch> CodedEntrySearch::fromTsv(const QByteArray& tsv, const QString& name)
{
    CodedEntrySearch search;
    const QList<QByteArray> lines = tsv.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray& raw = lines[i];
        if (raw.isEmpty() || raw.startsWith('#'))
            continue;
        const QString line = QString::fromUtf8(raw);
        const auto fail = [&](const char* field, const std::string& message) {
            return malformed(message, name.toStdString(), static_cast<long>(i + 1), field);
        };
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() != 5)
            return fail("line", "expected 5 tab-separated fields, found " + std::to_string(fields.size()));
        const auto kind = kindFromName(fields[0]);
        if (!kind)
            return fail("kind", "unknown kind '" + fields[0].toStdString() + "'");
        const char* system = systemFromName(fields[1]);
        if (system == nullptr)
            return fail("system", "unknown code system '" + fields[1].toStdString() + "'");
        if (!model::isValidCode(QString::fromLatin1(system), fields[2]))
            return fail("code", "'" + fields[2].toStdString() + "' is not a valid code of its system");
        if (fields[3].trimmed().isEmpty())
            return fail("display", "is empty");
        Indexed indexed;
        indexed.entry = {*kind, QString::fromLatin1(system), fields[2], fields[3].trimmed(), fields[4].trimmed()};
        indexed.codeKey = foldCode(indexed.entry.code);
        indexed.displayKey = indexed.entry.display.toCaseFolded();
        indexed.words = words(indexed.displayKey);
        search.m_entries.push_back(std::move(indexed));
    }
    return search;
}

const CodedEntrySearch& CodedEntrySearch::builtIn()
{
    static const CodedEntrySearch search = [] {
        const QString path = QStringLiteral(":/cipherchart/terminology/coded-entries.tsv");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcTerminology, "the bundled code subset is missing; coded entry search is off");
            return CodedEntrySearch{};
        }
        auto parsed = fromTsv(file.readAll(), QStringLiteral("coded-entries.tsv"));
        if (!parsed) {
            qCWarning(lcTerminology, "the bundled code subset is broken (%s); coded entry search is off",
                      parsed.error().describe().c_str());
            return CodedEntrySearch{};
        }
        return std::move(parsed).value();
    }();
    return search;
}

std::vector<const CodedEntry*> CodedEntrySearch::search(CodedEntryKind kind, QStringView query, std::size_t limit) const
{
    const QString folded = query.toString().toCaseFolded().trimmed();
    if (folded.isEmpty() || limit == 0)
        return {};
    const QString codeQuery = foldCode(folded);
    const std::vector<QString> queryWords = words(folded);

    struct Hit
    {
        int rank;
        const Indexed* item;
    };
    std::vector<Hit> hits;
    for (const Indexed& item : m_entries) {
        if (item.entry.kind != kind)
            continue;
        int rank = -1;
        if (!codeQuery.isEmpty() && item.codeKey == codeQuery)
            rank = 0;
        else if (!codeQuery.isEmpty() && item.codeKey.startsWith(codeQuery))
            rank = 1;
        else if (!queryWords.empty() && std::all_of(queryWords.begin(), queryWords.end(), [&](const QString& q) {
                     return std::any_of(item.words.begin(), item.words.end(),
                                        [&](const QString& w) { return w.startsWith(q); });
                 }))
            rank = item.displayKey.startsWith(folded) ? 2 : 3;
        if (rank >= 0)
            hits.push_back({rank, &item});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.item->entry.display.size() != b.item->entry.display.size())
            return a.item->entry.display.size() < b.item->entry.display.size();
        return a.item->entry.code < b.item->entry.code;
    });
    std::vector<const CodedEntry*> out;
    for (const Hit& h : hits) {
        if (out.size() == limit)
            break;
        out.push_back(&h.item->entry);
    }
    return out;
}

const CodedEntry* CodedEntrySearch::find(CodedEntryKind kind, QStringView system, QStringView code) const
{
    for (const Indexed& item : m_entries)
        if (item.entry.kind == kind && item.entry.system == system && item.entry.code == code)
            return &item.entry;
    return nullptr;
}

} // namespace cc::interop
