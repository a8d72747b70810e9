// The census rules and the ADT engine: bad input, idempotency, persistence across a restart, and a long
// randomised replay against a reference model written here independently of CensusState.
#include "AdtEngine.h"
#include "Hl7Message.h"
#include "Hl7Text.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace vigil;
using namespace vigil::adt;

namespace {

const QDate kToday(2026, 12, 5);
constexpr qint64 kNow = 1'796'472'000'000; // 2026-12-05

QString bedOf(int i)
{
    return QStringLiteral("ICU^R%1^A").arg(i);
}

BedMap icuBeds(int n = 32)
{
    BedMap m;
    for (int i = 0; i < n; ++i)
        m.beds.insert(bedOf(i));
    return m;
}

struct Pid
{
    QString mrn;
    QString family = QStringLiteral("Doe");
    QString given = QStringLiteral("Jan");
    QString dob = QStringLiteral("19600101");
};

std::string pidSegment(const Pid &p, int n = 1)
{
    return QStringLiteral("PID|%1||%2^^^HOSP^MR||%3^%4||%5|F\r")
        .arg(n)
        .arg(p.mrn, p.family, p.given, p.dob)
        .toStdString();
}

std::string msh(const QString &trigger, const QString &controlId)
{
    return QStringLiteral(
               "MSH|^~\\&|ADT|HOSP|VIGIL|ICU|20261205120000||ADT^%1^ADT_A01|%2|P|2.5|||||||UNICODE UTF-8\r"
               "EVN|%1|20261205120000\r")
        .arg(trigger, controlId)
        .toStdString();
}

std::string adtMsg(const QString &trigger, const QString &controlId, const Pid &p, const QString &bed)
{
    std::string m = msh(trigger, controlId) + pidSegment(p);
    m += "PV1|1|I|" + bed.toStdString() + "\r";
    return m;
}

std::string swapMsg(const QString &controlId, const Pid &a, const QString &bedA, const Pid &b,
                    const QString &bedB)
{
    return msh(QStringLiteral("A17"), controlId) + pidSegment(a) + "PV1|1|I|" + bedA.toStdString() + "\r" +
           pidSegment(b, 2) + "PV1|2|I|" + bedB.toStdString() + "\r";
}

std::string mergeMsg(const QString &controlId, const Pid &survivor, const QString &old)
{
    return msh(QStringLiteral("A40"), controlId) + pidSegment(survivor) + "MRG|" + old.toStdString() +
           "^^^HOSP^MR\r";
}

EngineOptions options(const QString &path = {})
{
    EngineOptions o;
    o.storePath = path;
    o.beds = icuBeds();
    o.today = [] { return kToday; };
    return o;
}

struct AckView
{
    QString code, errText;
};

AckView parseAck(const std::string &ack)
{
    hl7::Message m;
    if (!m.parse(ack).ok())
        return {};
    AckView v;
    v.code = QString::fromStdString(std::string(m.find("MSA").field(1).component(1)));
    const hl7::Segment err = m.find("ERR");
    if (err.valid())
        v.errText = QString::fromStdString(hl7::unescaped(err.field(8).raw(), m.delimiters()));
    return v;
}

// --- the reference model: what the census must be after a sequence, written from docs/ADT.md ----------

struct RefStay
{
    QString bed, name, prior;
};

class Reference
{
public:
    std::map<QString, RefStay> byMrn; // current
    std::map<QString, RefStay> ended; // latest ended (A13 reopens)

    QString occupant(const QString &bed) const
    {
        for (const auto &[mrn, s] : byMrn)
            if (s.bed == bed)
                return mrn;
        return {};
    }
    bool admitted(const QString &mrn) const { return byMrn.count(mrn) > 0; }

