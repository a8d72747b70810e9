// The embedded demo ward: N beds of synthetic physiology (services/simulator) delivered through the same
// IngestSink path as a real gateway. Deterministic per seed; scenarios script events over time.
#pragma once

#include "GatewaySource.h"
#include "Physiology.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTimer>

#include <optional>
#include <vector>

namespace vigil {

struct SimulatedBedSpec
{
    QString key;
    QString label;
    PatientInfo patient;
    sim::PhysiologyParams params;
    std::vector<sim::ScenarioStep> script;
    std::uint64_t seed = 1;
};

class SimulatedWardSource : public GatewaySource
{
    Q_OBJECT
public:
    // Builds a ward of `beds` beds. scenarios: "BED:step" strings (BED is 1-based), see
    // sim::parseScenarioStep. Returns nullopt with a message naming the bad entry.
    static std::optional<std::vector<SimulatedBedSpec>>
    makeWard(int beds, std::uint64_t seed, double nibpCycleS, const QStringList &scenarios, QString *error);

    SimulatedWardSource(QString id, QString name, std::vector<SimulatedBedSpec> beds, IngestSink *sink,
                        QObject *parent = nullptr);
    ~SimulatedWardSource() override;

    // Deliver interval (ms). Bedside gateways batch 250-500 ms; the simulator is smoother by default.
    void setTickMs(int ms) { m_tickMs = ms; }

public slots:
    void start() override;
    void stop() override;
    // Advances the simulation to `seconds` after start and delivers; used by the timer and by tests.
    void advanceTo(double seconds);

private:
    struct BedRun
    {
        SimulatedBedSpec spec;
        sim::BedPhysiology physiology;
        sim::PhysiologyOutput out;
        bool leadOff = false;
        bool sensorOff = false;
        bool patientSent = false;
    };
    std::vector<BedRun> m_beds;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_elapsed;
    qint64 m_startUs = 0; // wall clock of simulation time 0
    int m_tickMs = 40;
};

} // namespace vigil
