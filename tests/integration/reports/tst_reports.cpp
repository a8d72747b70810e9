// Reports from a real archive (written through the archive API by ReportArchive.h), checked the way a
// reader would: the text of every page (pdftotext), the page count (pdfinfo), and the ink on a raster of the
// page (pdftoppm): the ECG grid is at true scale (5 mm squares within 1 %), the ECG lane has ink where the
// archive has samples and a labelled hatched gap where it has none. Also: a patient report with Qt Charts
// built from a worker QThread, the `vigil report` command line, and the handover round trip.
#include "ArchiveReader.h"
#include "Report.h"
#include "ReportArchive.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace vigil;
using namespace vigil::reports;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60'000))
        return {};
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &pdf)
{
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pageText(const QString &pdf, int page)
{
    // The PDF keeps the font's ligatures ("ff" as one glyph); pdftotext gives them back as U+FB00...
    return run(QStringLiteral("pdftotext"),
               {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf,
                QStringLiteral("-")})
        .replace(QChar(0xFB00), QLatin1String("ff"))
        .replace(QChar(0xFB01), QLatin1String("fi"))
        .replace(QChar(0xFB02), QLatin1String("fl"));
}

QImage raster(const QString &pdf, int page, int dpi, const QString &dir)
{
    const QString base = dir + QStringLiteral("/r%1").arg(page);
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"),
                                     QString::number(page), QStringLiteral("-l"), QString::number(page),
                                     QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, base});
    return QImage(base + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
}

bool isMajorGrid(QRgb c)
{
    return qRed(c) > 200 && qGreen(c) > 80 && qGreen(c) < 160 && qBlue(c) > 80 && qBlue(c) < 160;
}

bool isInk(QRgb c)
{
    return qRed(c) < 90 && qGreen(c) < 90 && qBlue(c) < 90;
}

