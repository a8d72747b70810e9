// The station's alarm audio as the UI shows it (QML: `Station.audio`): what sounds, and the audio pause
// (IEC 60601-1-8 AUDIO PAUSED, time-limited) with its countdown. The audio player itself follows
// Station::audioChanged and the engine's AudioDecision; this is the on-screen side.
#pragma once

#include "Alarm.h"

#include <QObject>

#include <functional>

namespace vigil {

class AudioState : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool paused READ paused NOTIFY changed)
    Q_PROPERTY(int pauseRemaining READ pauseRemaining NOTIFY changed)         // whole seconds, rounded up
    Q_PROPERTY(vigil::alarms::Priority sounding READ sounding NOTIFY changed) // None: silent
public:
    struct State
    {
        bool paused = false;
        int pauseRemaining = 0;
        alarms::Priority sounding = alarms::Priority::None;
        bool operator==(const State &) const = default;
    };
    struct Actions
    {
        std::function<bool()> pause;
        std::function<void()> cancelPause;
    };

    explicit AudioState(Actions actions, QObject *parent = nullptr)
        : QObject(parent), m_actions(std::move(actions))
    {}

    const State &state() const { return m_state; }
    bool publish(const State &s)
    {
        if (s == m_state)
            return false;
        m_state = s;
        emit changed();
        return true;
    }

    bool paused() const { return m_state.paused; }
    int pauseRemaining() const { return m_state.pauseRemaining; }
    alarms::Priority sounding() const { return m_state.sounding; }

    // Audited with the station's user.
    Q_INVOKABLE bool pause() { return m_actions.pause && m_actions.pause(); }
    Q_INVOKABLE void cancelPause()
    {
        if (m_actions.cancelPause)
            m_actions.cancelPause();
    }
    // P key and the bar's button: pause, or cancel a running pause.
    Q_INVOKABLE void toggle() { paused() ? cancelPause() : void(pause()); }

signals:
    void changed();

private:
    Actions m_actions;
    State m_state;
};

} // namespace vigil
