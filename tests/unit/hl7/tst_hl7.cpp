// HL7 v2 / IHE PCD: parser, escapes, MLLP framing, ACKs, content decoding of the shared reference
// messages (shared/data/hl7, see SOURCES.md for their quirks) and builder round trips.
#include "Hl7Ack.h"
#include "Hl7Builder.h"
#include "Hl7Message.h"
#include "Hl7Text.h"
#include "Mllp.h"
#include "Pcd.h"
#include "SharedData.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

#include <cmath>
#include <map>

// QCOMPARE prints enums through an ADL toString(); numbers are enough to read a failure.
namespace vigil {
template <typename E>
requires std::is_enum_v<E>
char *toString(const E &e)
{
    return qstrdup(QByteArray::number(static_cast<int>(e)).constData());
}
namespace hl7 {
using vigil::toString;
}
} // namespace vigil

using namespace vigil;
using namespace vigil::hl7;

namespace {

QString dataDir()
{
    return vigil::test::sharedDataPath(QStringLiteral("hl7"));
}

// Cached for the program's lifetime: a Message is a view, its bytes must outlive it.
const std::string &readData(const char *name)
{
    static std::map<std::string, std::string> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile f(dataDir() + QLatin1Char('/') + QLatin1String(name));
        QByteArray b;
        if (f.open(QIODevice::ReadOnly))
            b = f.readAll();
        it = cache.emplace(name, std::string(b.constData(), static_cast<std::size_t>(b.size()))).first;
    }
    return it->second;
}

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

std::string sv(std::string_view v)
{
    return std::string(v);
}

std::string withLineEnds(const std::string &s, std::string_view eol)
{
    std::string out;
    std::string line;
    for (char c : s) {
        if (c == '\r' || c == '\n') {
            if (!line.empty())
                out += line + std::string(eol);
            line.clear();
        } else {
            line += c;
        }
    }
    out += line;
    return out;
}

const NumericSample *numeric(const BedUpdate &u, NumericId id)
{
    for (const NumericSample &s : u.numerics) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const WaveBlock *wave(const BedUpdate &u, WaveId id)
{
    for (const WaveBlock &w : u.waves) {
        if (w.id == id)
            return &w;
    }
    return nullptr;
}

const Observation *observation(const DecodedPcd01 &d, int setId)
{
    for (const Observation &o : d.observations) {
        if (o.setId == setId)
            return &o;
    }
    return nullptr;
}

// ACK fields by HL7 path, for assertions.
std::string ackField(const std::string &ack, std::string_view seg, int field, int comp = 0)
{
    Message m;
    if (!m.parse(ack).ok())
        return "<unparseable>";
    const Segment s = m.find(seg);
    if (!s.valid())
        return "<no " + std::string(seg) + ">";
    const Field f = s.field(field);
    return comp ? std::string(f.component(comp)) : std::string(f.raw());
}

const char *kSharedFiles[] = {
    "pcd01_ihe_tf2_E.1.1_physio_monitor.hl7",
    "pcd01_ihe_tf2_E.1.2_episodic_nibp.hl7",
    "pcd01_pulseox_nist_style_t5_testfixture.hl7",
    "pcd01_waveform_ecg_pleth_t5_testfixture.hl7",
    "pcd04_alarm_sensor_disconn_draeger_ref.cr.hl7",
    "pcd04_alarm_sensor_disconn_draeger_ref.txt",
    "pcd04_watchdog_draeger_ref.cr.hl7",
    "pcd04_watchdog_draeger_ref.txt",
};

} // namespace

class TestHl7 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // parser
    void parsesEveryShared();
    void mshNumbering();
    void componentsRepetitionsSubcomponents();
    void fieldIndexMatchesSegmentField();
    void segmentTokensMatchAccessors();
    void lineEndings_data();
    void lineEndings();
    void customEncodingCharacters();
    void malformed_data();
    void malformed();
    void hugeField();
    void tooManySegments();
    void randomNoiseNeverCrashes();

    // text
    void unescapeKnown();
    void unescapeUnknown();
    void escapeRoundTrip();
    void dtm();

    // framer
    void framerSplitAtEveryByte();
    void framerByteByByte();
    void framerGarbageAndResync();
    void framerOversized();
    void framerAbandonedAndMissingTrailer();

    // content
    void pcd01PhysioMonitor();
    void pcd01EpisodicNibpUcum();
    void pcd01PulseOxDualCoding();
    void pcd01Waveform();
    void pcd04SensorDisconnected_data();
    void pcd04SensorDisconnected();
    void pcd04Watchdog_data();
    void pcd04Watchdog();
    void pcd04OldFacetCodesAndCweEvent();
    void unitsConvertedOrRefused();
    void multiplexedWaveform();

    // acks
    void ackCommitModeForPcd();
    void ackOriginalMode();
    void ackApplicationOnlyEnhanced();
    void ackRejectsUnsupported();
    void ackErrorForMalformed();
    void ackEscapesText();

    // builders
    void roundTripNumerics();
    void roundTripWaveformDecimals();
    void roundTripWaveformScaled();
    void roundTripAlarm();
};

void TestHl7::initTestCase()
{
    // Every parser and decoder test reads the shared samples: without them the whole program is skipped.
    VIGIL_REQUIRE_SHARED_DATA(dataDir());
}

// --- parser -----------------------------------------------------------------------------------------------

void TestHl7::parsesEveryShared()
{
    for (const char *name : kSharedFiles) {
        const std::string raw = readData(name);
        QVERIFY2(!raw.empty(), name);
        Message m;
        const Error e = m.parse(raw);
        QVERIFY2(e.ok(), qPrintable(QString::fromStdString(e.message())));
        QVERIFY(m.hasHeader());
        QCOMPARE(sv(m.segment(0).id()), std::string("MSH"));
        QVERIFY(m.segmentCount() >= 5);
        const MessageInfo info = classify(m);
        QCOMPARE(sv(info.type), std::string("ORU"));
        QVERIFY(info.kind == MessageKind::Pcd01 || info.kind == MessageKind::Pcd04);
    }
    Message m;
    QVERIFY(m.parse(readData("pcd01_ihe_tf2_E.1.1_physio_monitor.hl7")).ok());
    QCOMPARE(m.segmentCount(), 21); // MSH PID PV1 OBR + 17 OBX
}

void TestHl7::mshNumbering()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_ihe_tf2_E.1.2_episodic_nibp.hl7")).ok());
    QCOMPARE(sv(m.header(1).raw()), std::string("|"));
    QCOMPARE(sv(m.header(2).raw()), std::string("^~\\&"));
    QCOMPARE(sv(m.header(2).component(1)), std::string("^~\\&")); // never split
    QCOMPARE(sv(m.header(3).raw()), std::string("ACME_Gateway^080019FFFE3ED02D^EUI-64"));
    QCOMPARE(sv(m.header(3).component(2)), std::string("080019FFFE3ED02D"));
    QCOMPARE(sv(m.header(7).raw()), std::string("20110602050000+0000"));
    QCOMPARE(sv(m.header(9).component(3)), std::string("ORU_R01"));
    QCOMPARE(sv(m.header(10).raw()), std::string("0104ef190d604db188c3"));
    QCOMPARE(sv(m.header(15).raw()), std::string("AL"));
    QCOMPARE(sv(m.header(16).raw()), std::string("NE"));
    QCOMPARE(sv(m.header(18).raw()), std::string("UNICODE UTF-8"));
    QCOMPARE(sv(m.header(21).component(1)), std::string("PCD_DEC_001"));
    QCOMPARE(m.segment(0).fieldCount(), 21);
    QVERIFY(m.header(22).empty());
    QVERIFY(m.header(0).empty());
    const MessageInfo info = classify(m);
    QCOMPARE(sv(info.trigger), std::string("R01"));
    QCOMPARE(sv(info.version), std::string("2.6"));
    QVERIFY(info.enhancedMode);
}

void TestHl7::componentsRepetitionsSubcomponents()
{
    Message m;
    QVERIFY(m.parse(readData("pcd04_alarm_sensor_disconn_draeger_ref.txt")).ok());
    const Segment obr = m.find("OBR");
    QVERIFY(obr.valid());
    QCOMPARE(sv(obr.field(3).component(2)), std::string("3d313edb-6fab-4718-9d38-82262c83aea5"));
    QCOMPARE(sv(obr.field(29).component(1)), std::string(""));
    QCOMPARE(sv(obr.field(29).subcomponent(2, 1)), std::string("0"));
    QCOMPARE(sv(obr.field(29).subcomponent(2, 2)), std::string("3d313edb-6fab-4718-9d38-82262c83aea5"));
    QCOMPARE(sv(obr.field(29).subcomponent(2, 4)), std::string("EUI-64"));
    QVERIFY(obr.field(29).subcomponent(2, 5).empty());
    QCOMPARE(obr.field(29).componentCount(), 2);

    Message r;
    QVERIFY(r.parse("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6\rOBX|1|ST|x||a^b~c^d~~e").ok());
    const Field v = r.find("OBX").field(5);
    QCOMPARE(v.repetitionCount(), 4);
    QCOMPARE(sv(v.repetition(2).component(2)), std::string("d"));
    QVERIFY(v.repetition(3).empty());
    QCOMPARE(sv(v.repetition(4).raw()), std::string("e"));
    QVERIFY(v.repetition(5).empty());
    QCOMPARE(sv(v.component(2)), std::string("b")); // first repetition
    QVERIFY(v.component(3).empty());
}

