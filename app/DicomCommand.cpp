#include "DicomCommand.h"

#include "Archive.h"
#include "ArchiveReader.h"
#include "CommandArgs.h"
#include "DicomImport.h"
#include "DicomNet.h"
#include "DicomReader.h"
#include "DicomView.h"
#include "DicomWriter.h"
#include "StationConfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

namespace vigil {

namespace {

enum Exit { Ok = 0, Failed = 1, Usage = 2, Unreadable = 3 };

const char *const kUsage =
    "usage: vigil dicom <command> [options]\n"
    "\n"
    "commands:\n"
    "  export  --archive FILE --bed B --from T1 --to T2 --out FILE.dcm\n"
    "          [--type auto|ecg|hemodynamic|pulse|resp|co2|all] [--uid-root ROOT]: General ECG, "
    "Hemodynamic,\n"
    "          Arterial Pulse (pleth) or Respiratory (resp, co2) Waveform Storage from the archive; all: "
    "every\n"
    "          kind the bed has, to FILE-ecg.dcm, FILE-hd.dcm, FILE-pulse.dcm, FILE-resp.dcm, FILE-co2.dcm\n"
    "  pdf     --pdf FILE --out FILE.dcm [--archive FILE --bed B --at T] [--title TEXT]: Encapsulated PDF\n"
    "  show    FILE: what the reader understood (groups, channels, values, oddities)\n"
    "  import  FILE --archive OUT [--bed LABEL]: a waveform file into an archive, for the review screens\n"
    "  view    FILE [--screenshot PNG] [--quit-after S]: the file in the review page (full disclosure)\n"
    "  echo    AE@HOST:PORT: C-ECHO\n"
    "  send    FILE... --to AE@HOST:PORT: C-STORE over one association\n"
    "\n"
    "network options: --calling-ae AE (default VIGIL), --tls, --tls-ca FILE, --tls-cert FILE, --tls-key "
    "FILE,\n"
    "  --tls-no-verify, --timeout S; --config FILE: defaults from the station file's [dicom] section.\n"
    "Times: ISO 8601 (local unless Z or an offset) or epoch ms. exit codes: 0 ok, 1 failed, 2 bad "
    "arguments,\n"
    "3 unreadable input\n";

using Parsed = cli::CommandArgs;

Parsed parse(const QStringList &args)
{
    static const cli::CommandSpec spec{
        QStringLiteral("dicom"),
        {QStringLiteral("--archive"), QStringLiteral("--bed"), QStringLiteral("--from"),
         QStringLiteral("--to"), QStringLiteral("--out"), QStringLiteral("--type"),
         QStringLiteral("--uid-root"), QStringLiteral("--pdf"), QStringLiteral("--at"),
         QStringLiteral("--title"), QStringLiteral("--calling-ae"), QStringLiteral("--tls-ca"),
         QStringLiteral("--tls-cert"), QStringLiteral("--tls-key"), QStringLiteral("--timeout"),
         QStringLiteral("--config")},
        {},
        {QStringLiteral("--tls"), QStringLiteral("--tls-no-verify")},
        true};
    return cli::parseCommand(args, spec);
}

bool loadConfig(const Parsed &p, DicomConfig *c, QTextStream &err)
{
    const QString path = p.value("--config");
    if (path.isEmpty())
        return true;
    ConfigError e;
    const auto cfg = loadStationConfig(path, &e);
    if (!cfg) {
        err << "vigil dicom: " << e.toString() << "\n";
        return false;
    }
    *c = cfg->dicom;
    return true;
}

bool peerFrom(const Parsed &p, const QString &target, const DicomConfig &c, dicom::Peer *peer,
              QTextStream &err)
{
    QString error;
    if (!dicom::parsePeer(target, peer, &error)) {
        err << "vigil dicom: " << error << "\n";
        return false;
    }
    peer->callingAe = p.value("--calling-ae").isEmpty() ? c.callingAe : p.value("--calling-ae");
    peer->tls.enabled = c.tls || p.has("--tls");
    peer->tls.caFile = p.value("--tls-ca").isEmpty() ? c.tlsCa : p.value("--tls-ca");
    peer->tls.certFile = p.value("--tls-cert").isEmpty() ? c.tlsCert : p.value("--tls-cert");
    peer->tls.keyFile = p.value("--tls-key").isEmpty() ? c.tlsKey : p.value("--tls-key");
    peer->tls.verifyPeer = !p.has("--tls-no-verify");
    if (!p.value("--timeout").isEmpty()) {
        bool ok = false;
        const int t = p.value("--timeout").toInt(&ok);
        if (!ok || t < 1 || t > 3600) {
            err << "vigil dicom: --timeout needs seconds between 1 and 3600\n";
            return false;
        }
        peer->connectTimeoutS = t;
        peer->dimseTimeoutS = std::max(t, peer->dimseTimeoutS);
    }
    if (peer->tls.enabled && peer->tls.verifyPeer && peer->tls.caFile.isEmpty()) {
        err << "vigil dicom: --tls needs --tls-ca FILE (or --tls-no-verify)\n";
        return false;
    }
    return true;
}

dicom::WriterOptions writerOptions(const Parsed &p, const DicomConfig &c)
{
    dicom::WriterOptions o;
    o.uidRoot = p.value("--uid-root").isEmpty() ? c.uidRoot : p.value("--uid-root");
    o.softwareVersion = QStringLiteral(VIGIL_VERSION);
    o.stationName = c.callingAe;
    return o;
}

std::unique_ptr<archive::ArchiveReader> openArchive(const Parsed &p, QTextStream &err, int *code)
{
    QString path = p.value("--archive");
    if (path.isEmpty())
        path = qEnvironmentVariable("VIGIL_ARCHIVE");
    if (path.isEmpty()) {
        err << "vigil dicom: no archive given (--archive FILE or VIGIL_ARCHIVE)\n";
        *code = Usage;
        return nullptr;
    }
    if (!QFileInfo::exists(path)) {
        err << "vigil dicom: archive " << path << " does not exist\n";
        *code = Unreadable;
        return nullptr;
    }
    QString error;
    auto r = archive::ArchiveReader::open(path, &error);
    if (!r) {
        err << "vigil dicom: " << error << "\n";
        *code = Unreadable;
    }
    return r;
}

int exportCommand(const Parsed &p, const DicomConfig &c, QTextStream &out, QTextStream &err)
{
    const QString bedArg = p.value("--bed"), fromArg = p.value("--from"), toArg = p.value("--to"),
                  outPath = p.value("--out");
    if (bedArg.isEmpty() || fromArg.isEmpty() || toArg.isEmpty() || outPath.isEmpty()) {
        err << "vigil dicom export: --bed, --from, --to and --out are required\n" << kUsage;
        return Usage;
    }
    const QString typeArg = p.value("--type").toLower();
    dicom::WaveType type = dicom::WaveType::Auto;
    const bool all = typeArg == QLatin1String("all");
    if (typeArg == QLatin1String("ecg"))
        type = dicom::WaveType::Ecg;
    else if (typeArg == QLatin1String("hemodynamic") || typeArg == QLatin1String("hd"))
        type = dicom::WaveType::Hemodynamic;
    else if (typeArg == QLatin1String("pulse") || typeArg == QLatin1String("pleth"))
        type = dicom::WaveType::Pulse;
    else if (typeArg == QLatin1String("resp"))
        type = dicom::WaveType::Resp;
    else if (typeArg == QLatin1String("co2"))
        type = dicom::WaveType::Co2;
    else if (!typeArg.isEmpty() && typeArg != QLatin1String("auto") && !all) {
        err << "vigil dicom export: --type must be auto, ecg, hemodynamic, pulse, resp, co2 or all, not '"
            << typeArg << "'\n";
        return Usage;
    }
    qint64 fromMs = 0, toMs = 0;
    if (!cli::parseTimeMs(fromArg, &fromMs) || !cli::parseTimeMs(toArg, &toMs)) {
        err << "vigil dicom export: cannot read --from/--to (ISO 8601 like 2024-03-01T12:00:00Z, or epoch "
               "ms)\n";
        return Usage;
    }
    if (toMs <= fromMs) {
        err << "vigil dicom export: --to must be after --from\n";
        return Usage;
    }
    int code = Ok;
    auto r = openArchive(p, err, &code);
    if (!r)
        return code;
    QString error;
    const auto bed = r->findBed(bedArg, &error);
    if (!bed) {
        err << "vigil dicom export: " << (error.isEmpty() ? r->lastError() : error) << "\n";
        return Usage;
    }
    QElapsedTimer t;
    t.start();
    std::vector<dicom::WriteResult> results(1);
    bool ok = false;
    if (all) {
        QString stem = outPath;
        if (stem.endsWith(QLatin1String(".dcm"), Qt::CaseInsensitive))
            stem.chop(4);
        QStringList skipped;
        ok = dicom::writeWaveformSet(*r, *bed, fromMs * 1000, toMs * 1000, writerOptions(p, c), stem,
                                     &results, &skipped, &error);
        for (const QString &s : skipped)
            err << "left out: " << s << "\n";
    } else {
        ok = dicom::writeWaveform(*r, *bed, fromMs * 1000, toMs * 1000, type, writerOptions(p, c), outPath,
                                  &results[0], &error);
    }
    for (const dicom::WriteResult &res : results)
        for (const QString &n : res.notes)
            err << "note: " << n << "\n";
    if (!ok) {
        err << "vigil dicom export: " << error << "\n";
        return Failed;
    }
    for (const dicom::WriteResult &res : results)
        out << "wrote " << res.path << ": " << dicom::sopClassName(res.sopClassUid) << ", " << res.channels
            << " channels, " << res.samples << " samples, SOP instance " << res.sopInstanceUid << " ("
            << t.elapsed() << " ms)\n";
    return Ok;
}

int pdfCommand(const Parsed &p, const DicomConfig &c, QTextStream &out, QTextStream &err)
{
    const QString pdf = p.value("--pdf"), outPath = p.value("--out");
    if (pdf.isEmpty() || outPath.isEmpty()) {
        err << "vigil dicom pdf: --pdf and --out are required\n" << kUsage;
        return Usage;
    }
    dicom::Identity who;
    qint64 atMs = QDateTime::currentMSecsSinceEpoch();
    if (!p.value("--at").isEmpty() && !cli::parseTimeMs(p.value("--at"), &atMs)) {
        err << "vigil dicom pdf: cannot read --at\n";
        return Usage;
    }
    if (!p.value("--bed").isEmpty()) {
        int code = Ok;
        auto r = openArchive(p, err, &code);
        if (!r)
            return code;
        QString error;
        const auto bed = r->findBed(p.value("--bed"), &error);
        if (!bed) {
            err << "vigil dicom pdf: " << error << "\n";
            return Usage;
        }
        who = dicom::identityFor(*r, *bed, atMs - 1, atMs + 1);
    }
    dicom::WriteResult res;
    QString error;
    const QString title =
        p.value("--title").isEmpty() ? QStringLiteral("Monitoring report") : p.value("--title");
    if (!dicom::writeEncapsulatedPdf(pdf, who, atMs, title, writerOptions(p, c), outPath, &res, &error)) {
        err << "vigil dicom pdf: " << error << "\n";
        return Failed;
    }
    out << "wrote " << res.path << ": Encapsulated PDF, SOP instance " << res.sopInstanceUid << "\n";
    return Ok;
}

int showCommand(const Parsed &p, QTextStream &out, QTextStream &err)
{
    if (p.positional.size() != 1) {
        err << "vigil dicom show: one FILE expected\n";
        return Usage;
    }
    QString error;
    const auto f = dicom::readWaveformFile(p.positional.front(), &error);
    if (!f) {
        err << "vigil dicom show: " << error << "\n";
        return Unreadable;
    }
    out << "file: " << p.positional.front() << "\n" << dicom::describe(*f);
    return Ok;
}

int importCommand(const Parsed &p, QTextStream &out, QTextStream &err)
{
    const QString archivePath = p.value("--archive");
    if (p.positional.size() != 1 || archivePath.isEmpty()) {
        err << "vigil dicom import: one FILE and --archive OUT are required\n";
        return Usage;
    }
    QString error;
    const auto f = dicom::readWaveformFile(p.positional.front(), &error);
    if (!f) {
        err << "vigil dicom import: " << error << "\n";
        return Unreadable;
    }
    archive::ArchiveOptions o;
    o.waveRetentionHours = 1e7; // an imported recording may be old: keep it
    o.numericRetentionDays = 1e6;
    auto a = archive::Archive::open(archivePath, o, &error);
    if (!a) {
        err << "vigil dicom import: " << error << "\n";
        return Unreadable;
    }
    const QString label = p.value("--bed").isEmpty()
                              ? QStringLiteral("DICOM ") + QFileInfo(p.positional.front()).completeBaseName()
                              : p.value("--bed");
    dicom::ImportResult res;
    const bool ok = dicom::importToArchive(*f, *a, QStringLiteral("dicom^") + label, label, &res, &error);
    for (const QString &x : f->oddities)
        err << "odd: " << x << "\n";
    for (const QString &n : res.notes)
        err << "note: " << n << "\n";
    if (!ok) {
        err << "vigil dicom import: " << error << "\n";
        return Failed;
    }
    out << "imported " << res.channels << " channels (" << res.samples << " samples) as bed '" << label
        << "' from "
        << QDateTime::fromMSecsSinceEpoch(res.startUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs) << " to "
        << QDateTime::fromMSecsSinceEpoch(res.endUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs) << "\n";
    return Ok;
}

int echoCommand(const Parsed &p, const DicomConfig &c, QTextStream &out, QTextStream &err)
{
    if (p.positional.size() != 1) {
        err << "vigil dicom echo: one AE@HOST:PORT expected\n";
        return Usage;
    }
    dicom::Peer peer;
    if (!peerFrom(p, p.positional.front(), c, &peer, err))
        return Usage;
    QElapsedTimer t;
    t.start();
    const dicom::NetResult r = dicom::echo(peer);
    if (r.outcome != dicom::Outcome::Ok) {
        err << "vigil dicom echo: " << r.reason << "\n";
        return Failed;
    }
    out << "C-ECHO " << p.positional.front() << (peer.tls.enabled ? " (TLS)" : "") << ": success in "
        << t.elapsed() << " ms\n";
    return Ok;
}

int sendCommand(const Parsed &p, const DicomConfig &c, QTextStream &out, QTextStream &err)
{
    const QString to = p.value("--to");
    if (to.isEmpty() || p.positional.isEmpty()) {
        err << "vigil dicom send: FILE... and --to AE@HOST:PORT are required\n";
        return Usage;
    }
    dicom::Peer peer;
    if (!peerFrom(p, to, c, &peer, err))
        return Usage;
    std::vector<dicom::NetResult> per;
    QElapsedTimer t;
    t.start();
    const dicom::NetResult assoc = dicom::store(peer, p.positional, &per);
    int failed = 0;
    qint64 bytes = 0;
    for (std::size_t i = 0; i < per.size(); ++i) {
        const QString &f = p.positional[qsizetype(i)];
        if (per[i].outcome == dicom::Outcome::Ok) {
            bytes += per[i].bytes;
            out << "sent " << f << " (" << per[i].sopInstanceUid << ")\n";
        } else {
            ++failed;
            err << "not sent " << f << ": " << dicom::outcomeName(per[i].outcome) << ": " << per[i].reason
                << "\n";
        }
    }
    if (assoc.outcome != dicom::Outcome::Ok && failed == 0)
        err << "vigil dicom send: " << assoc.reason << "\n";
    out << (per.size() - std::size_t(failed)) << " of " << per.size() << " sent, " << bytes << " bytes in "
        << t.elapsed() << " ms\n";
    return failed == 0 && assoc.outcome == dicom::Outcome::Ok ? Ok : Failed;
}

} // namespace

int runDicomCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Parsed p = parse(args);
    if (!p.error.isEmpty()) {
        err << "vigil dicom: " << p.error << "\n" << kUsage;
        return Usage;
    }
    if (p.command.isEmpty() || p.wantsHelp()) {
        (p.command.isEmpty() ? err : out) << kUsage;
        return p.command.isEmpty() ? Usage : Ok;
    }
    DicomConfig c;
    if (!loadConfig(p, &c, err))
        return Usage;
    if (p.command == QLatin1String("export"))
        return exportCommand(p, c, out, err);
    if (p.command == QLatin1String("pdf"))
        return pdfCommand(p, c, out, err);
    if (p.command == QLatin1String("show"))
        return showCommand(p, out, err);
    if (p.command == QLatin1String("import"))
        return importCommand(p, out, err);
    if (p.command == QLatin1String("echo"))
        return echoCommand(p, c, out, err);
    if (p.command == QLatin1String("send"))
        return sendCommand(p, c, out, err);
    err << "vigil dicom: unknown command '" << p.command << "'\n" << kUsage;
    return Usage;
}

int dicomMain(int argc, char *argv[])
{
    if (argc > 2 && qstrcmp(argv[2], "view") == 0) { // a window: its own QApplication
        QStringList rest;
        for (int i = 3; i < argc; ++i)
            rest << QString::fromLocal8Bit(argv[i]);
        return runDicomView(argc, argv, rest);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QStringList args = QCoreApplication::arguments().mid(2);
    QTextStream out(stdout), err(stderr);
    return runDicomCommand(args, out, err);
}

} // namespace vigil
