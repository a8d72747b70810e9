#include "Wfdb.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <limits>
#include <new>

namespace vigil::wfdb {

namespace {

// A header larger than this is not a header (the largest PhysioNet headers are a few kB).
constexpr qint64 kMaxHeaderBytes = 4 * 1024 * 1024;
// Guards against absurd header values before they reach any size arithmetic.
constexpr qint64 kMaxFrames = qint64(1) << 40;
constexpr int kMaxSamplesPerFrame = 1 << 16;
constexpr int kMaxSignals = 1 << 14;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// For functions returning std::optional: `return none(error, "...");`
std::nullopt_t none(QString *error, const QString &message)
{
    fail(error, message);
    return std::nullopt;
}

QString lineError(int line, const QString &what)
{
    return QStringLiteral("line %1: %2").arg(line).arg(what);
}

QString signalError(int line, int signal, const QString &what)
{
    return QStringLiteral("line %1 (signal %2): %3").arg(line).arg(signal).arg(what);
}

bool toInt(QStringView t, int *v)
{
    bool ok = false;
    *v = t.toInt(&ok);
    return ok;
}

bool toInt64(QStringView t, qint64 *v)
{
    bool ok = false;
    *v = t.toLongLong(&ok);
    return ok;
}

bool toDouble(QStringView t, double *v)
{
    bool ok = false;
    *v = t.toDouble(&ok);
    return ok && std::isfinite(*v);
}

// Whitespace-separated fields of one line, with access to the untokenised remainder (the description).
class Fields
{
public:
    explicit Fields(QStringView line) : m_line(line) {}
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_line.size();
    }
    QStringView next()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_line.size() && !m_line[m_pos].isSpace())
            ++m_pos;
        return m_line.mid(start, m_pos - start);
    }
    QStringView rest()
    {
        skipSpace();
        return m_line.mid(m_pos).trimmed();
    }

private:
    void skipSpace()
    {
        while (m_pos < m_line.size() && m_line[m_pos].isSpace())
            ++m_pos;
    }
    QStringView m_line;
    qsizetype m_pos = 0;
};

bool isKnownFormat(int f)
{
    switch (f) {
    case 0:
    case 8:
    case 16:
    case 24:
    case 32:
    case 61:
    case 80:
    case 160:
    case 212:
    case 310:
    case 311:
    case 508:
    case 516:
    case 524:
        return true;
    default:
        return false;
    }
}