    // Returns the expected ACK code.
    QString admit(const QString &mrn, const QString &name, const QString &bed, bool ours, bool known)
    {
        if (!ours)
            return "AA";
        if (!known)
            return "AE";
        if (admitted(mrn)) {
            if (byMrn[mrn].bed != bed)
                return "AE";
            byMrn[mrn].name = name;
            return "AA";
        }
        if (!occupant(bed).isEmpty())
            return "AE";
        byMrn[mrn] = {bed, name, {}};
        ended.erase(mrn);
        return "AA";
    }
    QString end(const QString &mrn, bool keep)
    {
        if (keep)
            ended[mrn] = byMrn[mrn];
        else
            ended.erase(mrn);
        byMrn.erase(mrn);
        return "AA";
    }
    QString move(const QString &mrn, const QString &bed, bool known, bool cancel)
    {
        if (!known)
            return "AE";
        RefStay &s = byMrn[mrn];
        if (s.bed == bed)
            return "AA";
        if (!occupant(bed).isEmpty())
            return "AE";
        s.prior = cancel ? QString() : s.bed;
        s.bed = bed;
        return "AA";
    }
    QString event(const QString &trig, const QString &mrn, const QString &name, const QString &bed, bool ours,
                  bool known, const QString &mrn2, const QString &old)
    {
        if (trig == "A01" || trig == "A04")
            return admit(mrn, name, bed, ours, known);
        if (trig == "A02") {
            if (!ours)
                return admitted(mrn) ? end(mrn, true) : "AA";
            if (!admitted(mrn))
                return admit(mrn, name, bed, ours, known);
            return move(mrn, bed, known, false);
        }
        if (trig == "A03" || trig == "A08" || trig == "A11" || trig == "A12") {
            if (!admitted(mrn))
                return ours ? "AE" : "AA";
            if (trig == "A03")
                return end(mrn, true);
            if (trig == "A08") {
                byMrn[mrn].name = name;
                return "AA";
            }
            if (trig == "A11")
                return end(mrn, false);
            if (!ours)
                return end(mrn, true);
            return move(mrn, bed, known, true);
        }
        if (trig == "A13") {
            if (admitted(mrn))
                return "AE";
            if (!ended.count(mrn))
                return ours ? "AE" : "AA";
            const RefStay s = ended[mrn];
            if (!occupant(s.bed).isEmpty())
                return "AE";
            byMrn[mrn] = s;
            ended.erase(mrn);
            return "AA";
        }
        if (trig == "A17") {
            if (!admitted(mrn) && !admitted(mrn2) && !ours)
                return "AA"; // the replay's second bed is out of unit whenever the first is
            if (!admitted(mrn) || !admitted(mrn2) || mrn == mrn2)
                return "AE";
            RefStay &a = byMrn[mrn], &b = byMrn[mrn2];
            std::swap(a.bed, b.bed);
            a.prior = b.bed;
            b.prior = a.bed;
            return "AA";
        }
        if (trig == "A40") {
            if (old == mrn)
                return "AA";
            if (admitted(old) && admitted(mrn))
                return "AE";
            ended.erase(old);
            if (!admitted(old))
                return "AA";
            RefStay s = byMrn[old];
            s.name = name;
            byMrn.erase(old);
            byMrn[mrn] = s;
            return "AA";
        }
        return "AR";
    }
};

} // namespace

class TestCensus : public QObject
{
    Q_OBJECT
private slots:
    void admitTransferDischarge();
    void resendIsIdempotent();
    void outOfUnitIsAckedAndIgnored();
    void badInput_data();
    void badInput();
    void namesWithEscapesAndNonLatin();
    void impossibleEventsArePendingConflicts();
    void swapAndMerge();
    void cancelEvents();
    void unadmittedStayIsAdopted();
    void autoDischargeSparesAdtStays();
    void survivesRestart();
    void replayMatchesReferenceModel();
    void replayThroughStoreSurvivesRestart();
};

