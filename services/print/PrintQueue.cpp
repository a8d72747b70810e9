#include "PrintQueue.h"

#include "CupsClient.h"

#include <QDateTime>
#include <QPrinter>
#include <QTimer>

#include <atomic>

namespace vigil::print {

namespace {
constexpr int kMaxAttempts = 5; // submissions that did not reach CUPS before the job counts as failed

QString describe(const reports::ReportRequest &r)
{
    QString s = reports::kindName(r.kind);
    if (!r.bedKey.isEmpty())
        s += QStringLiteral(" bed ") + r.bedKey;
    if (r.fromMs || r.toMs)
        s += QStringLiteral(" %1..%2").arg(QDateTime::fromMSecsSinceEpoch(r.fromMs).toString(Qt::ISODate),
                                           QDateTime::fromMSecsSinceEpoch(r.toMs).toString(Qt::ISODate));
    return s;
}
} // namespace

// Everything that touches the store, Qt Print Support or libcups runs here, on the queue's own thread.
class PrintWorker : public QObject
{
public:
    PrintWorker(PrintSettings settings, PrintQueue *front) : m_settings(std::move(settings)), m_front(front)
    {}

    std::function<void(const AuditEntry &)> auditHook;
    std::atomic_bool cancel{false};

    void open()
    {
        try {
            m_store.open(m_settings.dbPath);
            reconcile();
        } catch (const std::exception &e) {
            m_openError = QString::fromUtf8(e.what());
            qWarning("vigil: print queue %s: %s", qPrintable(m_settings.dbPath), e.what());
        }
        m_timer = new QTimer(this);
        m_timer->setInterval(m_settings.pollMs);
        connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer->start();
        tick();
    }

    void submit(PrintJob job)
    {
        if (!m_store.isOpen())
            return;
        try {
            m_store.add(job);
            audit(job, QStringLiteral("queued"));
            QMetaObject::invokeMethod(m_front, [f = m_front, id = job.id] { emit f->jobAccepted(id); });
        } catch (const std::exception &e) {
            qWarning("vigil: print queue: cannot store a job: %s", e.what());
        }
        QTimer::singleShot(0, this, [this] { tick(); });
    }

    void exportPdf(const reports::ReportRequest &request, const QString &path, const QString &who)
    {
        const reports::ReportResult r = reports::renderPdf(request, path, {}, &cancel);
        AuditEntry e{QDateTime::currentMSecsSinceEpoch(),
                     who,
                     QStringLiteral("export"),
                     describe(request),
                     path,
                     0,
                     r.ok ? QStringLiteral("done") : QStringLiteral("failed: ") + r.error};
        recordAudit(e);
        QMetaObject::invokeMethod(
            m_front, [f = m_front, path, ok = r.ok, err = r.error] { emit f->exported(path, ok, err); });
    }

private:
    void recordAudit(const AuditEntry &e)
    {
        try {
            if (m_store.isOpen())
                m_store.audit(e);
        } catch (const std::exception &ex) {
            qWarning("vigil: print queue: cannot record the audit entry: %s", ex.what());
        }
        if (auditHook)
            auditHook(e);
    }

    void audit(const PrintJob &job, const QString &outcome)
    {
        recordAudit({QDateTime::currentMSecsSinceEpoch(), job.requestedBy, QStringLiteral("print"),
                     describe(job.request), job.printer, job.id, outcome});
    }

    // Jobs a previous run left 'printing': find them in CUPS by title. A job CUPS has is followed (not
    // sent again); one CUPS never got goes back to the queue.
    void reconcile()
    {
        const auto printing = m_store.inState(JobState::Printing);
        if (printing.empty())
            return;
        QHash<QString, std::vector<CupsJob>> byQueue;
        for (const PrintJob &j : printing) {
            if (!byQueue.contains(j.printer)) {
                bool reachable = false;
                byQueue.insert(j.printer, CupsClient::jobs(j.printer, &reachable));
                if (!reachable) {
                    m_unreconciled.insert(j.printer);
                    continue;
                }
            }
            if (m_unreconciled.contains(j.printer))
                continue;
            reconcileOne(j, byQueue.value(j.printer));
        }
    }

    void reconcileOne(PrintJob j, const std::vector<CupsJob> &cupsJobs)
    {
        int found = 0;
        for (const CupsJob &c : cupsJobs)
            if (jobIdFromTitle(c.title, m_store.stationTag()) == j.id)
                found = std::max(found, c.id);
        if (found) {
            j.cupsJobId = found;
            j.reason.clear();
        } else {
            j.state = JobState::Queued;
            j.cupsJobId = 0;
            j.reason = QStringLiteral("not in CUPS after a restart: queued again");
        }
        m_store.update(j);
    }

