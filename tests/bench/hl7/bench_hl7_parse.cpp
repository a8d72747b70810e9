// HL7 parse throughput: ours against the memory-bound limit (one memchr pass over the same bytes) and
// against other parsers (python3-hl7, and the npm packages @medplum/hl7, simple-hl7, hl7-standard).
//
//   bench_hl7_parse [--quick] [--no-peers] [--npm-dir DIR] [--no-install]
//
// Messages are built with our own builders: a PCD-01 with every numeric the station shows, and a
// 4-channel waveform block (ECG I and II at 500 Hz, pleth and ABP at 125 Hz, one second). For each we
// time:
//   memchr   - memchr() for a byte that never occurs: what reading the bytes costs at best
//   index    - Message::parse(): validates every byte and records the segments (what the gateway does
//              before it decides anything)
//   tokenize - parse + split every field, repetition and component: the work a tree-building parser
//              (all the peers) does, so this is the figure compared with them
//   decode   - parse + decodePcd01() to BedUpdate (numerics/waves), the full path to domain types
// Peers are timed inside their own runtime over the same messages, parse only.
#include "Hl7Message.h"
#include "Pcd.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace vigil;
using namespace vigil::hl7;

namespace {

using Clock = std::chrono::steady_clock;

volatile std::size_t g_sink; // keeps the optimiser from dropping timed work

struct Rate
{
    double msgsPerS = 0;
    double mbPerS = 0;
};

// Best of `runs` timings of batches that each last at least `minSeconds`.
Rate measure(std::size_t bytes, double minSeconds, int runs, const std::function<std::size_t()> &once)
{
    double best = 0;
    for (int r = 0; r < runs; ++r) {
        std::size_t n = 0;
        std::size_t acc = 0;
        const auto t0 = Clock::now();
        double el = 0;
        do {
            for (int k = 0; k < 64; ++k)
                acc += once();
            n += 64;
            el = std::chrono::duration<double>(Clock::now() - t0).count();
        } while (el < minSeconds);
        g_sink = g_sink + acc;
        best = std::max(best, static_cast<double>(n) / el);
    }
    return {best, best * static_cast<double>(bytes) / 1e6};
}

std::string numericsMessage()
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ICU^Room 12^Bed 3");
    u.patient =
        PatientInfo{QStringLiteral("MRN00012345"), QStringLiteral("Example, Patient"), PatientProfile::Adult};
    const qint64 t = 1717243200123;
    const double values[kNumericCount] = {72, 97, 71, 121, 78, 92, 118, 64, 83, 16, 36.8, 38};
    for (int i = 0; i < kNumericCount; ++i)
        u.numerics.push_back({static_cast<NumericId>(i), values[i], t});
    SendOptions o;
    o.sendingApplication = QStringLiteral("GATEWAY^0123456789ABCDEF^EUI-64");
    o.sendingFacility = QStringLiteral("HOSPITAL");
    o.controlId = QStringLiteral("MSG000000001");
    o.messageTimeMs = t;
    return buildPcd01Numerics(u, o);
}

std::string waveformMessage()
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ICU^Room 12^Bed 3");
    u.patient =
        PatientInfo{QStringLiteral("MRN00012345"), QStringLiteral("Example, Patient"), PatientProfile::Adult};
    const qint64 t = 1717243200123000;
    const struct
    {
        WaveId id;
        double rate;
    } chans[] = {{WaveId::EcgI, 500}, {WaveId::EcgII, 500}, {WaveId::Pleth, 125}, {WaveId::Abp, 125}};
    for (const auto &c : chans) {
        WaveBlock b{c.id, c.rate, t, {}, 0.0, 0};
        for (int k = 0; k < static_cast<int>(c.rate); ++k) {
            const double ph = 2 * M_PI * k / c.rate;
            double v = std::sin(ph) * 0.8 + 0.1 * std::sin(7 * ph);
            if (c.id == WaveId::Abp)
                v = 90 + 30 * v;
            // Three decimals, as monitors send them.
            b.samples.push_back(static_cast<float>(std::round(v * 1000) / 1000));
        }
        u.waves.push_back(std::move(b));
    }
    SendOptions o;
    o.controlId = QStringLiteral("MSG000000002");
    o.messageTimeMs = t / 1000;
    return buildPcd01Waveform(u, o);
}