bool parseRecordLine(QStringView line, int lineNo, Header &h, int *nsig, QString *error)
{
    Fields f(line);
    const QStringView name = f.next();
    if (name.contains(u'/'))
        return fail(error, lineError(lineNo, QStringLiteral("'%1' is a multi-segment record, which is not "
                                                            "supported (open one of its segments instead)")
                                                 .arg(name)));
    h.recordName = name.toString();

    if (f.atEnd())
        return fail(error, lineError(lineNo, QStringLiteral("record line has no number of signals")));
    const QStringView nsigText = f.next();
    if (!toInt(nsigText, nsig) || *nsig < 0 || *nsig > kMaxSignals)
        return fail(error, lineError(lineNo, QStringLiteral("bad number of signals '%1'").arg(nsigText)));

    if (!f.atEnd()) {
        // freq[/counterFreq[(baseCounter)]]
        static const QRegularExpression re(QStringLiteral(R"(^([^/(]+)(?:/([^(]+)(?:\(([^)]*)\))?)?$)"));
        const QStringView spec = f.next();
        const auto m = re.match(spec);
        if (!m.hasMatch() || !toDouble(m.capturedView(1), &h.frameFrequency) || h.frameFrequency <= 0)
            return fail(error, lineError(lineNo, QStringLiteral("bad sampling frequency '%1' (expected a "
                                                                "positive number[/counter freq[(base)]])")
                                                     .arg(spec)));
        h.counterFrequency = h.frameFrequency;
        if (m.hasCaptured(2)) {
            double cf = 0;
            if (!toDouble(m.capturedView(2), &cf))
                return fail(error,
                            lineError(lineNo, QStringLiteral("bad counter frequency in '%1'").arg(spec)));
            if (cf > 0)
                h.counterFrequency = cf;
        }
        if (m.hasCaptured(3) && !toDouble(m.capturedView(3), &h.baseCounter))
            return fail(error, lineError(lineNo, QStringLiteral("bad base counter value in '%1'").arg(spec)));
    } else {
        h.counterFrequency = h.frameFrequency;
    }

    if (!f.atEnd()) {
        const QStringView n = f.next();
        if (!toInt64(n, &h.numFrames) || h.numFrames < 0 || h.numFrames > kMaxFrames)
            return fail(error,
                        lineError(lineNo, QStringLiteral("bad number of samples per signal '%1'").arg(n)));
    }
    if (!f.atEnd()) {
        static const QRegularExpression re(QStringLiteral(R"(^\d{1,2}:\d{1,2}(:\d{1,2}(\.\d+)?)?$)"));
        const QStringView t = f.next();
        if (!re.match(t).hasMatch())
            return fail(error,
                        lineError(lineNo, QStringLiteral("bad base time '%1' (expected HH:MM:SS)").arg(t)));
        h.baseTime = t.toString();
    }
    if (!f.atEnd()) {
        static const QRegularExpression re(QStringLiteral(R"(^\d{1,2}/\d{1,2}/\d{1,4}$)"));
        const QStringView d = f.next();
        if (!re.match(d).hasMatch())
            return fail(error,
                        lineError(lineNo, QStringLiteral("bad base date '%1' (expected DD/MM/YYYY)").arg(d)));
        h.baseDate = d.toString();
    }
    if (!f.atEnd())
        return fail(
            error,
            lineError(lineNo, QStringLiteral("unexpected field '%1' after the base date").arg(f.rest())));
    return true;
}

