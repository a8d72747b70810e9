// The real station (`vigil --headless`, its own process) with a station file whose [print] printer is a
// queue of a private cupsd (CupsServer):
//  - printer disabled with cupsdisable: the jobs stay queued and the LOW technical condition
//    printer_unavailable appears in the state file; cupsenable: every job prints exactly once and the
//    condition goes;
//  - kill -9 of the station while jobs are queued and one is in the printer, twice, then a restart: every
//    job is printed exactly once (the restart reconciles 'printing' jobs with CUPS by title).
#include "CupsServer.h"
#include "PrintStore.h"
#include "ReportArchive.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::print;

class TestPrintStation : public QObject
{
    Q_OBJECT
private:
    test::CupsServer m_cups;
    std::unique_ptr<QTemporaryDir> m_tmp;

    QString archivePath() const { return m_tmp->filePath(QStringLiteral("archive.sqlite")); }
    QString storePath() const { return archivePath() + QStringLiteral(".print.sqlite"); }
    QString stateFile() const { return m_tmp->filePath(QStringLiteral("state.json")); }

    QString writeStationFile(const QString &queue)
    {
        const QString path = m_tmp->filePath(QStringLiteral("station.toml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral("[station]\nname = \"Print test\"\nward = \"Ward P\"\n"
                               "[archive]\npath = \"%1\"\n"
                               "[print]\nprinter = \"%2\"\npoll_s = 0.2\nunavailable_after_s = 1\n"
                               "auto_print_strips = []\n"
                               "[[source]]\nid = \"sim\"\ntype = \"simulator\"\nbeds = 2\n")
                    .arg(archivePath(), queue)
                    .toUtf8());
        return path;
    }
    // Jobs as a nurse would have queued them before: they wait in the store for the station to start.
    QList<qint64> queueJobs(const QString &queue, int n, QString *tag)
    {
        // The archive the station will open already holds these beds' last minutes (the reports are real).
        testing::ReportArchiveOptions o;
        o.hours = 0.1;
        for (int i = 0; i < n; ++i)
            o.keys << QStringLiteral("K%1").arg(i);
        QString error;
        const testing::ReportArchiveInfo written = testing::writeReportArchive(archivePath(), o, &error);
        if (written.endMs == 0)
            qWarning("cannot write the test archive: %s", qPrintable(error));
        PrintStore store;
        store.open(storePath());
        *tag = store.stationTag();
        QList<qint64> ids;
        for (int i = 0; i < n; ++i) {
            PrintJob j;
            j.request.kind = reports::ReportKind::Patient;
            j.request.bedKey = QStringLiteral("K%1").arg(i);
            j.request.archivePath = archivePath();
            j.request.fromMs = written.startMs;
            j.request.toMs = written.endMs;
            j.printer = queue;
            j.requestedBy = QStringLiteral("test");
            ids << store.add(j);
        }
        return ids;
    }
    static PrintStore::Counts counts(const QString &path)
    {
        PrintStore store;
        store.open(path);
        return store.counts();
    }
    void startStation(QProcess &p, const QString &config)
    {
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(VIGIL_BIN), {QStringLiteral("--headless"), QStringLiteral("--config"), config,
                                            QStringLiteral("--state-file"), stateFile()});
        QVERIFY(p.waitForStarted(10'000));
    }
    static void stopStation(QProcess &p)
    {
        p.terminate();
        if (!p.waitForFinished(20'000)) {
            p.kill();
            p.waitForFinished(5000);
        }
    }
    bool conditionActive(const QString &code) const
    {
        QFile f(stateFile());
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const QJsonValue &c :
             root.value(QLatin1String("alarms")).toObject().value(QLatin1String("conditions")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QLatin1String("code")).toString() == code &&
                o.value(QLatin1String("state")).toString() == QLatin1String("active"))
                return true;
        }
        return false;
    }
    QList<qint64> printingIds() const
    {
        PrintStore store;
        store.open(storePath());
        QList<qint64> ids;
        for (const PrintJob &j : store.inState(JobState::Printing))
            ids << j.id;
        return ids;
    }
    // Titles printed for each of `ids`.
    QMap<qint64, int> printedPerJob(const QString &tag) const
    {
        QMap<qint64, int> n;
        for (const QString &t : m_cups.printedTitles())
            if (const qint64 id = jobIdFromTitle(t, tag))
                ++n[id];
        return n;
    }

private slots:
    void initTestCase()
    {
        if (!test::CupsServer::available())
            QSKIP("cupsd is not installed (scripts/install-deps.sh installs it)");
        QString error;
        QVERIFY2(m_cups.start(&error), qPrintable(error));
    }
    void init() { m_tmp = std::make_unique<QTemporaryDir>(); }
    void cleanupTestCase() { m_cups.stop(); }