std::size_t tokenize(const Message &m, SegmentTokens &tok)
{
    std::size_t tokens = 0;
    for (int i = 0; i < m.segmentCount(); ++i) {
        tok.reset(m.segment(i));
        tokens += tok.tokens().size();
    }
    return tokens;
}

struct Peer
{
    QString name;
    double numerics = 0; // msgs/s
    double waveform = 0;
    QString note;
};

QJsonObject runJson(const QString &program, const QStringList &args, const QStringList &env, int timeoutMs,
                    QString *error)
{
    QProcess p;
    QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        pe.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(pe);
    p.start(program, args);
    if (!p.waitForStarted(5000)) {
        *error = program + QStringLiteral(" not startable");
        return {};
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        *error = QStringLiteral("timed out");
        return {};
    }
    const QByteArray out = p.readAllStandardOutput();
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const QJsonDocument doc = QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last());
    if (p.exitCode() != 0 || !doc.isObject()) {
        *error = QString::fromUtf8(p.readAllStandardError().trimmed().split('\n').last());
        if (error->isEmpty())
            *error = QStringLiteral("exit code %1").arg(p.exitCode());
        return {};
    }
    return doc.object();
}

const char *kPython = R"PY(
import json, sys, time
try:
    import hl7
except Exception as e:
    print("python3-hl7 not importable: %s" % e, file=sys.stderr); sys.exit(3)
secs = float(sys.argv[1])
res = {}
for key, path in (("numerics", sys.argv[2]), ("waveform", sys.argv[3])):
    msg = open(path, newline="").read()
    best = 0.0
    for _ in range(3):
        n = 0; t0 = time.perf_counter()
        while True:
            for _ in range(8):
                m = hl7.parse(msg)
            n += 8
            el = time.perf_counter() - t0
            if el >= secs: break
        best = max(best, n / el)
    res[key] = best
res["version"] = getattr(hl7, "__version__", "")
print(json.dumps(res))
)PY";