void TestHl7::fieldIndexMatchesSegmentField()
{
    FieldIndex idx;
    for (const char *name : kSharedFiles) {
        const std::string raw = readData(name);
        Message m;
        QVERIFY(m.parse(raw).ok());
        for (int i = 0; i < m.segmentCount(); ++i) {
            const Segment s = m.segment(i);
            idx.reset(s);
            QCOMPARE(idx.count(), s.fieldCount());
            for (int n = 0; n <= s.fieldCount() + 1; ++n)
                QCOMPARE(sv(idx[n].raw()), sv(s.field(n).raw()));
        }
    }
}

void TestHl7::segmentTokensMatchAccessors()
{
    SegmentTokens tok;
    FieldIndex idx;
    std::vector<std::string> inputs;
    for (const char *name : kSharedFiles)
        inputs.push_back(readData(name));
    inputs.push_back("MSH|^~\\&|A^B&C~D||||20240101||ORU^R01|1|P|2.6\rZZZ|a~b^c&d&e~~f^|\rNTE\rOBX||^^");
    for (const std::string &raw : inputs) {
        Message m;
        QVERIFY(m.parse(raw).ok());
        for (int i = 0; i < m.segmentCount(); ++i) {
            const Segment s = m.segment(i);
            tok.reset(s);
            idx.reset(s);
            std::size_t leaves = 0;
            for (int f = 1; f <= idx.count(); ++f) {
                idx[f].forEachRepetition([&](int, const Field &rep) {
                    rep.forEachComponent([&](int, std::string_view c) {
                        leaves += f <= 2 && s.isMsh()
                                      ? 1
                                      : static_cast<std::size_t>(std::count(c.begin(), c.end(), '&')) + 1;
                    });
                });
                if (idx[f].empty())
                    ++leaves; // an empty field is one empty leaf
            }
            QCOMPARE(tok.tokens().size(), leaves);
            for (const Token &t : tok.tokens()) {
                const Field rep = idx[t.field].repetition(t.repetition);
                const std::string_view want = t.field <= 2 && s.isMsh()
                                                  ? idx[t.field].raw()
                                                  : rep.subcomponent(t.component, t.subcomponent);
                QCOMPARE(sv(tok.text(t)), sv(want));
            }
        }
    }
    Message m;
    QVERIFY(m.parse(inputs.back()).ok());
    tok.reset(m.segment(1));
    QCOMPARE(tok.tokens().size(), std::size_t(9));
    const Token &e = tok.tokens()[4];
    QCOMPARE(sv(tok.text(e)), std::string("e"));
    QCOMPARE(e.field, 1);
    QCOMPARE(e.repetition, 2);
    QCOMPARE(e.component, 2);
    QCOMPARE(e.subcomponent, 3);
}

void TestHl7::lineEndings_data()
{
    QTest::addColumn<QString>("eol");
    QTest::newRow("CR") << QStringLiteral("\r");
    QTest::newRow("CRLF") << QStringLiteral("\r\n");
    QTest::newRow("LF") << QStringLiteral("\n");
}

void TestHl7::lineEndings()
{
    QFETCH(QString, eol);
    const std::string base = readData("pcd01_ihe_tf2_E.1.1_physio_monitor.hl7");
    Message ref;
    QVERIFY(ref.parse(base).ok());
    const DecodedPcd01 want = decodePcd01(ref);

    for (bool terminated : {true, false}) {
        std::string text = withLineEnds(base, eol.toStdString());
        if (terminated)
            text += eol.toStdString();
        Message m;
        const Error e = m.parse(text);
        QVERIFY2(e.ok(), e.message().c_str());
        QCOMPARE(m.segmentCount(), ref.segmentCount());
        for (int i = 0; i < m.segmentCount(); ++i)
            QCOMPARE(sv(m.segment(i).raw()), sv(ref.segment(i).raw()));
        const DecodedPcd01 got = decodePcd01(m);
        QCOMPARE(got.update.numerics.size(), want.update.numerics.size());
        QCOMPARE(got.observations.size(), want.observations.size());
        QCOMPARE(numeric(got.update, NumericId::Hr)->value, 80.0);
    }
    // Blank lines between segments are tolerated.
    Message m;
    QVERIFY(m.parse(withLineEnds(base, eol.toStdString() + eol.toStdString())).ok());
    QCOMPARE(m.segmentCount(), ref.segmentCount());
}

void TestHl7::customEncodingCharacters()
{
    const std::string msg =
        "MSH#$*@%#Mon@F@1#Fac#Rcv#RFac#20240101120000+0100##ORU$R01$ORU_R01#C1#P#2.6\r"
        "PID###ID1$$$$MR*ID2##O@S@Neil$Jane\r"
        "PV1##I#ICU$3$12\r"
        "OBR#1####$$###20240101120000+0100\r"
        "OBX#1#NM#147842$MDC_ECG_HEART_RATE$MDC#1.1.1.1#72#264864$MDC_DIM_BEAT_PER_MIN$MDC#"
        "50%x$120#######20240101115959.5+0100\r"
        "OBX#2#ST#184327$MDC_ECG_STAT_RHY$MDC#1.1.1.2#a@T@b@R@c@E@d@F@e\r";
    Message m;
    const Error e = m.parse(msg);
    QVERIFY2(e.ok(), e.message().c_str());
    QCOMPARE(m.delimiters().field, '#');
    QCOMPARE(m.delimiters().component, '$');
    QCOMPARE(m.delimiters().repetition, '*');
    QCOMPARE(m.delimiters().escape, '@');
    QCOMPARE(m.delimiters().subcomponent, '%');
    QCOMPARE(sv(m.header(9).component(2)), std::string("R01"));
    QCOMPARE(unescaped(m.header(3).raw(), m.delimiters()), std::string("Mon#1"));
    QCOMPARE(m.find("PID").field(3).repetitionCount(), 2);
    QCOMPARE(sv(m.find("PID").field(3).repetition(2).raw()), std::string("ID2"));
    QCOMPARE(sv(m.find("OBX").field(7).subcomponent(1, 2)), std::string("x"));

    const DecodedPcd01 d = decodePcd01(m);
    QCOMPARE(d.update.bedKey, QStringLiteral("ICU^3^12"));
    QCOMPARE(d.update.bedLabel, QStringLiteral("3-12"));
    QVERIFY(d.update.patient);
    QCOMPARE(d.update.patient->id, QStringLiteral("ID1"));
    QCOMPARE(d.update.patient->name, QStringLiteral("O$Neil, Jane"));
    const NumericSample *hr = numeric(d.update, NumericId::Hr);
    QVERIFY(hr);
    QCOMPARE(hr->value, 72.0);
    QCOMPARE(hr->timeMs, utcMs("2024-01-01T10:59:59.500Z"));
    QCOMPARE(observation(d, 2)->value, QStringLiteral("a%b*c@d#e"));

    const std::string ack = acknowledge(m, {}, AckOptions{0, 0, "A1", "VIGIL", {}});
    QVERIFY(ack.rfind("MSH#$*@%#", 0) == 0); // answered in the sender's encoding characters
    QCOMPARE(ackField(ack, "MSH", 5), std::string("Mon@F@1"));
    QCOMPARE(ackField(ack, "MSA", 1), std::string("AA")); // no MSH-15/16: original mode
}

