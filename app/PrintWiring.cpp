#include "PrintWiring.h"

#include "Archive.h"
#include "ReportPreview.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace vigil {

namespace {
constexpr qint64 kStripMinMs = 20'000;     // a strip spans at least 20 s from its onset
constexpr qint64 kArchiveSettleMs = 2'000; // let the archive writer commit the strip's last samples
} // namespace

StationPrinting::StationPrinting(const StationConfig &config, Station *station, archive::Archive *archive,
                                 const QString &archivePath, QObject *parent)
    : QObject(parent), m_config(config), m_station(station), m_archive(archive), m_archivePath(archivePath)
{
    const PrintConfig &p = config.print;
    m_storePath = !p.queuePath.isEmpty() ? p.queuePath : archivePath + QStringLiteral(".print.sqlite");
    m_reportDir = !config.shifts.reportDir.isEmpty()
                      ? config.shifts.reportDir
                      : QFileInfo(archivePath).absolutePath() + QStringLiteral("/reports");
    print::PrintSettings s;
    s.dbPath = m_storePath;
    s.printer = p.printer;
    s.page.paper = p.paper == QLatin1String("Letter") ? QPageSize::Letter : QPageSize::A4;
    s.page.orientation =
        p.orientation == QLatin1String("landscape") ? QPageLayout::Landscape : QPageLayout::Portrait;
    s.page.duplex = p.duplex;
    s.pollMs = int(p.pollS * 1000);
    s.unavailableDelayMs = qint64(p.unavailableDelayS * 1000);
    m_queue = std::make_unique<print::PrintQueue>(s);
    if (archive) {
        // Every print and export step, for the audit (a later issue): an archive event, station-wide.
        m_queue->setAuditHook([archive](const print::AuditEntry &e) {
            archive->storeEvent(
                QString(), e.timeMs, QStringLiteral("print_audit"),
                QStringLiteral("%1 %2 by %3 -> %4: %5%6")
                    .arg(e.action, e.what, e.who.isEmpty() ? QStringLiteral("station") : e.who, e.where,
                         e.outcome, e.jobId ? QStringLiteral(" (job %1)").arg(e.jobId) : QString()));
        });
    }
    connect(m_queue.get(), &print::PrintQueue::printerUnavailable, station,
            [station](bool active, const QString &text) {
                station->setStationCondition(QStringLiteral("printer_unavailable"), text, active);
            });
    connect(m_queue.get(), &print::PrintQueue::statusChanged, this, [this] { publish(); });
    connect(m_queue.get(), &print::PrintQueue::exported, this,
            [this](const QString &path, bool ok, const QString &err) {
                m_lastExport = ok ? path : QStringLiteral("PDF failed: ") + err;
                publish();
            });
    connect(station, &Station::alarmsEvaluated, this, [this] { onAlarmsEvaluated(); });

    PrintState::Actions actions;
    actions.print = [this](const PrintState::Request &r) {
        const auto kind = reports::kindFromName(r.kind);
        if (!kind || m_config.print.printer.isEmpty())
            return false;
        if (!m_station->access()->allow(security::Permission::PrintExport, nullptr, r.bedKey))
            return false;
        m_station->access()->audit(QStringLiteral("print"), r.bedKey, r.kind);
        m_queue->submit(request(*kind, r.bedKey, r.fromMs, r.toMs, r.triggerMs), m_station->user());
        return true;
    };
    actions.exportPdf = [this](const PrintState::Request &r) {
        const auto kind = reports::kindFromName(r.kind);
        if (!kind)
            return QString();
        if (!m_station->access()->allow(security::Permission::PrintExport, nullptr, r.bedKey))
            return QString();
        m_station->access()->audit(QStringLiteral("export_pdf"), r.bedKey, r.kind);
        QDir().mkpath(m_reportDir);
        QString path = QStringLiteral("%1/%2%3-%4.pdf")
                           .arg(m_reportDir, r.kind, r.bedKey.isEmpty() ? QString() : u'-' + r.bedKey,
                                QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        m_queue->exportPdf(request(*kind, r.bedKey, r.fromMs, r.toMs, r.triggerMs), path, m_station->user());
        return path;
    };
    station->printState()->setActions(std::move(actions));

    QString why;
    if (!m_shifts.set(config.shifts.times, config.shifts.timeZone, &why))
        qWarning("vigil: [shifts]: %s", qPrintable(why)); // the config reader has checked this already
    m_shiftTimer.setSingleShot(true);
    m_shiftTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_shiftTimer, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (m_nextShiftMs && now + 1000 >= m_nextShiftMs) {
            const qint64 change = m_nextShiftMs;
            m_nextShiftMs = 0;
            onShiftChange(change);
        }
        scheduleNextShift();
    });
    publish();
}

