#include "ShutdownSignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil {

namespace {

// The write end, for the handler. sig_atomic_t: read in a signal handler without a data race.
volatile std::sig_atomic_t g_writeFd = -1;

extern "C" void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: if a flood of signals fills the buffer, the ones already queued suffice.
    [[maybe_unused]] const ssize_t n = ::write(g_writeFd, &byte, 1);
    errno = savedErrno;
}

} // namespace

ShutdownSignals::ShutdownSignals(const std::vector<int> &signalNumbers, QObject *parent) : QObject(parent)
{
    Q_ASSERT_X(g_writeFd < 0, "ShutdownSignals", "one instance at a time");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, m_fds) != 0) {
        qWarning("vigil: cannot create the signal socket pair (%s): SIGINT/SIGTERM end the process at once",
                 std::strerror(errno));
        m_fds[0] = m_fds[1] = -1;
        return;
    }
    g_writeFd = m_fds[1];
    m_notifier = new QSocketNotifier(m_fds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignals::readSignals);
    for (int sig : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        Previous previous{sig, {}};
        if (::sigaction(sig, &action, &previous.action) == 0)
            m_previous.push_back(previous);
    }
}

ShutdownSignals::~ShutdownSignals()
{
    for (const Previous &p : m_previous)
        ::sigaction(p.signalNumber, &p.action, nullptr);
    if (m_fds[0] < 0)
        return;
    g_writeFd = -1;
    delete m_notifier;
    ::close(m_fds[0]);
    ::close(m_fds[1]);
}

void ShutdownSignals::ignoreFileSizeLimitSignal()
{
    struct sigaction action = {};
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGXFSZ, &action, nullptr);
}

void ShutdownSignals::readSignals()
{
    unsigned char bytes[64];
    for (;;) {
        const ssize_t n = ::read(m_fds[0], bytes, sizeof bytes);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n; ++i)
            emit received(bytes[i]);
    }
    QCoreApplication::quit();
}

} // namespace vigil