    void tick()
    {
        if (m_busy || !m_store.isOpen())
            return;
        m_busy = true;
        try {
            step();
        } catch (const std::exception &e) {
            qWarning("vigil: print queue: %s", e.what());
        }
        m_busy = false;
        publish();
    }

    void step()
    {
        const QString printer = m_settings.printer;
        m_printer = printer.isEmpty() ? PrinterStatus{} : CupsClient::printerStatus(printer);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const bool ready = !printer.isEmpty() && m_printer.ready();
        if (!printer.isEmpty()) {
            if (ready) {
                m_unavailableSinceMs = 0;
                setUnavailable(false, {});
            } else {
                if (!m_unavailableSinceMs)
                    m_unavailableSinceMs = now;
                if (now - m_unavailableSinceMs >= m_settings.unavailableDelayMs)
                    setUnavailable(true, QStringLiteral("PRINTER %1: %2").arg(printer, m_printer.describe()));
            }
        }
        if (!m_unreconciled.isEmpty() && m_printer.reachable) {
            m_unreconciled.clear();
            reconcile();
        }
        // Follow the jobs in CUPS.
        bool inCups = false;
        const auto printing = m_store.inState(JobState::Printing);
        if (!printing.empty()) {
            QHash<QString, std::vector<CupsJob>> byQueue;
            for (PrintJob j : printing) {
                if (!byQueue.contains(j.printer)) {
                    bool reachable = false;
                    byQueue.insert(j.printer, CupsClient::jobs(j.printer, &reachable));
                    if (!reachable) {
                        inCups = true; // unknown: wait, do not send more
                        continue;
                    }
                }
                if (!follow(j, byQueue.value(j.printer)))
                    inCups = true;
            }
        }
        if (inCups || !ready)
            return;
        std::optional<PrintJob> next = m_store.nextQueued();
        if (!next)
            return;
        send(*next);
    }

    // True when the job is finished (done or failed).
    bool follow(PrintJob &j, const std::vector<CupsJob> &cupsJobs)
    {
        if (!j.cupsJobId) { // sent by this run but not found yet, or a crash: look again by title
            reconcileOne(j, cupsJobs);
            return j.state != JobState::Printing;
        }
        const auto it = std::find_if(cupsJobs.begin(), cupsJobs.end(),
                                     [&](const CupsJob &c) { return c.id == j.cupsJobId; });
        CupsJobState s = it == cupsJobs.end() ? CupsJobState::Unknown : it->state;
        if (s == CupsJobState::Unknown) {
            finish(j, JobState::Done, QStringLiteral("no longer listed by CUPS"));
            return true;
        }
        if (s == CupsJobState::Completed) {
            finish(j, JobState::Done, {});
            return true;
        }
        if (s == CupsJobState::Canceled || s == CupsJobState::Aborted) {
            const QString why = CupsClient::jobReasons(j.cupsJobId);
            finish(
                j, JobState::Failed,
                QStringLiteral("CUPS job %1 %2: %3")
                    .arg(j.cupsJobId)
                    .arg(s == CupsJobState::Canceled ? QStringLiteral("canceled") : QStringLiteral("aborted"),
                         why));
            return true;
        }
        return false;
    }

    void finish(PrintJob &j, JobState state, const QString &reason)
    {
        j.state = state;
        j.reason = reason;
        m_store.update(j);
        audit(j, state == JobState::Done ? QStringLiteral("done") : QStringLiteral("failed: ") + reason);
        QMetaObject::invokeMethod(m_front, [f = m_front, id = j.id, ok = state == JobState::Done, reason] {
            emit f->jobFinished(id, ok, reason);
        });
    }