void TestCensus::admitTransferDischarge()
{
    AdtEngine e(options());
    QString error;
    QVERIFY(e.open(&error));
    auto a = e.handleFrame(adtMsg("A01", "1", {"MRN1"}, bedOf(1)), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    QCOMPARE(parseAck(a.ack).code, QStringLiteral("AA"));
    QVERIFY(a.changed);
    auto s = e.snapshot();
    QCOMPARE(s.stays.size(), 1u);
    QCOMPARE(s.stays[0].bedKey, bedOf(1));
    QCOMPARE(s.stays[0].patient.mrn, QStringLiteral("MRN1"));
    QCOMPARE(s.stays[0].patient.displayName(), QStringLiteral("Doe, Jan"));
    QCOMPARE(s.stays[0].patient.birthDate, QDate(1960, 1, 1));
    QVERIFY(s.stays[0].source == census::StaySource::Adt);

    a = e.handleFrame(adtMsg("A02", "2", {"MRN1"}, bedOf(5)), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    s = e.snapshot();
    QCOMPARE(s.stays.size(), 1u);
    QCOMPARE(s.stays[0].bedKey, bedOf(5));
    QCOMPARE(s.stays[0].priorBedKey, bedOf(1));

    a = e.handleFrame(adtMsg("A03", "3", {"MRN1"}, bedOf(5)), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    QVERIFY(e.snapshot().stays.empty());
}

void TestCensus::resendIsIdempotent()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    const std::string admit = adtMsg("A01", "X1", {"MRN1"}, bedOf(1));
    QCOMPARE(e.handleFrame(admit, kNow).code, QStringLiteral("AA"));
    QCOMPARE(e.handleFrame(adtMsg("A03", "X2", {"MRN1"}, bedOf(1)), kNow).code, QStringLiteral("AA"));
    // The admit again (a sender that lost our ACK): answered AA again, and the discharged patient stays out.
    const auto again = e.handleFrame(admit, kNow);
    QCOMPARE(again.code, QStringLiteral("AA"));
    QVERIFY(!again.changed);
    QVERIFY(e.snapshot().stays.empty());
    QCOMPARE(e.snapshot().resends, 1u);
    // A resend with a new MSH-7 is still the same message.
    std::string restamped = admit;
    restamped.replace(restamped.find("20261205120000"), 14, "20261205120500");
    QVERIFY(!e.handleFrame(restamped, kNow).changed);
    QVERIFY(e.snapshot().stays.empty());
    // The same control id with other content is a new message.
    QVERIFY(e.handleFrame(adtMsg("A01", "X1", {"MRN2"}, bedOf(2)), kNow).changed);
    QCOMPARE(e.snapshot().stays.size(), 1u);
}

void TestCensus::outOfUnitIsAckedAndIgnored()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    const auto a = e.handleFrame(adtMsg("A01", "1", {"MRN1"}, QStringLiteral("WARD7^12^B")), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    QVERIFY(!a.changed);
    QVERIFY(!a.conflict);
    QVERIFY(a.log.contains(QStringLiteral("ignored")));
    QVERIFY(e.snapshot().stays.empty());
    QVERIFY(e.snapshot().conflicts.empty());
    // An explicit map names the beds; other locations of the mapped unit are unknown beds.
    EngineOptions o = options();
    o.beds.locations[QStringLiteral("MICU^3^1")] = bedOf(3);
    o.beds.units.insert(QStringLiteral("MICU"));
    AdtEngine mapped(o);
    QVERIFY(mapped.open(nullptr));
    QCOMPARE(mapped.handleFrame(adtMsg("A01", "1", {"MRN1"}, QStringLiteral("MICU^3^1")), kNow).code,
             QStringLiteral("AA"));
    QCOMPARE(mapped.snapshot().stays.at(0).bedKey, bedOf(3));
    QCOMPARE(mapped.handleFrame(adtMsg("A01", "2", {"MRN2"}, QStringLiteral("MICU^9^9")), kNow).code,
             QStringLiteral("AE"));
}

void TestCensus::badInput_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("errContains");
    QTest::addColumn<QString>("logContains");
    QTest::newRow("missing PID-3") << QByteArray::fromStdString(msh("A01", "1") +
                                                                "PID|1||||Doe^Jan\rPV1|1|I|ICU^R1^A\r")
                                   << "AE"
                                   << "PID-3"
                                   << "PID-3";
    QTest::newRow("unknown bed") << QByteArray::fromStdString(
                                        adtMsg("A01", "2", {"MRN1"}, QStringLiteral("ICU^R99^Z")))
                                 << "AE"
                                 << "does not exist"
                                 << "does not exist";
    Pid future{"MRN1"};
    future.dob = QStringLiteral("20300101");
    QTest::newRow("future DOB") << QByteArray::fromStdString(adtMsg("A01", "3", future, bedOf(1))) << "AE"
                                << "in the future"
                                << "PID-7";
    QTest::newRow("bad DOB") << QByteArray::fromStdString(
                                    adtMsg("A01", "4", Pid{"M", "D", "J", "1960AB01"}, bedOf(1)))
                             << "AE"
                             << "not a date"
                             << "PID-7";
    QTest::newRow("no PV1-3") << QByteArray::fromStdString(msh("A01", "5") + pidSegment({"MRN1"}) +
                                                           "PV1|1|I\r")
                              << "AE"
                              << "PV1-3"
                              << "PV1-3";
    QTest::newRow("A40 without MRG") << QByteArray::fromStdString(msh("A40", "6") + pidSegment({"MRN1"}))
                                     << "AE"
                                     << "MRG-1"
                                     << "MRG-1";
    QTest::newRow("not ADT") << QByteArray(
                                    "MSH|^~\\&|X|Y|VIGIL|ICU|20261205||ORM^O01|7|P|2.5\rPID|1||M^^^H^MR\r")
                             << "AR"
                             << "not ADT"
                             << "not ADT";
    QTest::newRow("garbage") << QByteArray("this is no HL7") << "AR"
                             << ""
                             << "unreadable";
}

void TestCensus::badInput()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    QFETCH(QString, errContains);
    QFETCH(QString, logContains);
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    const auto a = e.handleFrame(std::string_view(frame.constData(), std::size_t(frame.size())), kNow);
    const AckView ack = parseAck(a.ack);
    QCOMPARE(ack.code, code);
    QVERIFY2(ack.errText.contains(errContains), qPrintable(ack.errText));
    QVERIFY2(a.log.contains(logContains), qPrintable(a.log));
    QVERIFY(e.snapshot().stays.empty());
}