void TestHl7::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("segment");
    QTest::addColumn<int>("field");
    const QByteArray ok = "|P|2.6";
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::Empty) << -1 << -1;
    QTest::newRow("blank lines") << QByteArray("\r\n\r\n  \n") << int(ErrorCode::Empty) << -1 << -1;
    QTest::newRow("no MSH") << QByteArray("PID|||1\rPV1||I") << int(ErrorCode::NoMsh) << 0 << -1;
    QTest::newRow("MSH only") << QByteArray("MSH") << int(ErrorCode::Truncated) << 0 << 1;
    QTest::newRow("truncated header")
        << QByteArray("MSH|^~\\&|SENDER|FAC|") << int(ErrorCode::Truncated) << 0 << 6;
    QTest::newRow("alnum field separator")
        << QByteArray("MSHA^~\\&A") << int(ErrorCode::BadEncoding) << 0 << 1;
    QTest::newRow("space separator") << QByteArray("MSH ^~\\& x") << int(ErrorCode::BadEncoding) << 0 << 1;
    QTest::newRow("repeated encoding char")
        << QByteArray("MSH|^^\\&|A|B|C|D|E||ORU^R01|1" + ok) << int(ErrorCode::BadEncoding) << 0 << 2;
    QTest::newRow("separator in MSH-2") << QByteArray("MSH|^~|&|A|B") << int(ErrorCode::Truncated) << 0 << 6;
    QTest::newRow("no encoding chars")
        << QByteArray("MSH||A|B|C|D|E||ORU^R01|1" + ok) << int(ErrorCode::BadEncoding) << 0 << 2;
    QTest::newRow("six encoding chars")
        << QByteArray("MSH|^~\\&#!|A|B|C|D|E||ORU^R01|1" + ok) << int(ErrorCode::BadEncoding) << 0 << 2;
    QTest::newRow("lower-case segment") << QByteArray("MSH|^~\\&|A|B|C|D|E||ORU^R01|1" + ok + "\robx|1|NM")
                                        << int(ErrorCode::BadSegmentId) << 1 << -1;
    QTest::newRow("segment id too short") << QByteArray("MSH|^~\\&|A|B|C|D|E||ORU^R01|1" + ok + "\rOB|1")
                                          << int(ErrorCode::BadSegmentId) << 1 << -1;
    QByteArray nul = "MSH|^~\\&|A|B|C|D|E||ORU^R01|1" + ok + "\rOBX|1|NM|x||12";
    nul.append('\0');
    nul.append("3|");
    QTest::newRow("NUL in a value") << nul << int(ErrorCode::BinaryData) << 1 << 5;
    QTest::newRow("MLLP byte left in")
        << QByteArray("\x0bMSH|^~\\&|A|B|C|D|E||ORU^R01|1" + ok) << int(ErrorCode::BinaryData) << 0 << -1;
}

void TestHl7::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(int, code);
    QFETCH(int, segment);
    QFETCH(int, field);
    Message m;
    const Error e = m.parse(std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
    QCOMPARE(int(e.code), code);
    QCOMPARE(e.segment, segment);
    QCOMPARE(e.field, field);
    QVERIFY(!e.message().empty());
    QVERIFY(e.offset <= static_cast<std::size_t>(input.size()));
    // Whatever failed, decoding what is there stays safe.
    decodePcd01(m);
    decodePcd04(m);
}

void TestHl7::hugeField()
{
    std::string msg = "MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6\rOBX|1|ST|x||";
    msg.append(5u << 20, 'A');
    msg += "|u\r";
    Message m;
    Error e = m.parse(msg);
    QCOMPARE(e.code, ErrorCode::SegmentTooLong);
    QCOMPARE(e.segment, 1);
    QCOMPARE(std::string(e.segmentId), std::string("OBX"));
    QCOMPARE(e.field, 5);
    QVERIFY(m.hasHeader()); // MSH-10 is still there for the negative ACK
    QCOMPARE(sv(m.header(10).raw()), std::string("1"));

    Limits tight;
    tight.maxMessageBytes = 1000;
    e = m.parse(msg, tight);
    QCOMPARE(e.code, ErrorCode::MessageTooLarge);
}

void TestHl7::tooManySegments()
{
    std::string msg = "MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6\r";
    for (int i = 0; i < 20; ++i)
        msg += "NTE|" + std::to_string(i) + "\r";
    Limits l;
    l.maxSegments = 10;
    Message m;
    const Error e = m.parse(msg, l);
    QCOMPARE(e.code, ErrorCode::TooManySegments);
    QCOMPARE(e.segment, 10);
    QCOMPARE(m.segmentCount(), 10);
}

void TestHl7::randomNoiseNeverCrashes()
{
    QRandomGenerator rng(1234);
    Message m;
    std::vector<std::string> seeds;
    for (const char *name : kSharedFiles)
        seeds.push_back(readData(name));
    int errors = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string s = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int edits = 1 + static_cast<int>(rng.bounded(8));
        for (int k = 0; k < edits; ++k) {
            const auto pos = static_cast<std::size_t>(rng.bounded(static_cast<quint32>(s.size())));
            switch (rng.bounded(4)) {
            case 0:
                s[pos] = static_cast<char>(rng.bounded(256));
                break;
            case 1:
                s.erase(pos, rng.bounded(40));
                break;
            case 2:
                s.insert(s.begin() + static_cast<std::ptrdiff_t>(pos), "|^~\\&\r\n"[rng.bounded(7)]);
                break;
            default:
                s.resize(pos);
            }
            if (s.empty())
                s.push_back('M');
        }
        const Error e = m.parse(s);
        if (!e.ok())
            ++errors;
        const DecodedPcd01 a = decodePcd01(m);
        const DecodedPcd04 b = decodePcd04(m);
        const std::string ack = acknowledge(m, e, AckOptions{});
        Q_UNUSED(a);
        Q_UNUSED(b);
        Q_UNUSED(ack);
    }
    QVERIFY(errors > 100); // the mutations did produce malformed input
}

// --- text -------------------------------------------------------------------------------------------------

void TestHl7::unescapeKnown()
{
    const Delimiters d;
    const std::string in = "a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X41420D\\g\\X4a\\";
    char out[64];
    const UnescapeResult r = unescape(in, d, out, sizeof out, UnknownEscape::Reject);
    QVERIFY(r.error.ok());
    QCOMPARE(std::string(out, r.size), std::string("a|b^c&d~e\\fAB\rgJ"));
    QCOMPARE(unescaped("no escapes", d), std::string("no escapes"));
    QVERIFY(!needsUnescape("plain", d));
    // Output never longer than input: a buffer of input size is enough, a smaller one is refused.
    const UnescapeResult small = unescape(in, d, out, 3);
    QCOMPARE(small.error.code, ErrorCode::BufferTooSmall);
}

void TestHl7::unescapeUnknown()
{
    const Delimiters d;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"x\\H\\bold\\N\\y", "x\\H\\bold\\N\\y"}, // formatting commands kept verbatim
        {"line\\.br\\next", "line\\.br\\next"},   {"odd\\X4\\hex", "odd\\X4\\hex"},
        {"bad\\XZZ\\hex", "bad\\XZZ\\hex"},       {"open\\F", "open\\F"},
        {"empty\\\\seq", "empty\\\\seq"},
    };
    for (const auto &[in, keep] : cases) {
        QCOMPARE(unescaped(in, d, UnknownEscape::Keep), keep);
        std::string buf(in.size(), '\0');
        const UnescapeResult r = unescape(in, d, buf.data(), buf.size(), UnknownEscape::Reject);
        QCOMPARE(r.error.code, ErrorCode::BadEscape);
        QVERIFY(r.error.offset < in.size());
        QVERIFY(!r.error.detail.empty());
    }
}

void TestHl7::escapeRoundTrip()
{
    const Delimiters d;
    const std::string text = "100% |done| ^ & ~ \\ end\r\nnext";
    std::string enc;
    appendEscaped(enc, text, d);
    QVERIFY(enc.find_first_of("|^&~\r\n") == std::string::npos);
    QCOMPARE(unescaped(enc, d, UnknownEscape::Reject), text);
}

void TestHl7::dtm()
{
    auto t = parseDtm("20191127160543+0100");
    QVERIFY(t);
    QCOMPARE(t->utcUs / 1000, utcMs("2019-11-27T15:05:43Z"));
    QVERIFY(t->hadOffset);
    QCOMPARE(t->offsetMinutes, 60);
    t = parseDtm("20150617120000.1234-0530");
    QVERIFY(t);
    QCOMPARE(t->utcUs, utcMs("2015-06-17T17:30:00Z") * 1000 + 123400);
    t = parseDtm("20150617120000", 120); // no offset: the sender's zone applies
    QCOMPARE(t->utcUs / 1000, utcMs("2015-06-17T10:00:00Z"));
    QVERIFY(!t->hadOffset);
    QCOMPARE(parseDtm("2015")->utcUs / 1000, utcMs("2015-01-01T00:00:00Z"));
    QCOMPARE(parseDtm("201506")->utcUs / 1000, utcMs("2015-06-01T00:00:00Z"));
    QCOMPARE(parseDtm("20240229")->utcUs / 1000, utcMs("2024-02-29T00:00:00Z"));
    QCOMPARE(parseDtm("19691231235959.9")->utcUs, -100000);
    for (const char *bad : {"", "abc", "20151301", "20150230", "20230229", "2015061712", "201506171260",
                            "20150617120000.", "20150617120000.12345", "20150617.5", "20150617120000+01",
                            "20150617120000+2500", "20150617120000+01x0", "2015-06-17"}) {
        if (std::string_view(bad) == "2015061712")
            continue; // hour precision is valid
        QVERIFY2(!parseDtm(bad), bad);
    }
    QVERIFY(parseDtm("2015061712"));
    QCOMPARE(formatDtm(utcMs("2019-11-27T15:05:43.250Z") * 1000, 60, 3),
             std::string("20191127160543.250+0100"));
    QCOMPARE(formatDtm(-1, 0, 4), std::string("19691231235959.9999+0000"));
    const qint64 us = utcMs("2031-03-04T05:06:07.891Z") * 1000 + 200;
    QCOMPARE(parseDtm(formatDtm(us, -300, 4))->utcUs, us);
}

// --- framer -----------------------------------------------------------------------------------------------

