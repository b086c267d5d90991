// SPDX-License-Identifier: GPL-3.0-or-later
// Code syntax checks per code system.
#include "core/model/CodeSystem.h"

#include <QRegularExpression>

namespace cc::model {
namespace {

bool matches(const char* pattern, QStringView text)
{
    return QRegularExpression(QString::fromLatin1(pattern)).match(text.toString()).hasMatch();
}

// LOINC check digit: the Mod 10 algorithm described in the LOINC Users' Guide, appendix
// "Calculating Mod 10 check digits": from the right, double every other digit starting with the
// rightmost digit of the code part, sum the digits, check = (10 - sum % 10) % 10.
bool loincCheckDigitOk(QStringView code)
{
    const qsizetype dash = code.indexOf(u'-');
    const QStringView body = code.left(dash);
    int sum = 0;
    bool doubleIt = true;
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        int d = body[i].digitValue();
        if (doubleIt) {
            d *= 2;
            d = d / 10 + d % 10;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10 == code[dash + 1].digitValue();
}

} // namespace

bool isKnownCodeSystem(QStringView system)
{
    for (const char* s : {codesystem::kLoinc, codesystem::kSnomed, codesystem::kIcd10, codesystem::kIcd10Cm,
                          codesystem::kRxNorm, codesystem::kSynthea}) {
        if (system == QLatin1String(s))
            return true;
    }
    return false;
}

bool isValidCode(QStringView system, QStringView code)
{
    if (system == QLatin1String(codesystem::kLoinc))
        return matches(R"(^\d{1,7}-\d$)", code) && loincCheckDigitOk(code);
    if (system == QLatin1String(codesystem::kSnomed))
        return matches(R"(^[1-9]\d{5,17}$)", code);
    if (system == QLatin1String(codesystem::kRxNorm))
        return matches(R"(^\d{1,12}$)", code);
    if (system == QLatin1String(codesystem::kIcd10) || system == QLatin1String(codesystem::kIcd10Cm))
        return matches(R"(^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$)", code);
    if (system == QLatin1String(codesystem::kSynthea))
        return matches(R"(^[A-Z]{2,16}$)", code);
    return false;
}

} // namespace cc::model
