// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in units table: LOINC codes, UCUM units, conversions, precision, ranges and bins.
//
// Where the codes and units come from (looked up, not recalled; see docs/CLINICAL_DATA.md):
// - The data sets: ../shared/data Synthea sample (loinc_inventory.derived.csv), ACTG 315 README,
//   FHIR R4 example Observations.
// - Synthea's own modules (github.com/synthetichealth/synthea, Apache-2.0):
//   src/main/resources/modules/covid19/measurements_daily.json (CBC 58410-2 members, the
//   automated differential 57023-4 in percent and absolute counts, CMP 24323-8 members, arterial
//   gas 24336-0, FiO2) and covid19/measurements_frequent.json (D-dimer 48065-7, ferritin 2276-4,
//   troponin I hs 89579-7, LDH 14804-9 / 2532-0, CRP 1988-5, CK 2157-6, PT 5902-2 s, INR 6301-6
//   {INR}, procalcitonin 33959-8, IL-6 26881-3), with the UCUM units Synthea writes.
// - LOINC: loinc.org/58410-2 (CBC panel with example UCUM units, RDW ratio 788-0 in %).
// - Laboratory catalogues that list the LOINC of each reported result: ARUP 0020408 (CMP:
//   2951-2, 2823-3, 2075-0, 2028-9, 3094-0, 2345-7, 2160-0, 17861-6), a BMP listing (anion gap
//   33037-3), Labcorp 485199 (PT 5902-2 in s, INR 6301-6), MultiCare Yakima FE and Michigan
//   Medicine TIBC pages (iron 2498-4, TIBC 2500-7 / 50190-8), iron saturation 2502-3, AHRQ HCUP
//   Appendix K LOINC worksheet (bilirubin 14631-6 in umol/L, amylase 1798-8, BNP 30934-4),
//   Huntsville Hospital lipid panel (non-HDL cholesterol 43396-1).
// - Thyroid: TSH 3016-3 and free T3 14928-6, free T4 14920-3 (LRC referral value set,
//   Outburn-IL/Project-IGs), free T4 3024-7 in ng/dL and total T4 3026-2 in ug/dL (published
//   hypothyroidism cohort query); TSH units m[IU]/L and u[IU]/mL (gematik ISiK Labor TSH).
// - Renal: eGFR CKD-EPI 2021 98980-6 (fhir.ch CH LAB-Report profile), KDIGO G1-G5 edges 90,
//   60, 45, 30, 15 (ARUP 3005478 interpretive data); urine microalbumin/creatinine 14959-1.
// - Urine and others from published laboratory code lists: urine pH 5803-2 and protein 5804-0
//   by test strip, ESR 30341-2, fasting glucose 1558-6, magnesium 19123-9, urate 3084-1,
//   phosphate 14879-1 (Vulcan ObservationDefinition examples).
// - Added later (append-only layout ids, see kLayoutOrder below): capillary glucose by meter
//   41653-7 in mg/dL (HL7 Physical Activity IG example Observation Scen5ObsBloodGlucose,
//   build.fhir.org/ig/HL7/physical-activity) and 14743-9 in mmol/L (the LOINC table row
//   "Glucose [Moles/volume] in Capillary blood by Glucometer", quoted in gist bewest/4965993);
//   CD8 count 14135-8, CD4 percentage 8123-2 and the CD4/CD8 ratio 54218-3 (eHealth Connector,
//   enum org.ehealth_connector.cda.ch.lab.lrqc.enums.LabObsList: the Swiss list of laboratory
//   observations for external quality control); urine specific gravity 2965-2 and by test strip
//   5811-5 (BIH-CEI/napkon-geccoplus, input/fsh/geccoplus/vs-urine-specific-gravity.fsh), written
//   with the dimensionless UCUM unit 1 as FHIR examples of 5811-5 do. CD8 takes the units of CD4.
// Units are the UCUM codes those sources use; alternatives are the standard conversions below.
#include "core/interop/UnitsTable.h"

#include "core/model/CodeSystem.h"

#include <string_view>