bool parseSignalLine(QStringView line, int lineNo, int s, SignalInfo &sig, QString *error)
{
    Fields f(line);
    sig.fileName = f.next().toString();
    // Signal files are looked up beside the header; a path here could reach anywhere on the disk.
    if (sig.fileName.contains(u'/') || sig.fileName.contains(u'\\'))
        return fail(error,
                    signalError(lineNo, s,
                                QStringLiteral("file name '%1' must not contain a path").arg(sig.fileName)));
    if (sig.fileName == u"~" || sig.fileName == u"-")
        return fail(error, signalError(lineNo, s,
                                       QStringLiteral("file name '%1' (null signal or standard "
                                                      "input) is not supported")
                                           .arg(sig.fileName)));

    if (f.atEnd())
        return fail(error, signalError(lineNo, s, QStringLiteral("missing format field")));
    {
        static const QRegularExpression re(QStringLiteral(R"(^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$)"));
        const QStringView spec = f.next();
        const auto m = re.match(spec);
        if (!m.hasMatch() || !toInt(m.capturedView(1), &sig.format))
            return fail(error, signalError(lineNo, s,
                                           QStringLiteral("bad format field '%1' (expected "
                                                          "format[xspf][:skew][+offset])")
                                               .arg(spec)));
        if (!isKnownFormat(sig.format))
            return fail(error, signalError(lineNo, s, QStringLiteral("unknown format %1").arg(sig.format)));
        if (!isSupportedFormat(sig.format))
            return fail(error, signalError(lineNo, s,
                                           QStringLiteral("format %1 is not supported (supported: "
                                                          "16, 61, 80, 160, 212)")
                                               .arg(sig.format)));
        if (m.hasCaptured(2)) {
            if (!toInt(m.capturedView(2), &sig.samplesPerFrame) || sig.samplesPerFrame > kMaxSamplesPerFrame)
                return fail(
                    error, signalError(lineNo, s, QStringLiteral("bad samples per frame in '%1'").arg(spec)));
            // WFDB reads "x0" as one sample per frame.
            sig.samplesPerFrame = std::max(sig.samplesPerFrame, 1);
        }
        if (m.hasCaptured(3) && (!toInt(m.capturedView(3), &sig.skew) || sig.skew < 0))
            return fail(error, signalError(lineNo, s, QStringLiteral("bad skew in '%1'").arg(spec)));
        if (m.hasCaptured(4) && (!toInt64(m.capturedView(4), &sig.byteOffset) || sig.byteOffset < 0))
            return fail(error, signalError(lineNo, s, QStringLiteral("bad byte offset in '%1'").arg(spec)));
    }

    bool hasBaseline = false;
    if (!f.atEnd()) {
        static const QRegularExpression re(QStringLiteral(R"(^([^(/]+)(?:\(([^)]*)\))?(?:/(.*))?$)"));
        const QStringView spec = f.next();
        const auto m = re.match(spec);
        double gain = 0;
        if (!m.hasMatch() || !toDouble(m.capturedView(1), &gain))
            return fail(error, signalError(lineNo, s,
                                           QStringLiteral("bad ADC gain '%1' (expected "
                                                          "gain[(baseline)][/units])")
                                               .arg(spec)));
        sig.calibrated = gain != 0.0;
        sig.gain = sig.calibrated ? gain : 200.0;
        if (m.hasCaptured(2)) {
            if (!toInt(m.capturedView(2), &sig.baseline))
                return fail(error, signalError(lineNo, s, QStringLiteral("bad baseline in '%1'").arg(spec)));
            hasBaseline = true;
        }
        if (m.hasCaptured(3)) {
            if (m.capturedView(3).isEmpty())
                return fail(error, signalError(lineNo, s, QStringLiteral("empty units in '%1'").arg(spec)));
            sig.units = m.captured(3);
        }
    } else {
        sig.calibrated = false;
    }

    const auto intField = [&](int *out, const char *what, int lo, int hi) {
        if (f.atEnd())
            return true;
        const QStringView t = f.next();
        if (!toInt(t, out) || *out < lo || *out > hi)
            return fail(error,
                        signalError(lineNo, s, QStringLiteral("bad %1 '%2'").arg(QLatin1String(what), t)));
        return true;
    };
    constexpr int kMin = std::numeric_limits<int>::min(), kMax = std::numeric_limits<int>::max();
    int adcres = 0;
    if (!intField(&adcres, "ADC resolution", 0, 32))
        return false;
    sig.adcResolution = adcres ? adcres : (sig.format == 80 ? 8 : 12);
    if (!intField(&sig.adcZero, "ADC zero", kMin, kMax))
        return false;
    sig.initialValue = sig.adcZero;
    if (!intField(&sig.initialValue, "initial value", kMin, kMax))
        return false;
    sig.hasChecksum = !f.atEnd();
    if (!intField(&sig.checksum, "checksum", kMin, kMax))
        return false;
    if (!intField(&sig.blockSize, "block size", kMin, kMax))
        return false;
    sig.description = f.rest().toString();
    if (!hasBaseline)
        sig.baseline = sig.adcZero;
    return true;
}

// Samples held by `bytes` bytes of a signal file in format `fmt`.
qint64 samplesInBytes(int fmt, qint64 bytes)
{
    switch (fmt) {
    case 212:
        return bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0);
    case 80:
        return bytes;
    default:
        return bytes / 2;
    }
}

// Bytes needed for n samples in format `fmt` (format 212 stores an odd last sample in two bytes).
qint64 bytesForSamples(int fmt, qint64 n)
{
    switch (fmt) {
    case 212:
        return n / 2 * 3 + (n % 2 ? 2 : 0);
    case 80:
        return n;
    default:
        return n * 2;
    }
}

