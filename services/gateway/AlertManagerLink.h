// The station's link to the ward's alert manager / paging gateway (IHE PCD Alarm Communication
// Management). Escalations go out as PCD-04 ORU^R40 (event phase escalate / de-escalate / end) over one
// kept-open MLLP connection, TLS by default; the manager's ACKs and its PCD-05 dissemination status
// replies (delivered, read, accepted...) come back as signals. docs/ALERT_MANAGER.md has the messages.
//
// IEC 60601-1-8 wants a distributed alarm system to raise a technical alarm when communication fails, and
// IHE ACM wants no "notification black holes": so every request ends in delivered() or failed() within
// the reply timeout, whatever the link does (down, TLS refused, silent, NAK). Requests queue while the
// link is down (bounded) and are sent when it returns, until they expire.
//
// Runs on a worker thread like the gateway sources: construct, moveToThread, then call start() there.
// send() may be invoked from any thread through a queued connection or QMetaObject::invokeMethod;
// linkState() may be read from any thread.
#pragma once

#include "Hl7Message.h"
#include "Ingest.h"
#include "Mllp.h"
#include "MllpEndpoint.h"
#include "MllpLink.h"
#include "Pcd.h"
#include "Pcd05.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace vigil {

enum class AlertPhase : quint8 { Escalate, DeEscalate, End }; // PCD-04 facet .3 escalate / de-escalate / end

// What the alert manager needs to know about one alarm condition: enough to build the PCD-04 without the
// station's alarm types (the lead maps alarms::EscalationAction to this).
struct AlertRequest
{
    QString alarmId;  // OBR-3: the station's condition id, the same for escalate / de-escalate / end
    QString bedKey;   // PV1-3 "unit^room^bed"
    QString bedLabel; // put in front of the event text unless already in it: pagers show OBX-5 alone
    std::optional<PatientInfo> patient;
    quint32 eventCode = 0; // facet .1, e.g. 196648 MDC_EVT_HI; 0 and no REFID: 196616 MDC_EVT_ALARM
    QString eventRefId;
    QString eventText;      // what the nurse reads, e.g. "HR 145 > 120"
    quint32 sourceCode = 0; // facet .2, e.g. 147842 MDC_ECG_HEART_RATE
    QString sourceRefId;
    std::optional<double> value; // value of the source metric; without it facet .2 is MDC_ATTR_ALERT_SOURCE
    std::optional<double> limitLow, limitHigh;
    hl7::CodedValue unit; // of value; optional
    alarms::Priority priority = alarms::Priority::High;
    alarms::Kind kind = alarms::Kind::Physiological;
    AlertPhase phase = AlertPhase::Escalate;
    hl7::AlarmState state = hl7::AlarmState::Unknown; // Unknown: inactive for End, else active
    // e.g. AlarmInactivation::Acknowledged for a de-escalation by acknowledgement; Unknown: enabled
    hl7::AlarmInactivation inactivation = hl7::AlarmInactivation::Unknown;
    qint64 timeMs = 0; // when the condition started to signal (OBR-7, event OBX-14); 0: now
    int tier = 0;      // escalation tier reached; for logs only
};

struct AlertManagerOptions
{
    int replyTimeoutMs = 10000;  // no ACK by then: failed() (the request keeps going until it expires)
    int expireMs = 300000;       // a request not acknowledged by then is dropped: it is out of date
    std::size_t maxQueued = 256; // requests waiting or in flight; beyond it the oldest fails and is dropped
    QString sendingApplication = QStringLiteral("VIGIL");
    QString sendingFacility;
    QString receivingApplication; // MSH-5/MSH-6 as the manager expects them (often its own name)
    QString receivingFacility;
    // Where the manager may dial in to send its PCD-05 replies (some ACM products do not answer on the
    // connection the report came in on). nullopt: no listener.
    std::optional<GatewayLinkSettings> replyListener;
};

class AlertManagerLink : public QObject
{
    Q_OBJECT
public:
    using Status = AlertStatus;

    struct LinkState
    {
        bool up = false;    // connected (TLS handshake done) to the alert manager
        bool secure = true; // mllps://
        QString url;        // the manager's address
        QString lastError;  // why the link is or was last down; empty when it never failed
        qint64 sinceMs = 0; // wall-clock time of the last change of `up`
        int pending = 0;    // requests queued or waiting for an ACK
        quint64 sent = 0, delivered = 0, failed = 0, statuses = 0;
        int replyConnections = 0; // dial-in connections of the manager on the reply listener
    };