namespace cc::interop {
namespace {

using Bins = std::vector<double>;
using Conversions = std::vector<UnitConversion>;

// Conversion factors. Molar masses: glucose 180.156 g/mol (so mmol/L x 18.0156 = mg/dL);
// cholesterol 386.65 g/mol (x 38.67); triglycerides as triolein 885.7 g/mol (x 88.57);
// creatinine 113.12 g/mol (umol/L / 88.42 = mg/dL); calcium 40.08 g/mol (x 4.008);
// urea nitrogen 28.014 g/mol N2 per urea (mmol/L urea x 2.801 = mg/dL BUN); bilirubin
// 584.66 g/mol (umol/L / 17.1 = mg/dL). Length and mass: the international inch is 2.54 cm
// and the avoirdupois pound 0.45359237 kg exactly (UCUM [in_i], [lb_av]).
constexpr double kGlucose = 18.0156;
constexpr double kCholesterol = 38.67;
constexpr double kTriglyceride = 88.57;
constexpr double kCreatinine = 88.42;
constexpr double kBilirubin = 17.1;
constexpr double kPound = 0.45359237;
constexpr double kOunce = 0.028349523125;
constexpr double kInch = 2.54;
constexpr double kMmHgInKPa = 0.133322;
// Iron 55.845 g/mol (umol/L x 5.5845 = ug/dL); magnesium 24.305 g/mol (mmol/L x 2.4305 = mg/dL);
// uric acid 168.11 g/mol (umol/L / 59.48 = mg/dL); thyroxine 776.87 g/mol (ng/dL x 12.87 =
// pmol/L); phosphorus 30.974 g/mol (mmol/L x 3.097 = mg/dL).
constexpr double kIron = 5.5845;
constexpr double kMagnesium = 2.4305;
constexpr double kUrate = 59.48;
constexpr double kThyroxine = 12.87;

UnitDefinition entry(const char* code, const char* display, const char* unit, int decimals, double minValue,
                     double maxValue, Bins bins = {}, Conversions conversions = {},
                     const char* system = model::codesystem::kLoinc, const char* note = "")
{
    UnitDefinition d;
    d.code = QString::fromLatin1(code);
    d.codeSystem = QString::fromLatin1(system);
    d.display = QString::fromLatin1(display);
    d.unit = QString::fromLatin1(unit);
    d.decimals = decimals;
    d.minValue = minValue;
    d.maxValue = maxValue;
    if (bins.empty()) {
        // Without clinical bins, ten equal bins over the plausible range.
        for (int i = 0; i <= 10; ++i)
            bins.push_back(minValue + (maxValue - minValue) * i / 10.0);
    }
    d.binEdges = std::move(bins);
    d.conversions = std::move(conversions);
    d.note = QString::fromLatin1(note);
    return d;
}

UnitConversion conv(const char* unit, double factor, double addend = 0.0)
{
    return UnitConversion{QString::fromLatin1(unit), factor, addend};
}

// A 0..n questionnaire score kept as an integer.
UnitDefinition score(const char* code, const char* display, double maxValue, const char* unit = "{score}")
{
    return entry(code, display, unit, 0, 0, maxValue);
}

// A white-cell type as a percentage of leukocytes (automated differential).
UnitDefinition differentialPercent(const char* code, const char* display)
{
    return entry(code, display, "%", 1, 0, 100);
}

// A white-cell type as an absolute count (automated differential); 10*9/L is the same number.
UnitDefinition differentialCount(const char* code, const char* display)
{
    return entry(code, display, "10*3/uL", 2, 0, 200, {}, {conv("10*9/L", 1), conv("/uL", 0.001)});
}

UnitDefinition ige(const char* code, const char* display)
{
    // ImmunoCAP classes 0-6 start at 0.35, 0.7, 3.5, 17.5, 50 and 100 kU/L.
    return entry(code, display, "kU/L", 2, 0, 1000, {0, 0.35, 0.7, 3.5, 17.5, 50, 100, 1000});
}

std::vector<UnitDefinition> definitionsInTableOrder()
{
    const char* synthea = model::codesystem::kSynthea;
    return {
        // Vital signs and body measures.
        entry("8302-2", "Body height", "cm", 1, 20, 272, {20, 50, 100, 120, 140, 150, 160, 170, 180, 190, 200, 272},
              {conv("[in_i]", kInch), conv("[ft_i]", 12 * kInch), conv("m", 100), conv("mm", 0.1)}),
        entry("9843-4", "Head circumference", "cm", 1, 20, 70, {20, 30, 35, 40, 45, 50, 55, 60, 70},
              {conv("[in_i]", kInch)}),
        entry("29463-7", "Body weight", "kg", 1, 0.2, 650, {0.2, 5, 10, 20, 40, 50, 60, 70, 80, 90, 100, 120, 150, 650},
              {conv("[lb_av]", kPound), conv("g", 0.001), conv("[oz_av]", kOunce)}),
        entry("39156-5", "Body mass index", "kg/m2", 1, 5, 150, {5, 18.5, 25, 30, 35, 40, 150}),
        entry("59576-9", "BMI percentile per age and sex", "%", 1, 0, 100, {0, 5, 85, 95, 100}),
        entry("77606-2", "Weight-for-length percentile", "%", 1, 0, 100, {0, 5, 85, 95, 100}),
        entry("8480-6", "Systolic blood pressure", "mm[Hg]", 0, 30, 300, {30, 90, 120, 130, 140, 160, 180, 300},
              {conv("kPa", 1 / kMmHgInKPa)}),
        entry("8462-4", "Diastolic blood pressure", "mm[Hg]", 0, 10, 250, {10, 60, 80, 90, 100, 110, 120, 250},
              {conv("kPa", 1 / kMmHgInKPa)}),
        entry("8478-0", "Mean blood pressure", "mm[Hg]", 0, 20, 250, {20, 60, 70, 80, 90, 100, 110, 250}),
        entry("8867-4", "Heart rate", "/min", 0, 10, 350, {10, 40, 60, 80, 100, 120, 150, 350}),
        entry("9279-1", "Respiratory rate", "/min", 0, 2, 120, {2, 8, 12, 16, 20, 25, 30, 120}),
        entry("8310-5", "Body temperature", "Cel", 1, 25, 46, {25, 35, 36, 36.5, 37, 37.5, 38, 39, 40, 46},
              {conv("[degF]", 5.0 / 9.0, -160.0 / 9.0)}),
        entry("2708-6", "Oxygen saturation in arterial blood", "%", 0, 0, 100, {0, 80, 85, 90, 92, 94, 96, 98, 100}),
        entry("72514-3", "Pain severity 0-10", "{score}", 0, 0, 10, {0, 1, 4, 7, 10}),
        // Synthea's own quality-of-life measures (no LOINC codes).
        entry("QALY", "Quality-adjusted life years", "a", 1, 0, 130, {}, {}, synthea),
        entry("DALY", "Disability-adjusted life years", "a", 1, 0, 130, {}, {}, synthea),
        entry("QOLS", "Quality of life score", "{score}", 2, 0, 1, {}, {}, synthea),
        // Questionnaires and scores.
        entry("63512-8", "Household size", "{#}", 0, 0, 50, {0, 1, 2, 3, 4, 5, 6, 8, 10, 50}),
        score("55758-7", "PHQ-2 total score", 6),
        score("44261-6", "PHQ-9 total score", 27),
        score("89204-2", "PHQ-9 modified for teens total score", 27),
        score("70274-6", "GAD-7 total score", 21),
        score("75626-2", "AUDIT-C total score", 12),
        score("76504-0", "HARK total score", 4),
        score("82667-7", "DAST-10 total score", 10),
        score("59460-6", "Morse fall scale total", 125, "{#}"),
        score("9269-2", "Glasgow coma score total", 15),
        score("9271-8", "Apgar score at 10 minutes", 10),
        score("9272-6", "Apgar score at 1 minute", 10),
        score("9273-4", "Apgar score at 2 minutes", 10),
        score("9274-2", "Apgar score at 5 minutes", 10),
        // Chemistry.
        entry("2339-0", "Glucose", "mg/dL", 1, 10, 2000, {10, 70, 100, 126, 200, 300, 2000},
              {conv("mmol/L", kGlucose)}),
        entry("15074-8", "Glucose (molar)", "mmol/L", 1, 0.5, 110, {0.5, 3.9, 5.6, 7, 11.1, 16.7, 110},
              {conv("mg/dL", 1 / kGlucose)}),
        entry("4548-4", "Hemoglobin A1c", "%", 1, 2, 25, {2, 5.7, 6.5, 7, 8, 9, 10, 25}),
        entry("2093-3", "Total cholesterol", "mg/dL", 1, 20, 1000, {20, 150, 200, 240, 280, 1000},
              {conv("mmol/L", kCholesterol)}),
        entry("35200-5", "Cholesterol (molar)", "mmol/L", 2, 0.5, 26, {0.5, 3.9, 5.2, 6.2, 7.2, 26},
              {conv("mg/dL", 1 / kCholesterol)}),
        entry("2085-9", "HDL cholesterol", "mg/dL", 1, 2, 250, {2, 40, 50, 60, 80, 250},
              {conv("mmol/L", kCholesterol)}),
        entry("18262-6", "LDL cholesterol (direct)", "mg/dL", 1, 2, 700, {2, 100, 130, 160, 190, 700},
              {conv("mmol/L", kCholesterol)}),
        entry("13457-7", "LDL cholesterol (calculated)", "mg/dL", 1, 2, 700, {2, 100, 130, 160, 190, 700},
              {conv("mmol/L", kCholesterol)}),
        entry("2571-8", "Triglycerides", "mg/dL", 1, 5, 10000, {5, 150, 200, 500, 1000, 10000},
              {conv("mmol/L", kTriglyceride)}),
        entry("35217-9", "Triglycerides (molar)", "mmol/L", 2, 0.05, 113, {0.05, 1.7, 2.3, 5.6, 11.3, 113},
              {conv("mg/dL", 1 / kTriglyceride)}),
        entry("6299-2", "Urea nitrogen", "mg/dL", 1, 1, 300, {1, 7, 20, 40, 80, 300}, {conv("mmol/L", 2.801)}),
        entry("38483-4", "Creatinine", "mg/dL", 2, 0.1, 30, {0.1, 0.6, 1.2, 2, 4, 30},
              {conv("umol/L", 1 / kCreatinine)}),
        entry("49765-1", "Calcium", "mg/dL", 1, 2, 20, {2, 8.5, 10.5, 12, 20}, {conv("mmol/L", 4.008)}),
        entry("2947-0", "Sodium", "mmol/L", 1, 80, 200, {80, 125, 135, 145, 155, 200}, {conv("meq/L", 1)}),
        entry("6298-4", "Potassium", "mmol/L", 1, 1, 12, {1, 3.5, 5, 6, 12}, {conv("meq/L", 1)}),
        entry("2069-3", "Chloride", "mmol/L", 1, 50, 160, {50, 98, 107, 160}, {conv("meq/L", 1)}),
        entry("20565-8", "Carbon dioxide", "mmol/L", 1, 2, 60, {2, 22, 29, 60}, {conv("meq/L", 1)}),
        entry("1963-8", "Bicarbonate", "mmol/L", 1, 2, 60, {2, 22, 29, 60}, {conv("meq/L", 1)}),
        entry("11555-0", "Base excess", "mmol/L", 1, -40, 40, {-40, -10, -2, 2, 10, 40}),
        entry("11557-6", "Carbon dioxide partial pressure", "kPa", 2, 0.5, 30, {0.5, 4.7, 6, 8, 30},
              {conv("mm[Hg]", kMmHgInKPa)}),
        entry("33914-3", "Glomerular filtration rate per 1.73 m2 (MDRD)", "mL/min", 1, 0, 200,
              {0, 15, 30, 45, 60, 90, 200}, {conv("mL/min/{1.73_m2}", 1)}, model::codesystem::kLoinc,
              "Synthea writes mL/min; LOINC's property is per 1.73 m2, so both units mean the same here"),
        entry("48643-1", "eGFR (non-black)", "mL/min/{1.73_m2}", 1, 0, 200, {0, 15, 30, 45, 60, 90, 200}),
        entry("48642-3", "eGFR (black)", "mL/min/{1.73_m2}", 1, 0, 200, {0, 15, 30, 45, 60, 90, 200}),
        entry("2885-2", "Protein, total", "g/dL", 1, 0, 150, {}, {conv("g/L", 0.1)}, model::codesystem::kLoinc,
              "Synthea writes g/L magnitudes (about 75) labelled g/dL; the range is wide so its data import unchanged"),
        entry("1751-7", "Albumin", "g/dL", 1, 0.5, 10, {0.5, 2.5, 3.5, 5.5, 10}, {conv("g/L", 0.1)}),
        entry("10834-0", "Globulin", "g/L", 1, 0, 100, {}, {conv("g/dL", 10)}, model::codesystem::kLoinc,
              "Synthea writes g/dL magnitudes (about 3) labelled g/L; the range starts at 0 so its data import"),
        entry("1975-2", "Bilirubin, total", "mg/dL", 1, 0, 50, {0, 1.2, 3, 10, 50}, {conv("umol/L", 1 / kBilirubin)}),
        entry("6768-6", "Alkaline phosphatase", "U/L", 1, 0, 5000, {0, 44, 147, 300, 5000}),
        entry("1742-6", "Alanine aminotransferase", "U/L", 1, 0, 10000, {0, 7, 56, 120, 300, 10000}),
        entry("1920-8", "Aspartate aminotransferase", "U/L", 1, 0, 10000, {0, 10, 40, 120, 300, 10000}),
        entry("19926-5", "FEV1/FVC", "%", 1, 10, 100, {10, 50, 70, 80, 100}),
        entry("33756-8", "Polyp size, greatest dimension", "mm", 1, 0, 200, {0, 5, 10, 20, 200}),
        entry("57905-2", "Hemoglobin in stool (FIT)", "ng/mL", 1, 0, 10000, {0, 20, 100, 10000}),
        entry("24701-5", "Bone mineral density", "g/cm2", 3, 0, 3, {0, 0.5, 0.8, 1, 1.2, 3}),
        entry("80219-9", "Mycoplasma antibody index", "%", 2, 0, 1000, {}),
        // Haematology.
        entry("6690-2", "Leukocytes", "10*3/uL", 1, 0, 500, {0, 4, 11, 20, 500}, {conv("10*9/L", 1)}),
        entry("789-8", "Erythrocytes", "10*6/uL", 2, 0.5, 10, {0.5, 3.5, 4.5, 5.5, 10}, {conv("10*12/L", 1)}),
        entry("718-7", "Hemoglobin", "g/dL", 1, 1, 25, {1, 7, 10, 12, 14, 16, 18, 25},
              {conv("g/L", 0.1), conv("mmol/L", 1.6114)}),
        entry("4544-3", "Hematocrit", "%", 1, 5, 80, {5, 30, 36, 45, 52, 80}),
        entry("787-2", "MCV", "fL", 1, 40, 150, {40, 80, 100, 150}),
        entry("785-6", "MCH", "pg", 1, 10, 50, {10, 27, 33, 50}),
        entry("786-4", "MCHC", "g/dL", 1, 20, 45, {20, 32, 36, 45}),
        entry("21000-5", "Erythrocyte distribution width", "fL", 1, 20, 100, {20, 39, 46, 100}),
        entry("32207-3", "Platelet distribution width", "fL", 1, 0, 1000, {}, {}, model::codesystem::kLoinc,
              "Synthea writes values of 170-500 fL; the range is wide so its data import unchanged"),
        entry("32623-1", "Platelet mean volume", "fL", 1, 5, 20, {5, 7.5, 11.5, 20}),
        entry("777-3", "Platelets", "10*3/uL", 1, 1, 2000, {1, 50, 150, 450, 1000, 2000}, {conv("10*9/L", 1)}),
        // CBC with automated differential (Synthea covid19/measurements_daily; loinc.org/58410-2).
        entry("788-0", "Erythrocyte distribution width (ratio)", "%", 1, 0, 100, {0, 11.5, 14.5, 20, 100}),
        differentialPercent("770-8", "Neutrophils/100 leukocytes"),
        differentialPercent("736-9", "Lymphocytes/100 leukocytes"),
        differentialPercent("5905-5", "Monocytes/100 leukocytes"),
        differentialPercent("713-8", "Eosinophils/100 leukocytes"),
        differentialPercent("706-2", "Basophils/100 leukocytes"),
        differentialCount("751-8", "Neutrophils (absolute)"),
        differentialCount("731-0", "Lymphocytes (absolute)"),
        differentialCount("742-7", "Monocytes (absolute)"),
        differentialCount("711-2", "Eosinophils (absolute)"),
        differentialCount("704-7", "Basophils (absolute)"),
        entry("30341-2", "Erythrocyte sedimentation rate", "mm/h", 0, 0, 200, {0, 20, 50, 100, 200}),
        // Basic and comprehensive metabolic panels, serum or plasma (Synthea; ARUP 0020408).
        entry("2345-7", "Glucose, serum or plasma", "mg/dL", 1, 10, 2000, {10, 70, 100, 126, 200, 300, 2000},
              {conv("mmol/L", kGlucose)}),
        entry("1558-6", "Fasting glucose, serum or plasma", "mg/dL", 1, 10, 2000, {10, 70, 100, 126, 200, 300, 2000},
              {conv("mmol/L", kGlucose)}),
        entry("3094-0", "Urea nitrogen, serum or plasma", "mg/dL", 1, 1, 300, {1, 7, 20, 40, 80, 300},
              {conv("mmol/L", 2.801)}),
        entry("2160-0", "Creatinine, serum or plasma", "mg/dL", 2, 0.1, 30, {0.1, 0.6, 1.2, 2, 4, 30},
              {conv("umol/L", 1 / kCreatinine)}),
        entry("17861-6", "Calcium, serum or plasma", "mg/dL", 1, 2, 20, {2, 8.5, 10.5, 12, 20},
              {conv("mmol/L", 4.008)}),
        entry("2951-2", "Sodium, serum or plasma", "mmol/L", 1, 80, 200, {80, 125, 135, 145, 155, 200},
              {conv("meq/L", 1)}),
        entry("2823-3", "Potassium, serum or plasma", "mmol/L", 1, 1, 12, {1, 3.5, 5, 6, 12}, {conv("meq/L", 1)}),
        entry("2075-0", "Chloride, serum or plasma", "mmol/L", 1, 50, 160, {50, 98, 107, 160}, {conv("meq/L", 1)}),
        entry("2028-9", "Carbon dioxide, total, serum or plasma", "mmol/L", 1, 2, 60, {2, 22, 29, 60},
              {conv("meq/L", 1)}),
        entry("33037-3", "Anion gap, serum or plasma", "mmol/L", 1, -20, 80, {}, {conv("meq/L", 1)}),
        entry("19123-9", "Magnesium, serum or plasma", "mg/dL", 2, 0, 20, {}, {conv("mmol/L", kMagnesium)}),
        entry("14879-1", "Phosphate, serum or plasma (molar)", "mmol/L", 2, 0, 10, {}, {conv("mg/dL", 1 / 3.097)}),
        entry("3084-1", "Urate, serum or plasma", "mg/dL", 1, 0, 30, {}, {conv("umol/L", 1 / kUrate)}),
        entry("14631-6", "Bilirubin, total (molar)", "umol/L", 1, 0, 1000, {0, 20, 50, 170, 1000},
              {conv("mg/dL", kBilirubin)}),
        entry("1798-8", "Amylase", "U/L", 0, 0, 10000, {}),
        // Arterial blood gas (Synthea covid19/measurements_daily).
        entry("2744-1", "pH of arterial blood", "[pH]", 2, 6.5, 8, {6.5, 7.35, 7.45, 8}),
        entry("2019-8", "Carbon dioxide partial pressure, arterial", "mm[Hg]", 1, 5, 200, {5, 35, 45, 200},
              {conv("kPa", 1 / kMmHgInKPa)}),
        entry("2703-7", "Oxygen partial pressure, arterial", "mm[Hg]", 1, 10, 700, {10, 60, 80, 100, 700},
              {conv("kPa", 1 / kMmHgInKPa)}),
        entry("1960-4", "Bicarbonate, arterial", "mmol/L", 1, 2, 60, {2, 22, 26, 60}, {conv("meq/L", 1)}),
        entry("19994-3", "Inspired oxygen fraction (ventilator setting)", "%", 0, 0, 100, {}),
        // Coagulation and inflammation (Synthea covid19/measurements_frequent; Labcorp 485199).
        entry("5902-2", "Prothrombin time", "s", 1, 5, 200, {}),
        entry("6301-6", "INR", "{INR}", 2, 0.5, 20, {}, {conv("1", 1), conv("{ratio}", 1)}),
        entry("48065-7", "Fibrin D-dimer FEU", "ug/mL", 2, 0, 100, {}, {conv("mg/L", 1), conv("ng/mL", 0.001)}),
        entry("1988-5", "C reactive protein", "mg/L", 1, 0, 1000, {}, {conv("mg/dL", 10)}),
        entry("33959-8", "Procalcitonin", "ng/mL", 2, 0, 1000, {}, {conv("ug/L", 1)}),
        entry("26881-3", "Interleukin 6", "pg/mL", 1, 0, 100000, {}),
        entry("2157-6", "Creatine kinase", "U/L", 0, 0, 100000, {}),
        entry("14804-9", "Lactate dehydrogenase (lactate to pyruvate)", "U/L", 0, 0, 20000, {}),
        entry("2532-0", "Lactate dehydrogenase", "U/L", 0, 0, 20000, {}),
        entry("89579-7", "Troponin I, cardiac, high sensitivity", "pg/mL", 1, 0, 100000, {}, {conv("ng/L", 1)}),
        entry("30934-4", "Natriuretic peptide B", "pg/mL", 0, 0, 100000, {}, {conv("ng/L", 1)}),
        // Iron studies.
        entry("2276-4", "Ferritin", "ug/L", 1, 0, 100000, {}, {conv("ng/mL", 1)}),
        entry("2498-4", "Iron", "ug/dL", 0, 0, 1000, {}, {conv("umol/L", kIron)}),
        entry("2500-7", "Iron binding capacity", "ug/dL", 0, 0, 1500, {}, {conv("umol/L", kIron)}),
        entry("50190-8", "Iron binding capacity, total", "ug/dL", 0, 0, 1500, {}, {conv("umol/L", kIron)}),
        entry("2502-3", "Iron saturation", "%", 1, 0, 100, {0, 15, 20, 50, 60, 100}),
        // Thyroid.
        entry("3016-3", "Thyrotropin (TSH)", "m[IU]/L", 3, 0, 500, {0, 0.4, 4.5, 10, 500}, {conv("u[IU]/mL", 1)}),
        entry("3024-7", "Thyroxine (T4) free", "ng/dL", 2, 0, 20, {0, 0.8, 1.8, 20}, {conv("pmol/L", 1 / kThyroxine)}),
        entry("14920-3", "Thyroxine (T4) free (molar)", "pmol/L", 1, 0, 260, {}, {conv("ng/dL", kThyroxine)}),
        entry("3026-2", "Thyroxine (T4)", "ug/dL", 1, 0, 50, {}),
        entry("14928-6", "Triiodothyronine (T3) free (molar)", "pmol/L", 1, 0, 100, {}),
        // Renal function and urine (KDIGO categories from ARUP 3005478).
        entry("98980-6", "eGFR by creatinine and cystatin C (CKD-EPI 2021)", "mL/min/{1.73_m2}", 1, 0, 200,
              {0, 15, 30, 45, 60, 90, 200}),
        entry("14959-1", "Microalbumin/creatinine ratio, urine", "mg/g", 1, 0, 10000, {0, 30, 300, 10000}),
        entry("5803-2", "pH of urine by test strip", "[pH]", 1, 4, 10, {}),
        entry("5804-0", "Protein, urine, by test strip", "mg/dL", 0, 0, 2000, {}),
        // Lipids.
        entry("43396-1", "Cholesterol non HDL", "mg/dL", 1, 0, 1000, {0, 130, 160, 190, 220, 1000},
              {conv("mmol/L", kCholesterol)}),
        // Allergen-specific IgE.
        ige("6206-7", "Peanut IgE"),
        ige("6273-7", "Walnut IgE"),
        ige("6082-2", "Codfish IgE"),
        ige("6246-3", "Shrimp IgE"),
        ige("6276-0", "Wheat IgE"),
        ige("6106-9", "Egg white IgE"),
        ige("6248-9", "Soybean IgE"),
        ige("7258-7", "Cow milk IgE"),
        ige("6189-5", "White oak IgE"),
        ige("6085-5", "Common ragweed IgE"),
        ige("6833-8", "Cat dander IgE"),
        ige("6095-4", "House dust mite IgE"),
        ige("6075-6", "Cladosporium herbarum IgE"),
        ige("6844-5", "Honey bee IgE"),
        ige("6158-0", "Latex IgE"),
        // HIV care (ACTG 315). Viral load as laboratories report it: copies/mL and its log10, two
        // LOINC codes. Copies/mL values up to 10^9 need an 84-bit Σx² slot (sums of 2^20 values).
        entry("20447-9", "HIV-1 RNA (viral load)", "{copies}/mL", 0, 0, 1e9,
              {0, 50, 200, 1000, 10000, 100000, 1000000, 1e9}, {conv("/mL", 1)}, model::codesystem::kLoinc,
              "a mean of copies/mL is dominated by a few very high values: report its log10 (25836-8) beside it"),
        entry("25836-8", "HIV-1 RNA (viral load, log10)", "{log_copies}/mL", 4, 0, 10, {0, 1.7, 2.3, 3, 4, 5, 6, 10},
              {conv("{Log_copies}/mL", 1)}, model::codesystem::kLoinc,
              "log10 of copies/mL, as laboratories report it beside copies/mL; the measure for reports"),
        entry("24467-3", "CD4+ T cells", "/uL", 2, 0, 5000, {0, 50, 200, 350, 500, 5000},
              {conv("{cells}/uL", 1), conv("/mm3", 1), conv("10*6/L", 1)}),
        entry("14135-8", "CD8+ T cells", "/uL", 2, 0, 10000, {},
              {conv("{cells}/uL", 1), conv("/mm3", 1), conv("10*6/L", 1)}),
        entry("8123-2", "CD4+ T cells/100 lymphocytes", "%", 1, 0, 100),
        entry("54218-3", "CD4/CD8 ratio", "{ratio}", 2, 0, 20, {}, {conv("1", 1)}),
        // Capillary glucose by meter, in both units.
        entry("41653-7", "Glucose, capillary blood (meter)", "mg/dL", 1, 10, 2000, {10, 70, 100, 126, 200, 300, 2000},
              {conv("mmol/L", kGlucose)}),
        entry("14743-9", "Glucose (molar), capillary blood (meter)", "mmol/L", 1, 0.5, 110,
              {0.5, 3.9, 5.6, 7, 11.1, 16.7, 110}, {conv("mg/dL", 1.0 / kGlucose)}),
        // Urine specific gravity (dimensionless).
        entry("2965-2", "Specific gravity of urine", "1", 3, 1, 1.08),
        entry("5811-5", "Specific gravity of urine by test strip", "1", 3, 1, 1.08),
    };
}

// Paillier layout ids (records::ObservationLayout) of the built-in codes: 1 + the position in this
// list. A ciphertext carries its layout id, so the list is APPEND-ONLY: the first 152 codes are the
// catalogue as it stood when ids were positions in the code-sorted catalogue (so values stored
// before keep their ids); every code added later goes at the end. A code missing from the list,
// or listed twice, makes the built-in catalogue fail its check (UnitsCatalogue::fromDefinitions).
constexpr const char* kLayoutOrder[] = {
    "10834-0",
    "11555-0",
    "11557-6",
    "13457-7",
    "14631-6",
    "14804-9",
    "14879-1",
    "14920-3",
    "14928-6",
    "14959-1",
    "15074-8",
    "1558-6",
    "1742-6",
    "1751-7",
    "17861-6",
    "1798-8",
    "18262-6",
    "19123-9",
    "1920-8",
    "1960-4",
    "1963-8",
    "1975-2",
    "1988-5",
    "19926-5",
    "19994-3",
    "2019-8",
    "2028-9",
    "retired:20447-9", // its layout of 18 values at most (a 64-bit Σx² slot), until 2026-12
    "20565-8",
    "2069-3",
    "2075-0",
    "2085-9",
    "2093-3",
    "21000-5",
    "2157-6",
    "2160-0",
    "2276-4",
    "2339-0",
    "2345-7",
    "24467-3",
    "24701-5",
    "2498-4",
    "2500-7",
    "2502-3",
    "2532-0",
    "2571-8",
    "26881-3",
    "2703-7",
    "2708-6",
    "2744-1",
    "2823-3",
    "2885-2",
    "29463-7",
    "2947-0",
    "2951-2",
    "3016-3",
    "3024-7",
    "3026-2",
    "30341-2",
    "3084-1",
    "30934-4",
    "3094-0",
    "32207-3",
    "32623-1",
    "33037-3",
    "33756-8",
    "33914-3",
    "33959-8",
    "35200-5",
    "35217-9",
    "38483-4",
    "39156-5",
    "43396-1",
    "44261-6",
    "4544-3",
    "4548-4",
    "48065-7",
    "48642-3",
    "48643-1",
    "49765-1",
    "50190-8",
    "55758-7",
    "57905-2",
    "5803-2",
    "5804-0",
    "5902-2",
    "5905-5",
    "59460-6",
    "59576-9",
    "6075-6",
    "6082-2",
    "6085-5",
    "6095-4",
    "6106-9",
    "6158-0",
    "6189-5",
    "6206-7",
    "6246-3",
    "6248-9",
    "6273-7",
    "6276-0",
    "6298-4",
    "6299-2",
    "6301-6",
    "63512-8",
    "6690-2",
    "6768-6",
    "6833-8",
    "6844-5",
    "70274-6",
    "704-7",
    "706-2",
    "711-2",
    "713-8",
    "718-7",
    "72514-3",
    "7258-7",
    "731-0",
    "736-9",
    "742-7",
    "751-8",
    "75626-2",
    "76504-0",
    "770-8",
    "77606-2",
    "777-3",
    "785-6",
    "786-4",
    "787-2",
    "788-0",
    "789-8",
    "80219-9",
    "82667-7",
    "8302-2",
    "8310-5",
    "8462-4",
    "8478-0",
    "8480-6",
    "8867-4",
    "89204-2",
    "89579-7",
    "9269-2",
    "9271-8",
    "9272-6",
    "9273-4",
    "9274-2",
    "9279-1",
    "9843-4",
    "98980-6",
    "DALY",
    "QALY",
    "QOLS",
    // Appended (issue 12).
    "14135-8",
    "8123-2",
    "54218-3",
    "41653-7",
    "14743-9",
    "2965-2",
    "5811-5",
    // Appended (issue 9: viral load in reports).
    "25836-8",
    // Re-laid-out (issue 9): a 128-bit Σx² slot, so sums of up to 2^20 values.
    "20447-9",
};

constexpr std::string_view kRetired = "retired:";

} // namespace

std::vector<UnitDefinition> builtInUnitDefinitions()
{
    std::vector<UnitDefinition> definitions = definitionsInTableOrder();
    for (UnitDefinition& d : definitions)
        for (std::size_t i = 0; i < std::size(kLayoutOrder); ++i) {
            const std::string_view entry = kLayoutOrder[i];
            const auto id = static_cast<std::uint16_t>(i + 1);
            if (d.code == QLatin1String(entry.data(), static_cast<qsizetype>(entry.size())))
                d.layoutId = id;
            else if (entry.starts_with(kRetired) &&
                     d.code == QLatin1String(entry.substr(kRetired.size()).data(),
                                             static_cast<qsizetype>(entry.size() - kRetired.size())))
                d.retiredLayoutIds.push_back(id);
        }
    return definitions;
}

} // namespace cc::interop
