// [print] and [shifts]: the print queue, alarm-strip auto-print and the shift schedule (docs/CONFIG.md).
#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

struct PrintConfig
{
    QString printer;                      // CUPS queue; empty = no paper (PDFs and the preview still work)
    QString paper = QStringLiteral("A4"); // "A4" or "Letter"
    QString orientation = QStringLiteral("portrait"); // or "landscape"
    bool duplex = false;
    QStringList autoPrintStrips{
        QStringLiteral("high")};   // priorities whose physiological alarms print a strip
    int stripPreTriggerS = 15;     // 5..30
    double unavailableDelayS = 60; // printer unavailable this long -> LOW technical condition
    double pollS = 2;              // how often CUPS is asked (printer state, the job in it)
    QString queuePath;             // the job store; empty: beside the archive (<archive>.print.sqlite)
};

struct ShiftsConfig
{
    QStringList times;             // "07:00"...; empty = no shift reports
    QString timeZone;              // IANA id; empty = the system's
    bool printWardSummary = false; // also print the ward summary (it is always kept as a PDF)
    QString reportDir;             // where shift PDFs go; empty: <archive dir>/reports
};

} // namespace vigil
