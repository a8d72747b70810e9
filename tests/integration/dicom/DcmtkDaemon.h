// A DCMTK daemon (storescp, dcmqrscp) a test started on a loopback port; stopped (and only it) when
// destroyed.
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

namespace vigil::dicomtest {

class Daemon
{
public:
    Daemon(const QString &program, const QStringList &args, quint16 port) : m_port(port)
    {
        m_p.setProcessChannelMode(QProcess::MergedChannels);
        m_p.start(program, args);
    }
    ~Daemon() { stop(); }
    Daemon(const Daemon &) = delete;
    Daemon &operator=(const Daemon &) = delete;

    bool waitListening(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (m_p.state() == QProcess::NotRunning)
                return false;
            QTcpSocket s;
            s.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            if (s.waitForConnected(200)) {
                s.abort();
                return true;
            }
            QTest::qWait(50);
        }
        return false;
    }
    void stop()
    {
        if (m_p.state() != QProcess::NotRunning) {
            m_p.terminate();
            if (!m_p.waitForFinished(3000)) {
                m_p.kill();
                m_p.waitForFinished(3000);
            }
        }
    }
    QString output()
    {
        m_out += QString::fromLocal8Bit(m_p.readAll());
        return m_out;
    }

private:
    QProcess m_p;
    quint16 m_port;
    QString m_out;
};

} // namespace vigil::dicomtest