void TestHl7::framerSplitAtEveryByte()
{
    const std::string a = readData("pcd04_watchdog_draeger_ref.cr.hl7");
    const std::string b = "MSH|^~\\&|X|Y|||20240101||ORU^R01|2|P|2.6\r";
    std::string stream = "noise";
    MllpFramer::appendFrame(stream, a);
    stream += "\r\n";
    MllpFramer::appendFrame(stream, b);
    for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
        MllpFramer f;
        std::vector<std::string> got;
        f.feed(std::string_view(stream).substr(0, cut));
        while (auto fr = f.next())
            got.emplace_back(*fr);
        f.feed(std::string_view(stream).substr(cut));
        while (auto fr = f.next())
            got.emplace_back(*fr);
        QCOMPARE(got.size(), std::size_t(2));
        QCOMPARE(got[0], a);
        QCOMPARE(got[1], b);
        QCOMPARE(f.stats().garbageBytes, std::uint64_t(7)); // "noise" + the stray CR LF
        QCOMPARE(f.stats().frames, std::uint64_t(2));
    }
}

void TestHl7::framerByteByByte()
{
    std::string stream;
    std::vector<std::string> sent;
    for (const char *name : kSharedFiles) {
        sent.push_back(readData(name));
        MllpFramer::appendFrame(stream, sent.back());
    }
    MllpFramer f;
    std::vector<std::string> got;
    for (char c : stream) {
        f.feed(std::string_view(&c, 1));
        while (auto fr = f.next())
            got.emplace_back(*fr);
    }
    QCOMPARE(got, sent);
    QCOMPARE(f.stats().garbageBytes, std::uint64_t(0));
    QVERIFY(f.buffered() == 0);
}

void TestHl7::framerGarbageAndResync()
{
    MllpFramer f;
    std::string s = "GET / HTTP/1.1\r\n\r\n";
    s += std::string("\x0bM1\x1c\x0d", 5);
    s += std::string("\x00\x01\x02\x1c\x0d", 5); // a stray end marker outside a frame is garbage
    s += std::string("\x0bM2\x1c\x0d", 5);
    f.feed(s);
    std::vector<std::string> got;
    while (auto fr = f.next())
        got.emplace_back(*fr);
    QCOMPARE(got, (std::vector<std::string>{"M1", "M2"}));
    QCOMPARE(f.stats().garbageBytes, std::uint64_t(18 + 5));
    // Views into one feed stay valid together.
    f.feed(std::string("\x0b"
                       "A\x1c\x0d\x0b"
                       "B\x1c\x0d",
                       8));
    const auto x = f.next();
    const auto y = f.next();
    QVERIFY(x && y);
    QCOMPARE(sv(*x) + sv(*y), std::string("AB"));
    QVERIFY(!f.next());
}

void TestHl7::framerOversized()
{
    MllpFramer f(100);
    const std::string big(250, 'x');
    const std::string good = "MSH|small";
    // Oversized frame that ends, then a good one, fed in small chunks.
    std::string s;
    MllpFramer::appendFrame(s, big);
    MllpFramer::appendFrame(s, good);
    std::vector<std::string> got;
    std::size_t maxBuffered = 0;
    for (std::size_t i = 0; i < s.size(); i += 7) {
        f.feed(std::string_view(s).substr(i, 7));
        maxBuffered = std::max(maxBuffered, f.buffered());
        while (auto fr = f.next())
            got.emplace_back(*fr);
    }
    QCOMPARE(got, std::vector<std::string>{good});
    QCOMPARE(f.stats().oversizedFrames, std::uint64_t(1));
    QCOMPARE(f.takeIssue(), MllpIssue::Oversized);
    QCOMPARE(f.takeIssue(), MllpIssue::None);
    QCOMPARE(f.stats().garbageBytes, std::uint64_t(0));
    QVERIFY(maxBuffered <= 100 + 7 + 1);

    // Oversized frame that never ends: the next start byte resynchronises.
    MllpFramer g(100);
    std::string t = "\x0b" + std::string(300, 'y');
    MllpFramer::appendFrame(t, good);
    g.feed(t);
    got.clear();
    while (auto fr = g.next())
        got.emplace_back(*fr);
    QCOMPARE(got, std::vector<std::string>{good});
    QCOMPARE(g.stats().oversizedFrames, std::uint64_t(1));

    // Exactly at the cap is fine.
    MllpFramer h(100);
    h.feed(MllpFramer::frame(std::string(100, 'z')));
    QVERIFY(h.next());
}

void TestHl7::framerAbandonedAndMissingTrailer()
{
    MllpFramer f;
    f.feed(std::string("\x0bhalf a mess\x0bwhole\x1c\x0d", 20));
    auto fr = f.next();
    QVERIFY(fr);
    QCOMPARE(sv(*fr), std::string("whole"));
    QCOMPARE(f.stats().abandonedFrames, std::uint64_t(1));
    QCOMPARE(f.takeIssue(), MllpIssue::Abandoned);

    f.feed(std::string("\x0bno-cr\x1c\x0bnext\x1c", 13));
    fr = f.next();
    QVERIFY(fr);
    QCOMPARE(sv(*fr), std::string("no-cr"));
    QVERIFY(!f.next()); // "next" waits for the byte after 0x1C
    f.feed("\r");
    fr = f.next();
    QVERIFY(fr);
    QCOMPARE(sv(*fr), std::string("next"));
    QCOMPARE(f.stats().missingTrailer, std::uint64_t(1));
    QCOMPARE(MllpFramer::frame("X"), std::string("\x0bX\x1c\x0d", 4));
}

// --- content ----------------------------------------------------------------------------------------------

void TestHl7::pcd01PhysioMonitor()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_ihe_tf2_E.1.1_physio_monitor.hl7")).ok());
    const DecodedPcd01 d = decodePcd01(m);
    const BedUpdate &u = d.update;
    QCOMPARE(d.controlId, QStringLiteral("HP0122182658686QQ000CND119C0WS61"));
    QCOMPARE(u.bedKey, QStringLiteral("HO Surgery^OR^1"));
    QCOMPARE(u.bedLabel, QStringLiteral("OR-1"));
    QVERIFY(u.patient);
    QCOMPARE(u.patient->id, QStringLiteral("HO2009001"));
    QCOMPARE(u.patient->name, QStringLiteral("Hon, Albert")); // the "" middle name is HL7 null
    QCOMPARE(u.numerics.size(), std::size_t(6));

    const qint64 nibpTime = utcMs("2015-01-22T11:50:00Z"); // OBX-14, zone of MSH-7 (+0000)
    const qint64 obrTime = utcMs("2015-01-22T18:26:56Z");  // OBR-7 for rows without OBX-14
    QCOMPARE(numeric(u, NumericId::NibpSys)->value, 117.0);
    QCOMPARE(numeric(u, NumericId::NibpSys)->timeMs, nibpTime);
    QCOMPARE(numeric(u, NumericId::NibpDia)->value, 82.0);
    QCOMPARE(numeric(u, NumericId::NibpMean)->value, 90.0);
    QCOMPARE(numeric(u, NumericId::NibpMean)->timeMs, nibpTime);
    // MDC_ECG_CARD_BEAT_RATE is the HR alias; OBX-11 "X" with a value is still a value (quirk).
    QCOMPARE(numeric(u, NumericId::Hr)->value, 80.0);
    QCOMPARE(numeric(u, NumericId::Hr)->timeMs, obrTime);
    QCOMPARE(numeric(u, NumericId::Rr)->value, 30.0);
    QCOMPARE(numeric(u, NumericId::SpO2)->value, 99.0);
    QVERIFY(!numeric(u, NumericId::PulseRate));

    QCOMPARE(d.observations.size(), std::size_t(17));
    const Observation *hr = observation(d, 9);
    QCOMPARE(hr->code.code, 147842u);
    QCOMPARE(hr->code.refId, QStringLiteral("MDC_ECG_CARD_BEAT_RATE"));
    QCOMPARE(hr->containment, QStringLiteral("1.2.1.1"));
    QCOMPARE(hr->unit.code, 264864u);
    QCOMPARE(hr->referenceRange, QStringLiteral("50-120"));
    QCOMPARE(*hr->rangeLow, 50.0);
    QCOMPARE(*hr->rangeHigh, 120.0);
    QCOMPARE(hr->status, QStringLiteral("X"));
    QCOMPARE(*hr->numeric, NumericId::Hr);
    // Unknown codes are kept, not mapped.
    const Observation *qtc = observation(d, 11);
    QCOMPARE(qtc->code.refId, QStringLiteral("MDC_ECG_TIME_PD_QTc"));
    QCOMPARE(*qtc->number, 416.0);
    QVERIFY(!qtc->numeric);
    QVERIFY(!qtc->rangeLow);
    QCOMPARE(*qtc->rangeHigh, 500.0);
    QCOMPARE(observation(d, 13)->value, QStringLiteral("MDC_ECG_SINUS_RHY"));
    QCOMPARE(observation(d, 17)->number.value(), 3.9);
    QCOMPARE(observation(d, 1)->equipmentId, QStringLiteral("e86c094f-f751-4acf-92b2-38f11c1f6f57-Device"));
    QCOMPARE(observation(d, 1)->valueType, QStringLiteral("ST"));
    QVERIFY(d.warnings.empty());
}