void decode(int fmt, const uchar *p, qint64 n, int32_t *out)
{
    switch (fmt) {
    case 212:
        for (qint64 i = 0; i + 1 < n; i += 2, p += 3) {
            const int a = p[0] | ((p[1] & 0x0F) << 8);
            const int b = p[2] | ((p[1] & 0xF0) << 4);
            *out++ = a >= 2048 ? a - 4096 : a;
            *out++ = b >= 2048 ? b - 4096 : b;
        }
        if (n % 2) {
            const int a = p[0] | ((p[1] & 0x0F) << 8);
            *out = a >= 2048 ? a - 4096 : a;
        }
        break;
    case 16:
        for (qint64 i = 0; i < n; ++i, p += 2)
            *out++ = int16_t(quint16(p[0] | (p[1] << 8)));
        break;
    case 61:
        for (qint64 i = 0; i < n; ++i, p += 2)
            *out++ = int16_t(quint16((p[0] << 8) | p[1]));
        break;
    case 160:
        for (qint64 i = 0; i < n; ++i, p += 2)
            *out++ = int32_t(p[0] | (p[1] << 8)) - 32768;
        break;
    case 80:
        for (qint64 i = 0; i < n; ++i)
            *out++ = int32_t(*p++) - 128;
        break;
    }
}

QString formatNumber(double v)
{
    // Shortest text that reads back as the same double, so gains survive a write/read round trip.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, r.ptr - buf);
}

QString sanitizedText(QString s)
{
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control)
            c = u' ';
    return s.simplified();
}

} // namespace

bool isSupportedFormat(int format)
{
    return format == 16 || format == 61 || format == 80 || format == 160 || format == 212;
}

int32_t invalidSampleValue(int format)
{
    switch (format) {
    case 16:
    case 61:
    case 160:
        return -32768;
    case 212:
        return -2048;
    case 80:
        return -128;
    default:
        return std::numeric_limits<int32_t>::min();
    }
}

namespace {

// signalLines receives the header line number of each signal, so later errors can name it.
std::optional<Header> parseHeaderLines(QByteArrayView text, QString *error, std::vector<int> *signalLines)
{
    if (text.size() > kMaxHeaderBytes)
        return none(error,
                    QStringLiteral("header is %1 bytes, too large to be a WFDB header").arg(text.size()));
    if (text.contains('\0'))
        return none(error, QStringLiteral("header contains NUL bytes: not a text file"));

    // PhysioNet headers mix CRLF, LF and (from old Macs) bare CR line ends, sometimes within one file.
    QString all = QString::fromUtf8(text);
    all.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    all.replace(u'\r', u'\n');
    const QStringList lines = all.split(u'\n');

    Header h;
    int nsig = -1;
    int recordLine = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QStringView line = QStringView(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            h.comments.append(line.mid(1).trimmed().toString());
            continue;
        }
        if (nsig < 0) {
            if (!parseRecordLine(line, lineNo, h, &nsig, error))
                return std::nullopt;
            recordLine = lineNo;
            continue;
        }
        const int s = int(h.signalInfos.size());
        // Unlike WFDB, which ignores extra signal lines, reject them: they almost always mean a hand
        // edit went wrong, and silently dropping a channel is worse than refusing the record.
        if (s >= nsig)
            return none(error, lineError(lineNo, QStringLiteral("more signal lines than the %1 signal(s) "
                                                                "declared on line %2")
                                                     .arg(nsig)
                                                     .arg(recordLine)));
        SignalInfo sig;
        if (!parseSignalLine(line, lineNo, s, sig, error))
            return std::nullopt;
        if (s > 0) {
            const SignalInfo &prev = h.signalInfos.back();
            const bool sameFile = prev.fileName == sig.fileName;
            if (!sameFile) {
                for (const SignalInfo &other : h.signalInfos)
                    if (other.fileName == sig.fileName)
                        return none(error, signalError(lineNo, s,
                                                       QStringLiteral("signals in file '%1' are not "
                                                                      "consecutive")
                                                           .arg(sig.fileName)));
            } else if (prev.format != sig.format || prev.byteOffset != sig.byteOffset) {
                return none(error, signalError(lineNo, s,
                                               QStringLiteral("format or byte offset differs from "
                                                              "the previous signal in '%1'")
                                                   .arg(sig.fileName)));
            }
        }
        h.signalInfos.push_back(std::move(sig));
        if (signalLines)
            signalLines->push_back(lineNo);
    }
    if (nsig < 0)
        return none(error, QStringLiteral("no record line: the header is empty or only comments"));
    if (int(h.signalInfos.size()) != nsig)
        return none(error, lineError(recordLine, QStringLiteral("record declares %1 signal(s) but the header "
                                                                "has %2 signal line(s)")
                                                     .arg(nsig)
                                                     .arg(h.signalInfos.size())));
    return h;
}

} // namespace