void TestCensus::namesWithEscapesAndNonLatin()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    // "O'Brien & Søn|Jr" with the field separator escaped, and a name in Cyrillic and one in Han.
    auto a = e.handleFrame(
        adtMsg("A01", "1", {"MRN1", "O'Brien \\T\\ S\u00f8n\\F\\Jr", "Zo\\S\\e"}, bedOf(1)), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    a = e.handleFrame(
        adtMsg("A01", "2", {"MRN2", QStringLiteral("Иванова"), QStringLiteral("Анна")}, bedOf(2)), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    a = e.handleFrame(adtMsg("A01", "3", {"MRN3", QStringLiteral("王"), QStringLiteral("小明")}, bedOf(3)),
                      kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    std::map<QString, QString> names;
    for (const auto &s : e.snapshot().stays)
        names[s.patient.mrn] = s.patient.displayName();
    QCOMPARE(names[QStringLiteral("MRN1")], QStringLiteral("O'Brien & S\u00f8n|Jr, Zo^e"));
    QCOMPARE(names[QStringLiteral("MRN2")], QStringLiteral("Иванова, Анна"));
    QCOMPARE(names[QStringLiteral("MRN3")], QStringLiteral("王, 小明"));
}

void TestCensus::impossibleEventsArePendingConflicts()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    QCOMPARE(e.handleFrame(adtMsg("A01", "1", {"MRN1"}, bedOf(1)), kNow).code, QStringLiteral("AA"));
    QCOMPARE(e.handleFrame(adtMsg("A01", "2", {"MRN2"}, bedOf(2)), kNow).code, QStringLiteral("AA"));
    // Discharge of an unknown patient, transfer into an occupied bed: AE with the reason, nothing applied.
    auto a = e.handleFrame(adtMsg("A03", "3", {"NOBODY"}, bedOf(7)), kNow);
    QCOMPARE(a.code, QStringLiteral("AE"));
    QVERIFY(a.conflict);
    QVERIFY(parseAck(a.ack).errText.contains(QStringLiteral("NOBODY")));
    a = e.handleFrame(adtMsg("A02", "4", {"MRN1"}, bedOf(2)), kNow);
    QCOMPARE(a.code, QStringLiteral("AE"));
    QVERIFY2(parseAck(a.ack).errText.contains(QStringLiteral("occupied")),
             qPrintable(parseAck(a.ack).errText));
    const auto s = e.snapshot();
    QCOMPARE(s.conflicts.size(), 2u);
    QCOMPARE(s.conflicts[1].event, QStringLiteral("A02"));
    QCOMPARE(s.conflicts[1].mrn, QStringLiteral("MRN1"));
    std::map<QString, QString> beds;
    for (const auto &st : s.stays)
        beds[st.patient.mrn] = st.bedKey;
    QCOMPARE(beds[QStringLiteral("MRN1")], bedOf(1));
    QCOMPARE(beds[QStringLiteral("MRN2")], bedOf(2));
    // The charge nurse clears one.
    QVERIFY(e.resolveConflict(s.conflicts[0].id, kNow));
    QCOMPARE(e.snapshot().conflicts.size(), 1u);
    QVERIFY(!e.resolveConflict(s.conflicts[0].id, kNow));
}

void TestCensus::swapAndMerge()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    e.handleFrame(adtMsg("A01", "1", {"A"}, bedOf(1)), kNow);
    e.handleFrame(adtMsg("A01", "2", {"B"}, bedOf(2)), kNow);
    QCOMPARE(e.handleFrame(swapMsg("3", {"A"}, bedOf(1), {"B"}, bedOf(2)), kNow).code, QStringLiteral("AA"));
    std::map<QString, QString> beds;
    for (const auto &st : e.snapshot().stays)
        beds[st.patient.mrn] = st.bedKey;
    QCOMPARE(beds[QStringLiteral("A")], bedOf(2));
    QCOMPARE(beds[QStringLiteral("B")], bedOf(1));
    // Merging two patients who both lie here is never done silently.
    auto a = e.handleFrame(mergeMsg("4", {"A"}, QStringLiteral("B")), kNow);
    QCOMPARE(a.code, QStringLiteral("AE"));
    QCOMPARE(e.snapshot().stays.size(), 2u);
    // Merging an identifier that is here into one that is not: the stay carries the surviving MRN.
    a = e.handleFrame(mergeMsg("5", {"C", "Merged", "Name"}, QStringLiteral("B")), kNow);
    QCOMPARE(a.code, QStringLiteral("AA"));
    beds.clear();
    for (const auto &st : e.snapshot().stays) {
        beds[st.patient.mrn] = st.bedKey;
        if (st.patient.mrn == QLatin1String("C")) {
            QCOMPARE(st.patient.displayName(), QStringLiteral("Merged, Name"));
            QVERIFY(st.patient.otherIds.contains(QStringLiteral("B")));
        }
    }
    QCOMPARE(beds.size(), 2u);
    QCOMPARE(beds[QStringLiteral("C")], bedOf(1));
}