    void disabledPrinterRaisesConditionThenPrintsOnce()
    {
        const QString queue = QStringLiteral("vigil_station_off");
        QString error, tag;
        QVERIFY2(m_cups.addQueue(queue, &error), qPrintable(error));
        QVERIFY(m_cups.disable(queue, QStringLiteral("out of paper")));
        const QList<qint64> ids = queueJobs(queue, 3, &tag);
        const int before = int(m_cups.printedTitles().size());
        QProcess station;
        startStation(station, writeStationFile(queue));
        QTRY_VERIFY_WITH_TIMEOUT(conditionActive(QStringLiteral("printer_unavailable")), 20'000);
        QCOMPARE(counts(storePath()).queued, 3);
        QCOMPARE(int(m_cups.printedTitles().size()), before);

        QVERIFY(m_cups.enable(queue));
        QTRY_COMPARE_WITH_TIMEOUT(counts(storePath()).done, 3, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!conditionActive(QStringLiteral("printer_unavailable")), 10'000);
        QTest::qWait(600);
        const auto per = printedPerJob(tag);
        for (qint64 id : ids)
            QCOMPARE(per.value(id), 1);
        stopStation(station);
        QCOMPARE(station.exitStatus(), QProcess::NormalExit);
    }

    void killNineNeitherLosesNorDuplicates()
    {
        const QString queue = QStringLiteral("vigil_station_kill");
        QString error, tag;
        QVERIFY2(m_cups.addQueue(queue, &error), qPrintable(error));
        const QList<qint64> ids = queueJobs(queue, 6, &tag);
        const QString config = writeStationFile(queue);
        // Twice: start, wait until a job is in the printer (or done), kill -9.
        for (int round = 0; round < 2; ++round) {
            const int doneBefore = counts(storePath()).done;
            const QList<qint64> printingBefore = printingIds();
            QProcess station;
            startStation(station, config);
            // Until this run has moved something: a job finished, or another job handed to CUPS.
            QTRY_VERIFY_WITH_TIMEOUT(counts(storePath()).done > doneBefore ||
                                         (!printingIds().isEmpty() && printingIds() != printingBefore),
                                     30'000);
            station.kill(); // SIGKILL
            QVERIFY(station.waitForFinished(10'000));
            QCOMPARE(station.exitStatus(), QProcess::CrashExit);
            const auto c = counts(storePath());
            qInfo("after kill -9 #%d: %d done, %d printing, %d queued", round + 1, c.done, c.printing,
                  c.queued);
        }
        QVERIFY(counts(storePath()).done + counts(storePath()).printing < ids.size()); // some were left
        QProcess station;
        startStation(station, config);
        QTRY_COMPARE_WITH_TIMEOUT(counts(storePath()).done, int(ids.size()), 60'000);
        QTest::qWait(800);
        stopStation(station);
        const auto per = printedPerJob(tag);
        for (qint64 id : ids)
            QVERIFY2(per.value(id) == 1,
                     qPrintable(QStringLiteral("job %1 printed %2 times").arg(id).arg(per.value(id))));
        // Every print is in the store's audit trail with its outcome.
        PrintStore store;
        store.open(storePath());
        int done = 0;
        for (const AuditEntry &e : store.auditTrail())
            done += e.action == QLatin1String("print") && e.outcome == QLatin1String("done");
        QCOMPARE(done, int(ids.size()));
    }
};

QTEST_GUILESS_MAIN(TestPrintStation)
#include "tst_print_station.moc"