const char *kNode = R"JS(
const fs = require('fs');
const [,, which, secs, numPath, wavePath] = process.argv;
let parse, version = '';
const ver = (p) => { try { return require(p + '/package.json').version; } catch (e) { return ''; } };
if (which === '@medplum/hl7') {
  require('@medplum/hl7');
  const core = require('@medplum/core'); // @medplum/hl7's message model lives in its core package
  parse = (s) => core.Hl7Message.parse(s);
  version = ver('@medplum/hl7');
} else if (which === 'simple-hl7') {
  const p = new (require('simple-hl7').Parser)();
  parse = (s) => p.parse(s);
  version = ver('simple-hl7');
} else if (which === 'hl7-standard') {
  const HL7 = require('hl7-standard');
  parse = (s) => { const h = new HL7(s); h.transform(); return h; };
  version = ver('hl7-standard');
}
const res = { version };
for (const [key, path] of [['numerics', numPath], ['waveform', wavePath]]) {
  const msg = fs.readFileSync(path, 'latin1');
  let best = 0;
  for (let r = 0; r < 3; ++r) {
    let n = 0; const t0 = process.hrtime.bigint(); let el = 0;
    do { for (let k = 0; k < 8; ++k) globalThis.__sink = parse(msg); n += 8;
         el = Number(process.hrtime.bigint() - t0) / 1e9; } while (el < Number(secs));
    best = Math.max(best, n / el);
  }
  res[key] = best;
}
console.log(JSON.stringify(res));
)JS";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const bool peers = !args.contains(QStringLiteral("--no-peers"));
    const bool install = !quick && !args.contains(QStringLiteral("--no-install"));
    QString npmDir = QDir(app.applicationDirPath()).absoluteFilePath(QStringLiteral("../bench-npm"));
    if (const int i = static_cast<int>(args.indexOf(QStringLiteral("--npm-dir")));
        i > 0 && i + 1 < args.size())
        npmDir = args[i + 1];
    const double minS = quick ? 0.02 : 0.25;
    const int runs = quick ? 2 : 5;

    const std::map<QString, std::string> messages = {{QStringLiteral("numerics"), numericsMessage()},
                                                     {QStringLiteral("waveform"), waveformMessage()}};
    std::map<QString, std::map<QString, Rate>> ours;
    for (const auto &[name, msg] : messages) {
        const std::size_t bytes = msg.size();
        Message m;
        SegmentTokens idx;
        if (!m.parse(msg).ok() ||
            decodePcd01(m).update.numerics.size() + decodePcd01(m).update.waves.size() == 0) {
            std::fprintf(stderr, "benchmark message %s does not decode\n", qPrintable(name));
            return 1;
        }
        std::printf("%s message: %zu bytes, %d segments, %zu tokens\n", qPrintable(name), bytes,
                    m.segmentCount(), tokenize(m, idx));
        auto &r = ours[name];
        r[QStringLiteral("memchr")] = measure(bytes, minS, runs, [&] {
            return static_cast<std::size_t>(std::memchr(msg.data(), 0x01, msg.size()) != nullptr) + 1;
        });
        r[QStringLiteral("index")] = measure(bytes, minS, runs, [&] {
            m.parse(msg);
            return static_cast<std::size_t>(m.segmentCount());
        });
        r[QStringLiteral("tokenize")] = measure(bytes, minS, runs, [&] {
            m.parse(msg);
            return tokenize(m, idx);
        });
        r[QStringLiteral("decode")] = measure(bytes, minS, runs, [&] {
            m.parse(msg);
            const DecodedPcd01 d = decodePcd01(m);
            return d.update.numerics.size() + d.update.waves.size();
        });
    }

    std::printf("\n%-30s %14s %14s %14s %14s\n", "ours", "numerics MB/s", "msgs/s", "waveform MB/s",
                "msgs/s");
    for (const char *k : {"memchr", "index", "tokenize", "decode"}) {
        const Rate a = ours[QStringLiteral("numerics")][QLatin1String(k)];
        const Rate b = ours[QStringLiteral("waveform")][QLatin1String(k)];
        std::printf("%-30s %14.1f %14.0f %14.1f %14.0f\n", k, a.mbPerS, a.msgsPerS, b.mbPerS, b.msgsPerS);
    }
    for (const char *k : {"index", "tokenize"}) {
        std::printf("memchr / %-21s %14.2fx %14s %14.2fx\n", k,
                    ours[QStringLiteral("numerics")][QStringLiteral("memchr")].mbPerS /
                        ours[QStringLiteral("numerics")][QLatin1String(k)].mbPerS,
                    "",
                    ours[QStringLiteral("waveform")][QStringLiteral("memchr")].mbPerS /
                        ours[QStringLiteral("waveform")][QLatin1String(k)].mbPerS);
    }

    if (!peers) {
        std::printf("\npeers skipped (--no-peers)\n");
        return 0;
    }
    QTemporaryDir tmp;
    for (const auto &[name, msg] : messages) {
        QFile f(tmp.filePath(name + QStringLiteral(".hl7")));
        f.open(QIODevice::WriteOnly);
        f.write(msg.data(), static_cast<qint64>(msg.size()));
    }
    const QString numPath = tmp.filePath(QStringLiteral("numerics.hl7"));
    const QString wavePath = tmp.filePath(QStringLiteral("waveform.hl7"));
    const QString peerSecs = QString::number(quick ? 0.1 : 1.0);
    std::vector<Peer> results;

    {
        QFile py(tmp.filePath(QStringLiteral("bench.py")));
        py.open(QIODevice::WriteOnly);
        py.write(kPython);
        py.close();
        QString err;
        // Debian's python3-hl7 is installed for the system interpreter only.
        const QJsonObject o = runJson(QStringLiteral("/usr/bin/python3"),
                                      {py.fileName(), peerSecs, numPath, wavePath}, {}, 300000, &err);
        Peer p{QStringLiteral("python3-hl7"), 0, 0, {}};
        if (o.isEmpty())
            p.note = QStringLiteral("skipped: ") + err;
        else {
            p.numerics = o[QStringLiteral("numerics")].toDouble();
            p.waveform = o[QStringLiteral("waveform")].toDouble();
            p.name += QLatin1Char(' ') + o[QStringLiteral("version")].toString();
        }
        results.push_back(p);
    }

    const QStringList npmPackages = {QStringLiteral("@medplum/hl7"), QStringLiteral("simple-hl7"),
                                     QStringLiteral("hl7-standard")};
    const QString modules = QDir(npmDir).absoluteFilePath(QStringLiteral("node_modules"));
    if (install && !QDir(modules).exists(QStringLiteral("hl7-standard"))) {
        std::printf("\ninstalling npm peers into %s ...\n", qPrintable(npmDir));
        std::fflush(stdout);
        QDir().mkpath(npmDir);
        if (!QFile::exists(npmDir + QStringLiteral("/package.json"))) {
            QFile pj(npmDir + QStringLiteral("/package.json"));
            pj.open(QIODevice::WriteOnly);
            pj.write("{\"name\":\"vigil-bench-npm\",\"private\":true}\n");
        }
        QProcess npm;
        npm.setWorkingDirectory(npmDir);
        npm.start(QStringLiteral("npm"), QStringList{QStringLiteral("install"), QStringLiteral("--no-audit"),
                                                     QStringLiteral("--no-fund")} +
                                             npmPackages);
        if (!npm.waitForFinished(180000) || npm.exitCode() != 0)
            std::printf("npm install failed: %s\n", npm.readAllStandardError().trimmed().constData());
    }
    QFile js(tmp.filePath(QStringLiteral("bench.js")));
    js.open(QIODevice::WriteOnly);
    js.write(kNode);
    js.close();
    for (const QString &pkg : npmPackages) {
        Peer p{pkg, 0, 0, {}};
        if (!QDir(modules).exists(pkg)) {
            p.note =
                QStringLiteral("skipped: not installed in %1 (run without --quick/--no-install to install)")
                    .arg(modules);
        } else {
            QString err;
            const QJsonObject o =
                runJson(QStringLiteral("node"), {js.fileName(), pkg, peerSecs, numPath, wavePath},
                        {QStringLiteral("NODE_PATH=") + modules}, 300000, &err);
            if (o.isEmpty())
                p.note = QStringLiteral("skipped: ") + err;
            else {
                p.numerics = o[QStringLiteral("numerics")].toDouble();
                p.waveform = o[QStringLiteral("waveform")].toDouble();
                p.name += QLatin1Char(' ') + o[QStringLiteral("version")].toString();
            }
        }
        results.push_back(p);
    }

    const Rate on = ours[QStringLiteral("numerics")][QStringLiteral("tokenize")];
    const Rate ow = ours[QStringLiteral("waveform")][QStringLiteral("tokenize")];
    std::printf("\n%-30s %14s %14s %14s %14s\n", "peer (parse only)", "numerics msg/s", "ours/peer",
                "waveform msg/s", "ours/peer");
    double fastestN = 0, fastestW = 0;
    for (const Peer &p : results) {
        if (!p.note.isEmpty()) {
            std::printf("%-30s %s\n", qPrintable(p.name), qPrintable(p.note));
            continue;
        }
        fastestN = std::max(fastestN, p.numerics);
        fastestW = std::max(fastestW, p.waveform);
        std::printf("%-30s %14.0f %13.1fx %14.0f %13.1fx\n", qPrintable(p.name), p.numerics,
                    on.msgsPerS / p.numerics, p.waveform, ow.msgsPerS / p.waveform);
    }
    if (fastestN > 0)
        std::printf("ours (tokenize) / fastest peer: numerics %.1fx, waveform %.1fx (target >= 20x)\n",
                    on.msgsPerS / fastestN, ow.msgsPerS / fastestW);
    return 0;
}
