// The station's print queue (issue 10): a queue that loses nothing.
//
// Jobs are kept in a PrintStore (SQLite beside the archive) from the moment the worker accepts them until
// CUPS reports them completed or failed. One worker thread (never the GUI thread) renders each job with
// reports::render onto a QPrinter (Qt Print Support, HighResolution) for the job's CUPS queue, titled
// with the job's id and the station's tag, and follows it in CUPS (libcups: job-state, job-state-reasons,
// printer-state-reasons) to done or failed. At most one job is in CUPS at a time, so the queue's order
// (alarm strips first, then shift summaries, then the rest, oldest first) is the paper's order.
//
// A printer that is off, disabled, out of paper or unreachable leaves jobs queued; after
// `unavailableDelayMs` printerUnavailable(true) fires (the station raises a LOW technical condition);
// queued jobs print when it is back. On start the worker reconciles jobs left 'printing' by a crash
// against CUPS by title before resubmitting anything, so a restart or kill -9 neither loses nor duplicates
// a job (docs/PRINTING.md). Every print and every PDF export is recorded (who, what, when, outcome) in the
// store's audit table and handed to the audit hook.
#pragma once

#include "PrintJob.h"
#include "PrintStore.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace vigil::print {

struct PrintSettings
{
    QString dbPath;          // the store; required
    QString printer;         // default CUPS queue; empty = printing off (jobs wait, PDFs still work)
    reports::PageSetup page; // default paper, orientation, duplex
    int pollMs = 1000;       // how often CUPS is asked about the printer and the job in it
    qint64 unavailableDelayMs = 60'000; // printer unavailable this long -> printerUnavailable(true)
};

struct PrintStatus
{
    int queued = 0, printing = 0, done = 0, failed = 0;
    bool printerConfigured = false;
    bool printerReady = false;
    QString printerText; // "ready", "stopped (paused)", "print server unreachable"...
    QString lastFailure; // the newest failed job's reason
};

class PrintWorker;

class PrintQueue : public QObject
{
    Q_OBJECT
public:
    explicit PrintQueue(PrintSettings settings, QObject *parent = nullptr);
    ~PrintQueue() override;

    // Opens the store on the worker thread and reconciles with CUPS. Returns at once.
    void start();
    // Stops the worker (a job being rendered finishes first). Jobs stay in the store.
    void stop();

    // Queues a print of `request` (any thread; returns at once). priority < 0: by kind (strips first);
    // empty printer: the configured one; request.page as given (the caller fills it from pageSetup()).
    void submit(const reports::ReportRequest &request, const QString &who, int priority = -1,
                const QString &printer = {});
    // Renders `request` to `pdfPath` on the worker thread and records the export; exported(path, ok, error).
    void exportPdf(const reports::ReportRequest &request, const QString &pdfPath, const QString &who);
    // The audit hook runs on the worker thread for every print and export step (e.g. an archive event).
    void setAuditHook(std::function<void(const AuditEntry &)> hook);

    const PrintSettings &settings() const { return m_settings; }
    PrintStatus status() const { return m_status; }
    void applyStatus(const PrintStatus &status); // from the worker, on this object's thread

signals:
    void statusChanged();
    void printerUnavailable(bool active, const QString &text);
    void jobAccepted(qint64 id);
    void jobFinished(qint64 id, bool ok, const QString &reason);
    void exported(const QString &path, bool ok, const QString &error);

private:
    PrintSettings m_settings;
    PrintStatus m_status;
    std::unique_ptr<QThread> m_thread;
    PrintWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace vigil::print

Q_DECLARE_METATYPE(vigil::print::PrintStatus)
Q_DECLARE_METATYPE(vigil::print::PrintJob)
Q_DECLARE_METATYPE(vigil::reports::ReportRequest)