std::optional<Header> parseHeader(QByteArrayView text, QString *error)
{
    return parseHeaderLines(text, error, nullptr);
}

std::optional<Record> Record::open(const QString &headerPath, QString *error)
{
    QFile hf(headerPath);
    if (!hf.open(QIODevice::ReadOnly))
        return none(error, QStringLiteral("%1: %2").arg(headerPath, hf.errorString()));
    const QByteArray text = hf.read(kMaxHeaderBytes + 1);
    QString why;
    std::vector<int> signalLine;
    std::optional<Header> header = parseHeaderLines(text, &why, &signalLine);
    if (!header)
        return none(error, QStringLiteral("%1: %2").arg(headerPath, why));

    Record r;
    r.m_header = std::move(*header);
    const Header &h = r.m_header;
    const int n = int(h.signalInfos.size());
    const QDir dir = QFileInfo(headerPath).absoluteDir();

    struct Group
    {
        int first, last; // signal range [first, last)
        qint64 frameSamples;
    };
    std::vector<Group> groups;
    for (int s = 0; s < n;) {
        Group g{s, s, 0};
        while (g.last < n &&
               h.signalInfos[std::size_t(g.last)].fileName == h.signalInfos[std::size_t(s)].fileName)
            g.frameSamples += h.signalInfos[std::size_t(g.last++)].samplesPerFrame;
        groups.push_back(g);
        s = groups.back().last;
    }

    qint64 frames = h.numFrames;
    if (frames == 0 && !groups.empty())
        frames = kMaxFrames;
    for (Group &g : groups) {
        const SignalInfo &sig = h.signalInfos[std::size_t(g.first)];
        const int line = signalLine[std::size_t(g.first)];
        QFile df(dir.filePath(sig.fileName));
        if (!df.open(QIODevice::ReadOnly))
            return none(
                error,
                QStringLiteral("%1: %2").arg(
                    headerPath,
                    signalError(line, g.first,
                                QStringLiteral("cannot open %1: %2").arg(sig.fileName, df.errorString()))));
        const qint64 available = std::max<qint64>(0, df.size() - sig.byteOffset);
        if (h.numFrames == 0) {
            frames = std::min(frames, samplesInBytes(sig.format, available) / g.frameSamples);
            continue;
        }
        if (frames > std::numeric_limits<qint64>::max() / 4 / g.frameSamples)
            return none(error, QStringLiteral("%1: %2").arg(
                                   headerPath, signalError(line, g.first,
                                                           QStringLiteral("%1 frames of %2 samples "
                                                                          "is more than any file holds")
                                                               .arg(frames)
                                                               .arg(g.frameSamples))));
        const qint64 needed = bytesForSamples(sig.format, frames * g.frameSamples);
        if (available < needed)
            return none(
                error,
                QStringLiteral("%1: %2").arg(
                    headerPath, signalError(line, g.first,
                                            QStringLiteral("%1 is truncated: %2 bytes of samples, but %3 "
                                                           "frames of %4 sample(s) in format %5 need %6")
                                                .arg(sig.fileName, QString::number(available),
                                                     QString::number(frames), QString::number(g.frameSamples),
                                                     QString::number(sig.format), QString::number(needed)))));
    }
    if (groups.empty())
        frames = h.numFrames;
    r.m_frames = frames;

    try {
        r.m_samples.resize(std::size_t(n));
        r.m_storedSums.resize(std::size_t(n));
        for (Group &g : groups) {
            const SignalInfo &first = h.signalInfos[std::size_t(g.first)];
            QFile df(dir.filePath(first.fileName));
            if (!df.open(QIODevice::ReadOnly) || !df.seek(first.byteOffset))
                return none(error, QStringLiteral("%1: cannot read %2: %3")
                                       .arg(headerPath, first.fileName, df.errorString()));
            const qint64 total = frames * g.frameSamples;
            const QByteArray bytes = df.read(bytesForSamples(first.format, total));
            if (bytes.size() < bytesForSamples(first.format, total))
                return none(error, QStringLiteral("%1: short read from %2").arg(headerPath, first.fileName));
            std::vector<int32_t> flat(static_cast<std::size_t>(total));
            decode(first.format, reinterpret_cast<const uchar *>(bytes.constData()), total, flat.data());

            std::vector<std::vector<int32_t>> raw(std::size_t(g.last - g.first));
            for (int s = g.first; s < g.last; ++s)
                raw[std::size_t(s - g.first)].resize(
                    std::size_t(frames * h.signalInfos[std::size_t(s)].samplesPerFrame));
            std::size_t k = 0;
            for (qint64 t = 0; t < frames; ++t) {
                for (int s = g.first; s < g.last; ++s) {
                    const int spf = h.signalInfos[std::size_t(s)].samplesPerFrame;
                    int32_t *dst = raw[std::size_t(s - g.first)].data() + t * spf;
                    for (int c = 0; c < spf; ++c)
                        dst[c] = flat[k++];
                }
            }
            for (int s = g.first; s < g.last; ++s) {
                const SignalInfo &sig = h.signalInfos[std::size_t(s)];
                std::vector<int32_t> &v = raw[std::size_t(s - g.first)];
                quint32 sum = 0;
                for (int32_t x : v)
                    sum += quint32(x);
                r.m_storedSums[std::size_t(s)] = quint16(sum & 0xFFFF);
                if (sig.skew > 0) {
                    const std::size_t shift = std::size_t(sig.skew) * std::size_t(sig.samplesPerFrame);
                    const int32_t invalid = invalidSampleValue(sig.format);
                    for (std::size_t i = 0; i < v.size(); ++i)
                        v[i] = i + shift < v.size() ? v[i + shift] : invalid;
                }
                r.m_samples[std::size_t(s)] = std::move(v);
            }
        }
    } catch (const std::bad_alloc &) {
        return none(
            error,
            QStringLiteral("%1: record too large to hold in memory (%2 frames)").arg(headerPath).arg(frames));
    }
    return r;
}