void TestHl7::pcd01EpisodicNibpUcum()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_ihe_tf2_E.1.2_episodic_nibp.hl7")).ok());
    const DecodedPcd01 d = decodePcd01(m);
    const BedUpdate &u = d.update;
    QCOMPARE(u.bedKey, QStringLiteral("COLWELL^^SOLAR"));
    QCOMPARE(u.bedLabel, QStringLiteral("SOLAR"));
    QCOMPARE(u.patient->id, QStringLiteral("12345"));
    QCOMPARE(u.patient->name, QStringLiteral("BEDS, TEDSONS"));
    const qint64 t = utcMs("2011-06-02T04:58:42Z");
    QCOMPARE(u.numerics.size(), std::size_t(4));
    QCOMPARE(numeric(u, NumericId::NibpSys)->value, 111.0);
    QCOMPARE(numeric(u, NumericId::NibpDia)->value, 60.0);
    QCOMPARE(numeric(u, NumericId::NibpMean)->value, 80.0);
    QCOMPARE(numeric(u, NumericId::PulseRate)->value, 63.0); // {beat}/min, NIBP pulse
    for (const NumericSample &s : u.numerics)
        QCOMPARE(s.timeMs, t);
    const Observation *sys = observation(d, 4);
    QCOMPARE(sys->unit.identifier, QStringLiteral("mm[Hg]"));
    QCOMPARE(sys->unit.system, QStringLiteral("UCUM"));
    QCOMPARE(sys->status, QStringLiteral("R"));
    QCOMPARE(sys->equipmentId, QStringLiteral("080019FFFE3ED02D172.16.172.135"));
    QCOMPARE(sys->equipmentName, QStringLiteral("GATEWAY_ACME"));
    QVERIFY(observation(d, 1)->valueType.isEmpty()); // hierarchy rows are kept too
    QCOMPARE(d.observations.size(), std::size_t(7));
    QVERIFY(d.warnings.empty());
}

void TestHl7::pcd01PulseOxDualCoding()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_pulseox_nist_style_t5_testfixture.hl7")).ok());
    const DecodedPcd01 d = decodePcd01(m);
    QCOMPARE(d.update.bedKey, QStringLiteral("ICU^2^23"));
    QCOMPARE(d.update.bedLabel, QStringLiteral("2-23"));
    QCOMPARE(d.update.patient->name, QStringLiteral("Hon, Albert"));
    QCOMPARE(d.update.numerics.size(), std::size_t(1));
    const NumericSample &p = d.update.numerics[0];
    QCOMPARE(p.id, NumericId::PulseRate);
    QCOMPARE(p.value, 55.0);
    QCOMPARE(p.timeMs, utcMs("2012-05-30T11:23:40Z")); // no zone anywhere: the configured default (UTC)
    const Observation &o = d.observations.at(0);
    QCOMPARE(o.code.code, 149530u); // the MDC triplet behind the LOINC one
    QCOMPARE(o.code.refId, QStringLiteral("MDC_PULS_OXIM_PULS_RATE"));
    QCOMPARE(o.unit.identifier, QStringLiteral("{beats}/min"));
    QCOMPARE(o.method, QStringLiteral("AMEAS"));
    QCOMPARE(o.equipmentName, QStringLiteral("Pulse_Oximeter_Vendor_X"));
    QCOMPARE(*o.rangeLow, 35.0);

    DecodeOptions cet;
    cet.defaultUtcOffsetMinutes = 60;
    QCOMPARE(decodePcd01(m, cet).update.numerics[0].timeMs, utcMs("2012-05-30T10:23:40Z"));
}

void TestHl7::pcd01Waveform()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_waveform_ecg_pleth_t5_testfixture.hl7")).ok());
    const DecodedPcd01 d = decodePcd01(m);
    QCOMPARE(d.update.bedKey, QStringLiteral("ICU^2^23"));
    QCOMPARE(d.update.patient->id, QStringLiteral("010101-2425"));
    QCOMPARE(d.update.patient->name, QStringLiteral("Doe, John"));
    QCOMPARE(d.update.waves.size(), std::size_t(3));
    const qint64 start = utcMs("2015-06-17T12:00:00Z") * 1000;

    const WaveBlock *i = wave(d.update, WaveId::EcgI); // coded MDC_ECG_LEAD_I, facets with code 0
    QVERIFY(i);
    QCOMPARE(i->sampleRate, 150.0);
    QCOMPARE(i->startTimeUs, start);
    QCOMPARE(i->samples, (std::vector<float>{-0.53714565f, -0.54203324f, -0.53128055f}));
    QCOMPARE(i->gain, 0.0);
    const WaveBlock *ii = wave(d.update, WaveId::EcgII);
    QVERIFY(ii);
    QCOMPARE(ii->samples, (std::vector<float>{1.04980469f, 1.0546875f, 1.04003906f}));
    // Pleth sent as MDC_PULS_OXIM_SAT_O2_WAVEFORM (the SpO2 code as an array).
    const WaveBlock *pl = wave(d.update, WaveId::Pleth);
    QVERIFY(pl);
    QCOMPARE(pl->sampleRate, 125.0);
    QCOMPARE(pl->startTimeUs, start);
    QCOMPARE(pl->samples, (std::vector<float>{1.18f, 1.17595308f, 1.17008798f}));
    QVERIFY(d.update.numerics.empty());              // the NA SpO2 row is a wave, not an SpO2 numeric
    QCOMPARE(d.observations.size(), std::size_t(2)); // the two MDS rows
    QVERIFY(d.unmappedWaves.empty());
    QVERIFY2(d.warnings.empty(), d.warnings.empty() ? "" : qPrintable(d.warnings.front()));
}

void TestHl7::pcd04SensorDisconnected_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("CRLF, unterminated") << QStringLiteral("pcd04_alarm_sensor_disconn_draeger_ref.txt");
    QTest::newRow("CR") << QStringLiteral("pcd04_alarm_sensor_disconn_draeger_ref.cr.hl7");
}

void TestHl7::pcd04SensorDisconnected()
{
    QFETCH(QString, file);
    Message m;
    const std::string raw = readData(file.toUtf8().constData());
    QVERIFY(m.parse(raw).ok());
    QCOMPARE(classify(m).kind, MessageKind::Pcd04);
    const DecodedPcd04 d = decodePcd04(m);
    QCOMPARE(d.controlId, QStringLiteral("0"));
    QCOMPARE(d.patient->id, QStringLiteral("8888"));
    QCOMPARE(d.patient->name, QStringLiteral("Data, Simulated"));
    QCOMPARE(d.alarms.size(), std::size_t(1));
    const AlarmReport &a = d.alarms[0];
    QCOMPARE(a.alarmId, QStringLiteral("0^3d313edb-6fab-4718-9d38-82262c83aea5^0000000000000001^EUI-64"));
    QCOMPARE(a.bedKey, QStringLiteral("CU1^^Bed001"));
    QCOMPARE(a.bedLabel, QStringLiteral("Bed001"));
    QCOMPARE(a.event.code, 196916u);
    QCOMPARE(a.event.refId, QStringLiteral("MDC_EVT_SENSOR_DISCONN"));
    QCOMPARE(a.eventText, QStringLiteral("CO2 Sensor unplugged"));
    QCOMPARE(a.sourceMetric.code, 42u);
    QCOMPARE(a.phase, AlarmPhase::Start);
    QCOMPARE(a.state, AlarmState::Active);
    QCOMPARE(a.inactivationState, AlarmInactivation::Enabled);
    QCOMPARE(a.priority, alarms::Priority::Low);
    QCOMPARE(a.kind, alarms::Kind::Physiological);
    QVERIFY(!a.isHeartbeat);
    QCOMPARE(a.confirmTimeoutS, 0);
    QCOMPARE(a.timeMs, utcMs("2019-11-27T15:05:43Z"));
    QVERIFY(d.warnings.empty());
}

void TestHl7::pcd04Watchdog_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("CRLF, unterminated") << QStringLiteral("pcd04_watchdog_draeger_ref.txt");
    QTest::newRow("CR") << QStringLiteral("pcd04_watchdog_draeger_ref.cr.hl7");
}

