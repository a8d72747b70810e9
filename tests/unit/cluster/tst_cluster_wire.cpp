// The cluster's wire format (services/cluster/ClusterWire): subjects are one token per name, a data batch
// survives the trip exactly (waves through the codec, NaN gaps included), alarm events and commands keep
// every field, and damaged payloads are refused rather than misread.
#include "ClusterWire.h"

#include <QTest>

#include <cmath>

using namespace vigil;
using namespace vigil::cluster;

class TestClusterWire : public QObject
{
    Q_OBJECT
private slots:
    void subjectsAreTokens()
    {
        QCOMPARE(
            subject(QStringLiteral("St. Mary"), QStringLiteral("ICU 1"), QStringLiteral("SIM^01.a*"), "data"),
            QStringLiteral("hospital.St__Mary.ICU_1.SIM^01_a_.data"));
        QCOMPARE(token(QString()), QStringLiteral("_"));
    }

    void dataRoundTrip()
    {
        BedUpdate u;
        u.bedKey = QStringLiteral("SIM^01");
        u.bedLabel = QStringLiteral("Bed 1");
        u.patient = PatientInfo{QStringLiteral("P1"), QStringLiteral("Doe, J"), PatientProfile::Neonatal, {}};
        u.numerics.push_back({NumericId::Hr, 72, 1'700'000'000'000LL, 50.0, std::nullopt});
        u.numerics.push_back({NumericId::SpO2, 97, 1'700'000'000'001LL});
        u.conditions.push_back({QStringLiteral("lead_off"), QStringLiteral("ECG leads off"), true});
        WaveBlock w{WaveId::EcgII, 250.0, 1'700'000'000'000'000LL, {}, 200.0, 0};
        for (int i = 0; i < 500; ++i)
            w.samples.push_back(i == 17 ? std::nanf("")
                                        : static_cast<float>(std::round(std::sin(i * 0.1) * 200) / 200));
        u.waves.push_back(w);
        const QByteArray bytes = encodeData(QStringLiteral("A"), QStringLiteral("ICU1"), u);
        QVERIFY2(bytes.size() < 500 * 4 / 2, qPrintable(QString::number(bytes.size()))); // compressed
        const auto b = decodeData(bytes);
        QVERIFY(b);
        QCOMPARE(b->station, QStringLiteral("A"));
        QCOMPARE(b->unit, QStringLiteral("ICU1"));
        QCOMPARE(b->update.bedKey, u.bedKey);
        QCOMPARE(b->update.patient->name, u.patient->name);
        QCOMPARE(b->update.patient->profile, PatientProfile::Neonatal);
        QCOMPARE(b->update.numerics.size(), std::size_t(2));
        QCOMPARE(b->update.numerics[0].limitLow.value_or(-1), 50.0);
        QVERIFY(!b->update.numerics[1].limitLow);
        QCOMPARE(b->update.numerics[1].timeMs, u.numerics[1].timeMs);
        QCOMPARE(b->update.conditions.at(0).code, QStringLiteral("lead_off"));
        const WaveBlock &r = b->update.waves.at(0);
        QCOMPARE(r.startTimeUs, w.startTimeUs);
        QCOMPARE(r.samples.size(), w.samples.size());
        QVERIFY(std::isnan(r.samples[17]));
        for (std::size_t i = 0; i < w.samples.size(); ++i)
            if (i != 17)
                QCOMPARE(r.samples[i], w.samples[i]);
    }

    void damagedDataIsRefused()
    {
        BedUpdate u;
        u.bedKey = QStringLiteral("b");
        u.waves.push_back({WaveId::Pleth, 125.0, 1, std::vector<float>(300, 0.5f), 0.0, 0});
        QByteArray bytes = encodeData(QStringLiteral("A"), QStringLiteral("U"), u);
        QVERIFY(decodeData(bytes));
        QVERIFY(!decodeData(bytes.left(bytes.size() - 7)));
        QVERIFY(!decodeData(QByteArray("garbage")));
        bytes[bytes.size() - 3] = char(bytes[bytes.size() - 3] ^ 0x5a); // codec checksum catches it
        QVERIFY(!decodeData(bytes));
    }

    void alarmAndCommandRoundTrip()
    {
        AlarmEvent e;
        e.station = QStringLiteral("A");
        e.unit = QStringLiteral("ICU1");
        e.epoch = 1'700'000'000'000LL;
        e.seq = 42;
        e.step = QStringLiteral("acknowledge");
        e.id = QStringLiteral("a-17");
        e.bedKey = QStringLiteral("SIM^01");
        e.code = QStringLiteral("spo2_low");
        e.parameter = QStringLiteral("spo2");
        e.direction = QStringLiteral("low");
        e.priority = QStringLiteral("high");
        e.acknowledged = true;
        e.acknowledgedBy = QStringLiteral("nurse");
        e.hasValue = true;
        e.value = 84;
        const auto d = decodeAlarm(encodeAlarm(e));
        QVERIFY(d);
        QCOMPARE(d->seq, quint64(42));
        QCOMPARE(d->epoch, e.epoch);
        QCOMPARE(d->acknowledgedBy, QStringLiteral("nurse"));
        QVERIFY(d->hasValue && !d->hasLimit);
        QCOMPARE(d->value, 84.0);
        QVERIFY(!decodeAlarm("{\"station\":\"A\"}"));
        const auto c = decodeCommand(
            encodeCommand({QStringLiteral("acknowledge"), QStringLiteral("A"), QStringLiteral("a-17"),
                           QStringLiteral("SIM^01"), QStringLiteral("nurse"), QStringLiteral("B")}));
        QVERIFY(c);
        QCOMPARE(c->from, QStringLiteral("B"));
        QVERIFY(!decodeCommand("{}"));
        // A redundant pair's event carries the pair; an old event (no group) is an ordinary owner's.
        e.group = QStringLiteral("ICU1");
        QCOMPARE(decodeAlarm(encodeAlarm(e))->group, QStringLiteral("ICU1"));
        QVERIFY(decodeAlarm(R"({"station":"A","id":"a-1","bed":"SIM^01"})")->group.isEmpty());
        // A bed's alarm pause: no alarm id, the bed and the seconds (0 resumes).
        const auto p = decodeCommand(
            encodeCommand({QStringLiteral("pause"), QStringLiteral("A"), QString(), QStringLiteral("SIM^02"),
                           QStringLiteral("nurse"), QStringLiteral("B"), 120}));
        QVERIFY(p);
        QCOMPARE(p->seconds, 120);
        QCOMPARE(p->bedKey, QStringLiteral("SIM^02"));
        QVERIFY(!decodeCommand(R"({"op":"pause","station":"A"})")); // neither an alarm nor a bed
    }
};

QTEST_GUILESS_MAIN(TestClusterWire)
#include "tst_cluster_wire.moc"