double Record::sampleRate(int s) const
{
    return m_header.frameFrequency * m_header.signalInfos[std::size_t(s)].samplesPerFrame;
}

double Record::durationS() const
{
    return double(m_frames) / m_header.frameFrequency;
}

bool Record::verifyChecksums(QString *error) const
{
    if (m_header.numFrames == 0)
        return true;
    QStringList bad;
    for (int s = 0; s < signalCount(); ++s) {
        const SignalInfo &sig = m_header.signalInfos[std::size_t(s)];
        if (!sig.hasChecksum)
            continue;
        const quint16 expected = quint16(sig.checksum & 0xFFFF);
        if (m_storedSums[std::size_t(s)] != expected)
            bad << QStringLiteral("signal %1 (%2): samples sum to %3, header says %4")
                       .arg(QString::number(s), sig.description,
                            QString::number(int16_t(m_storedSums[std::size_t(s)])),
                            QString::number(int16_t(expected)));
    }
    if (bad.isEmpty())
        return true;
    return fail(error, QStringLiteral("checksum mismatch: ") + bad.join(QStringLiteral("; ")));
}

bool Record::isInvalid(int s, int32_t adu) const
{
    return adu == invalidSampleValue(m_header.signalInfos[std::size_t(s)].format);
}

double Record::toPhysical(int s, int32_t adu) const
{
    if (isInvalid(s, adu))
        return std::numeric_limits<double>::quiet_NaN();
    const SignalInfo &sig = m_header.signalInfos[std::size_t(s)];
    return (adu - sig.baseline) / sig.gain;
}