void TestHl7::pcd04Watchdog()
{
    QFETCH(QString, file);
    Message m;
    QVERIFY(m.parse(readData(file.toUtf8().constData())).ok());
    const DecodedPcd04 d = decodePcd04(m);
    QCOMPARE(d.controlId, QStringLiteral("2df8823a-f8fb-44e0-a4ba-1d826e0809f1"));
    QCOMPARE(d.alarms.size(), std::size_t(1));
    const AlarmReport &a = d.alarms[0];
    QCOMPARE(a.alarmId, QStringLiteral("830^urn:uuid:f9bd67ba-10f9-11ea-bab1-0050b612afeb^0000000000000001"));
    QVERIFY(a.isHeartbeat);
    QCOMPARE(a.event.code, 196614u);
    QCOMPARE(a.event.refId, QStringLiteral("MDC_EVT_ACTIVE"));
    QCOMPARE(a.confirmTimeoutS, 5);
    QCOMPARE(a.priority, alarms::Priority::None);
    QCOMPARE(a.kind, alarms::Kind::Advisory);
    QCOMPARE(a.phase, AlarmPhase::Start);
    QCOMPARE(a.state, AlarmState::Active);
    QCOMPARE(a.sourceMetric.code, 69837u);
    QCOMPARE(a.sourceMetric.refId, QStringLiteral("MDC_TODO")); // the reference's placeholder, kept
    QCOMPARE(a.timeMs, utcMs("2019-11-27T13:56:35Z"));
    QCOMPARE(a.bedKey, QStringLiteral("CU1^^Bed001"));
}

void TestHl7::pcd04OldFacetCodesAndCweEvent()
{
    const std::string msg =
        "MSH|^~\\&|GW|F|||20260124124738+0800||ORU^R40^ORU_R40|77|P|2.6|||AL|NE\r"
        "PV1||I|ICU^1^7\r"
        "OBR|1||A-17|196616^MDC_EVT_ALARM^MDC|||20260124124738+0800\r"
        "OBX|1|CWE|196616^MDC_EVT_ALARM^MDC|1.7.0.196680.1|196680^MDC_EVT_LEAD_OFF^MDC|||A~PM~ST|||R|||"
        "20260124124740+0800\r"
        "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.7.0.196680.2|85|262688^MDC_DIM_PERCENT^MDC|90-100||||R\r"
        "OBX|3|ST|68165^MDC_ATTR_EVENT_PHASE^MDC|1.7.0.196680.3|update||||||R\r"
        "OBX|4|ST|68166^MDC_ATTR_ALERT_STATE^MDC|1.7.0.196680.4|latched||||||R\r"
        "OBX|5|ST|68167^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC|1.7.0.196680.5|audio-paused||||||R\r"
        "OBX|6|ST|68168^^MDC|1.7.0.196680.6|PH||||||R\r"
        "OBX|7|ST|68546^MDC_ATTR_ALERT_TEXT^MDC|1.7.0.196680.8|Leads off\\T\\check||||||R\r"
        "OBR|2||A-18|196616^MDC_EVT_ALARM^MDC|||20260124124738+0800\r"
        "OBX|1|ST|196648^MDC_EVT_HI^MDC|1.1.1.1|SpO2 high||||||R\r"
        "OBX|2|ST|0^MDC_ATTR_EVENT_PHASE^MDC|1.1.1.3|end||||||R\r";
    Message m;
    QVERIFY(m.parse(msg).ok());
    const DecodedPcd04 d = decodePcd04(m);
    QCOMPARE(d.alarms.size(), std::size_t(2));
    const AlarmReport &a = d.alarms[0];
    QCOMPARE(a.alarmId, QStringLiteral("A-17"));
    QCOMPARE(a.event.code, 196680u);
    QCOMPARE(a.event.refId, QStringLiteral("MDC_EVT_LEAD_OFF"));
    QCOMPARE(a.eventText, QStringLiteral("Leads off&check"));
    QCOMPARE(a.sourceMetric.code, 150456u);
    QCOMPARE(*a.sourceValue, 85.0);
    QCOMPARE(*a.limitLow, 90.0);
    QCOMPARE(*a.limitHigh, 100.0);
    QCOMPARE(a.phase, AlarmPhase::Update);
    QCOMPARE(a.state, AlarmState::Latched);
    QCOMPARE(a.inactivationState, AlarmInactivation::AudioPaused);
    QCOMPARE(a.priority, alarms::Priority::High); // facet row wins over the OBX-8 flag
    QCOMPARE(a.kind, alarms::Kind::Technical);    // from OBX-8 "ST"
    QCOMPARE(a.timeMs, utcMs("2026-01-24T04:47:40Z"));
    const AlarmReport &b = d.alarms[1];
    QCOMPARE(b.alarmId, QStringLiteral("A-18"));
    QCOMPARE(b.event.refId, QStringLiteral("MDC_EVT_HI"));
    QCOMPARE(b.eventText, QStringLiteral("SpO2 high"));
    QCOMPARE(b.phase, AlarmPhase::End); // matched by REFID with code 0
    QVERIFY(!b.priority);
}

void TestHl7::unitsConvertedOrRefused()
{
    const std::string msg =
        "MSH|^~\\&|GW|F|||20240101120000+0000||ORU^R01^ORU_R01|9|P|2.6\r"
        "PV1||I|W^1^2\r"
        "OBR|1|||x|||20240101120000+0000\r"
        "OBX|1|NM|151708^MDC_CONC_AWAY_CO2_ET^MDC|1.1.1.1|5|265987^MDC_DIM_KILO_PASCAL^MDC\r"
        "OBX|2|NM|150364^MDC_TEMP_BODY^MDC|1.1.1.2|98.6|[degF]^[degF]^UCUM\r"
        "OBX|3|NM|150037^MDC_PRESS_BLD_ART_ABP_SYS^MDC|1.1.1.3|120|furlong^furlong^UCUM\r"
        "OBX|4|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.4|abc|262688^MDC_DIM_PERCENT^MDC\r"
        "OBX|5|NM|0^MDC_RESP_RATE^MDC|1.1.1.5|14|{breath}/min^{breath}/min^UCUM\r"
        "OBX|6|NM|0^MDC_TEMP_SKIN^MDC|1.1.1.6|33|Cel^Cel^UCUM\r"
        "OBX|7|NM|150038^MDC_PRESS_BLD_ART_ABP_DIA^MDC|1.1.1.7|80\r"
        "OBX|8|NM|150087^MDC_PRESS_BLD_VEN_CENT_MEAN^MDC|1.1.1.8|8|266016^MDC_DIM_MMHG^MDC\r"
        "OBX|9|NM|150039^MDC_PRESS_BLD_ART_ABP_MEAN^MDC|1.1.1.9|95|266016^MDC_DIM_MMHG^MDC|||||W\r";
    Message m;
    QVERIFY(m.parse(msg).ok());
    const DecodedPcd01 d = decodePcd01(m);
    QVERIFY(qAbs(numeric(d.update, NumericId::EtCO2)->value - 37.503) < 0.01); // 5 kPa
    QVERIFY(qAbs(numeric(d.update, NumericId::Temp)->value - 37.0) < 1e-9);    // 98.6 degF
    QVERIFY(!numeric(d.update, NumericId::AbpSys));                            // unknown unit
    QVERIFY(!numeric(d.update, NumericId::SpO2));                              // not a number
    QCOMPARE(numeric(d.update, NumericId::Rr)->value, 14.0);                   // REFID only
    QCOMPARE(numeric(d.update, NumericId::AbpDia)->value, 80.0);               // no unit: assumed, warned
    QVERIFY(!numeric(d.update, NumericId::AbpMean));                           // OBX-11 W
    QCOMPARE(d.observations.size(), std::size_t(9));
    QVERIFY(!observation(d, 8)->numeric); // CVP has no tile, kept as an observation
    QCOMPARE(*observation(d, 8)->number, 8.0);
    // Body temperature outranks skin temperature on the one Temp tile.
    QCOMPARE(d.update.numerics.size(), std::size_t(4));
    QVERIFY(!observation(d, 6)->numeric);
    int perObx = 0;
    for (const QString &w : d.warnings)
        perObx += w.startsWith(QLatin1String("OBX-3:")) || w.startsWith(QLatin1String("OBX-4:")) ||
                  w.startsWith(QLatin1String("OBX-7:")) || w.startsWith(QLatin1String("OBX-9:"));
    QCOMPARE(perObx, 4);
}

void TestHl7::multiplexedWaveform()
{
    // HL7 v2 waveform style: CD rows define channels, one MA row carries samples[~sample]^channel.
    const std::string msg = "MSH|^~\\&|GW|F|||20240101120000+0000||ORU^R01^ORU_R01|9|P|2.6\r"
                            "PV1||I|W^1^2\r"
                            "OBR|1|||69121^MDC_OBS_WAVE_CTS^MDC|||20240101120000.5+0000\r"
                            "OBX|1|CD|x||1&MDC_ECG_ELEC_POTL_II^^0.005&mV^1&0^500^-5&5\r"
                            "OBX|2|CD|x||2&150452^^1&%^1&0^500\r"
                            "OBX|3|MA|x||200^10~400^20~-200^30~^40\r";
    Message m;
    QVERIFY(m.parse(msg).ok());
    const DecodedPcd01 d = decodePcd01(m);
    const WaveBlock *ecg = wave(d.update, WaveId::EcgII);
    QVERIFY(ecg);
    QCOMPARE(ecg->sampleRate, 500.0);
    QCOMPARE(ecg->startTimeUs, utcMs("2024-01-01T12:00:00.500Z") * 1000);
    QCOMPARE(ecg->samples.size(), std::size_t(4));
    QCOMPARE(ecg->samples[0], 1.0f);
    QCOMPARE(ecg->samples[1], 2.0f);
    QCOMPARE(ecg->samples[2], -1.0f);
    QVERIFY(std::isnan(ecg->samples[3]));
    QCOMPARE(ecg->gain, 200.0);
    const WaveBlock *pl = wave(d.update, WaveId::Pleth);
    QVERIFY(pl);
    QCOMPARE(pl->samples, (std::vector<float>{10, 20, 30, 40}));
}