void TestCensus::cancelEvents()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    e.handleFrame(adtMsg("A01", "1", {"A"}, bedOf(1)), kNow);
    e.handleFrame(adtMsg("A02", "2", {"A"}, bedOf(4)), kNow);
    QCOMPARE(e.handleFrame(adtMsg("A12", "3", {"A"}, bedOf(1)), kNow).code, QStringLiteral("AA"));
    QCOMPARE(e.snapshot().stays.at(0).bedKey, bedOf(1));
    e.handleFrame(adtMsg("A03", "4", {"A"}, bedOf(1)), kNow);
    QVERIFY(e.snapshot().stays.empty());
    QCOMPARE(e.handleFrame(adtMsg("A13", "5", {"A"}, bedOf(1)), kNow).code, QStringLiteral("AA"));
    QCOMPARE(e.snapshot().stays.at(0).bedKey, bedOf(1));
    QCOMPARE(e.handleFrame(adtMsg("A11", "6", {"A"}, bedOf(1)), kNow).code, QStringLiteral("AA"));
    QVERIFY(e.snapshot().stays.empty());
    // A cancelled admission cannot be un-discharged.
    QCOMPARE(e.handleFrame(adtMsg("A13", "7", {"A"}, bedOf(1)), kNow).code, QStringLiteral("AE"));
}