std::optional<vigil::WaveId> waveIdForSignal(const SignalInfo &signal)
{
    static const QRegularExpression prefix(QStringLiteral(R"(^(?:(?:ECG|EKG|LEAD)(?:[\s_-]+|$))+)"));
    QString d = signal.description.trimmed().toUpper();
    const bool wasEcg = d.startsWith(u"ECG") || d.startsWith(u"EKG");
    d.remove(prefix);
    if (d.isEmpty())
        return wasEcg ? std::optional(WaveId::EcgII) : std::nullopt;
    if (d == u"I")
        return WaveId::EcgI;
    if (d == u"II" || d == u"MLII")
        return WaveId::EcgII;
    if (d == u"III" || d == u"MLIII")
        return WaveId::EcgIII;
    static const QRegularExpression chest(QStringLiteral(R"(^(?:V[1-6]?|MLV[1-6]?|MCL[1-6])$)"));
    if (chest.match(d).hasMatch())
        return WaveId::EcgV;
    if (d == u"PLETH" || d == u"PPG")
        return WaveId::Pleth;
    if (d == u"RESP" || d == u"RESPIRATION")
        return WaveId::Resp;
    if (d == u"ABP" || d == u"ART")
        return WaveId::Abp;
    if (d == u"CO2" || d == u"CAPNO")
        return WaveId::Co2;
    return std::nullopt;
}