StationPrinting::~StationPrinting()
{
    stop();
}

void StationPrinting::start()
{
    m_queue->start();
    scheduleNextShift();
}

void StationPrinting::stop()
{
    m_shiftTimer.stop();
    if (m_queue)
        m_queue->stop();
}

namespace {

// What every report of this station has in common; a copy is safe to use on any thread.
struct RequestDefaults
{
    QString archivePath;
    QString wardName;
    int preTriggerS = 15;
    reports::PageSetup page;
    print::ShiftSchedule shifts;
};

reports::ReportRequest makeRequest(const RequestDefaults &d, reports::ReportKind kind, const QString &bedKey,
                                   qint64 fromMs, qint64 toMs, qint64 triggerMs, const QString &by)
{
    reports::ReportRequest r;
    r.kind = kind;
    r.archivePath = d.archivePath;
    r.bedKey = bedKey;
    r.fromMs = fromMs;
    r.toMs = toMs;
    r.triggerMs = triggerMs;
    r.preTriggerS = d.preTriggerS;
    r.wardName = d.wardName;
    r.generatedBy = by.isEmpty() ? QStringLiteral("station") : by;
    r.page = d.page;
    if (kind == reports::ReportKind::Strip && triggerMs && !fromMs) {
        r.fromMs = triggerMs - qint64(r.preTriggerS) * 1000;
        r.toMs = std::max(toMs, triggerMs + kStripMinMs);
    }
    if (!r.fromMs && !r.toMs) {
        // No range (a handover or ward summary asked for at the station): the shift being handed over, so
        // a handover printed at 14:50 covers 07:00-14:50 and one printed at 15:10 covers 07:00-15:00. With
        // no [shifts] times, the reports' default shift times (07:00, 15:00, 23:00).
        print::ShiftSchedule fallback;
        if (d.shifts.isEmpty())
            fallback.set({QStringLiteral("07:00"), QStringLiteral("15:00"), QStringLiteral("23:00")}, {},
                         nullptr);
        const auto [from, to] =
            (d.shifts.isEmpty() ? fallback : d.shifts).handoverPeriod(QDateTime::currentMSecsSinceEpoch());
        r.fromMs = from;
        r.toMs = to;
    }
    return r;
}

} // namespace

reports::ReportRequest StationPrinting::request(reports::ReportKind kind, const QString &bedKey,
                                                qint64 fromMs, qint64 toMs, qint64 triggerMs) const
{
    const RequestDefaults d{m_archivePath, m_config.wardName, m_config.print.stripPreTriggerS,
                            m_queue->settings().page, m_shifts};
    return makeRequest(d, kind, bedKey, fromMs, toMs, triggerMs, m_station->user());
}

void StationPrinting::installPreview(QQmlEngine &engine) const
{
    // The defaults are copied now, on the GUI thread: the renderer runs on a pool thread.
    const RequestDefaults d{m_archivePath, m_config.wardName, m_config.print.stripPreTriggerS,
                            m_queue->settings().page, m_shifts};
    ReportPreview::install(&engine, [d](const PreviewRequest &p, int dpi, QList<QImage> *pages,
                                        const std::function<void(double)> &progress,
                                        const std::atomic_bool *cancel, QString *error) {
        const auto kind = reports::kindFromName(p.kind);
        if (!kind) {
            *error = QStringLiteral("unknown report kind \"%1\"").arg(p.kind);
            return false;
        }
        const reports::ReportRequest r =
            makeRequest(d, *kind, p.bedKey, p.fromMs, p.toMs, p.triggerMs, QStringLiteral("preview"));
        const reports::ReportResult res = reports::renderImages(
            r, dpi, pages, [&progress](double f, const QString &) { progress(f); }, cancel);
        if (!res.ok)
            *error = res.error;
        return res.ok;
    });
}

