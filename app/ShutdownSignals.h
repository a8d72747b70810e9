// SIGINT and SIGTERM end the event loop cleanly (sources stop, the archive flushes, the state file gets
// its last write), for the window and for headless runs alike.
//
// A signal handler may call only async-signal-safe functions, so it does not touch Qt: it writes the
// signal's number to one end of a socket pair (the self-pipe trick). A QSocketNotifier on the other end
// wakes the event loop, which emits received() and quits the application on the thread that owns it.
#pragma once

#include <QObject>

#include <csignal>
#include <vector>

class QSocketNotifier;

namespace vigil {

class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    // Installs the handlers (one instance at a time); the previous ones come back on destruction.
    explicit ShutdownSignals(const std::vector<int> &signalNumbers = {SIGINT, SIGTERM},
                             QObject *parent = nullptr);
    ~ShutdownSignals() override;

    bool isActive() const { return m_notifier != nullptr; }

    // A file size limit must make the archive's writes fail (a technical alarm, monitoring continues), not
    // kill the station: without this, SIGXFSZ ends the process.
    static void ignoreFileSizeLimitSignal();

signals:
    void received(int signalNumber);

private:
    void readSignals();

    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    struct Previous
    {
        int signalNumber;
        struct sigaction action;
    };
    std::vector<Previous> m_previous;
};

} // namespace vigil
