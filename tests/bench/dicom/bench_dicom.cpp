// bench_dicom: export General ECG objects of 10 min x 4 leads (500 Hz) from an archive, then C-STORE them
// over loopback to a storescp this program starts, beside DCMTK's own storescu sending the same files to
// the same storescp in the same run. Prints objects/s and MB/s of each and the ratio (target <= 1.2).
//
//   bench_dicom [--quick] [--objects N] [--rounds R]
#include "ArchiveReader.h"
#include "DicomFixtures.h"
#include "DicomNet.h"
#include "DicomWriter.h"
#include "Net.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace vigil;
using namespace vigil::dicomtest;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    int objects = quick ? 2 : 6, rounds = quick ? 1 : 3;
    if (int i = int(args.indexOf(QStringLiteral("--objects"))); i > 0 && i + 1 < args.size())
        objects = args[i + 1].toInt();
    if (int i = int(args.indexOf(QStringLiteral("--rounds"))); i > 0 && i + 1 < args.size())
        rounds = args[i + 1].toInt();
    const double minutes = quick ? 1 : 10;

    QTemporaryDir tmp;
    const QString archivePath = tmp.filePath(QStringLiteral("bench.sqlite"));
    QString error;
    {
        auto a = archive::Archive::open(archivePath, archiveOptions(), &error);
        if (!a) {
            std::fprintf(stderr, "archive: %s\n", qPrintable(error));
            return 1;
        }
        SyntheticOptions o;
        o.seconds = minutes * 60 + objects; // each object a window shifted by 1 s
        o.abp = false;
        o.gap = false;
        buildSynthetic(*a, o);
    }
    auto r = archive::ArchiveReader::open(archivePath, &error);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    if (!bed) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // Export.
    QStringList files;
    qint64 bytes = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < objects; ++i) {
        const qint64 t1 = kT0Ms * 1000 + qint64(i) * 1'000'000;
        const qint64 t2 = t1 + qint64(minutes * 60e6);
        const QString out = tmp.filePath(QStringLiteral("obj%1.dcm").arg(i));
        dicom::WriteResult res;
        if (!dicom::writeWaveform(*r, *bed, t1, t2, dicom::WaveType::Ecg, {}, out, &res, &error)) {
            std::fprintf(stderr, "export: %s\n", qPrintable(error));
            return 1;
        }
        files << out;
        bytes += QFileInfo(out).size();
    }
    const double exportS = double(t.nsecsElapsed()) / 1e9;
    const double mb = double(bytes) / 1e6;
    std::printf("export: %d objects of %.0f min x 4 leads at 500 Hz (%.2f MB each) in %.3f s: %.1f "
                "objects/s, %.1f MB/s\n",
                objects, minutes, mb / objects, exportS, objects / exportS, mb / exportS);

    // storescp, receiving without writing (--ignore), so the figures are the sender's and the link's.
    const quint16 port = test::freePort();
    QProcess scp;
    scp.start(QStringLiteral("storescp"), {QStringLiteral("--ignore"), QStringLiteral("-aet"),
                                           QStringLiteral("PACS"), QString::number(port)});
    bool up = false;
    for (int i = 0; i < 100 && !up; ++i) {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), port);
        up = s.waitForConnected(100);
        if (!up)
            QThread::msleep(50);
    }
    if (!up) {
        std::fprintf(stderr, "storescp did not start\n");
        return 1;
    }
    dicom::Peer peer;
    peer.calledAe = QStringLiteral("PACS");
    peer.host = QStringLiteral("127.0.0.1");
    peer.port = port;
    double best = 1e9, bestScu = 1e9;
    int rc = 0;
    for (int round = 0; round < rounds; ++round) {
        t.restart();
        std::vector<dicom::NetResult> per;
        const dicom::NetResult res = dicom::store(peer, files, &per);
        const double s = double(t.nsecsElapsed()) / 1e9;
        for (const auto &p : per)
            if (p.outcome != dicom::Outcome::Ok) {
                std::fprintf(stderr, "vigil store: %s\n", qPrintable(p.reason));
                rc = 1;
            }
        if (res.outcome != dicom::Outcome::Ok)
            rc = 1;
        best = std::min(best, s);
        t.restart();
        const Run scu =
            run(QStringLiteral("storescu"), QStringList{QStringLiteral("-aec"), QStringLiteral("PACS"),
                                                        QStringLiteral("127.0.0.1"), QString::number(port)} +
                                                files);
        const double su = double(t.nsecsElapsed()) / 1e9;
        if (scu.code != 0) {
            std::fprintf(stderr, "storescu: %s\n", qPrintable(scu.out));
            rc = 1;
        }
        bestScu = std::min(bestScu, su);
    }
    scp.terminate();
    scp.waitForFinished(3000);
    std::printf("C-STORE vigil:    %d objects, %.2f MB in %.3f s: %.1f objects/s, %.1f MB/s (best of %d)\n",
                objects, mb, best, objects / best, mb / best, rounds);
    std::printf("C-STORE storescu: %d objects, %.2f MB in %.3f s: %.1f objects/s, %.1f MB/s (best of %d, "
                "process start "
                "included)\n",
                objects, mb, bestScu, objects / bestScu, mb / bestScu, rounds);
    std::printf("ratio vigil/storescu time: %.2f (target <= 1.2)\n", best / bestScu);
    return rc;
}