void TestCensus::unadmittedStayIsAdopted()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    QVERIFY(e.noteData(bedOf(3), kNow - 60000));
    QVERIFY(!e.noteData(bedOf(3), kNow - 30000));
    auto s = e.snapshot();
    QCOMPARE(s.stays.size(), 1u);
    QVERIFY(s.stays[0].source == census::StaySource::Unadmitted);
    const qint64 id = s.stays[0].id;
    QCOMPARE(e.handleFrame(adtMsg("A01", "1", {"MRN1"}, bedOf(3)), kNow).code, QStringLiteral("AA"));
    s = e.snapshot();
    QCOMPARE(s.stays.size(), 1u);
    QCOMPARE(s.stays[0].id, id); // the same stay: what came before the admission is the patient's
    QCOMPARE(s.stays[0].admitMs, kNow - 60000);
    QCOMPARE(s.stays[0].lastDataMs, kNow - 30000);
    QVERIFY(s.stays[0].source == census::StaySource::Adt);
}

void TestCensus::autoDischargeSparesAdtStays()
{
    AdtEngine e(options());
    QVERIFY(e.open(nullptr));
    e.handleFrame(adtMsg("A01", "1", {"ADT1"}, bedOf(1)), kNow - 10 * 3600000);
    census::PatientIdentity p;
    p.mrn = QStringLiteral("MAN1");
    QVERIFY(e.admit(bedOf(2), p, kNow - 10 * 3600000).ok);
    QVERIFY(e.noteData(bedOf(3), kNow - 5 * 3600000));
    QVERIFY(e.noteData(bedOf(4), kNow - 1 * 3600000));
    const QStringList gone = e.autoDischarge(kNow, 4 * 3600000);
    QCOMPARE(gone, (QStringList{bedOf(2), bedOf(3)}));
    QCOMPARE(e.snapshot().stays.size(), 2u);
}

void TestCensus::survivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.census.sqlite"));
    const std::string admit = adtMsg("A01", "R1", {"MRN1"}, bedOf(1));
    {
        AdtEngine e(options(path));
        QString error;
        QVERIFY2(e.open(&error), qPrintable(error));
        QCOMPARE(e.handleFrame(admit, kNow).code, QStringLiteral("AA"));
        QCOMPARE(e.handleFrame(adtMsg("A02", "R2", {"MRN1"}, bedOf(2)), kNow).code, QStringLiteral("AA"));
        QCOMPARE(e.handleFrame(adtMsg("A03", "R3", {"NOBODY"}, bedOf(2)), kNow).code, QStringLiteral("AE"));
        e.handleFrame(adtMsg("A01", "R4", {"MRN9"}, bedOf(9)), kNow);
        e.handleFrame(adtMsg("A03", "R5", {"MRN9"}, bedOf(9)), kNow);
    }
    AdtEngine e(options(path));
    QVERIFY(e.open(nullptr));
    auto s = e.snapshot();
    QCOMPARE(s.stays.size(), 1u);
    QCOMPARE(s.stays[0].bedKey, bedOf(2));
    QCOMPARE(s.stays[0].priorBedKey, bedOf(1));
    QCOMPARE(s.conflicts.size(), 1u);
    // The admit resent after the restart is recognised: the patient does not go back to bed 1.
    const auto again = e.handleFrame(admit, kNow);
    QCOMPARE(again.code, QStringLiteral("AA"));
    QVERIFY(!again.changed);
    QCOMPARE(e.snapshot().stays.at(0).bedKey, bedOf(2));
    // A discharged stay is searchable by MRN and name, and A13 still reopens it after the restart.
    const auto found = e.search(QStringLiteral("MRN9"));
    QCOMPARE(found.size(), 1u);
    QVERIFY(found[0].endMs.has_value());
    QCOMPARE(e.search(QStringLiteral("oe")).size(), 2u);
    QCOMPARE(e.handleFrame(adtMsg("A13", "R6", {"MRN9"}, bedOf(9)), kNow).code, QStringLiteral("AA"));
    QCOMPARE(e.snapshot().stays.size(), 2u);
}

