#include "SimulatedWardSource.h"

#include <QDateTime>

#include <array>

namespace vigil {

namespace {
// Synthetic, obviously fictional patients for the demo ward.
constexpr std::array<const char *, 24> kFamily{
    "Alder",  "Brook",  "Castell", "Dunmore", "Ellery", "Fenwick", "Garland", "Hollis",
    "Ingram", "Jessup", "Kestrel", "Lowell",  "Marsh",  "Norrell", "Oakes",   "Pryce",
    "Quill",  "Rowan",  "Sallow",  "Thorne",  "Upton",  "Vance",   "Wilder",  "Yarrow"};
constexpr std::array<const char *, 16> kGiven{"Ada",   "Ben",  "Clara", "Dev",   "Edith", "Femi",
                                              "Greta", "Hugo", "Iris",  "Jonah", "Kira",  "Luis",
                                              "Maya",  "Nils", "Olga",  "Pia"};
} // namespace

std::optional<std::vector<SimulatedBedSpec>> SimulatedWardSource::makeWard(int beds, std::uint64_t seed,
                                                                           double nibpCycleS,
                                                                           const QStringList &scenarios,
                                                                           QString *error)
{
    std::vector<SimulatedBedSpec> ward;
    for (int i = 0; i < beds; ++i) {
        SimulatedBedSpec b;
        b.seed = seed * 1000003ULL + static_cast<std::uint64_t>(i) * 7919ULL + 1;
        b.key = QStringLiteral("SIM^%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        b.label = QStringLiteral("Bed %1").arg(i + 1, 2, 10, QLatin1Char('0'));
        // Every fifth bed is a child; every third has an arterial line; every fourth is capnographed.
        const PatientProfile profile = (i % 5 == 3) ? PatientProfile::Paediatric : PatientProfile::Adult;
        b.params = sim::defaultParams(profile, b.seed);
        b.params.hasAbp = (i % 3 == 0);
        b.params.hasCo2 = (i % 4 == 1);
        b.params.nibpCycleS = nibpCycleS;
        b.params.firstNibpAtS = 4.0 + (i % 8);
        const auto mix = b.seed ^ (b.seed >> 17);
        b.patient.id = QStringLiteral("SIM%1").arg(100000 + (mix % 900000));
        b.patient.name = QStringLiteral("%1, %2").arg(QLatin1String(kFamily[(mix / 7) % kFamily.size()]),
                                                      QLatin1String(kGiven[(mix / 13) % kGiven.size()]));
        b.patient.profile = profile;
        // A birth date that gives the same category through a gateway (PID-7) as here.
        b.patient.birthDate =
            QDate::currentDate()
                .addYears(profile == PatientProfile::Paediatric ? -(4 + int(mix % 7)) : -(35 + int(mix % 50)))
                .addDays(-int(mix % 300));
        ward.push_back(std::move(b));
    }
    for (const QString &entry : scenarios) {
        const int colon = entry.indexOf(u':');
        bool ok = false;
        const int bed = colon > 0 ? entry.left(colon).trimmed().toInt(&ok) : 0;
        if (!ok || bed < 1 || bed > beds) {
            if (bed > beds && ok)
                continue; // a scenario for a bed the (smaller) demo ward does not have
            if (error)
                *error = QStringLiteral("scenario \"%1\": expected BED:step with BED from 1 to %2")
                             .arg(entry)
                             .arg(beds);
            return std::nullopt;
        }
        std::string why;
        const auto step = sim::parseScenarioStep(entry.mid(colon + 1).trimmed().toStdString(), &why);
        if (!step) {
            if (error)
                *error = QStringLiteral("scenario \"%1\": %2").arg(entry, QString::fromStdString(why));
            return std::nullopt;
        }
        ward[bed - 1].script.push_back(*step);
    }
    return ward;
}

SimulatedWardSource::SimulatedWardSource(QString id, QString name, std::vector<SimulatedBedSpec> beds,
                                         IngestSink *sink, QObject *parent)
    : GatewaySource(std::move(id), std::move(name), QStringLiteral("sim://local"), sink, parent)
{
    m_beds.reserve(beds.size());
    for (auto &spec : beds) {
        sim::BedPhysiology phys(spec.params, spec.seed, spec.script);
        m_beds.push_back(BedRun{std::move(spec), std::move(phys), {}, false, false, false});
    }
}

SimulatedWardSource::~SimulatedWardSource() = default;

void SimulatedWardSource::start()
{
    m_startUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_elapsed.start();
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, [this] { advanceTo(m_elapsed.nsecsElapsed() / 1e9); });
    }
    m_timer->start(m_tickMs);
    setState(SourceStatus::State::Connected);
    advanceTo(0.0);
}

void SimulatedWardSource::stop()
{
    if (m_timer)
        m_timer->stop();
    setState(SourceStatus::State::Stopped);
}

void SimulatedWardSource::advanceTo(double seconds)
{
    if (m_startUs == 0)
        m_startUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (BedRun &bed : m_beds) {
        bed.out.clear();
        bed.physiology.advanceTo(seconds, bed.out);
        BedUpdate u;
        u.bedKey = bed.spec.key;
        u.bedLabel = bed.spec.label;
        u.sourceId = id();
        // A disconnected bed sends nothing at all: the station must notice the silence by itself.
        bool any = false;
        for (int w = 0; w < kWaveCount; ++w) {
            const auto &samples = bed.out.waves[w];
            const double rate = kWaves[w].defaultRate;
            for (const sim::WaveRun &run : bed.out.runs[w]) {
                if (run.count == 0)
                    continue;
                WaveBlock block;
                block.id = static_cast<WaveId>(w);
                block.sampleRate = rate;
                block.startTimeUs =
                    m_startUs + static_cast<qint64>(std::llround(run.firstSample * 1e6 / rate));
                block.samples.assign(samples.begin() + static_cast<std::ptrdiff_t>(run.offset),
                                     samples.begin() + static_cast<std::ptrdiff_t>(run.offset + run.count));
                // The archive stores integers: ECG in µV, pressures in 0.01 mmHg, pleth/resp in 1/10000.
                block.gain = (w <= static_cast<int>(WaveId::EcgV))                  ? 1000.0
                             : (block.id == WaveId::Abp || block.id == WaveId::Co2) ? 100.0
                                                                                    : 10000.0;
                u.waves.push_back(std::move(block));
                any = true;
            }
        }
        for (const auto &n : bed.out.numerics) {
            u.numerics.push_back(
                NumericSample{n.id, n.value, (m_startUs + static_cast<qint64>(n.timeS * 1e6)) / 1000});
            any = true;
        }
        if (!any)
            continue;
        if (!bed.patientSent) {
            u.patient = bed.spec.patient;
            bed.patientSent = true;
        }
        if (bed.out.leadOff != bed.leadOff) {
            bed.leadOff = bed.out.leadOff;
            u.conditions.push_back(
                {QStringLiteral("lead_off"), QStringLiteral("ECG LEADS OFF"), bed.leadOff});
        }
        if (bed.out.sensorOff != bed.sensorOff) {
            bed.sensorOff = bed.out.sensorOff;
            u.conditions.push_back(
                {QStringLiteral("sensor_off"), QStringLiteral("SpO2 SENSOR OFF"), bed.sensorOff});
        }
        sink()->deliver(std::move(u));
    }
    noteMessage(QDateTime::currentMSecsSinceEpoch());
}

} // namespace vigil