void StationPrinting::onAlarmsEvaluated()
{
    const QStringList &wanted = m_config.print.autoPrintStrips;
    if (wanted.isEmpty() || m_archivePath.isEmpty())
        return;
    for (const alarms::AlarmCondition &c : m_station->alarmEngine()->conditions()) {
        if (m_stripSeen.contains(c.id))
            continue;
        if (c.kind != alarms::Kind::Physiological || !wanted.contains(alarms::nameOf(c.priority)) ||
            c.bedKey.isEmpty()) {
            m_stripSeen.insert(c.id, false);
            continue;
        }
        if (!c.endMs)
            continue; // still present: its strip prints when it ends
        m_stripSeen.insert(c.id, true);
        const qint64 end = std::max(c.endMs, c.startMs + kStripMinMs);
        const reports::ReportRequest r = request(reports::ReportKind::Strip, c.bedKey, 0, end, c.startMs);
        const qint64 wait = std::max<qint64>(0, end + kArchiveSettleMs - QDateTime::currentMSecsSinceEpoch());
        const QString pdf =
            QStringLiteral("%1/strip-%2-%3.pdf")
                .arg(m_reportDir, QString(c.bedKey).replace(u'/', u'_').replace(u'^', u'_'),
                     QDateTime::fromMSecsSinceEpoch(c.startMs).toString(QStringLiteral("yyyyMMdd-HHmmss")));
        QTimer::singleShot(wait, this, [this, r, pdf] {
            if (!m_config.print.printer.isEmpty()) {
                m_queue->submit(r, QStringLiteral("station (auto-print)"));
                return;
            }
            // No printer: the strip is kept as a PDF beside the archive instead of an ever-growing queue.
            QDir().mkpath(m_reportDir);
            m_queue->exportPdf(r, pdf, QStringLiteral("station (auto-print)"));
        });
    }
}

void StationPrinting::onShiftChange(qint64 changeMs)
{
    if (m_archivePath.isEmpty())
        return;
    reports::ReportRequest r = request(reports::ReportKind::Ward, QString(), 0, 0);
    r.toMs = changeMs;
    r.fromMs = m_shifts.lastChangeAtOrBefore(changeMs - 1);
    r.generatedBy = QStringLiteral("station (shift change)");
    QDir().mkpath(m_reportDir);
    const QString pdf = QStringLiteral("%1/ward-%2.pdf")
                            .arg(m_reportDir, QDateTime::fromMSecsSinceEpoch(changeMs, m_shifts.zone())
                                                  .toString(QStringLiteral("yyyyMMdd-HHmm")));
    m_queue->exportPdf(r, pdf, r.generatedBy);
    if (m_config.shifts.printWardSummary)
        m_queue->submit(r, r.generatedBy);
}

void StationPrinting::scheduleNextShift()
{
    if (m_shifts.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_nextShiftMs)
        m_nextShiftMs = m_shifts.nextChangeAfter(now);
    // Re-armed at most every 10 minutes, so a clock change or a suspended machine does not miss a shift.
    m_shiftTimer.start(int(std::clamp<qint64>(m_nextShiftMs - now, 0, 600'000)));
}

void StationPrinting::publish()
{
    const print::PrintStatus s = m_queue->status();
    PrintState::State st;
    st.available = !m_archivePath.isEmpty();
    st.printerConfigured = s.printerConfigured;
    st.printerReady = s.printerReady;
    st.printerText = s.printerText;
    st.queued = s.queued + s.printing;
    st.failed = s.failed;
    st.lastFailure = s.lastFailure;
    st.archivePath = m_archivePath;
    st.lastExport = m_lastExport;
    m_station->printState()->publish(st);
}

} // namespace vigil