namespace {

struct Replay
{
    int events = 0;
    QString census;
    std::map<QString, int> codes;
};

// Generates `n` events (resends, cancels, out-of-unit noise, unknown beds), feeds them to the engine and
// the reference, and checks every ACK code on the way.
Replay replay(AdtEngine &e, Reference &ref, int n, quint32 seed, int *mismatches, QString *firstMismatch)
{
    QRandomGenerator rng(seed);
    std::vector<std::pair<std::string, QString>> sent; // frame, code answered
    const QStringList triggers = {"A01", "A01", "A04", "A02", "A02", "A03", "A03",
                                  "A08", "A11", "A12", "A13", "A17", "A40"};
    Replay out;
    for (int i = 0; i < n; ++i) {
        if (!sent.empty() && rng.bounded(10) == 0) { // a resend: same answer, no change
            const auto &[frame, code] = sent[rng.bounded(int(sent.size()))];
            const auto a = e.handleFrame(frame, kNow);
            ++out.codes[QStringLiteral("resend")];
            if (a.code != code || a.changed) {
                ++*mismatches;
                if (firstMismatch->isEmpty())
                    *firstMismatch = QStringLiteral("resend answered %1, first %2").arg(a.code, code);
            }
            continue;
        }
        const QString trig = triggers[rng.bounded(int(triggers.size()))];
        const QString mrn = QStringLiteral("P%1").arg(rng.bounded(80));
        const QString mrn2 = QStringLiteral("P%1").arg(rng.bounded(80));
        Pid p{mrn, QStringLiteral("Fam%1").arg(rng.bounded(5)), QStringLiteral("G%1").arg(rng.bounded(3))};
        const int where = int(rng.bounded(100));
        QString bed;
        bool ours = true, known = true;
        if (where < 15) { // another unit's traffic
            bed = QStringLiteral("WARD%1^%2^B").arg(rng.bounded(3)).arg(rng.bounded(40));
            ours = known = false;
        } else if (where < 18) { // a bed of our unit that does not exist
            bed = QStringLiteral("ICU^R%1^Z").arg(rng.bounded(40));
            known = false;
        } else {
            bed = bedOf(int(rng.bounded(32)));
        }
        const QString id = QStringLiteral("C%1-%2").arg(seed).arg(i);
        std::string frame;
        QString old;
        if (trig == "A17") {
            const Pid q{mrn2};
            const auto a1 = ref.byMrn.count(mrn) ? ref.byMrn[mrn].bed : bed;
            const auto a2 = ref.byMrn.count(mrn2) ? ref.byMrn[mrn2].bed : bedOf(int(rng.bounded(32)));
            frame = swapMsg(id, p, ours ? a1 : bed, q, ours ? a2 : bed);
        } else if (trig == "A40") {
            old = QStringLiteral("P%1").arg(rng.bounded(80));
            frame = mergeMsg(id, p, old);
        } else {
            frame = adtMsg(trig, id, p, bed);
        }
        // A17's pair beds are the patients' own (so "ours" when either is admitted); A40 has no bed.
        const bool refOurs = trig == "A40" ? false : ours;
        const QString expected =
            ref.event(trig, mrn, p.family + ", " + p.given, bed, refOurs, known, mrn2, old);
        const auto a = e.handleFrame(frame, kNow + i);
        ++out.codes[trig + a.code];
        if (a.code != expected) {
            ++*mismatches;
            if (firstMismatch->isEmpty())
                *firstMismatch =
                    QStringLiteral("event %1 %2 %3 (mrn2 %4 old %5) bed %6: station %7, reference %8 (%9)")
                        .arg(i)
                        .arg(trig, mrn, mrn2, old, bed, a.code, expected, a.log);
        }
        sent.emplace_back(frame, a.code);
        ++out.events;
    }
    return out;
}

QString describe(const std::vector<census::Stay> &stays)
{
    std::map<QString, QString> m;
    for (const auto &s : stays)
        m[s.bedKey] = s.patient.mrn + "/" + s.patient.displayName();
    QStringList out;
    for (const auto &[bed, who] : m)
        out << bed + "=" + who;
    return out.join(QLatin1Char(' '));
}

QString describe(const Reference &ref)
{
    std::map<QString, QString> m;
    for (const auto &[mrn, s] : ref.byMrn)
        m[s.bed] = mrn + "/" + s.name;
    QStringList out;
    for (const auto &[bed, who] : m)
        out << bed + "=" + who;
    return out.join(QLatin1Char(' '));
}

} // namespace

