// SPDX-License-Identifier: GPL-3.0-or-later
// Runs an executable under test (the CLI, the GUI) with arguments and standard input; header-only
// so end-to-end tests need nothing but Qt Core.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cc::test {

/// What a finished process left: its exit code (-1 if it did not start or finish in time, -2 if
/// it crashed) and its two output streams.
struct ProcessRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Starts `program`, writes `input` to its standard input, closes it and waits.
inline ProcessRun runProcess(const QString& program, const QStringList& args, const QString& input = {},
                             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                             int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// The MRN of the first patient in `cipherchart-cli --json patient list` output (empty if none).
inline QString firstMrn(const QString& patientListJson)
{
    const QJsonDocument list = QJsonDocument::fromJson(patientListJson.toUtf8());
    const QJsonArray patients = list.isArray() ? list.array() : list.object().value("patients").toArray();
    return patients.isEmpty() ? QString() : patients.first().toObject().value("mrn").toString();
}

} // namespace cc::test
