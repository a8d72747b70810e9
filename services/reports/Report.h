// Reports (issue 10): the seam between report building and its users (the `vigil report` command line,
// the print queue, the print preview, DICOM Encapsulated PDF).
//
// A report is built from the archive only (never from live state), on the calling thread, which must not
// be the GUI thread when called from the station. The same pages paint onto any QPagedPaintDevice: a
// QPdfWriter for files, a QPrinter for CUPS, and images for the preview.
#pragma once

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QString>
#include <QStringList>
#include <QTime>

#include <atomic>
#include <functional>
#include <optional>
#include <utility>

class QPagedPaintDevice;
class QImage;

namespace vigil::reports {

enum class ReportKind {
    Ward,       // ward shift summary: census table, then every patient's handover
    Patient,    // one bed's I-PASS handover
    Strip,      // alarm strip: pre-trigger .. alarm end (>= 20 s)
    Disclosure, // full-disclosure printout of a time range of one bed
    Events,     // alarm and event history of one bed or the ward
};

QString kindName(ReportKind kind); // "ward", "patient", "strip", "disclosure", "events"
std::optional<ReportKind> kindFromName(const QString &name);

struct PageSetup
{
    QPageSize::PageSizeId paper = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    bool duplex = false;
};

struct ReportRequest
{
    ReportKind kind = ReportKind::Patient;
    QString archivePath;
    QString bedKey;    // bed key or label; empty = whole ward (Ward, Events)
    qint64 fromMs = 0; // period; both 0 = the last shift before now (see shift schedule)
    qint64 toMs = 0;
    qint64 triggerMs = 0; // Strip: the alarm's onset (the strip spans pre-trigger .. alarm end)
    int preTriggerS = 15; // Strip: 5-30 s
    QString wardName;
    QString generatedBy;     // user or "station" for automatic reports
    QString illnessSeverity; // Patient/Ward handover: stable / watcher / unstable (nurse-set), may be empty
    QString nurseNotes;      // handover action list / notes typed at the station
    PageSetup page;
};

struct ReportResult
{
    bool ok = false;
    int pages = 0;
    QString error;    // set when !ok: why (archive missing, unknown bed, empty range...)
    QStringList gaps; // stretches with no data and their reasons, as shown in the report
};

// 0..1 progress; returning false from `cancelled` stops the build.
using Progress = std::function<void(double fraction, const QString &stage)>;

// Builds the report and paints every page onto `device` (a QPdfWriter or a QPrinter), setting the
// device's page layout from request.page. Thread-safe with respect to other calls: each call opens its
// own archive reader.
ReportResult render(const ReportRequest &request, QPagedPaintDevice &device, const Progress &progress = {},
                    const std::atomic_bool *cancel = nullptr);

// Convenience: render to a PDF file.
ReportResult renderPdf(const ReportRequest &request, const QString &pdfPath, const Progress &progress = {},
                       const std::atomic_bool *cancel = nullptr);

// Preview: every page as an image at `dpi`.
ReportResult renderImages(const ReportRequest &request, int dpi, QList<QImage> *pages,
                          const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

// The shift that ended last before nowMs, from the shift start times of day (local time; default 07:00,
// 15:00, 23:00): {start, end} in UTC ms. What a report covers when the request gives no period.
std::pair<qint64, qint64> lastShift(qint64 nowMs, const QList<QTime> &shiftStarts = {});

// Page margins of every report, in millimetres.
inline constexpr double kMarginMm = 12.0;

} // namespace vigil::reports
