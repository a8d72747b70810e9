// The print queue against a real CUPS (a private cupsd, tests/integration/print/CupsServer.h): jobs reach
// the printer as PDFs with their content, a disabled printer keeps them queued and raises the printer
// condition, re-enabled it prints each exactly once, strips jump the queue, and jobs a crash left
// 'printing' are reconciled with CUPS by title (neither lost nor printed twice). The reports are built by
// the real report builder from a small real archive (tests/integration/reports/ReportArchive.h) whose beds
// carry the keys the tests print.
#include "CupsServer.h"
#include "PrintQueue.h"
#include "PrintStore.h"
#include "ReportArchive.h"

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::print;

class TestPrintQueue : public QObject
{
    Q_OBJECT
private:
    test::CupsServer m_cups;
    QString m_queue = QStringLiteral("vigil_test");
    std::unique_ptr<QTemporaryDir> m_tmp;
    int m_before = 0; // jobs printed before the current test
    QTemporaryDir m_archiveDir;
    testing::ReportArchiveInfo m_archive;

    PrintSettings settings() const
    {
        PrintSettings s;
        s.dbPath = m_tmp->filePath(QStringLiteral("archive.sqlite.print.sqlite"));
        s.printer = m_queue;
        s.pollMs = 100;
        s.unavailableDelayMs = 400;
        return s;
    }
    QString archivePath() const { return m_archiveDir.filePath(QStringLiteral("archive.sqlite")); }
    reports::ReportRequest request(reports::ReportKind kind, const QString &bed) const
    {
        reports::ReportRequest r;
        r.kind = kind;
        r.bedKey = bed;
        r.archivePath = archivePath();
        r.fromMs = m_archive.startMs;
        r.toMs = m_archive.endMs;
        r.triggerMs = m_archive.startMs + 60'000; // strips
        return r;
    }
    QStringList newTitles() const { return m_cups.printedTitles().mid(m_before); }
    static QString pdfText(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished(20'000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    static int pdfPages(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), {pdf});
        p.waitForFinished(20'000);
        for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n'))
            if (line.startsWith(QLatin1String("Pages:")))
                return line.mid(6).trimmed().toInt();
        return 0;
    }

private slots:
    void initTestCase()
    {
        if (!test::CupsServer::available())
            QSKIP("cupsd is not installed (scripts/install-deps.sh installs it)");
        QString error;
        QVERIFY2(m_cups.start(&error), qPrintable(error));
        QVERIFY2(m_cups.addQueue(m_queue, &error), qPrintable(error));
        testing::ReportArchiveOptions o;
        o.hours = 0.1; // 6 minutes of every bed the tests print
        o.keys = {QStringLiteral("BED-7"), QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("P1"),
                  QStringLiteral("P2"),    QStringLiteral("S3"), QStringLiteral("R1"), QStringLiteral("R2")};
        m_archive = testing::writeReportArchive(archivePath(), o, &error);
        QVERIFY2(m_archive.endMs > 0, qPrintable(error));
    }
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        m_before = int(m_cups.printedTitles().size());
        QVERIFY(m_cups.enable(m_queue));
    }
    void cleanupTestCase() { m_cups.stop(); }

    void printsThroughCupsAsPdf()
    {
        PrintQueue q(settings());
        QSignalSpy finished(&q, &PrintQueue::jobFinished);
        q.start();
        auto r = request(reports::ReportKind::Patient, QStringLiteral("BED-7"));
        r.page.paper = QPageSize::Letter;
        q.submit(r, QStringLiteral("nurse.anna"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(newTitles().size(), 1, 5000);
        QVERIFY2(newTitles().at(0).startsWith(QLatin1String("Vigil 1 patient bed BED-7 [")),
                 qPrintable(newTitles().at(0)));
        const QStringList pdfs = m_cups.printedPdfs();
        QString pdf;
        for (const QString &p : pdfs)
            if (pdfText(p).contains(QLatin1String("BED-7")))
                pdf = p;
        QVERIFY2(!pdf.isEmpty(), "no PDF from CUPS carries the bed");
        QVERIFY(pdfPages(pdf) >= 1);
        q.stop();
        // The store says done, with who and the CUPS job; the audit trail has the print.
        PrintStore store;
        store.open(settings().dbPath);
        const auto jobs = store.all();
        QCOMPARE(jobs.size(), size_t(1));
        QCOMPARE(jobs[0].state, JobState::Done);
        QCOMPARE(jobs[0].requestedBy, QStringLiteral("nurse.anna"));
        QVERIFY(jobs[0].cupsJobId > 0);
        QCOMPARE(jobs[0].request.page.paper, QPageSize::Letter);
        const auto trail = store.auditTrail();
        QVERIFY(trail.size() >= 2);
        QCOMPARE(trail.back().outcome, QStringLiteral("done"));
        QCOMPARE(trail.back().who, QStringLiteral("nurse.anna"));
    }

    void disabledPrinterKeepsJobsThenPrintsEachOnce()
    {
        QVERIFY(m_cups.disable(m_queue, QStringLiteral("paper jam")));
        PrintQueue q(settings());
        QSignalSpy unavailable(&q, &PrintQueue::printerUnavailable);
        QSignalSpy finished(&q, &PrintQueue::jobFinished);
        q.start();
        q.submit(request(reports::ReportKind::Patient, QStringLiteral("A1")), QStringLiteral("n"));
        q.submit(request(reports::ReportKind::Events, QStringLiteral("A2")), QStringLiteral("n"));
        QTRY_VERIFY_WITH_TIMEOUT(!unavailable.isEmpty(), 10'000);
        QCOMPARE(unavailable.at(0).at(0).toBool(), true);
        QVERIFY2(unavailable.at(0).at(1).toString().contains(QLatin1String("stopped")),
                 qPrintable(unavailable.at(0).at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(q.status().queued, 2, 5000);
        QTest::qWait(600);
        QCOMPARE(q.status().queued, 2); // still waiting
        QCOMPARE(q.status().printerReady, false);
        QCOMPARE(newTitles().size(), 0);
        QVERIFY(finished.isEmpty());

        QVERIFY(m_cups.enable(m_queue));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 2, 5000);
        QCOMPARE(unavailable.at(1).at(0).toBool(), false); // the condition ends
        QTest::qWait(800);                                 // nothing more comes
        const QStringList titles = newTitles();
        QCOMPARE(titles.size(), 2);
        QVERIFY(titles[0].contains(QLatin1String("bed A1")));
        QVERIFY(titles[1].contains(QLatin1String("bed A2")));
        QCOMPARE(q.status().done, 2);
        QCOMPARE(q.status().queued, 0);
    }

    void stripsJumpTheQueue()
    {
        QVERIFY(m_cups.disable(m_queue));
        PrintQueue q(settings());
        QSignalSpy finished(&q, &PrintQueue::jobFinished);
        q.start();
        q.submit(request(reports::ReportKind::Patient, QStringLiteral("P1")), QStringLiteral("n"));
        q.submit(request(reports::ReportKind::Disclosure, QStringLiteral("P2")), QStringLiteral("n"));
        q.submit(request(reports::ReportKind::Strip, QStringLiteral("S3")), QStringLiteral("station"));
        q.submit(request(reports::ReportKind::Ward, QString()), QStringLiteral("station"));
        QTRY_COMPARE_WITH_TIMEOUT(q.status().queued, 4, 5000);
        QVERIFY(m_cups.enable(m_queue));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 40'000);
        const QStringList titles = newTitles();
        QCOMPARE(titles.size(), 4);
        QVERIFY2(titles[0].contains(QLatin1String("strip bed S3")), qPrintable(titles.join(u'|')));
        QVERIFY2(titles[1].contains(QLatin1String(" ward [")), qPrintable(titles.join(u'|')));
        QVERIFY(titles[2].contains(QLatin1String("bed P1")));
        QVERIFY(titles[3].contains(QLatin1String("bed P2")));
    }

    // A crash left two jobs 'printing': one CUPS already has (the crash came after the submission), one
    // it never got. After the restart the first is followed, not sent again; the second is sent once.
    void restartReconcilesByTitle()
    {
        QString tag;
        qint64 inCups = 0, notInCups = 0;
        {
            PrintStore store;
            store.open(settings().dbPath);
            tag = store.stationTag();
            PrintJob a;
            a.request = request(reports::ReportKind::Patient, QStringLiteral("R1"));
            a.printer = m_queue;
            a.state = JobState::Printing;
            inCups = store.add(a);
            PrintJob b = a;
            b.request.bedKey = QStringLiteral("R2");
            notInCups = store.add(b);
            // What the crashed station had sent: a job with its title.
            QProcess lp;
            lp.start(QStringLiteral("lp"), {QStringLiteral("-h"), m_cups.server(), QStringLiteral("-d"),
                                            m_queue, QStringLiteral("-t"), cupsTitle(a, tag),
                                            QStringLiteral("/usr/share/cups/data/default-testpage.pdf")});
            QVERIFY(lp.waitForFinished(10'000));
            QCOMPARE(lp.exitCode(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(newTitles().size(), 1, 10'000);
        }
        PrintQueue q(settings());
        QSignalSpy finished(&q, &PrintQueue::jobFinished);
        q.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30'000);
        QTest::qWait(500);
        const QStringList titles = newTitles();
        QCOMPARE(titles.size(), 2); // the one from before the "crash", and R2 once
        QCOMPARE(titles.filter(QStringLiteral("bed R1")).size(), 1);
        QCOMPARE(titles.filter(QStringLiteral("bed R2")).size(), 1);
        Q_UNUSED(inCups);
        Q_UNUSED(notInCups);
    }
};

QTEST_MAIN(TestPrintQueue)
#include "tst_print_queue.moc"
