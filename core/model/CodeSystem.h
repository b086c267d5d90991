// SPDX-License-Identifier: GPL-3.0-or-later
// Code systems of clinical codes (FHIR R4 system URIs) and their code syntax checks.
#pragma once

#include <QString>
#include <QStringView>

namespace cc::model {

/// FHIR R4 canonical system URIs (terminology.hl7.org "Using ... with HL7 standards").
namespace codesystem {
inline constexpr const char* kLoinc = "http://loinc.org";
inline constexpr const char* kSnomed = "http://snomed.info/sct";
inline constexpr const char* kIcd10 = "http://hl7.org/fhir/sid/icd-10";
inline constexpr const char* kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr const char* kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr const char* kUcum = "http://unitsofmeasure.org";
/// Synthea's own codes (QALY, DALY, QOLS) that have no LOINC code.
inline constexpr const char* kSynthea = "http://synthetichealth.github.io/synthea";
} // namespace codesystem

/// True if `system` is one of the systems above.
[[nodiscard]] bool isKnownCodeSystem(QStringView system);

/// True if `code` is syntactically valid in `system`: LOINC "digits-checkdigit" with a valid
/// mod-10 check digit, SNOMED CT and RxNorm digits, ICD-10 "A00" to "Z99.9999", Synthea upper-case
/// letters. Says nothing about whether the code exists.
[[nodiscard]] bool isValidCode(QStringView system, QStringView code);

} // namespace cc::model
