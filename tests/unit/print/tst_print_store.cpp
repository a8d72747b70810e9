// The print queue's pieces that need no printer: the SQLite job store survives a reopen with every field,
// hands out strips before shift summaries before the rest; job titles round-trip and are the station's
// own; the shift schedule finds the next and last change across midnight and DST; the station file's
// [print] and [shifts] sections read and reject what they should.
#include "PrintStore.h"
#include "ShiftSchedule.h"
#include "StationConfig.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::print;

class TestPrintStore : public QObject
{
    Q_OBJECT
private slots:
    void storeKeepsJobsAcrossReopen()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("q.sqlite"));
        QString tag;
        {
            PrintStore s;
            s.open(path);
            tag = s.stationTag();
            QVERIFY(!tag.isEmpty());
            PrintJob j;
            j.request.kind = reports::ReportKind::Disclosure;
            j.request.bedKey = QStringLiteral("3");
            j.request.fromMs = 1'700'000'000'000;
            j.request.toMs = 1'700'000'600'000;
            j.request.page.paper = QPageSize::Letter;
            j.request.page.orientation = QPageLayout::Landscape;
            j.request.page.duplex = true;
            j.request.nurseNotes = QStringLiteral("call family — 18:00");
            j.printer = QStringLiteral("ward4b");
            j.requestedBy = QStringLiteral("anna");
            j.priority = defaultPriority(j.request.kind);
            QCOMPARE(s.add(j), qint64(1));
            PrintJob ward = j;
            ward.request.kind = reports::ReportKind::Ward;
            ward.priority = defaultPriority(ward.request.kind);
            s.add(ward);
            PrintJob strip = j;
            strip.request.kind = reports::ReportKind::Strip;
            strip.priority = defaultPriority(strip.request.kind);
            s.add(strip);
            s.audit({0, QStringLiteral("anna"), QStringLiteral("export"), QStringLiteral("patient bed 3"),
                     QStringLiteral("/tmp/x.pdf"), 0, QStringLiteral("done")});
        }
        PrintStore s;
        s.open(path);
        QCOMPARE(s.stationTag(), tag); // the tag is the store's, not the process's
        auto next = s.nextQueued();
        QVERIFY(next);
        QCOMPARE(next->request.kind, reports::ReportKind::Strip);
        next->state = JobState::Printing;
        next->cupsJobId = 42;
        s.update(*next);
        next = s.nextQueued();
        QCOMPARE(next->request.kind, reports::ReportKind::Ward);
        next->state = JobState::Failed;
        next->reason = QStringLiteral("media-empty");
        s.update(*next);
        next = s.nextQueued();
        QCOMPARE(next->id, qint64(1));
        const PrintJob &j = *next;
        QCOMPARE(j.request.bedKey, QStringLiteral("3"));
        QCOMPARE(j.request.fromMs, qint64(1'700'000'000'000));
        QCOMPARE(j.request.page.paper, QPageSize::Letter);
        QCOMPARE(j.request.page.orientation, QPageLayout::Landscape);
        QVERIFY(j.request.page.duplex);
        QCOMPARE(j.request.nurseNotes, QStringLiteral("call family — 18:00"));
        QCOMPARE(j.requestedBy, QStringLiteral("anna"));
        const auto c = s.counts();
        QCOMPARE(c.queued, 1);
        QCOMPARE(c.printing, 1);
        QCOMPARE(c.failed, 1);
        QCOMPARE(s.job(3)->cupsJobId, 42);
        QCOMPARE(s.job(2)->reason, QStringLiteral("media-empty"));
        QCOMPARE(s.auditTrail().size(), size_t(1));
        QCOMPARE(s.auditTrail()[0].where, QStringLiteral("/tmp/x.pdf"));
    }

    void titlesAreTheStationsOwn()
    {
        PrintJob j;
        j.id = 17;
        j.request.kind = reports::ReportKind::Strip;
        j.request.bedKey = QStringLiteral("ICU-2");
        const QString t = cupsTitle(j, QStringLiteral("abc123"));
        QCOMPARE(t, QStringLiteral("Vigil 17 strip bed ICU-2 [abc123]"));
        QCOMPARE(jobIdFromTitle(t, QStringLiteral("abc123")), qint64(17));
        QCOMPARE(jobIdFromTitle(t, QStringLiteral("other")), qint64(0)); // another station's job
        QCOMPARE(jobIdFromTitle(QStringLiteral("Vigil x"), QStringLiteral("abc123")), qint64(0));
    }

    void shiftSchedule()
    {
        ShiftSchedule s;
        QString why;
        QVERIFY(s.set({QStringLiteral("23:00"), QStringLiteral("07:00"), QStringLiteral("15:00")},
                      QStringLiteral("Europe/Berlin"), &why));
        const QTimeZone tz("Europe/Berlin");
        auto at = [&](int y, int m, int d, int h, int min) {
            return QDateTime(QDate(y, m, d), QTime(h, min), tz).toMSecsSinceEpoch();
        };
        QCOMPARE(s.nextChangeAfter(at(2026, 12, 5, 6, 59)), at(2026, 12, 5, 7, 0));
        QCOMPARE(s.nextChangeAfter(at(2026, 12, 5, 7, 0)), at(2026, 12, 5, 15, 0)); // strictly after
        QCOMPARE(s.nextChangeAfter(at(2026, 12, 5, 23, 30)), at(2026, 12, 6, 7, 0));
        QCOMPARE(s.lastChangeAtOrBefore(at(2026, 12, 5, 7, 0)), at(2026, 12, 5, 7, 0));
        QCOMPARE(s.lastChangeAtOrBefore(at(2026, 12, 5, 3, 0)), at(2026, 12, 4, 23, 0));
        // Across the spring DST change (29 Mar 2026, 02:00 -> 03:00): the 07:00 shift is 7 h after 23:00.
        QCOMPARE(s.nextChangeAfter(at(2026, 3, 28, 23, 0)) - at(2026, 3, 28, 23, 0), qint64(7) * 3600 * 1000);
        // A handover printed before a change covers the shift under way up to then; within the hour after a
        // change, the shift that just ended; after that hour, the new shift so far.
        using P = std::pair<qint64, qint64>;
        QCOMPARE(s.handoverPeriod(at(2026, 12, 5, 14, 50)),
                 (P{at(2026, 12, 5, 7, 0), at(2026, 12, 5, 14, 50)}));
        QCOMPARE(s.handoverPeriod(at(2026, 12, 5, 15, 10)),
                 (P{at(2026, 12, 5, 7, 0), at(2026, 12, 5, 15, 0)}));
        QCOMPARE(s.handoverPeriod(at(2026, 12, 5, 16, 30)),
                 (P{at(2026, 12, 5, 15, 0), at(2026, 12, 5, 16, 30)}));
        QCOMPARE(s.handoverPeriod(at(2026, 12, 5, 23, 40)),
                 (P{at(2026, 12, 5, 15, 0), at(2026, 12, 5, 23, 0)}));
        QCOMPARE(s.handoverPeriod(at(2026, 12, 6, 0, 15)), // 75 min into the night shift, across midnight
                 (P{at(2026, 12, 5, 23, 0), at(2026, 12, 6, 0, 15)}));
        QCOMPARE(ShiftSchedule().handoverPeriod(at(2026, 12, 5, 12, 0)), (P{0, 0}));
        QVERIFY(!s.set({QStringLiteral("7:00pm")}, {}, &why));
        QVERIFY(why.contains(QLatin1String("7:00pm")));
        QVERIFY(!s.set({QStringLiteral("07:00"), QStringLiteral("07:00")}, {}, &why));
        QVERIFY(!s.set({QStringLiteral("07:00")}, QStringLiteral("Mars/Olympus"), &why));
        QVERIFY(why.contains(QLatin1String("Mars/Olympus")));
    }

    void stationFileSections()
    {
        ConfigError err;
        auto c = parseStationConfig(
            "[print]\nprinter = \"ward4b\"\npaper = \"Letter\"\norientation = \"landscape\"\n"
            "duplex = true\nauto_print_strips = [\"high\", \"medium\"]\n"
            "strip_pre_trigger_s = 10\nunavailable_after_s = 120\n"
            "[shifts]\ntimes = [\"07:00\", \"19:00\"]\ntime_zone = \"Europe/Paris\"\n"
            "print_ward_summary = true\n",
            QStringLiteral("t.toml"), &err);
        QVERIFY2(c, qPrintable(err.toString()));
        QCOMPARE(c->print.printer, QStringLiteral("ward4b"));
        QCOMPARE(c->print.paper, QStringLiteral("Letter"));
        QCOMPARE(c->print.orientation, QStringLiteral("landscape"));
        QVERIFY(c->print.duplex);
        QCOMPARE(c->print.autoPrintStrips, QStringList({QStringLiteral("high"), QStringLiteral("medium")}));
        QCOMPARE(c->print.stripPreTriggerS, 10);
        QCOMPARE(c->print.unavailableDelayS, 120.0);
        QCOMPARE(c->shifts.times, QStringList({QStringLiteral("07:00"), QStringLiteral("19:00")}));
        QCOMPARE(c->shifts.timeZone, QStringLiteral("Europe/Paris"));
        QVERIFY(c->shifts.printWardSummary);

        auto d = parseStationConfig("", QStringLiteral("t.toml"), &err);
        QVERIFY(d);
        QCOMPARE(d->print.autoPrintStrips, QStringList{QStringLiteral("high")}); // the default
        QCOMPARE(d->print.stripPreTriggerS, 15);

        struct Bad
        {
            const char *text;
            const char *key;
        } bad[] = {{"[print]\npaper = \"A3\"\n", "paper"},
                   {"[print]\nstrip_pre_trigger_s = 40\n", "strip_pre_trigger_s"},
                   {"[print]\nauto_print_strips = [\"urgent\"]\n", "auto_print_strips"},
                   {"[print]\nprinter_name = \"x\"\n", "printer_name"},
                   {"[shifts]\ntimes = [\"25:00\"]\n", "times"},
                   {"[shifts]\ntimes = [\"07:00\"]\ntime_zone = \"Nowhere/City\"\n", "time_zone"}};
        for (const Bad &b : bad) {
            ConfigError e;
            QVERIFY2(!parseStationConfig(b.text, QStringLiteral("t.toml"), &e), b.text);
            QVERIFY2(e.toString().contains(QLatin1String(b.key)), qPrintable(e.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrintStore)
#include "tst_print_store.moc"