bool writeRecord(const QString &dirPath, const QString &recordName, const Header &header,
                 const std::vector<std::vector<int32_t>> &samples, QString *error)
{
    static const QRegularExpression nameRe(QStringLiteral(R"(^[A-Za-z0-9_]+$)"));
    if (!nameRe.match(recordName).hasMatch())
        return fail(error,
                    QStringLiteral("record name '%1' must be letters, digits and '_' only").arg(recordName));
    const QDir dir(dirPath);
    if (!dir.exists())
        return fail(error, QStringLiteral("folder %1 does not exist").arg(dirPath));
    const std::size_t n = header.signalInfos.size();
    if (n == 0 || samples.size() != n)
        return fail(
            error,
            QStringLiteral("%1 signal description(s) but %2 sample vector(s)").arg(n).arg(samples.size()));
    if (!(header.frameFrequency > 0) || !std::isfinite(header.frameFrequency))
        return fail(error, QStringLiteral("frame frequency must be positive"));
    static const QRegularExpression noSpace(QStringLiteral(R"(^\S*$)"));
    if (!noSpace.match(header.baseTime).hasMatch() || !noSpace.match(header.baseDate).hasMatch() ||
        (header.baseTime.isEmpty() && !header.baseDate.isEmpty()))
        return fail(error, QStringLiteral("base time/date must have no spaces, and a date needs a time"));

    qint64 frames = -1;
    qint64 frameSamples = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const int spf = header.signalInfos[s].samplesPerFrame;
        if (spf < 1)
            return fail(error, QStringLiteral("signal %1: samples per frame must be at least 1").arg(s));
        if (!(header.signalInfos[s].gain != 0.0) || !std::isfinite(header.signalInfos[s].gain))
            return fail(error, QStringLiteral("signal %1: gain must be finite and non-zero").arg(s));
        if (samples[s].size() % std::size_t(spf))
            return fail(error, QStringLiteral("signal %1: %2 samples is not a whole number of frames of %3")
                                   .arg(s)
                                   .arg(samples[s].size())
                                   .arg(spf));
        const qint64 f = qint64(samples[s].size()) / spf;
        if (frames >= 0 && f != frames)
            return fail(error, QStringLiteral("signal %1 has %2 frames, signal 0 has %3: all signals must "
                                              "span the same time")
                                   .arg(s)
                                   .arg(f)
                                   .arg(frames));
        frames = f;
        frameSamples += spf;
    }

    // Translate to format 16 first, so range errors are reported before anything is written.
    constexpr int32_t kInvalid16 = -32768;
    std::vector<std::vector<int16_t>> out(n);
    for (std::size_t s = 0; s < n; ++s) {
        const int32_t inInvalid = invalidSampleValue(header.signalInfos[s].format);
        out[s].reserve(samples[s].size());
        for (std::size_t i = 0; i < samples[s].size(); ++i) {
            const int32_t v = samples[s][i];
            if (v == inInvalid) {
                out[s].push_back(int16_t(kInvalid16));
            } else if (v < -32767 || v > 32767) {
                return fail(error, QStringLiteral("signal %1: sample %2 is %3, outside format 16's range "
                                                  "[-32767, 32767]")
                                       .arg(s)
                                       .arg(i)
                                       .arg(v));
            } else {
                out[s].push_back(int16_t(v));
            }
        }
    }

    const QString datName = recordName + QStringLiteral(".dat");
    QByteArray dat;
    dat.resize(frames * frameSamples * 2);
    char *p = dat.data();
    for (qint64 t = 0; t < frames; ++t) {
        for (std::size_t s = 0; s < n; ++s) {
            const int spf = header.signalInfos[s].samplesPerFrame;
            for (int c = 0; c < spf; ++c) {
                const quint16 u = quint16(out[s][std::size_t(t * spf + c)]);
                *p++ = char(u & 0xFF);
                *p++ = char(u >> 8);
            }
        }
    }

    QString hea = QStringLiteral("%1 %2 %3").arg(recordName).arg(n).arg(formatNumber(header.frameFrequency));
    const bool ownCounter = header.counterFrequency > 0 && header.counterFrequency != header.frameFrequency;
    if (ownCounter || header.baseCounter != 0.0) {
        hea += u'/' +
               formatNumber(header.counterFrequency > 0 ? header.counterFrequency : header.frameFrequency);
        if (header.baseCounter != 0.0)
            hea += u'(' + formatNumber(header.baseCounter) + u')';
    }
    hea += u' ' + QString::number(frames);
    if (!header.baseTime.isEmpty())
        hea += u' ' + header.baseTime;
    if (!header.baseDate.isEmpty())
        hea += u' ' + header.baseDate;
    hea += u'\n';
    for (std::size_t s = 0; s < n; ++s) {
        const SignalInfo &sig = header.signalInfos[s];
        quint32 sum = 0;
        for (int16_t v : out[s])
            sum += quint32(int32_t(v));
        const int checksum = int16_t(quint16(sum & 0xFFFF));
        const int initial = out[s].empty() ? sig.adcZero : out[s].front();
        QString units = sig.units;
        units.replace(QRegularExpression(QStringLiteral(R"([\s()/])")), QStringLiteral("_"));
        hea += QStringLiteral("%1 16%2 %3(%4)%5 %6 %7 %8 %9 0")
                   .arg(datName,
                        sig.samplesPerFrame > 1 ? QStringLiteral("x%1").arg(sig.samplesPerFrame) : QString(),
                        sig.calibrated ? formatNumber(sig.gain) : QStringLiteral("0"))
                   .arg(sig.baseline)
                   .arg(units.isEmpty() ? QString() : u'/' + units)
                   .arg(sig.adcResolution >= 1 && sig.adcResolution <= 16 ? sig.adcResolution : 16)
                   .arg(sig.adcZero)
                   .arg(initial)
                   .arg(checksum);
        const QString description = sanitizedText(sig.description);
        if (!description.isEmpty())
            hea += u' ' + description;
        hea += u'\n';
    }
    for (const QString &c : header.comments)
        hea += u'#' + sanitizedText(c) + u'\n';

    // Signal file first: a header must never point at a signal file that is not complete.
    QSaveFile datFile(dir.filePath(datName));
    if (!datFile.open(QIODevice::WriteOnly) || datFile.write(dat) != dat.size() || !datFile.commit())
        return fail(error,
                    QStringLiteral("cannot write %1: %2").arg(datFile.fileName(), datFile.errorString()));
    QSaveFile heaFile(dir.filePath(recordName + QStringLiteral(".hea")));
    const QByteArray heaBytes = hea.toUtf8();
    if (!heaFile.open(QIODevice::WriteOnly) || heaFile.write(heaBytes) != heaBytes.size() ||
        !heaFile.commit())
        return fail(error,
                    QStringLiteral("cannot write %1: %2").arg(heaFile.fileName(), heaFile.errorString()));
    return true;
}

} // namespace vigil::wfdb
