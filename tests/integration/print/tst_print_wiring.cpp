// What the station prints by itself, in-process with the real StationApp and a private cupsd: at a shift
// change the ward summary is kept as a PDF beside the archive and printed ([shifts] print_ward_summary);
// every step is in the print store's audit trail. (Alarm-strip auto-print is not covered here yet.)
#include "CupsServer.h"
#include "PrintStore.h"
#include "PrintWiring.h"
#include "StationApp.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestPrintWiring : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp; // first: removed after the station
    test::CupsServer m_cups;
    std::unique_ptr<StationApp> m_app;
    const QString m_queue = QStringLiteral("vigil_wiring");

    QStringList titlesWith(const QString &part) const { return m_cups.printedTitles().filter(part); }

private slots:
    void initTestCase()
    {
        if (!test::CupsServer::available())
            QSKIP("cupsd is not installed (scripts/install-deps.sh installs it)");
        QString error;
        QVERIFY2(m_cups.start(&error), qPrintable(error));
        QVERIFY2(m_cups.addQueue(m_queue, &error), qPrintable(error));
        const QByteArray text =
            QStringLiteral("[station]\nward = \"Ward W\"\n[archive]\npath = \"%1\"\n"
                           "[print]\nprinter = \"%2\"\npoll_s = 0.2\n"
                           "[shifts]\ntimes = [\"07:00\", \"19:00\"]\nprint_ward_summary = true\n"
                           "[[source]]\nid = \"sim\"\ntype = \"simulator\"\nbeds = 1\n")
                .arg(m_tmp.filePath(QStringLiteral("archive.sqlite")), m_queue)
                .toUtf8();
        ConfigError cerr;
        auto config = parseStationConfig(text, QStringLiteral("test.toml"), &cerr);
        QVERIFY2(config, qPrintable(cerr.toString()));
        m_app = std::make_unique<StationApp>(*config);
        QVERIFY2(m_app->build(&error), qPrintable(error));
        QVERIFY(m_app->printing());
        m_app->start();
    }
    void cleanupTestCase()
    {
        if (m_app)
            m_app->stop();
        m_app.reset();
        m_cups.stop();
    }

    void shiftChangeKeepsWardSummaryAndPrintsIt()
    {
        const QDateTime change(QDate::currentDate(), QTime(7, 0));
        m_app->printing()->onShiftChange(change.toMSecsSinceEpoch());
        const QString pdf =
            m_app->printing()->reportDir() +
            QStringLiteral("/ward-%1.pdf").arg(change.toString(QStringLiteral("yyyyMMdd-HHmm")));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(pdf).size() > 0, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(titlesWith(QStringLiteral(" ward [")).size(), 1, 20'000);
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(20'000));
        QVERIFY2(
            QString::fromUtf8(p.readAllStandardOutput()).contains(QLatin1String("ward"), Qt::CaseInsensitive),
            qPrintable(pdf));
    }

    void everyStepIsInTheAuditTrail()
    {
        const auto trail = [this] {
            print::PrintStore store;
            store.open(m_app->printing()->storePath());
            QStringList out;
            for (const print::AuditEntry &e : store.auditTrail())
                out << e.action + u' ' + e.what.section(u' ', 0, 0) + u' ' + e.outcome;
            return out;
        };
        // The paper is out before CUPS calls the job completed and the queue hears of it (next poll).
        QTRY_VERIFY2_WITH_TIMEOUT(trail().contains(QStringLiteral("print ward done")),
                                  qPrintable(trail().join(u'|')), 10'000);
        QVERIFY2(trail().contains(QStringLiteral("export ward done")), qPrintable(trail().join(u'|')));
        QVERIFY2(trail().contains(QStringLiteral("print ward queued")), qPrintable(trail().join(u'|')));
    }
};

QTEST_MAIN(TestPrintWiring)
#include "tst_print_wiring.moc"