// --- acks -------------------------------------------------------------------------------------------------

void TestHl7::ackCommitModeForPcd()
{
    Message m;
    QVERIFY(m.parse(readData("pcd01_ihe_tf2_E.1.1_physio_monitor.hl7")).ok());
    const MessageInfo info = classify(m);
    QVERIFY(info.enhancedMode);
    QCOMPARE(sv(info.acceptAckType), std::string("AL"));
    const AckDecision d = decideAck(m, {});
    QVERIFY(d.send);
    QCOMPARE(sv(toString(d.code)), std::string("CA"));
    QVERIFY(!d.error);

    AckOptions o;
    o.nowUs = utcMs("2024-05-06T07:08:09.010Z") * 1000;
    o.controlId = "ACK-1";
    const std::string ack = acknowledge(m, {}, o);
    QCOMPARE(ackField(ack, "MSH", 3), std::string("VIGIL")); // original MSH-5 was empty
    QCOMPARE(ackField(ack, "MSH", 5), std::string("PAT_DEVICE_PHILIPS_C"));
    QCOMPARE(ackField(ack, "MSH", 6), std::string("Philips"));
    QCOMPARE(ackField(ack, "MSH", 7), std::string("20240506070809.010+0000"));
    QCOMPARE(ackField(ack, "MSH", 9), std::string("ACK^R01^ACK"));
    QCOMPARE(ackField(ack, "MSH", 10), std::string("ACK-1"));
    QCOMPARE(ackField(ack, "MSH", 11), std::string("P"));
    QCOMPARE(ackField(ack, "MSH", 12), std::string("2.6"));
    QCOMPARE(ackField(ack, "MSA", 1), std::string("CA"));
    QCOMPARE(ackField(ack, "MSA", 2), std::string("HP0122182658686QQ000CND119C0WS61"));
    QCOMPARE(ackField(ack, "ERR", 1), std::string("<no ERR>"));
    Message a;
    QVERIFY(a.parse(ack).ok());
    QCOMPARE(classify(a).kind, MessageKind::Ack);
    QVERIFY(!decideAck(a, {}).send); // an ACK is never acknowledged

    Message r40;
    QVERIFY(r40.parse(readData("pcd04_watchdog_draeger_ref.txt")).ok());
    const std::string ack40 = acknowledge(r40, {}, o);
    QCOMPARE(ackField(ack40, "MSH", 9), std::string("ACK^R40^ACK"));
    QCOMPARE(ackField(ack40, "MSH", 5), std::string("0000000000000001^EUI-64"));
    QCOMPARE(ackField(ack40, "MSH", 11), std::string("D"));
    QCOMPARE(ackField(ack40, "MSA", 1), std::string("CA"));
    QCOMPARE(ackField(ack40, "MSA", 2), std::string("2df8823a-f8fb-44e0-a4ba-1d826e0809f1"));
}

void TestHl7::ackOriginalMode()
{
    Message m;
    QVERIFY(m.parse("MSH|^~\\&|MON|WARD|VIGIL|ICU|20240101||ORU^R01^ORU_R01|X42|P|2.6\rPV1||I|A^B^C").ok());
    QVERIFY(!classify(m).enhancedMode);
    const std::string ack = acknowledge(m, {}, AckOptions{});
    QCOMPARE(ackField(ack, "MSA", 1), std::string("AA"));
    QCOMPARE(ackField(ack, "MSA", 2), std::string("X42"));
    QCOMPARE(ackField(ack, "MSH", 3), std::string("VIGIL"));
    QCOMPARE(ackField(ack, "MSH", 4), std::string("ICU"));
    QCOMPARE(ackField(ack, "MSH", 5), std::string("MON"));
    QCOMPARE(ackField(ack, "MSH", 6), std::string("WARD"));
    QCOMPARE(ackField(ack, "MSA", 1), std::string("AA"));
    QCOMPARE(sv(toString(decideAck(m, {}, Outcome::Error).code)), std::string("AE"));
    QCOMPARE(sv(toString(decideAck(m, {}, Outcome::Rejected).code)), std::string("AR"));
}

void TestHl7::ackApplicationOnlyEnhanced()
{
    // MSH-15 NE, MSH-16 AL (NIST fixture): no commit ACK, an application ACK instead.
    Message m;
    QVERIFY(m.parse(readData("pcd01_pulseox_nist_style_t5_testfixture.hl7")).ok());
    AckDecision d = decideAck(m, {});
    QVERIFY(d.send);
    QCOMPARE(sv(toString(d.code)), std::string("AA"));
    // NE/NE: nothing is due.
    Message n;
    QVERIFY(n.parse("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6|||NE|NE").ok());
    QVERIFY(!decideAck(n, {}).send);
    QVERIFY(acknowledge(n, {}, AckOptions{}).empty());
    // ER: only errors are answered.
    Message e;
    QVERIFY(e.parse("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6|||ER|NE").ok());
    QVERIFY(!decideAck(e, {}).send);
    QCOMPARE(sv(toString(decideAck(e, {}, Outcome::Error).code)), std::string("CE"));
}

void TestHl7::ackRejectsUnsupported()
{
    const struct
    {
        const char *msg;
        int code;
        int field;
    } cases[] = {
        {"MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.6|||AL|NE", errcode::UnsupportedMessageType, 9},
        {"MSH|^~\\&|A|B|C|D|20240101||ORU^R30|1|P|2.6|||AL|NE", errcode::UnsupportedEvent, 9},
        {"MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|3.0|||AL|NE", errcode::UnsupportedVersion, 12},
        {"MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|Q|2.6|||AL|NE", errcode::UnsupportedProcessingId, 11},
    };
    for (const auto &c : cases) {
        Message m;
        QVERIFY(m.parse(c.msg).ok());
        const std::string ack = acknowledge(m, {}, AckOptions{});
        QCOMPARE(ackField(ack, "MSA", 1), std::string("CR"));
        QCOMPARE(ackField(ack, "ERR", 2), "MSH^1^" + std::to_string(c.field));
        QCOMPARE(ackField(ack, "ERR", 3, 1), std::to_string(c.code));
        QCOMPARE(ackField(ack, "ERR", 3, 3), std::string("HL70357"));
        QCOMPARE(ackField(ack, "ERR", 4), std::string("E"));
        QVERIFY(!ackField(ack, "ERR", 8).empty());
    }
    Message o;
    QVERIFY(o.parse("MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.6").ok());
    QCOMPARE(ackField(acknowledge(o, {}, AckOptions{}), "MSA", 1), std::string("AR"));
}

void TestHl7::ackErrorForMalformed()
{
    std::string msg = readData("pcd01_ihe_tf2_E.1.1_physio_monitor.hl7");
    const std::size_t at = msg.find("|117|");
    msg[at + 2] = '\x01';
    Message m;
    const Error e = m.parse(msg);
    QCOMPARE(e.code, ErrorCode::BinaryData);
    QCOMPARE(std::string(e.segmentId), std::string("OBX"));
    QCOMPARE(e.field, 5);
    const std::string ack = acknowledge(m, e, AckOptions{});
    QCOMPARE(ackField(ack, "MSA", 1), std::string("CE"));
    QCOMPARE(ackField(ack, "MSA", 2), std::string("HP0122182658686QQ000CND119C0WS61"));
    QCOMPARE(ackField(ack, "ERR", 2), std::string("OBX^4^5")); // fourth OBX, field 5
    QCOMPARE(ackField(ack, "ERR", 3, 1), std::to_string(errcode::DataType));

    // No usable MSH at all: rejected, default encoding, empty MSA-2.
    Message bad;
    const Error be = bad.parse("garbage|without|header");
    const std::string ack2 = acknowledge(bad, be, AckOptions{});
    QCOMPARE(ackField(ack2, "MSA", 1), std::string("AR"));
    QCOMPARE(ackField(ack2, "MSA", 2), std::string(""));
    QCOMPARE(ackField(ack2, "MSH", 9), std::string("ACK"));
    QCOMPARE(ackField(ack2, "ERR", 3, 1), std::to_string(errcode::SegmentSequence));
}

void TestHl7::ackEscapesText()
{
    Message m;
    QVERIFY(m.parse("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.6").ok());
    AckOptions o;
    o.error = AckError{"OBX", 2, 5, 1, errcode::DataType, 'E', "bad |value| ^x~y&z \\ \r\nend"};
    const std::string ack = buildAck(m, AckCode::AE, o);
    Message a;
    QVERIFY(a.parse(ack).ok());
    QCOMPARE(a.segmentCount(), 3);
    const Segment err = a.find("ERR");
    QCOMPARE(sv(err.field(2).raw()), std::string("OBX^2^5^^1"));
    QCOMPARE(unescaped(err.field(8).raw(), a.delimiters(), UnknownEscape::Reject),
             std::string("bad |value| ^x~y&z \\ \r\nend"));
}

