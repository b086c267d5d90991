// SPDX-License-Identifier: GPL-3.0-or-later
// Expected outcome of importing each official FHIR R4 example into one clinic, in this order.
#pragma once

// Rows run in order against one clinic: the Patient examples first, so that the resources that
// refer to "Patient/example", "Patient/f001" or "Patient/f201" find them. An outcome is either
// "p e c o m a s" counts (patients, encounters, conditions, observations, medications, allergies,
// skipped items) or "error " followed by part of the error (code name, file, resource path).
void TestFhirImport::everyExample_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("patient-example") << QStringLiteral("patient-example.json")
                                     << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-a") << QStringLiteral("patient-example-a.json")
                                       << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-animal")
        << QStringLiteral("patient-example-animal.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-b") << QStringLiteral("patient-example-b.json")
                                       << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-c") << QStringLiteral("patient-example-c.json")
                                       << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-chinese")
        << QStringLiteral("patient-example-chinese.json") << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-d") << QStringLiteral("patient-example-d.json")
                                       << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-dicom")
        << QStringLiteral("patient-example-dicom.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-f001-pieter")
        << QStringLiteral("patient-example-f001-pieter.json") << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-f201-roel")
        << QStringLiteral("patient-example-f201-roel.json") << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-ihe-pcd")
        << QStringLiteral("patient-example-ihe-pcd.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-infant-fetal")
        << QStringLiteral("patient-example-infant-fetal.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-infant-mom")
        << QStringLiteral("patient-example-infant-mom.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-infant-twin-1")
        << QStringLiteral("patient-example-infant-twin-1.json") << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-infant-twin-2")
        << QStringLiteral("patient-example-infant-twin-2.json") << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-mom") << QStringLiteral("patient-example-mom.json")
                                         << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-example-newborn")
        << QStringLiteral("patient-example-newborn.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-proband")
        << QStringLiteral("patient-example-proband.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("patient-example-xcda")
        << QStringLiteral("patient-example-xcda.json") << QStringLiteral("error AlreadyExists");
    QTest::newRow("patient-example-xds") << QStringLiteral("patient-example-xds.json")
                                         << QStringLiteral("p1 e0 c0 o0 m0 a0 s0");
    QTest::newRow("patient-examples-general")
        << QStringLiteral("patient-examples-general.json") << QStringLiteral("error AlreadyExists");
    QTest::newRow("bundle-example") << QStringLiteral("bundle-example.json")
                                    << QStringLiteral(
                                           "error MalformedInput bundle-example.json: "
                                           "Bundle.entry[0].resource(MedicationRequest/3123).subject.reference");
    QTest::newRow("bundle-references") << QStringLiteral("bundle-references.json")
                                       << QStringLiteral("error MalformedInput bundle-references.json: "
                                                         "Bundle.entry[5].resource(Observation/14).subject.reference");
    QTest::newRow("bundle-response") << QStringLiteral("bundle-response.json")
                                     << QStringLiteral("p0 e0 c0 o0 m0 a0 s10");
    QTest::newRow("bundle-search-warning")
        << QStringLiteral("bundle-search-warning.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("bundle-transaction") << QStringLiteral("bundle-transaction.json")
                                        << QStringLiteral("p2 e0 c0 o0 m0 a0 s8");
    QTest::newRow("condition-example") << QStringLiteral("condition-example.json")
                                       << QStringLiteral("p0 e0 c1 o0 m0 a0 s0");
    QTest::newRow("diagnosticreport-example-f001-bloodexam")
        << QStringLiteral("diagnosticreport-example-f001-bloodexam.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s2");
    QTest::newRow("diagnosticreport-example-lipids")
        << QStringLiteral("diagnosticreport-example-lipids.json")
        << QStringLiteral("error MalformedInput diagnosticreport-example-lipids.json: "
                          "Bundle.entry[1].resource(Observation/cholesterol).subject.reference");
    QTest::newRow("encounter-example") << QStringLiteral("encounter-example.json")
                                       << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("medicationrequest0301") << QStringLiteral("medicationrequest0301.json")
                                           << QStringLiteral("error MalformedInput medicationrequest0301.json: "
                                                             "resource(MedicationRequest/medrx0301).subject.reference");
    QTest::newRow("medicationrequest0302") << QStringLiteral("medicationrequest0302.json")
                                           << QStringLiteral("error MalformedInput medicationrequest0302.json: "
                                                             "resource(MedicationRequest/medrx0302).subject.reference");
    QTest::newRow("observation-example-10minute-apgar-score")
        << QStringLiteral("observation-example-10minute-apgar-score.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-1minute-apgar-score")
        << QStringLiteral("observation-example-1minute-apgar-score.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-20minute-apgar-score")
        << QStringLiteral("observation-example-20minute-apgar-score.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-2minute-apgar-score")
        << QStringLiteral("observation-example-2minute-apgar-score.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-5minute-apgar-score")
        << QStringLiteral("observation-example-5minute-apgar-score.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-TPMT-diplotype")
        << QStringLiteral("observation-example-TPMT-diplotype.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-TPMT-haplotype-one")
        << QStringLiteral("observation-example-TPMT-haplotype-one.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-TPMT-haplotype-two")
        << QStringLiteral("observation-example-TPMT-haplotype-two.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-abdo-tender")
        << QStringLiteral("observation-example-abdo-tender.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s2");
    QTest::newRow("observation-example-alcohol-type")
        << QStringLiteral("observation-example-alcohol-type.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-bgpanel")
        << QStringLiteral("observation-example-bgpanel.json")
        << QStringLiteral("error MalformedInput observation-example-bgpanel.json: "
                          "resource(Observation/bgpanel).subject.reference");
    QTest::newRow("observation-example-bloodgroup")
        << QStringLiteral("observation-example-bloodgroup.json")
        << QStringLiteral("error MalformedInput observation-example-bloodgroup.json: "
                          "resource(Observation/bloodgroup).subject.reference");
    QTest::newRow("observation-example-bloodpressure-cancel")
        << QStringLiteral("observation-example-bloodpressure-cancel.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-bloodpressure-dar")
        << QStringLiteral("observation-example-bloodpressure-dar.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-bloodpressure")
        << QStringLiteral("observation-example-bloodpressure.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-bmd")
        << QStringLiteral("observation-example-bmd.json")
        << QStringLiteral(
               "error MalformedInput observation-example-bmd.json: resource(Observation/bmd).subject.reference");
    QTest::newRow("observation-example-bmi-using-related")
        << QStringLiteral("observation-example-bmi-using-related.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-bmi")
        << QStringLiteral("observation-example-bmi.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-body-height")
        << QStringLiteral("observation-example-body-height.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-body-length")
        << QStringLiteral("observation-example-body-length.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-body-temperature")
        << QStringLiteral("observation-example-body-temperature.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-clinical-gender")
        << QStringLiteral("observation-example-clinical-gender.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s1");
    QTest::newRow("observation-example-date-lastmp")
        << QStringLiteral("observation-example-date-lastmp.json")
        << QStringLiteral("error MalformedInput observation-example-date-lastmp.json: "
                          "resource(Observation/date-lastmp).subject.reference");
    QTest::newRow("observation-example-diplotype1")
        << QStringLiteral("observation-example-diplotype1.json")
        << QStringLiteral("error MalformedInput observation-example-diplotype1.json: "
                          "resource(Observation/example-diplotype1).subject.reference");
    QTest::newRow("observation-example-eye-color")
        << QStringLiteral("observation-example-eye-color.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-f001-glucose")
        << QStringLiteral("observation-example-f001-glucose.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f002-excess")
        << QStringLiteral("observation-example-f002-excess.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f003-co2")
        << QStringLiteral("observation-example-f003-co2.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f004-erythrocyte")
        << QStringLiteral("observation-example-f004-erythrocyte.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f005-hemoglobin")
        << QStringLiteral("observation-example-f005-hemoglobin.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f202-temperature")
        << QStringLiteral("observation-example-f202-temperature.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f203-bicarbonate")
        << QStringLiteral("observation-example-f203-bicarbonate.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-f204-creatinine")
        << QStringLiteral("observation-example-f204-creatinine.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-f205-egfr")
        << QStringLiteral("observation-example-f205-egfr.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-f206-staphylococcus")
        << QStringLiteral("observation-example-f206-staphylococcus.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-genetics-1")
        << QStringLiteral("observation-example-genetics-1.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-genetics-2")
        << QStringLiteral("observation-example-genetics-2.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-genetics-3")
        << QStringLiteral("observation-example-genetics-3.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-genetics-4")
        << QStringLiteral("observation-example-genetics-4.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-genetics-5")
        << QStringLiteral("observation-example-genetics-5.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-genetics-brcapat")
        << QStringLiteral("observation-example-genetics-brcapat.json")
        << QStringLiteral("error MalformedInput observation-example-genetics-brcapat.json: "
                          "resource(Observation/example-genetics-brcapat).subject.reference");
    QTest::newRow("observation-example-glasgow-qa")
        << QStringLiteral("observation-example-glasgow-qa.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-glasgow")
        << QStringLiteral("observation-example-glasgow.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-haplotype1")
        << QStringLiteral("observation-example-haplotype1.json")
        << QStringLiteral("error MalformedInput observation-example-haplotype1.json: "
                          "resource(Observation/example-haplotype1).subject.reference");
    QTest::newRow("observation-example-haplotype2")
        << QStringLiteral("observation-example-haplotype2.json")
        << QStringLiteral("error MalformedInput observation-example-haplotype2.json: "
                          "resource(Observation/example-haplotype2).subject.reference");
    QTest::newRow("observation-example-head-circumference")
        << QStringLiteral("observation-example-head-circumference.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-heart-rate")
        << QStringLiteral("observation-example-heart-rate.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-herd1")
        << QStringLiteral("observation-example-herd1.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-map-sitting")
        << QStringLiteral("observation-example-map-sitting.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s1");
    QTest::newRow("observation-example-mbp")
        << QStringLiteral("observation-example-mbp.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-phenotype")
        << QStringLiteral("observation-example-phenotype.json")
        << QStringLiteral("error MalformedInput observation-example-phenotype.json: "
                          "resource(Observation/example-phenotype).subject.reference");
    QTest::newRow("observation-example-respiratory-rate")
        << QStringLiteral("observation-example-respiratory-rate.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-rhstatus")
        << QStringLiteral("observation-example-rhstatus.json")
        << QStringLiteral("error MalformedInput observation-example-rhstatus.json: "
                          "resource(Observation/rhstatus).subject.reference");
    QTest::newRow("observation-example-sample-data")
        << QStringLiteral("observation-example-sample-data.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-satO2")
        << QStringLiteral("observation-example-satO2.json") << QStringLiteral("p0 e0 c0 o1 m0 a0 s0");
    QTest::newRow("observation-example-secondsmoke")
        << QStringLiteral("observation-example-secondsmoke.json")
        << QStringLiteral("error MalformedInput observation-example-secondsmoke.json: "
                          "resource(Observation/secondsmoke).subject.reference");
    QTest::newRow("observation-example-spirometry")
        << QStringLiteral("observation-example-spirometry.json")
        << QStringLiteral(
               "error MalformedInput observation-example-spirometry.json: resource(Observation/656).subject.reference");
    QTest::newRow("observation-example-trachcare")
        << QStringLiteral("observation-example-trachcare.json")
        << QStringLiteral("error MalformedInput observation-example-trachcare.json: "
                          "resource(Observation/trachcare).subject.reference");
    QTest::newRow("observation-example-unsat")
        << QStringLiteral("observation-example-unsat.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-vitals-panel")
        << QStringLiteral("observation-example-vitals-panel.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example-vomiting")
        << QStringLiteral("observation-example-vomiting.json")
        << QStringLiteral("error MalformedInput observation-example-vomiting.json: "
                          "resource(Observation/vomiting).subject.reference");
    QTest::newRow("observation-example-vp-oyster")
        << QStringLiteral("observation-example-vp-oyster.json") << QStringLiteral("p0 e0 c0 o0 m0 a0 s1");
    QTest::newRow("observation-example") << QStringLiteral("observation-example.json")
                                         << QStringLiteral("p0 e0 c0 o1 m0 a0 s1");
}
