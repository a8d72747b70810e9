// The station-wide alarm indicator as the UI shows it (QML: `Station.alarmBar`): the condition the alarm
// bar shows (the first unacknowledged one, highest priority, newest), the ward's highest priority and the
// counts. Station publishes it after every alarm evaluation; `changed` fires only when something did.
#pragma once

#include "Alarm.h"

#include <QObject>
#include <QString>

#include <functional>

namespace vigil {

class AlarmBarState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString topId READ topId NOTIFY changed)
    Q_PROPERTY(QString topText READ topText NOTIFY changed) // condition and values, one line
    Q_PROPERTY(QString topBed READ topBed NOTIFY changed)   // where: the bed, or the source
    Q_PROPERTY(QString topPatient READ topPatient NOTIFY changed)
    Q_PROPERTY(QString topCondition READ topCondition NOTIFY changed) // "SpO2 low"
    Q_PROPERTY(QString topValues READ topValues NOTIFY changed)       // "85 < 90, now 92"
    Q_PROPERTY(vigil::alarms::Priority topPriority READ topPriority NOTIFY changed)
    Q_PROPERTY(bool topAcknowledged READ topAcknowledged NOTIFY changed)
    Q_PROPERTY(vigil::alarms::Priority highestPriority READ highestPriority NOTIFY changed)
    Q_PROPERTY(int unacknowledgedCount READ unacknowledgedCount NOTIFY changed)
    Q_PROPERTY(int signallingCount READ signallingCount NOTIFY changed)
    Q_PROPERTY(int pausedBedCount READ pausedBedCount NOTIFY changed)
    Q_PROPERTY(bool escalated READ escalated NOTIFY changed) // some alarm reached an escalation tier
public:
    struct State
    {
        QString id, text, bed, patient, condition, values;
        alarms::Priority priority = alarms::Priority::None;
        bool acknowledged = false;
        alarms::Priority highest = alarms::Priority::None;
        int unacknowledged = 0;
        int signalling = 0;
        int pausedBeds = 0;
        bool escalated = false;
        bool operator==(const State &) const = default;
    };

    using Acknowledge = std::function<bool(const QString &alarmId)>;
    explicit AlarmBarState(Acknowledge acknowledge, QObject *parent = nullptr)
        : QObject(parent), m_acknowledge(std::move(acknowledge))
    {}

    const State &state() const { return m_state; }
    // Returns whether anything changed (and `changed` was emitted).
    bool publish(const State &s)
    {
        if (s == m_state)
            return false;
        m_state = s;
        emit changed();
        return true;
    }

    QString topId() const { return m_state.id; }
    QString topText() const { return m_state.text; }
    QString topBed() const { return m_state.bed; }
    QString topPatient() const { return m_state.patient; }
    QString topCondition() const { return m_state.condition; }
    QString topValues() const { return m_state.values; }
    alarms::Priority topPriority() const { return m_state.priority; }
    bool topAcknowledged() const { return m_state.acknowledged; }
    alarms::Priority highestPriority() const { return m_state.highest; }
    int unacknowledgedCount() const { return m_state.unacknowledged; }
    int signallingCount() const { return m_state.signalling; }
    int pausedBedCount() const { return m_state.pausedBeds; }
    bool escalated() const { return m_state.escalated; }

    // Acknowledges the condition the bar shows (audited with the station's user); the bar then moves to the
    // next unacknowledged one. False when there is none.
    Q_INVOKABLE bool acknowledgeTop()
    {
        return !m_state.id.isEmpty() && !m_state.acknowledged && m_acknowledge && m_acknowledge(m_state.id);
    }

signals:
    void changed();

private:
    Acknowledge m_acknowledge;
    State m_state;
};

} // namespace vigil