// --- builders ---------------------------------------------------------------------------------------------

void TestHl7::roundTripNumerics()
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ICU West^Room 4^B");
    u.patient =
        PatientInfo{QStringLiteral("MRN|77"), QStringLiteral("O'Brien^, Ann&Marie"), PatientProfile::Adult};
    const qint64 t0 = utcMs("2024-03-01T08:00:00.123Z");
    for (int i = 0; i < kNumericCount; ++i)
        u.numerics.push_back({static_cast<NumericId>(i), 10.5 + i * 7.25, t0 + i});
    SendOptions o;
    o.controlId = QStringLiteral("N1");
    o.messageTimeMs = t0;
    const std::string msg = buildPcd01Numerics(u, o);
    Message m;
    const Error e = m.parse(msg);
    QVERIFY2(e.ok(), e.message().c_str());
    QCOMPARE(classify(m).kind, MessageKind::Pcd01);
    QCOMPARE(sv(classify(m).profile), std::string("IHE_PCD_001"));
    const DecodedPcd01 d = decodePcd01(m);
    QVERIFY2(d.warnings.empty(), d.warnings.empty() ? "" : qPrintable(d.warnings.front()));
    QCOMPARE(d.update.bedKey, u.bedKey);
    QCOMPARE(d.update.bedLabel, QStringLiteral("Room 4-B"));
    QCOMPARE(d.update.patient->id, u.patient->id);
    QCOMPARE(d.update.patient->name, u.patient->name);
    QCOMPARE(d.update.numerics.size(), u.numerics.size());
    for (std::size_t i = 0; i < u.numerics.size(); ++i) {
        QCOMPARE(d.update.numerics[i].id, u.numerics[i].id);
        QCOMPARE(d.update.numerics[i].value, u.numerics[i].value);
        QCOMPARE(d.update.numerics[i].timeMs, u.numerics[i].timeMs);
    }
    QCOMPARE(d.controlId, QStringLiteral("N1"));
}

void TestHl7::roundTripWaveformDecimals()
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ICU^1^3");
    const qint64 t0 = utcMs("2024-03-01T08:00:00Z") * 1000 + 4300; // 100 µs resolution of DTM
    for (WaveId id : {WaveId::EcgII, WaveId::Pleth, WaveId::Resp, WaveId::Abp}) {
        WaveBlock b{id, waveInfo(id).defaultRate, t0, {}, 0.0, 0};
        for (int k = 0; k < 250; ++k)
            b.samples.push_back(static_cast<float>(std::sin(k * 0.05) * 1.25 + static_cast<int>(id)));
        u.waves.push_back(std::move(b));
    }
    SendOptions o;
    o.messageTimeMs = t0 / 1000;
    const std::string msg = buildPcd01Waveform(u, o);
    Message m;
    QVERIFY(m.parse(msg).ok());
    const DecodedPcd01 d = decodePcd01(m);
    QVERIFY2(d.warnings.empty(), d.warnings.empty() ? "" : qPrintable(d.warnings.front()));
    QCOMPARE(d.update.waves.size(), u.waves.size());
    for (std::size_t i = 0; i < u.waves.size(); ++i) {
        QCOMPARE(d.update.waves[i].id, u.waves[i].id);
        QCOMPARE(d.update.waves[i].sampleRate, u.waves[i].sampleRate);
        QCOMPARE(d.update.waves[i].startTimeUs, t0);
        QCOMPARE(d.update.waves[i].samples, u.waves[i].samples); // shortest float text is exact
    }
}

void TestHl7::roundTripWaveformScaled()
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ICU^1^3");
    WaveBlock b{WaveId::EcgI, 500.0, utcMs("2024-03-01T08:00:00Z") * 1000, {}, 200.0, 1024};
    for (int adu = -300; adu < 300; adu += 3)
        b.samples.push_back(static_cast<float>((adu - 1024) / 200.0));
    u.waves.push_back(b);
    SendOptions o;
    const std::string msg = buildPcd01Waveform(u, o);
    QVERIFY(msg.find("MDC_ATTR_SCALE_RANGE") != std::string::npos);
    Message m;
    QVERIFY(m.parse(msg).ok());
    QCOMPARE(sv(m.find("OBX", 4).field(5).component(1)), std::string("-300")); // integers on the wire
    const DecodedPcd01 d = decodePcd01(m);
    QCOMPARE(d.update.waves.size(), std::size_t(1));
    const WaveBlock &w = d.update.waves[0];
    QVERIFY(qAbs(w.gain - 200.0) < 1e-9);
    QCOMPARE(w.baseline, 1024);
    QCOMPARE(w.samples.size(), b.samples.size());
    for (std::size_t k = 0; k < b.samples.size(); ++k) {
        QVERIFY(qAbs(w.samples[k] - b.samples[k]) < 1e-6f);
        QCOMPARE(std::lround(w.samples[k] * w.gain + w.baseline),
                 std::lround(b.samples[k] * b.gain + b.baseline));
    }
}

void TestHl7::roundTripAlarm()
{
    for (const char *file :
         {"pcd04_alarm_sensor_disconn_draeger_ref.txt", "pcd04_watchdog_draeger_ref.txt"}) {
        Message m;
        QVERIFY(m.parse(readData(file)).ok());
        const DecodedPcd04 first = decodePcd04(m);
        SendOptions o;
        o.controlId = QStringLiteral("E1");
        o.messageTimeMs = first.alarms[0].timeMs;
        const std::string msg = buildPcd04Alarm(first.alarms[0], first.patient, o);
        Message m2;
        QVERIFY(m2.parse(msg).ok());
        QCOMPARE(sv(classify(m2).trigger), std::string("R40"));
        const DecodedPcd04 second = decodePcd04(m2);
        QCOMPARE(second.alarms.size(), std::size_t(1));
        const AlarmReport &a = first.alarms[0];
        const AlarmReport &b = second.alarms[0];
        QCOMPARE(b.alarmId, a.alarmId);
        QCOMPARE(b.bedKey, a.bedKey);
        QCOMPARE(b.event.code, a.event.code);
        QCOMPARE(b.event.refId, a.event.refId);
        QCOMPARE(b.eventText, a.eventText);
        QCOMPARE(b.sourceMetric.code, a.sourceMetric.code);
        QCOMPARE(b.phase, a.phase);
        QCOMPARE(b.state, a.state);
        QCOMPARE(b.inactivationState, a.inactivationState);
        QCOMPARE(b.priority, a.priority);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.isHeartbeat, a.isHeartbeat);
        QCOMPARE(b.confirmTimeoutS, a.confirmTimeoutS);
        QCOMPARE(b.timeMs, a.timeMs);
        QCOMPARE(second.patient, first.patient);
    }
    // A physiological alarm with a metric, a value and limits.
    AlarmReport a;
    a.alarmId = QStringLiteral("77|x");
    a.bedKey = QStringLiteral("ICU^2^5");
    a.event = CodedValue{196648, {}, QStringLiteral("MDC_EVT_HI"), QStringLiteral("MDC")};
    a.eventText = QStringLiteral("HR high ^ 150");
    a.sourceMetric = CodedValue{147842, {}, QStringLiteral("MDC_ECG_HEART_RATE"), QStringLiteral("MDC")};
    a.sourceValue = 150;
    a.limitLow = 50;
    a.limitHigh = 120;
    a.phase = AlarmPhase::Escalate;
    a.state = AlarmState::Active;
    a.inactivationState = AlarmInactivation::Acknowledged;
    a.priority = alarms::Priority::High;
    a.kind = alarms::Kind::Physiological;
    a.timeMs = utcMs("2024-03-01T08:00:00.5Z");
    Message m;
    const std::string msg = buildPcd04Alarm(a, std::nullopt, SendOptions{});
    QVERIFY(m.parse(msg).ok());
    const DecodedPcd04 d = decodePcd04(m);
    const AlarmReport &b = d.alarms.at(0);
    QCOMPARE(b.alarmId, QStringLiteral("77\\F\\x")); // OBR-3 is reported as sent (encoded)
    QCOMPARE(b.eventText, a.eventText);
    QCOMPARE(b.sourceMetric.code, 147842u);
    QCOMPARE(*b.sourceValue, 150.0);
    QCOMPARE(*b.limitLow, 50.0);
    QCOMPARE(*b.limitHigh, 120.0);
    QCOMPARE(b.phase, AlarmPhase::Escalate);
    QCOMPARE(b.inactivationState, AlarmInactivation::Acknowledged);
    QCOMPARE(b.priority, alarms::Priority::High);
    QCOMPARE(b.timeMs, a.timeMs);
    QVERIFY(!b.isHeartbeat);
    QVERIFY(!d.patient);
}

VIGIL_TEST_GUILESS_MAIN(TestHl7)
#include "tst_hl7.moc"
