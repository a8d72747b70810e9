// Turns what a data source delivers (BedUpdate) into the HL7 a bedside gateway sends: PCD-01 waveform and
// numerics messages, PCD-04 alarms from the bed's conditions and simple limit checks (as a monitor raises
// its own alarms), and the PCD-04 heartbeat. Used by vigil-gateway-sim, so the simulator and WFDB replay
// reach the station over the same real path as a vendor gateway.
#pragma once

#include "Ingest.h"
#include "Pcd.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace vigil {

class Hl7GatewayEncoder : public QObject, public IngestSink
{
    Q_OBJECT
public:
    struct Options
    {
        QString sendingApplication = QStringLiteral("VIGIL_GWSIM");
        QString unit = QStringLiteral("4B"); // PV1-3.1 for simulator beds
        int heartbeatMs = 2000;              // PCD-04 watchdog period
        int confirmTimeoutS = 5;             // MDC_ATTR_CONFIRM_TIMEOUT announced in the heartbeat
        bool alarms = true;
        int alarmRepeatS = 10; // active alarms are re-sent (phase continue) this often
        int waveBlockMs = 250; // waveform messages carry blocks of at least this length (gateways: 250-500)
    };
    using Emit = std::function<void(std::string controlId, std::string message)>;

    Hl7GatewayEncoder(Options options, Emit send, QObject *parent = nullptr);

    void deliver(BedUpdate &&update) override;
    void sourceStatusChanged(const SourceStatus &) override {}

    void startHeartbeat();
    quint64 messagesBuilt() const { return m_counter; }

    // Maps a simulator bed key ("SIM^07") to a PV1-3 location ("4B^^Bed 07"); other keys pass unchanged.
    QString locationFor(const QString &bedKey) const;

private:
    struct ActiveAlarm
    {
        hl7::AlarmReport report;
        qint64 lastSentMs = 0;
    };
    struct BedState
    {
        std::optional<PatientInfo> patient;
        std::array<std::optional<double>, kNumericCount> latest;
        QHash<QString, ActiveAlarm> alarms;  // by condition type
        std::vector<WaveBlock> pendingWaves; // merged consecutive blocks, one per channel
    };
    hl7::SendOptions nextOptions(qint64 timeMs);
    void evaluateAlarms(const QString &location, BedState &bed, const BedUpdate &u, qint64 nowMs);
    void setAlarm(const QString &location, BedState &bed, const QString &type, bool active,
                  hl7::AlarmReport tmpl, qint64 nowMs);
    void sendHeartbeat();

    Options m_options;
    Emit m_emit;
    QHash<QString, BedState> m_beds;
    quint64 m_counter = 0;
    QTimer m_heartbeat;
};

} // namespace vigil