void TestCensus::replayMatchesReferenceModel()
{
    for (quint32 seed : {1u, 2u, 3u}) {
        AdtEngine e(options());
        QVERIFY(e.open(nullptr));
        Reference ref;
        int mismatches = 0;
        QString first;
        const Replay r = replay(e, ref, 4000, seed, &mismatches, &first);
        QVERIFY2(
            mismatches == 0,
            qPrintable(
                QStringLiteral("seed %1: %2 mismatches, first: %3").arg(seed).arg(mismatches).arg(first)));
        const auto snap = e.snapshot();
        QCOMPARE(describe(snap.stays), describe(ref));
        // No orphan: every stay is in a station bed, and no patient is in two beds.
        std::set<QString> mrns;
        for (const auto &s : snap.stays) {
            QVERIFY(s.bedKey.startsWith(QLatin1String("ICU^R")) && s.bedKey.endsWith(QLatin1String("^A")));
            QVERIFY(mrns.insert(s.patient.mrn).second);
        }
        // The sequence exercised what it should (not a replay of no-ops).
        QVERIFY(r.codes.at(QStringLiteral("A02AA")) > 100);
        QVERIFY(r.codes.at(QStringLiteral("A17AA")) > 5);
        QVERIFY(r.codes.at(QStringLiteral("A13AA")) > 5);
        QVERIFY(r.codes.at(QStringLiteral("A01AE")) > 50);
        QVERIFY(r.codes.at(QStringLiteral("resend")) > 200);
        QVERIFY(snap.stays.size() > 10);
    }
}

void TestCensus::replayThroughStoreSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.census.sqlite"));
    Reference ref;
    QString census;
    {
        AdtEngine e(options(path));
        QVERIFY(e.open(nullptr));
        int mismatches = 0;
        QString first;
        replay(e, ref, 600, 7, &mismatches, &first);
        QVERIFY2(mismatches == 0, qPrintable(first));
        census = describe(e.snapshot().stays);
        QCOMPARE(census, describe(ref));
    }
    AdtEngine e(options(path));
    QVERIFY(e.open(nullptr));
    QCOMPARE(describe(e.snapshot().stays), census);
}

QTEST_GUILESS_MAIN(TestCensus)
#include "tst_census.moc"