    AlertManagerLink(GatewayLinkSettings settings, AlertManagerOptions options = {},
                     QObject *parent = nullptr);
    AlertManagerLink(GatewayLinkSettings settings, int replyTimeoutMs, QObject *parent = nullptr);
    ~AlertManagerLink() override;

    LinkState linkState() const; // thread-safe
    quint16 replyPort() const;   // bound port of the reply listener (0: none); set once listening
    const AlertManagerOptions &options() const { return m_options; }

public slots:
    void start();
    void stop();
    void send(const vigil::AlertRequest &request);

signals:
    // The manager acknowledged (AA/CA) the request for alarmId (any phase).
    void delivered(const QString &alarmId);
    // A PCD-05 dissemination status for alarmId.
    void status(const QString &alarmId, vigil::AlertStatus status, const QString &text);
    // No ACK within the reply timeout, the manager unreachable or refused (TLS), or a NAK (AE/AR/CE/CR).
    // Reported once per request; a late ACK still gives delivered().
    void failed(const QString &alarmId, const QString &reason);
    void linkStateChanged(const vigil::AlertManagerLink::LinkState &state);
    void problem(const QString &text); // for the station log: unmatched or malformed replies
    void replyListening(quint16 port);

private:
    struct Item
    {
        std::string controlId;
        std::string message;
        QString alarmId;
        AlertPhase phase = AlertPhase::Escalate;
        qint64 failAtMs = 0; // monotonic ms (m_clock)
        qint64 expireAtMs = 0;
        qint64 writtenAtMs = -1; // on the current connection; -1 not yet
        int attempts = 0;        // connections that took it and never answered
        bool everWritten = false;
        bool failureReported = false;
    };

    qint64 now() const { return m_clock.elapsed(); }
    std::string nextControlId(char kind);
    std::string buildMessage(const AlertRequest &r, const std::string &controlId) const;
    void onConnected(QTcpSocket *socket);
    // unanswered: dropped because requests went unacknowledged (they count an attempt each).
    void onDisconnected(const QString &why, bool unanswered = false);
    QString closedReason() const;
    void scheduleReconnect(const QString &why);
    void pump();
    void onReadyRead(QTcpSocket *socket);
    void handleFrame(QTcpSocket *socket, std::string_view frame);
    void handleAck(const hl7::Message &ack);
    void handleReport(QTcpSocket *socket, const hl7::Message &m, const hl7::Error &parseError);
    void reportFailure(Item &item, const QString &reason);
    void failWaiting(const QString &reason); // requests waiting for a connection that will not come soon
    QString waitingReason(const Item &item) const;
    void checkDeadlines();
    void armDeadlineTimer();
    void remember(const QString &alarmId, const std::string &controlId);
    QString resolveAlarm(const Pcd05Status &s) const;
    void startListener();
    void adoptInbound(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity);
    void syncState(); // publishes m_state from the members, and emits linkStateChanged when it changed

    GatewayLinkSettings m_settings;
    AlertManagerOptions m_options;
    QString m_tlsConfigError; // configuration unusable: nothing will ever connect

    MllpDialer *m_dialer;           // the outbound connection while it is being made, with its retries
    QTcpSocket *m_socket = nullptr; // the outbound connection once up
    bool m_up = false;
    bool m_heardBack = false; // the manager sent something on this connection
    hl7::MllpFramer m_framer;
    QTimer *m_deadline;
    QElapsedTimer m_clock;
    QElapsedTimer m_connectedFor;
    bool m_running = false;
    QString m_lastError;

    std::deque<Item> m_queue;    // not yet written on the current connection, in order
    std::deque<Item> m_inFlight; // written, waiting for the ACK
    quint64 m_seq = 0;
    QString m_idPrefix;

    // PCD-05 replies name the alarm by OBR-3 or quote our MSH-10: both are remembered for a while.
    QHash<QString, qint64> m_knownAlarms; // alarm id -> last send (ms)
    QHash<QString, QString> m_controlToAlarm;
    QSet<QString> m_withdrawn; // escalations withdrawn before they were sent: their end is not sent either
    std::deque<QString> m_controlOrder;

    MllpListener *m_listener = nullptr; // reply listener
    struct Inbound
    {
        std::unique_ptr<hl7::MllpFramer> framer;
        std::shared_ptr<LinkActivity> activity;
    };
    std::map<QTcpSocket *, Inbound> m_inbound;

    quint64 m_sentCount = 0, m_deliveredCount = 0, m_failedCount = 0, m_statusCount = 0;

    mutable QMutex m_stateMutex; // guards m_state and m_replyPort, read from other threads
    LinkState m_state;
    quint16 m_replyPort = 0;
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::AlertRequest)
Q_DECLARE_METATYPE(vigil::AlertManagerLink::LinkState)