// Centres of the runs of positions whose count is at least half the maximum.
std::vector<double> peaks(const std::vector<int> &counts)
{
    const int mx = *std::max_element(counts.begin(), counts.end());
    std::vector<double> out;
    int start = -1;
    double wsum = 0, w = 0;
    for (int i = 0; i <= int(counts.size()); ++i) {
        const bool on = i < int(counts.size()) && counts[std::size_t(i)] * 2 >= mx && mx > 0;
        if (on) {
            if (start < 0)
                start = i, wsum = 0, w = 0;
            wsum += double(i) * counts[std::size_t(i)];
            w += counts[std::size_t(i)];
        } else if (start >= 0) {
            out.push_back(wsum / w);
            start = -1;
        }
    }
    return out;
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_archive;
    testing::ReportArchiveInfo m_info;

    ReportRequest request(ReportKind kind, const QString &bed = QStringLiteral("01")) const
    {
        ReportRequest r;
        r.kind = kind;
        r.archivePath = m_archive;
        r.bedKey = bed;
        r.fromMs = m_info.startMs;
        r.toMs = m_info.endMs;
        r.wardName = QStringLiteral("ICU 3");
        r.generatedBy = QStringLiteral("tst_reports");
        return r;
    }
    QString pdf(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_archive = m_dir.filePath(QStringLiteral("archive.sqlite"));
        QString error;
        QElapsedTimer t;
        t.start();
        m_info = testing::writeReportArchive(m_archive, {2, 1.0, 0}, &error);
        QVERIFY2(m_info.startMs > 0, qPrintable(error));
        qInfo("archive of 2 beds x 1 h written in %lld ms", t.elapsed());
        if (qEnvironmentVariableIsSet("VIGIL_KEEP_REPORTS"))
            m_dir.setAutoRemove(false), qInfo("keeping %s", qPrintable(m_dir.path()));
    }

    void handoverRoundTrip()
    {
        QString error;
        auto reader = archive::ArchiveReader::open(m_archive, &error);
        QVERIFY2(reader, qPrintable(error));
        const auto h = reader->handover(QStringLiteral("bed1"));
        QVERIFY(h);
        QCOMPARE(h->severity, QStringLiteral("unstable"));
        QCOMPARE(h->user, QStringLiteral("nurse.kim"));
        QVERIFY(h->notes.contains(QStringLiteral("Recheck K+")));
        QVERIFY(!reader->handover(QStringLiteral("bed2")));
        QVERIFY(!reader->handover(QStringLiteral("bed1"), m_info.startMs)); // not yet saved then
    }

    void patientReportHoldsTheArchive()
    {
        const QString file = pdf(QStringLiteral("patient.pdf"));
        const auto r = renderPdf(request(ReportKind::Patient), file);
        QVERIFY2(r.ok, qPrintable(r.error));
        const int pages = pdfPages(file);
        QCOMPARE(pages, r.pages);
        QVERIFY(pages >= 3);
        QString all;
        for (int i = 1; i <= pages; ++i) {
            const QString t = pageText(file, i);
            // The header on every page: patient, id, ward, bed, page n of m.
            QVERIFY2(t.contains(QStringLiteral("Patient1, Test")),
                     qPrintable(QStringLiteral("page %1").arg(i)));
            QVERIFY(t.contains(QStringLiteral("MRN1001")));
            QVERIFY(t.contains(QStringLiteral("Ward ICU 3")));
            QVERIFY(t.contains(QStringLiteral("Bed 01")));
            QVERIFY(t.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)));
            QVERIFY(t.contains(QStringLiteral("by tst_reports")));
            all += t;
        }
        for (const char *want :
             {"UNSTABLE", "HR HIGH 142 > 120", "SPO2 LOW 88 < 90", "nurse.kim", "Recheck K+",
              "Heart rate /min", "SpO2 %", "Hourly vitals", "ECG lead off", "50–120 → 50–130",
              "set to 50–130", "dr.lee", "Median time to acknowledge: 25 s", "Escalations: 1",
              "End of period", "NEWS2: latest 6 (medium)", "highest 6 (medium)"})
            QVERIFY2(all.contains(QString::fromUtf8(want)), want);
        // Hourly median and range: SpO2 of bed 1 is 97 except 40 s at 88 (the medium alarm).
        QVERIFY(all.contains(QStringLiteral("88\u201397")));
        // Temperature with its decimal.
        QVERIFY(all.contains(QRegularExpression(QStringLiteral("37\\.0\u2013\\s*37\\.4"))));
        QVERIFY(!r.gaps.isEmpty());
        QVERIFY(r.gaps.join(u'\n').contains(QStringLiteral("ECG lead off")));
    }

    void ecgGridIsTrueScale()
    {
        auto req = request(ReportKind::Strip);
        req.triggerMs = m_info.highAlarmMs;
        req.page.orientation = QPageLayout::Landscape;
        const QString file = pdf(QStringLiteral("strip.pdf"));
        const auto r = renderPdf(req, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString text = pageText(file, 1);
        QVERIFY(text.contains(QStringLiteral("HR HIGH 142 > 120")));
        QVERIFY(text.contains(QStringLiteral("limits 50–120")));
        // 254 dpi = 10 px per mm: a 5 mm square is 50 px.
        const QImage img = raster(file, 1, 254, m_dir.path());
        QVERIFY(!img.isNull());
        std::vector<int> cols(std::size_t(img.width())), rows(std::size_t(img.height()));
        for (int y = 0; y < img.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
            for (int x = 0; x < img.width(); ++x)
                if (isMajorGrid(line[x]))
                    ++cols[std::size_t(x)], ++rows[std::size_t(y)];
        }
        for (const auto &[name, counts] : {std::pair{"x", cols}, std::pair{"y", rows}}) {
            const auto c = peaks(counts);
            QVERIFY2(c.size() >= 5, name);
            // Spacing over the longest run of regularly spaced lines (lanes are separate blocks vertically).
            std::vector<double> d;
            for (std::size_t i = 1; i < c.size(); ++i)
                if (c[i] - c[i - 1] < 60)
                    d.push_back(c[i] - c[i - 1]);
            QVERIFY(d.size() >= 4);
            double sum = 0;
            for (double v : d)
                sum += v;
            const double mean = sum / double(d.size());
            qInfo("%s: %zu major grid intervals, mean %.3f px (5 mm = 50 px at 254 dpi)", name, d.size(),
                  mean);
            QVERIFY2(std::abs(mean - 50.0) / 50.0 < 0.01, qPrintable(QString::number(mean)));
        }
    }

    void ecgLaneHasInkWhereSamplesAndALabelledGap()
    {
        // A manual strip 5 s before the lead-off: first half data, second half no data.
        auto req = request(ReportKind::Strip);
        req.triggerMs = m_info.gapFromMs;
        req.preTriggerS = 5;
        req.page.orientation = QPageLayout::Landscape;
        const QString file = pdf(QStringLiteral("gap.pdf"));
        const auto r = renderPdf(req, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(pageText(file, 1).contains(QStringLiteral("NO DATA: ECG lead off")));
        const QImage img = raster(file, 1, 254, m_dir.path());
        // The first ECG lane: from the first major grid row, 25 mm (250 px) tall.
        int top = -1;
        for (int y = 0; y < img.height() && top < 0; ++y) {
            int n = 0;
            const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
            for (int x = 0; x < img.width(); ++x)
                n += isMajorGrid(line[x]);
            if (n > 1000)
                top = y;
        }
        QVERIFY(top > 0);
        // Trace starts at margin 12 mm + label 16 mm = 280 px; 25 mm/s = 250 px/s; the gap starts at 5 s.
        auto inkColumns = [&](int x0, int x1) {
            int with = 0;
            for (int x = x0; x < x1; ++x) {
                bool ink = false;
                for (int y = top + 5; y < top + 245 && !ink; ++y)
                    ink = isInk(img.pixel(x, y));
                with += ink;
            }
            return double(with) / (x1 - x0);
        };
        const double data = inkColumns(290, 280 + 1250 - 10);
        const double gap = inkColumns(280 + 1250 + 10, 280 + 2500 - 10);
        qInfo("ECG lane ink: %.2f of columns with samples, %.2f of columns in the gap", data, gap);
        QVERIFY(data > 0.97);
        QVERIFY(gap < 0.4); // only the gap's label
    }

    void chartsFromAWorkerThread()
    {
        const QString file = pdf(QStringLiteral("threaded.pdf"));
        ReportResult r;
        std::atomic_bool done{false};
        QThread *worker = QThread::create([&] {
            r = renderPdf(request(ReportKind::Patient), file);
            done = true;
        });
        worker->start();
        // The GUI thread keeps running its event loop (it builds the charts for the worker).
        QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 120'000));
        worker->wait();
        delete worker;
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString text = pageText(file, 2) + pageText(file, 1) + pageText(file, 3);
        QVERIFY(text.contains(QStringLiteral("Heart rate /min")));
        QCOMPARE(pdfPages(file), r.pages);
    }

    // A GUI thread that cancels a worker's report and then waits for it without running its event loop
    // (a print queue stopping at shutdown) gets it back: the worker's chart hand-off gives up on cancel
    // instead of waiting for the GUI thread forever.
    void cancelledWorkerDoesNotWaitForTheGuiThread()
    {
        const QString file = pdf(QStringLiteral("cancelled.pdf"));
        std::atomic_bool cancel{false};
        std::atomic_bool started{false};
        ReportResult r;
        QThread *worker = QThread::create([&] {
            started = true;
            r = renderPdf(request(ReportKind::Patient), file, {}, &cancel);
        });
        worker->start();
        QVERIFY(QTest::qWaitFor([&] { return started.load(); }, 10'000));
        QThread::msleep(300); // let it reach a chart: it asks this thread, which does not answer
        cancel = true;
        const bool joined = worker->wait(QDeadlineTimer(10'000)); // no event loop while waiting
        QVERIFY2(joined, "the worker waited for the GUI thread after it was cancelled");
        delete worker;
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(file));
        QCoreApplication::processEvents(); // the chart it had asked for is built now and dropped
    }

    void wardReportPaginatesWithoutCutting()
    {
        const QString file = pdf(QStringLiteral("ward.pdf"));
        auto req = request(ReportKind::Ward, {});
        const auto r = renderPdf(req, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        const int pages = pdfPages(file);
        QCOMPARE(pages, r.pages);
        QStringList patientsSeen;
        for (int i = 1; i <= pages; ++i) {
            const QString t = pageText(file, i);
            QVERIFY(t.contains(QStringLiteral("Ward shift summary")));
            QVERIFY2(t.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)),
                     qPrintable(QString::number(i)));
            for (const char *p : {"Patient1, Test", "Patient2, Test"})
                if (t.contains(QLatin1String(p)) && !patientsSeen.contains(QLatin1String(p)))
                    patientsSeen << QLatin1String(p);
        }
        QCOMPARE(patientsSeen.size(), 2);
        // Census on page 1 names both beds and the severity.
        const QString first = pageText(file, 1);
        QVERIFY(first.contains(QStringLiteral("Ward census")));
        QVERIFY(first.contains(QStringLiteral("unstable")));
        // Letter paper gives a different page count but every page still has its header.
        req.page.paper = QPageSize::Letter;
        const QString letter = pdf(QStringLiteral("ward-letter.pdf"));
        QVERIFY(renderPdf(req, letter).ok);
        const int lp = pdfPages(letter);
        for (int i = 1; i <= lp; ++i)
            QVERIFY(pageText(letter, i).contains(QStringLiteral("Page %1 of %2").arg(i).arg(lp)));
    }

    void disclosureAndEvents()
    {
        auto req = request(ReportKind::Disclosure);
        req.fromMs = m_info.gapFromMs - 10 * 60'000;
        req.toMs = m_info.gapFromMs + 20 * 60'000;
        const QString file = pdf(QStringLiteral("disclosure.pdf"));
        auto r = renderPdf(req, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pages, 1); // 30 min of ECG on one A4 page
        const QString t = pageText(file, 1);
        QVERIFY(t.contains(QStringLiteral("NO DATA: ECG lead off")));

        req = request(ReportKind::Events);
        const QString ev = pdf(QStringLiteral("events.pdf"));
        r = renderPdf(req, ev);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString et = pageText(ev, 1);
        for (const char *want :
             {"acknowledge", "escalate", "HR HIGH 142 > 120", "nurse.kim", "technical", "handover"})
            QVERIFY2(et.contains(QLatin1String(want)), want);
    }

    void imagesForThePreview()
    {
        QList<QImage> images;
        const auto r = renderImages(request(ReportKind::Patient), 60, &images);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(images.size(), r.pages);
        QCOMPARE(images.front().width(), int(std::lround(210 / 25.4 * 60)));
    }

    void errors()
    {
        auto req = request(ReportKind::Patient, QStringLiteral("nope"));
        auto r = renderPdf(req, pdf(QStringLiteral("x.pdf")));
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(!QFile::exists(pdf(QStringLiteral("x.pdf"))));
        req = request(ReportKind::Patient);
        req.archivePath = m_dir.filePath(QStringLiteral("missing.sqlite"));
        r = renderPdf(req, pdf(QStringLiteral("y.pdf")));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QStringLiteral("archive")));
        std::atomic_bool cancel{true};
        r = renderPdf(request(ReportKind::Ward, {}), pdf(QStringLiteral("z.pdf")), {}, &cancel);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("cancelled"));
    }

    void commandLine()
    {
        const QString vigilBin = QStringLiteral(VIGIL_BINARY);
        auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate); };
        int code = -1;
        const QString out = pdf(QStringLiteral("cli.pdf"));
        QString stdoutText =
            run(vigilBin,
                {QStringLiteral("report"), QStringLiteral("events"), QStringLiteral("--archive"), m_archive,
                 QStringLiteral("--bed"), QStringLiteral("01"), QStringLiteral("--from"), iso(m_info.startMs),
                 QStringLiteral("--to"), iso(m_info.endMs), QStringLiteral("--paper"),
                 QStringLiteral("letter"), QStringLiteral("--out"), out},
                &code);
        QCOMPARE(code, 0);
        QVERIFY(stdoutText.contains(QStringLiteral("wrote")));
        QVERIFY(pageText(out, 1).contains(QStringLiteral("HR HIGH 142")));
        // Letter: 8.5 x 11 in.
        QVERIFY(run(QStringLiteral("pdfinfo"), {out}).contains(QStringLiteral("612 x 792")));
        run(vigilBin,
            {QStringLiteral("report"), QStringLiteral("patient"), QStringLiteral("--archive"), m_archive,
             QStringLiteral("--bed"), QStringLiteral("99"), QStringLiteral("--from"), iso(m_info.startMs),
             QStringLiteral("--to"), iso(m_info.endMs), QStringLiteral("--out"), out},
            &code);
        QCOMPARE(code, 1); // unknown bed
        // A queue CUPS does not know: a clear error, not an empty job.
        run(vigilBin,
            {QStringLiteral("report"), QStringLiteral("events"), QStringLiteral("--archive"), m_archive,
             QStringLiteral("--bed"), QStringLiteral("01"), QStringLiteral("--from"), iso(m_info.startMs),
             QStringLiteral("--to"), iso(m_info.endMs), QStringLiteral("--print"),
             QStringLiteral("vigil-no-such-queue")},
            &code);
        QCOMPARE(code, 1);
        run(vigilBin, {QStringLiteral("report"), QStringLiteral("bogus")}, &code);
        QCOMPARE(code, 2);
        run(vigilBin,
            {QStringLiteral("report"), QStringLiteral("ward"), QStringLiteral("--archive"), m_archive,
             QStringLiteral("--from"), QStringLiteral("yesterday"), QStringLiteral("--to"),
             QStringLiteral("now"), QStringLiteral("--out"), out},
            &code);
        QCOMPARE(code, 2);
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv); // Qt Charts needs one
    TestReports t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_reports.moc"