    void send(PrintJob j)
    {
        // Committed as 'printing' before CUPS sees it: a crash from here on is resolved by reconcile().
        j.state = JobState::Printing;
        j.cupsJobId = 0;
        ++j.attempts;
        j.reason.clear();
        m_store.update(j);

        const QString title = cupsTitle(j, m_store.stationTag());
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(j.printer);
        if (printer.outputFormat() != QPrinter::NativeFormat || printer.printerName() != j.printer) {
            requeueOrFail(j, QStringLiteral("Qt Print Support does not list the printer %1").arg(j.printer));
            return;
        }
        printer.setDocName(title);
        printer.setCreator(QStringLiteral("Vigil"));
        printer.setDuplex(j.request.page.duplex ? QPrinter::DuplexLongSide : QPrinter::DuplexNone);
        printer.setPageSize(QPageSize(j.request.page.paper));
        printer.setPageOrientation(j.request.page.orientation);
        const reports::ReportResult r = reports::render(j.request, printer, {}, &cancel);
        if (!r.ok) {
            if (cancel.load()) { // shutting down: the job stays for the next start
                j.state = JobState::Queued;
                m_store.update(j);
                return;
            }
            finish(j, JobState::Failed, QStringLiteral("report: ") + r.error);
            return;
        }
        if (printer.printerState() == QPrinter::Error) {
            requeueOrFail(j, QStringLiteral("CUPS did not accept the job"));
            return;
        }
        for (const CupsJob &c : CupsClient::jobs(j.printer))
            if (c.title == title)
                j.cupsJobId = std::max(j.cupsJobId, c.id);
        m_store.update(j); // cupsJobId 0 here: the next tick looks for it by title again
    }

    void requeueOrFail(PrintJob &j, const QString &why)
    {
        if (j.attempts >= kMaxAttempts) {
            finish(j, JobState::Failed, why);
            return;
        }
        j.state = JobState::Queued;
        j.reason = why;
        m_store.update(j);
    }

    void setUnavailable(bool active, const QString &text)
    {
        if (active == m_unavailable && text == m_unavailableText)
            return;
        m_unavailable = active;
        m_unavailableText = text;
        QMetaObject::invokeMethod(m_front,
                                  [f = m_front, active, text] { emit f->printerUnavailable(active, text); });
    }

    void publish()
    {
        PrintStatus s;
        const auto c = m_store.counts();
        s.queued = c.queued;
        s.printing = c.printing;
        s.done = c.done;
        s.failed = c.failed;
        s.printerConfigured = !m_settings.printer.isEmpty();
        s.printerReady = s.printerConfigured && m_printer.ready();
        s.printerText = !m_openError.isEmpty() ? QStringLiteral("print queue unavailable: ") + m_openError
                        : !s.printerConfigured ? QStringLiteral("no printer configured")
                                               : m_printer.describe();
        if (s.failed) {
            const auto failed = m_store.inState(JobState::Failed);
            s.lastFailure = failed.back().reason;
        }
        QMetaObject::invokeMethod(m_front, [f = m_front, s] { f->applyStatus(s); });
    }

    PrintSettings m_settings;
    PrintQueue *m_front;
    PrintStore m_store;
    QString m_openError;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    PrinterStatus m_printer;
    qint64 m_unavailableSinceMs = 0;
    bool m_unavailable = false;
    QString m_unavailableText;
    QSet<QString> m_unreconciled; // queues whose server was unreachable at start
};

PrintQueue::PrintQueue(PrintSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_status.printerConfigured = !m_settings.printer.isEmpty();
    m_status.printerText = QStringLiteral("starting");
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("vigil-print"));
    m_worker = new PrintWorker(m_settings, this);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
}

PrintQueue::~PrintQueue()
{
    stop();
    if (m_worker && !m_thread->isFinished()) // never started: no thread will delete it
        delete m_worker;
}

void PrintQueue::start()
{
    if (m_thread->isRunning())
        return;
    m_thread->start(QThread::LowPriority); // the live display comes first
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->open(); });
}

void PrintQueue::stop()
{
    if (!m_thread || !m_thread->isRunning())
        return;
    m_worker->cancel.store(true);
    m_thread->quit();
    m_thread->wait();
    m_worker = nullptr; // deleted by the thread's finished signal (deleteLater runs as the loop ends)
}

void PrintQueue::submit(const reports::ReportRequest &request, const QString &who, int priority,
                        const QString &printer)
{
    if (!m_worker)
        return;
    PrintJob job;
    job.request = request;
    job.requestedBy = who;
    job.priority = priority >= 0 ? priority : defaultPriority(request.kind);
    job.printer = printer.isEmpty() ? m_settings.printer : printer;
    job.createdMs = QDateTime::currentMSecsSinceEpoch();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job] { w->submit(job); });
}

void PrintQueue::exportPdf(const reports::ReportRequest &request, const QString &pdfPath, const QString &who)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker,
                              [w = m_worker, request, pdfPath, who] { w->exportPdf(request, pdfPath, who); });
}

void PrintQueue::setAuditHook(std::function<void(const AuditEntry &)> hook)
{
    // Set before start(); the worker reads it on its thread.
    if (m_worker)
        m_worker->auditHook = std::move(hook);
}

void PrintQueue::applyStatus(const PrintStatus &s)
{
    m_status = s;
    emit statusChanged();
}

} // namespace vigil::print
